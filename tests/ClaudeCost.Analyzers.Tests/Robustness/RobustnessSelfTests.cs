using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace ClaudeCost.Analyzers.Tests.Robustness;

/// <summary>The robustness runner catches and attributes every kind of failure (with saboteurs, not the real rules).</summary>
[Trait("Category", "Robustness")]
public class RobustnessSelfTests
{
    private static readonly RobustnessComponents s_saboteurs = RobustnessComponents.Create(
        ImmutableArray.Create<DiagnosticAnalyzer>(new SaboteurAnalyzer()),
        ImmutableArray.Create<CodeFixProvider>(new SaboteurCodeFix()));

    private static Task<InputOutcome> Run(string literal, bool smallStack = false)
        => RobustnessRunner.RunAsync(
            new RobustInput("self-test", literal, $"class C {{ string M() => \"{literal}\"; }}") { SmallStack = smallStack },
            s_saboteurs,
            default);

    [Fact]
    public async Task CleanInputHasNoFailureAndIsFixed()
    {
        var outcome = await Run("claude ok");
        Assert.Empty(outcome.Failures);
        Assert.Equal(1, outcome.FixableDiagnostics);
        Assert.Equal(1, outcome.CodeActions);
        Assert.Equal(1, outcome.FixAllRuns);
    }

    [Fact]
    public async Task AnalyzerExceptionIsAFailure()
    {
        var failure = Assert.Single((await Run("claude analyzer-boom")).Failures);
        Assert.Equal("analysis", failure.Stage);
        Assert.Equal(typeof(SaboteurAnalyzer).FullName, failure.Component);
        Assert.Contains("saboteur analyzer exception", failure.Exception, StringComparison.Ordinal);
        Assert.Contains(nameof(SaboteurAnalyzer), failure.Exception, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FixRegistrationExceptionIsAFailure()
    {
        var failure = Assert.Single((await Run("claude register-boom")).Failures);
        Assert.Equal("RegisterCodeFixesAsync", failure.Stage);
        Assert.Equal(typeof(SaboteurCodeFix).FullName, failure.Component);
        Assert.Contains("Test0.cs(1,25)", failure.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CodeActionExceptionIsAFailure()
    {
        var failure = Assert.Single((await Run("claude apply-boom")).Failures);
        Assert.Contains("GetOperationsAsync", failure.Stage, StringComparison.Ordinal);
        Assert.Contains("saboteur action exception", failure.Exception, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FixAllExceptionIsAFailure()
    {
        var failure = Assert.Single((await Run("claude fixall-boom")).Failures);
        Assert.StartsWith("FixAll", failure.Stage, StringComparison.Ordinal);
        Assert.Contains("saboteur FixAll exception", failure.Exception, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SmallStackReplayCatchesAnalyzerExceptionsToo()
    {
        var outcome = await Run("claude analyzer-boom", smallStack: true);
        Assert.True(outcome.Replayed);
        Assert.Contains(outcome.Failures, f => f.Stage.StartsWith("small-stack replay", StringComparison.Ordinal) && f.Exception.Contains("saboteur analyzer exception", StringComparison.Ordinal));
        Assert.Contains(outcome.Failures, f => f.Stage == "analysis");
    }

    [Fact]
    public async Task OurOwnRecursionRunningOutOfStackIsAFailureNotARoslynGuardTrip()
    {
        var outcome = await Run("claude analyzer-recurse", smallStack: true);
        Assert.Contains(outcome.Failures, f => f.Stage.StartsWith("small-stack replay", StringComparison.Ordinal) && f.Exception.StartsWith(typeof(InsufficientExecutionStackException).FullName!, StringComparison.Ordinal));
        Assert.Empty(outcome.RoslynStackGuardTrips);
    }

    [Fact]
    public void RoslynsOwnStackGuardIsRecognized()
    {
        var roslyn = DeepRewrite();
        Assert.True(RobustnessRunner.IsRoslynStackGuard(roslyn), roslyn.ToString());
        Assert.False(RobustnessRunner.IsRoslynStackGuard(Capture(() => throw new InsufficientExecutionStackException())));
        Assert.False(RobustnessRunner.IsRoslynStackGuard(new InvalidOperationException()));
    }

    /// <summary>Roslyn's syntax rewriter over a very deep tree on a small stack: its stack guard throws.</summary>
    private static Exception DeepRewrite()
    {
        var expression = Microsoft.CodeAnalysis.CSharp.SyntaxFactory.ParseExpression(string.Concat(Enumerable.Repeat("new { a = ", 3000)) + "1" + string.Concat(Enumerable.Repeat(" }", 3000)));
        Exception? caught = null;
        var thread = new System.Threading.Thread(
            () =>
            {
                try
                {
                    new IdentityRewriter().Visit(expression);
                }
                catch (Exception ex)
                {
                    caught = ex;
                }
            },
            RobustnessRunner.SmallStackSize);
        thread.Start();
        thread.Join();
        return caught ?? throw new InvalidOperationException("Roslyn's rewriter did not run out of stack.");
    }

    private sealed class IdentityRewriter : Microsoft.CodeAnalysis.CSharp.CSharpSyntaxRewriter
    {
    }

    private static Exception Capture(Func<int> action)
    {
        try
        {
            action();
        }
        catch (Exception ex)
        {
            return ex;
        }

        throw new InvalidOperationException("Expected an exception.");
    }
}
