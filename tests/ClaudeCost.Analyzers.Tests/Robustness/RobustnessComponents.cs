using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using ClaudeCost.Analyzers.Rules;
using ClaudeCost.CodeFixes.Fixes;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClaudeCost.Analyzers.Tests.Robustness;

/// <summary>
/// Every analyzer and every code fix the package ships, found by reflection so that a new rule is covered without
/// touching this suite: each non-abstract <see cref="DiagnosticAnalyzer"/> of ClaudeCost.Analyzers and each non-abstract
/// <see cref="CodeFixProvider"/> of ClaudeCost.CodeFixes.
/// </summary>
internal sealed class RobustnessComponents
{
    private RobustnessComponents(ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableArray<CodeFixProvider> fixes)
    {
        Analyzers = analyzers;
        CodeFixes = fixes;
        FixableIds = fixes.SelectMany(f => f.FixableDiagnosticIds).ToImmutableHashSet(StringComparer.Ordinal);
        SupportedIds = analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToImmutableHashSet(StringComparer.Ordinal);
    }

    public static RobustnessComponents Instance { get; } = Discover();

    public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

    public ImmutableArray<CodeFixProvider> CodeFixes { get; }

    public ImmutableHashSet<string> FixableIds { get; }

    public ImmutableHashSet<string> SupportedIds { get; }

    /// <summary>A given set (the self-tests use saboteurs to prove that failures are caught and reported).</summary>
    internal static RobustnessComponents Create(ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableArray<CodeFixProvider> fixes) => new(analyzers, fixes);

    private static RobustnessComponents Discover()
    {
        var analyzers = Instances<DiagnosticAnalyzer>(typeof(ClaudeRequestAnalyzer).Assembly);
        var fixes = Instances<CodeFixProvider>(typeof(CC0001VolatileValueInCachedPrefixCodeFixProvider).Assembly);
        return new RobustnessComponents(analyzers, fixes);
    }

    private static ImmutableArray<T> Instances<T>(Assembly assembly)
        where T : class
        => assembly.GetTypes()
            .Where(t => typeof(T).IsAssignableFrom(t) && !t.IsAbstract && !t.IsGenericTypeDefinition && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (T)Activator.CreateInstance(t)!)
            .ToImmutableArray();
}
