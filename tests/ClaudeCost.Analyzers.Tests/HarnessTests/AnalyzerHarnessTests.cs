using System;
using System.Threading.Tasks;
using ClaudeCost.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Xunit;
using static ClaudeCost.Analyzers.Tests.Verifiers.DiagnosticResult;

namespace ClaudeCost.Analyzers.Tests.HarnessTests;

public class AnalyzerHarnessTests
{
    private const string BadCall = """
        class C
        {
            void Bad() { }
            void Good() { }
            void M()
            {
                [|Bad|]();
            }
        }
        """;

    [Fact]
    public Task MarkupDiagnosticPasses()
        => CSharpAnalyzerVerifier<BadNameAnalyzer>.VerifyAnalyzerAsync(BadCall);

    [Fact]
    public Task ExplicitSpanMessageArgumentsAndSeverityPass()
        => CSharpAnalyzerVerifier<BadNameAnalyzer>.VerifyAnalyzerAsync(
            BadCall.Replace("[|Bad|]", "Bad"),
            Diagnostic("TEST0002").WithSpan("Test0.cs", 7, 9, 7, 12).WithSeverity(DiagnosticSeverity.Warning)
                .WithMessage("Avoid calling 'Bad'").WithArguments("Bad").WithMessageContains("'Bad'"));

    [Fact]
    public Task IndexedLocationWithArguments()
        => CSharpAnalyzerVerifier<BadNameAnalyzer>.VerifyAnalyzerAsync(
            BadCall.Replace("[|Bad|]", "{|#0:Bad|}"),
            CSharpAnalyzerVerifier<BadNameAnalyzer>.Diagnostic().WithLocation(0).WithArguments("Bad"));

    [Fact]
    public Task StartOnlyLocation()
        => CSharpAnalyzerVerifier<BadNameAnalyzer>.VerifyAnalyzerAsync(
            BadCall.Replace("[|Bad|]", "Bad"),
            Diagnostic("TEST0002").WithLocation(7, 9));

    [Fact]
    public async Task ThrowingAnalyzerFailsAZeroDiagnosticTest()
    {
        var ex = await Assert.ThrowsAsync<VerificationException>(() =>
            CSharpAnalyzerVerifier<ThrowingAnalyzer>.VerifyAnalyzerAsync("class C { }"));
        Assert.Contains(typeof(ThrowingAnalyzer).FullName!, ex.Message);
        Assert.Contains("InvalidOperationException", ex.Message);
        Assert.Contains("boom from the toy analyzer", ex.Message);
        Assert.Contains("   at ", ex.Message); // stack trace
    }

    [Fact]
    public async Task WrongSpanFailsWithFormattedOutput()
    {
        var ex = await Assert.ThrowsAsync<VerificationException>(() =>
            CSharpAnalyzerVerifier<BadNameAnalyzer>.VerifyAnalyzerAsync(
                BadCall.Replace("[|Bad|]", "Bad"),
                Diagnostic("TEST0002").WithSpan(7, 9, 7, 14)));
        Assert.Contains("Mismatched", ex.Message);
        Assert.Contains("location: expected Test0.cs(7,9)-(7,14), actual Test0.cs(7,9)-(7,12)", ex.Message);
        Assert.Contains("Diagnostic(\"TEST0002\").WithSpan(\"Test0.cs\", 7, 9, 7, 12).WithMessage(\"Avoid calling 'Bad'\")", ex.Message);
        Assert.Contains("  7 |         Bad();", ex.Message);
        Assert.Contains("|         ^^^ TEST0002: Avoid calling 'Bad'", ex.Message);
    }

    [Fact]
    public async Task WrongIdFails()
    {
        var ex = await Assert.ThrowsAsync<VerificationException>(() =>
            CSharpAnalyzerVerifier<BadNameAnalyzer>.VerifyAnalyzerAsync(BadCall.Replace("[|Bad|]", "{|TEST9999:Bad|}")));
        Assert.Contains("ID: expected TEST9999, actual TEST0002", ex.Message);
    }

