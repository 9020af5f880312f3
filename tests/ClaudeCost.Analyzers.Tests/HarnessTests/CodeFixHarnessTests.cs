using System.Threading.Tasks;
using ClaudeCost.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.CodeFixes;
using Xunit;
using static ClaudeCost.Analyzers.Tests.Verifiers.DiagnosticResult;

namespace ClaudeCost.Analyzers.Tests.HarnessTests;

public class CodeFixHarnessTests
{
    private const string Before = """
        class C
        {
            void Bad() { }
            void Good() { }
            void Fine() { }
            void M()
            {
                [|Bad|]();
                [|Bad|]();
            }
        }
        """;

    private const string AfterGood = """
        class C
        {
            void Bad() { }
            void Good() { }
            void Fine() { }
            void M()
            {
                Good();
                Good();
            }
        }
        """;

    [Fact]
    public Task FixAppliesIterativelyAndInEveryFixAllScope()
        => CSharpCodeFixVerifier<BadNameAnalyzer, GoodFix>.VerifyCodeFixAsync(Before, AfterGood);

    [Fact]
    public Task ExpectedTitleAndExactIterations()
        => new CodeFixTest<BadNameAnalyzer, GoodFix>
        {
            TestCode = Before,
            FixedCode = AfterGood,
            ExpectedCodeActionTitle = "Use 'Good'",
            NumberOfIncrementalIterations = 2,
            NumberOfFixAllIterations = 1,
            FixAllScopes = new() { FixAllScope.Project },
        }.RunAsync();

    [Fact]
    public async Task WrongExpectedTitleFails()
    {
        var ex = await Assert.ThrowsAsync<VerificationException>(() => new CodeFixTest<BadNameAnalyzer, GoodFix>
        {
            TestCode = Before,
            FixedCode = AfterGood,
            ExpectedCodeActionTitle = "Rename",
        }.RunAsync());
        Assert.Contains("expected \"Rename\"", ex.Message);
    }

    [Fact]
    public async Task WrongIterationCountFails()
    {
        var ex = await Assert.ThrowsAsync<VerificationException>(() => new CodeFixTest<BadNameAnalyzer, GoodFix>
        {
            TestCode = Before,
            FixedCode = AfterGood,
            NumberOfIncrementalIterations = 3,
        }.RunAsync());
        Assert.Contains("Expected 3 code fix iteration(s)", ex.Message);
    }

    [Fact]
    public async Task FixedCodeMismatchShowsADiff()
    {
        var ex = await Assert.ThrowsAsync<VerificationException>(() =>
            CSharpCodeFixVerifier<BadNameAnalyzer, GoodFix>.VerifyCodeFixAsync(Before, AfterGood.Replace("Good();\n        Good();", "Good();\n        Fine();")));
        Assert.Contains("--- expected", ex.Message);
        Assert.Contains("-         Fine();", ex.Message);
        Assert.Contains("+         Good();", ex.Message);
    }

    [Fact]
    public async Task FixerProducingNonCompilingCodeFails()
    {
        var ex = await Assert.ThrowsAsync<VerificationException>(() =>
            CSharpCodeFixVerifier<BadNameAnalyzer, BrokenFix>.VerifyCodeFixAsync(Before, AfterGood.Replace("Good();", "Missing();")));
        Assert.Contains("introduced compiler error", ex.Message);
        Assert.Contains("CS0103", ex.Message);
        Assert.Contains("Missing();", ex.Message);
    }

    [Fact]
    public async Task TwoUnkeyedActionsFail()
    {
        var ex = await Assert.ThrowsAsync<VerificationException>(() =>
            CSharpCodeFixVerifier<BadNameAnalyzer, TwoUnkeyedFix>.VerifyCodeFixAsync(Before, AfterGood));
        Assert.Contains("2 code actions are offered", ex.Message);
        Assert.Contains("[0] title \"Use 'Good'\", equivalence key null", ex.Message);
        Assert.Contains("[1] title \"Use 'Fine'\", equivalence key null", ex.Message);
    }

