using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace ClaudeCost.Analyzers.Tests.Verifiers;

/// <summary>A named, lazily built and cached list of metadata references that test code compiles against.</summary>
public sealed class ReferenceSet
{
    private readonly Lazy<ImmutableArray<MetadataReference>> _references;

    public ReferenceSet(string name, Func<IEnumerable<MetadataReference>> factory)
    {
        Name = name;
        _references = new Lazy<ImmutableArray<MetadataReference>>(() => factory().ToImmutableArray(), isThreadSafe: true);
    }

    /// <summary>Display name, used in failure messages.</summary>
    public string Name { get; }

    /// <summary>The references (built on first use, then shared by every test).</summary>
    public ImmutableArray<MetadataReference> References => _references.Value;

    /// <summary>A new set made of this one plus <paramref name="extra"/>. Cache the result in a static field.</summary>
    public ReferenceSet With(string name, params MetadataReference[] extra)
        => new(name, () => References.Concat(extra));

    public override string ToString() => Name;
}

/// <summary>
/// The reference sets test code compiles against. Building <see cref="MetadataReference"/>s is the dominant per-test cost,
/// so every set is built once per process and shared.
/// </summary>
public static class ReferenceSets
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_runtime = new(CreateRuntimeReferences, isThreadSafe: true);

    private static readonly Lazy<MetadataReference> s_anthropic13 = new(() => FromAssembly(typeof(global::Anthropic.AnthropicClient).Assembly));

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_clientLibraries = new(() => ImmutableArray.Create(
        FromAssembly(typeof(Microsoft.Extensions.AI.IChatClient).Assembly),
        FromAssembly(typeof(Polly.Policy).Assembly),
        FromAssembly(typeof(Polly.ResiliencePipeline).Assembly)));

    private static readonly Lazy<MetadataReference> s_anthropic12 = new(() => CreateFromPath(Anthropic12Path));

    /// <summary>
    /// Runtime assemblies + the official Anthropic SDK 13.12.0 + Microsoft.Extensions.AI.Abstractions + Polly + Polly.Core.
    /// </summary>
    public static ReferenceSet Default { get; } = new(
        "Default (runtime + Anthropic 13.12.0 + M.E.AI.Abstractions + Polly)",
        () => s_runtime.Value.Concat(s_clientLibraries.Value).Append(s_anthropic13.Value));

    /// <summary>Same as <see cref="Default"/> but with the official Anthropic SDK 12.36.0 instead of 13.12.0.</summary>
    public static ReferenceSet Anthropic12 { get; } = new(
        "Anthropic12 (runtime + Anthropic 12.36.0 + M.E.AI.Abstractions + Polly)",
        () => s_runtime.Value.Concat(s_clientLibraries.Value).Append(s_anthropic12.Value));

    /// <summary>
    /// Runtime + M.E.AI.Abstractions + Polly, without any official Anthropic assembly: for code written against the
    /// community clients (<see cref="StandIn.AnthropicSdk"/>, <see cref="StandIn.Claudia"/>), whose users do not have the
    /// official package (its <c>Anthropic</c> namespace would hide Claudia's <c>Anthropic</c> class).
    /// </summary>
    public static ReferenceSet NoOfficialAnthropic { get; } = new(
        "NoOfficialAnthropic (runtime + M.E.AI.Abstractions + Polly)",
        () => s_runtime.Value.Concat(s_clientLibraries.Value));

    /// <summary>The .NET runtime assemblies only: no Anthropic, no Microsoft.Extensions.AI, no Polly.</summary>
    public static ReferenceSet NoClaude { get; } = new("NoClaude (runtime only)", () => s_runtime.Value);

    /// <summary>Path of the Anthropic 12.36.0 assembly, from the test assembly's <c>Anthropic12Path</c> metadata.</summary>
    public static string Anthropic12Path
    {
        get
        {
            var path = typeof(ReferenceSets).Assembly
                .GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == "Anthropic12Path")?.Value;
            if (string.IsNullOrEmpty(path) || !File.Exists(path))
            {
                throw new InvalidOperationException(
                    $"The Anthropic 12.36.0 assembly was not found at '{path}'. It is downloaded by the test project's " +
                    "PackageDownload item; run 'dotnet restore' for the test project.");
            }

            return path!;
        }
    }

    /// <summary>
    /// Trusted platform assemblies of the running .NET runtime (the shared framework directory only, so the test
    /// host's own dependencies never leak in), filtered to System.*, Microsoft.*, netstandard and mscorlib, and never
    /// Microsoft.CodeAnalysis.* or test-framework assemblies.
    /// </summary>
    private static ImmutableArray<MetadataReference> CreateRuntimeReferences()
    {
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var candidates = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string)?
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            ?? Directory.GetFiles(runtimeDirectory, "*.dll");

        var selected = candidates
            .Where(p => string.Equals(Path.GetDirectoryName(p), runtimeDirectory, StringComparison.Ordinal))
            .Where(p => IsFrameworkName(Path.GetFileNameWithoutExtension(p)))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(CreateFromPath)
            .ToImmutableArray();

        if (selected.IsEmpty)
        {
            throw new InvalidOperationException($"No runtime assemblies found in '{runtimeDirectory}'.");
        }

        return selected;
    }

    private static bool IsFrameworkName(string name)
    {
        if (name.StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("xunit", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("Microsoft.TestPlatform", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("Microsoft.VisualStudio", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("testhost", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return name.StartsWith("System.", StringComparison.Ordinal)
            || name == "System"
            || name.StartsWith("Microsoft.", StringComparison.Ordinal)
            || name == "netstandard"
            || name == "mscorlib";
    }

    private static MetadataReference FromAssembly(Assembly assembly) => CreateFromPath(assembly.Location);

    private static MetadataReference CreateFromPath(string path) => MetadataReference.CreateFromFile(path);
}