    [Fact]
    public async Task WrongMessageFails()
    {
        var ex = await Assert.ThrowsAsync<VerificationException>(() =>
            CSharpAnalyzerVerifier<BadNameAnalyzer>.VerifyAnalyzerAsync(
                BadCall.Replace("[|Bad|]", "{|#0:Bad|}"),
                Diagnostic("TEST0002").WithLocation(0).WithMessage("Avoid calling 'Good'")));
        Assert.Contains("message: expected \"Avoid calling 'Good'\", actual \"Avoid calling 'Bad'\"", ex.Message);
    }

    [Fact]
    public async Task WrongArgumentsAndFragmentFail()
    {
        var ex = await Assert.ThrowsAsync<VerificationException>(() =>
            CSharpAnalyzerVerifier<BadNameAnalyzer>.VerifyAnalyzerAsync(
                BadCall.Replace("[|Bad|]", "{|#0:Bad|}"),
                Diagnostic("TEST0002").WithLocation(0).WithArguments("Worse").WithMessageContains("$")));
        Assert.Contains("message arguments", ex.Message);
        Assert.Contains("expected to contain \"$\"", ex.Message);
    }

    [Fact]
    public async Task WrongSeverityFails()
    {
        var ex = await Assert.ThrowsAsync<VerificationException>(() =>
            CSharpAnalyzerVerifier<BadNameAnalyzer>.VerifyAnalyzerAsync(
                BadCall.Replace("[|Bad|]", "{|#0:Bad|}"),
                Diagnostic("TEST0002").WithLocation(0).WithSeverity(DiagnosticSeverity.Error)));
        Assert.Contains("severity: expected Error, actual Warning", ex.Message);
    }

    [Fact]
    public async Task MissingAndUnexpectedAreReportedSeparately()
    {
        const string Code = """
            class C
            {
                void Bad() { }
                void M() { [|Bad|](); }
                void N() { Bad(); }
                void O() { }
            }
            """;
        var ex = await Assert.ThrowsAsync<VerificationException>(() =>
            CSharpAnalyzerVerifier<BadNameAnalyzer>.VerifyAnalyzerAsync(Code, Diagnostic("TEST0005").WithSpan(6, 5, 6, 9)));
        Assert.Contains("Missing (expected, not reported):", ex.Message);
        Assert.Contains("Diagnostic(\"TEST0005\").WithSpan(\"Test0.cs\", 6, 5, 6, 9)", ex.Message);
        Assert.Contains("Unexpected (reported, not expected):", ex.Message);
        Assert.Contains("WithSpan(\"Test0.cs\", 5, 16, 5, 19)", ex.Message);
        Assert.DoesNotContain("Mismatched", ex.Message); // the markup diagnostic on line 4 still pairs exactly
    }