    [Fact]
    public Task ActionIndexSelects()
        => new CodeFixTest<BadNameAnalyzer, TwoUnkeyedFix>
        {
            TestCode = Before,
            FixedCode = AfterGood.Replace("Good();", "Fine();"),
            CodeActionIndex = 1,
            SkipFixAllCheck = true,
        }.RunAsync();

    [Fact]
    public async Task FixAllNeedsEquivalenceKeys()
    {
        var ex = await Assert.ThrowsAsync<VerificationException>(() => new CodeFixTest<BadNameAnalyzer, TwoUnkeyedFix>
        {
            TestCode = Before,
            FixedCode = AfterGood.Replace("Good();", "Fine();"),
            CodeActionIndex = 1,
        }.RunAsync());
        Assert.Contains("has no equivalence key", ex.Message);
    }

    [Fact]
    public Task EquivalenceKeySelectsANestedAction()
        => new CodeFixTest<BadNameAnalyzer, TwoKeyedFix>
        {
            TestCode = Before,
            FixedCode = AfterGood.Replace("Good();", "Fine();"),
            CodeActionEquivalenceKey = "UseFine",
        }.RunAsync();

    [Fact]
    public async Task IndexAndKeyMustAgree()
    {
        var ex = await Assert.ThrowsAsync<VerificationException>(() => new CodeFixTest<BadNameAnalyzer, TwoKeyedFix>
        {
            TestCode = Before,
            FixedCode = AfterGood,
            CodeActionIndex = 0,
            CodeActionEquivalenceKey = "UseFine",
        }.RunAsync());
        Assert.Contains("disagree", ex.Message);
    }

    [Fact]
    public async Task ActionThatChangesNothingFails()
    {
        var ex = await Assert.ThrowsAsync<VerificationException>(() =>
            CSharpCodeFixVerifier<BadNameAnalyzer, NoOpFix>.VerifyCodeFixAsync(Before, AfterGood));
        Assert.Contains("made no change", ex.Message);
    }

    [Fact]
    public async Task PingPongFails()
    {
        var ex = await Assert.ThrowsAsync<VerificationException>(() => new CodeFixTest<FlipFlopAnalyzer, FlipFlopFix>
        {
            TestCode = """
                class C
                {
                    void Bad() { }
                    void Good() { }
                    void M() { [|Bad|](); }
                }
                """,
            FixedCode = "",
            NumberOfIncrementalIterations = 5,
        }.RunAsync());
        Assert.Contains("ping-pong", ex.Message);
    }

    [Fact]
    public async Task DefaultIterationBudgetIsEnforced()
    {
        var ex = await Assert.ThrowsAsync<VerificationException>(() => new CodeFixTest<FlipFlopAnalyzer, FlipFlopFix>
        {
            TestCode = """
                class C
                {
                    void Bad() { }
                    void Good() { }
                    void M() { [|Bad|](); }
                }
                """,
            FixedCode = "",
        }.RunAsync());
        Assert.Contains("needed more than 1 iteration", ex.Message);
    }

    [Fact]
    public Task NoFixOffered()
        => CSharpCodeFixVerifier<BadNameAnalyzer, DecliningFix>.VerifyNoCodeFixAsync(Before);

    [Fact]
    public async Task NoFixOfferedFailsWhenAFixIsOffered()
    {
        var ex = await Assert.ThrowsAsync<VerificationException>(() =>
            CSharpCodeFixVerifier<BadNameAnalyzer, GoodFix>.VerifyNoCodeFixAsync(Before));
        Assert.Contains("no code fix is offered", ex.Message);
        Assert.Contains("Use 'Good'", ex.Message);
    }

