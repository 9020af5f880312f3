using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClaudeCost.Analyzers.Tests.Verifiers;

/// <summary>Static shortcuts for analyzer tests of <typeparamref name="TAnalyzer"/>.</summary>
public static class CSharpAnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>An expectation for the analyzer's single descriptor.</summary>
    public static DiagnosticResult Diagnostic() => DiagnosticResult.Diagnostic(SingleDescriptor<TAnalyzer>.Id);

    /// <summary>An expectation for <paramref name="id"/>.</summary>
    public static DiagnosticResult Diagnostic(string id) => DiagnosticResult.Diagnostic(id);

    /// <summary>An expectation for <paramref name="descriptor"/>.</summary>
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => DiagnosticResult.Diagnostic(descriptor);

    /// <summary>Analyzes <paramref name="source"/> (with markup) against <see cref="ReferenceSets.Default"/>.</summary>
    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest<TAnalyzer> { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }
}

/// <summary>Static shortcuts for code-fix tests of <typeparamref name="TAnalyzer"/> and <typeparamref name="TCodeFix"/>.</summary>
public static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    /// <summary>An expectation for the analyzer's single descriptor.</summary>
    public static DiagnosticResult Diagnostic() => DiagnosticResult.Diagnostic(SingleDescriptor<TAnalyzer>.Id);

    /// <summary>An expectation for <paramref name="id"/>.</summary>
    public static DiagnosticResult Diagnostic(string id) => DiagnosticResult.Diagnostic(id);

    /// <summary>An expectation for <paramref name="descriptor"/>.</summary>
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => DiagnosticResult.Diagnostic(descriptor);

    /// <summary>Analyzes <paramref name="source"/> (with markup) against <see cref="ReferenceSets.Default"/>.</summary>
    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
        => CSharpAnalyzerVerifier<TAnalyzer>.VerifyAnalyzerAsync(source, expected);

    /// <summary>Verifies the diagnostics of <paramref name="source"/>, the iterative fix and FixAll against <paramref name="fixedSource"/>.</summary>
    public static Task VerifyCodeFixAsync(string source, string fixedSource, params DiagnosticResult[] expected)
    {
        var test = new CodeFixTest<TAnalyzer, TCodeFix> { TestCode = source, FixedCode = fixedSource };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Verifies the diagnostics of <paramref name="source"/> and that no fix is offered for any of them.</summary>
    public static Task VerifyNoCodeFixAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new CodeFixTest<TAnalyzer, TCodeFix> { TestCode = source, NumberOfIncrementalIterations = 0 };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }
}

internal static class SingleDescriptor<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static string Id
    {
        get
        {
            var ids = new TAnalyzer().SupportedDiagnostics.Select(d => d.Id).Distinct().ToList();
            if (ids.Count != 1)
            {
                throw new InvalidOperationException(
                    $"{typeof(TAnalyzer).Name} supports {ids.Count} diagnostic IDs ({string.Join(", ", ids)}); use Diagnostic(\"ID\").");
            }

            return ids[0];
        }
    }
}