    [Fact]
    public async Task DefaultMarkupNeedsASingleDescriptor()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() =>
            CSharpAnalyzerVerifier<TwoDescriptorAnalyzer>.VerifyAnalyzerAsync(BadCall));
        Assert.Contains("{|ID:…|}", ex.Message);
    }

    [Fact]
    public Task IdMarkupWithSeveralDescriptors()
        => CSharpAnalyzerVerifier<TwoDescriptorAnalyzer>.VerifyAnalyzerAsync("""
            class C
            {
                void Bad() { }
                void Legacy() { }
                void M() { {|TEST0002:Bad|}(); {|TEST0006:Legacy|}(); }
            }
            """);

    [Fact]
    public Task TwoAnalyzersRunTogether()
        => new AnalyzerTest<BadNameAnalyzer, LegacyAnalyzer>
        {
            TestCode = """
                class C
                {
                    void Bad() { }
                    void Legacy() { }
                    void M() { {|TEST0002:Bad|}(); {|TEST0006:Legacy|}(); }
                }
                """,
        }.RunAsync();

    [Fact]
    public async Task TestCodeMustCompile()
    {
        var ex = await Assert.ThrowsAsync<VerificationException>(() =>
            CSharpAnalyzerVerifier<BadNameAnalyzer>.VerifyAnalyzerAsync("class C { void M() { int x = 1 } }"));
        Assert.Contains("CS1002", ex.Message);
    }

    [Fact]
    public Task ExpectedCompilerErrorViaMarkup()
        => CSharpAnalyzerVerifier<BadNameAnalyzer>.VerifyAnalyzerAsync("class C { void M() { int x = 1 {|CS1002:}|} }");

    [Fact]
    public Task CompilerWarningsAreIgnored()
        => CSharpAnalyzerVerifier<BadNameAnalyzer>.VerifyAnalyzerAsync("class C { void M() { int unused; } }");

    [Fact]
    public Task DisabledByDefaultDescriptorsAreEnabled()
        => CSharpAnalyzerVerifier<DisabledByDefaultAnalyzer>.VerifyAnalyzerAsync(BadCall);

    [Fact]
    public Task DisabledDiagnosticsAreSwitchedOff()
        => new AnalyzerTest<BadNameAnalyzer>
        {
            TestCode = BadCall.Replace("[|Bad|]", "Bad"),
            DisabledDiagnostics = { "TEST0002" },
        }.RunAsync();

    [Fact]
    public Task NoLocationDiagnostic()
        => CSharpAnalyzerVerifier<NoLocationAnalyzer>.VerifyAnalyzerAsync(
            "class C { }",
            Diagnostic("TEST0005").WithNoLocation().WithArguments(1).WithSeverity(DiagnosticSeverity.Info));

    [Fact]
    public Task MultipleSourcesWithNames()
        => new AnalyzerTest<BadNameAnalyzer>
        {
            Sources =
            {
                "class A { public static void Bad() { } }",
                ("Other.cs", "class B { void M() { A.[|Bad|](); } }"),
            },
            ExpectedDiagnostics = { },
        }.RunAsync();

    [Fact]
    public async Task SecondFileLocationsUseTheFileName()
    {
        var ex = await Assert.ThrowsAsync<VerificationException>(() => new AnalyzerTest<BadNameAnalyzer>
        {
            Sources =
            {
                "class A { public static void Bad() { } }",
                "class B { void M() { A.Bad(); } }",
            },
        }.RunAsync());
        Assert.Contains("Diagnostic(\"TEST0002\").WithSpan(\"Test1.cs\", 1, 24, 1, 27)", ex.Message);
    }

    [Fact]
    public Task EditorConfigOptionReachesTheAnalyzer()
        => new AnalyzerTest<OptionAnalyzer>
        {
            TestCode = "class {|#0:C|} { }",
            EditorConfig = """
                root = true

                [*.cs]
                claudecost_test.option = hello
                """,
            ExpectedDiagnostics = { Diagnostic("TEST0003").WithLocation(0).WithArguments("hello") },
        }.RunAsync();

    [Fact]
    public Task EditorConfigSectionsAreMatchedByPath()
        => new AnalyzerTest<OptionAnalyzer>
        {
            Sources = { "class {|#0:C|} { }", ("Other.cs", "class D { }") },
            EditorConfig = """
                [Test0.cs]
                claudecost_test.option = only-here
                """,
            ExpectedDiagnostics = { Diagnostic("TEST0003").WithLocation(0).WithArguments("only-here") },
        }.RunAsync();

    [Fact]
    public Task EditorConfigSeverityIsApplied()
        => new AnalyzerTest<BadNameAnalyzer>
        {
            TestCode = BadCall.Replace("[|Bad|]", "{|#0:Bad|}"),
            EditorConfig = """
                [*.cs]
                dotnet_diagnostic.TEST0002.severity = error
                """,
            ExpectedDiagnostics = { Diagnostic("TEST0002").WithLocation(0).WithSeverity(DiagnosticSeverity.Error) },
        }.RunAsync();

    [Fact]
    public Task GlobalConfigSeverityIsApplied()
        => new AnalyzerTest<BadNameAnalyzer>
        {
            TestCode = BadCall.Replace("[|Bad|]", "Bad"),
            GlobalConfig = "dotnet_diagnostic.TEST0002.severity = none",
        }.RunAsync();

    [Fact]
    public Task AdditionalFileReachesTheAnalyzerAndLocatesADiagnostic()
        => new AnalyzerTest<ModelsFileAnalyzer>
        {
            TestCode = "class C { }",
            AdditionalFiles =
            {
                ("claudecost.models.json", """
                    {
                      "models": [
                        { "id": "claude-3-opus", "status": "deprecated" },
                        { "id": "claude-sonnet-4-6", "status": "active" }
                      ]
                    }
                    """),
            },
            ExpectedDiagnostics =
            {
                Diagnostic("TEST0004").WithLocation("claudecost.models.json", 3, 40).WithArguments("claude-3-opus", 6),
            },
        }.RunAsync();

    [Fact]
    public async Task AdditionalFileDiagnosticMismatchShowsTheFile()
    {
        var ex = await Assert.ThrowsAsync<VerificationException>(() => new AnalyzerTest<ModelsFileAnalyzer>
        {
            TestCode = "class C { }",
            AdditionalFiles = { ("claudecost.models.json", "{ \"id\": \"old\", \"status\": \"deprecated\" }") },
        }.RunAsync());
        Assert.Contains("Diagnostic(\"TEST0004\").WithSpan(\"claudecost.models.json\", 1, 26, 1, 38)", ex.Message);
        Assert.Contains("claudecost.models.json:", ex.Message);
    }

    [Fact]
    public async Task GeneratedCodeCheckCatchesAnalyzersThatReportInGeneratedCode()
    {
        var ex = await Assert.ThrowsAsync<VerificationException>(() =>
            CSharpAnalyzerVerifier<AnalyzesGeneratedCodeAnalyzer>.VerifyAnalyzerAsync(BadCall));
        Assert.Contains("generated code", ex.Message);
    }

    [Fact]
    public Task GeneratedCodeCheckCanBeSkipped()
        => new AnalyzerTest<AnalyzesGeneratedCodeAnalyzer> { TestCode = BadCall, SkipGeneratedCodeCheck = true }.RunAsync();

    [Fact]
    public async Task ErroneousCodeCheckCatchesFragileAnalyzers()
    {
        var ex = await Assert.ThrowsAsync<VerificationException>(() =>
            CSharpAnalyzerVerifier<FragileAnalyzer>.VerifyAnalyzerAsync("class C { void M() { System.Console.WriteLine(1); } }"));
        Assert.Contains("erroneous-code check", ex.Message);
        Assert.Contains("fragile analyzer saw incomplete code", ex.Message);
    }

    [Fact]
    public Task ErroneousCodeCheckCanBeSkipped()
        => new AnalyzerTest<FragileAnalyzer>
        {
            TestCode = "class C { void M() { System.Console.WriteLine(1); } }",
            SkipErroneousCodeCheck = true,
        }.RunAsync();

    [Fact]
    public Task TopLevelStatementsWithImplicitUsings()
        => new AnalyzerTest<BadNameAnalyzer>
        {
            TestCode = """
                var list = new List<int> { 1 };
                await Task.Delay(1);
                [|Bad|]();
                static void Bad() { }
                """,
            OutputKind = OutputKind.ConsoleApplication,
            ImplicitUsings = true,
        }.RunAsync();

    [Fact]
    public async Task MissingMarkupIndexIsReported()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() =>
            CSharpAnalyzerVerifier<BadNameAnalyzer>.VerifyAnalyzerAsync(BadCall, Diagnostic("TEST0002").WithLocation(3)));
        Assert.Contains("#3", ex.Message);
    }
}