    [Fact]
    public Task FixAllAcrossTwoDocumentsInEveryScope()
        => new CodeFixTest<BadNameAnalyzer, GoodFix>
        {
            Sources =
            {
                """
                partial class C
                {
                    void Bad() { }
                    void Good() { }
                    void M() { [|Bad|](); }
                }
                """,
                """
                partial class C
                {
                    void N() { [|Bad|](); [|Bad|](); }
                }
                """,
            },
            FixedSources =
            {
                """
                partial class C
                {
                    void Bad() { }
                    void Good() { }
                    void M() { Good(); }
                }
                """,
                """
                partial class C
                {
                    void N() { Good(); Good(); }
                }
                """,
            },
            FixAllScopes = new() { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution },
        }.RunAsync();

    [Fact]
    public async Task FixAllBatchResultIsCompared()
    {
        var ex = await Assert.ThrowsAsync<VerificationException>(() => new CodeFixTest<BadNameAnalyzer, GoodFix>
        {
            TestCode = Before,
            FixedCode = AfterGood,
            BatchFixedCode = AfterGood.Replace("Good();\n        Good();", "Good();\n        Bad();"),
        }.RunAsync());
        Assert.Contains("FixAll in scope Document", ex.Message);
        Assert.Contains("BatchFixedCode", ex.Message);
    }

    [Fact]
    public async Task DocumentScopeIterationsAreCountedPerDocument()
    {
        var ex = await Assert.ThrowsAsync<VerificationException>(() => new CodeFixTest<BadNameAnalyzer, GoodFix>
        {
            Sources =
            {
                "partial class C { void Bad() { } void Good() { } void M() { [|Bad|](); } }",
                "partial class C { void N() { [|Bad|](); } }",
            },
            FixedSources =
            {
                "partial class C { void Bad() { } void Good() { } void M() { Good(); } }",
                "partial class C { void N() { Good(); } }",
            },
            FixAllScopes = new() { FixAllScope.Document },
            NumberOfFixAllIterations = 1,
        }.RunAsync());
        Assert.Contains("FixAll in scope Document needed more than 1 iteration", ex.Message);
    }

    [Fact]
    public Task FixedCodeMarkupForOtherIdsIsHonoured()
        => new CodeFixTest<BadNameAnalyzer, GoodFix>
        {
            Analyzers = { new LegacyAnalyzer() },
            TestCode = """
                class C
                {
                    void Bad() { }
                    void Good() { }
                    void Legacy() { }
                    void M() { {|TEST0002:Bad|}(); {|TEST0006:Legacy|}(); }
                }
                """,
            FixedCode = """
                class C
                {
                    void Bad() { }
                    void Good() { }
                    void Legacy() { }
                    void M() { Good(); {|TEST0006:Legacy|}(); }
                }
                """,
        }.RunAsync();

    [Fact]
    public async Task RemainingNonFixableDiagnosticMustBeInFixedMarkup()
    {
        var ex = await Assert.ThrowsAsync<VerificationException>(() => new CodeFixTest<BadNameAnalyzer, GoodFix>
        {
            Analyzers = { new LegacyAnalyzer() },
            TestCode = "class C { void Bad() { } void Good() { } void Legacy() { } void M() { {|TEST0002:Bad|}(); {|TEST0006:Legacy|}(); } }",
            FixedCode = "class C { void Bad() { } void Good() { } void Legacy() { } void M() { Good(); Legacy(); } }",
        }.RunAsync());
        Assert.Contains("fixed code", ex.Message);
        Assert.Contains("TEST0006", ex.Message);
    }

    [Fact]
    public Task FacadeExpectedDiagnostics()
        => CSharpCodeFixVerifier<BadNameAnalyzer, GoodFix>.VerifyCodeFixAsync(
            Before.Replace("[|Bad|]", "Bad"),
            AfterGood,
            Diagnostic("TEST0002").WithSpan(8, 9, 8, 12),
            Diagnostic("TEST0002").WithSpan(9, 9, 9, 12).WithArguments("Bad"));
}
