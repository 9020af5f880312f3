using System;
using System.Collections.Immutable;
using System.Linq;
using ClaudeCost.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;

namespace ClaudeCost.Analyzers.Tests.Robustness;

/// <summary>One C# document of a robustness input.</summary>
internal readonly record struct InputDocument(string Name, string Text);

/// <summary>
/// One input of the robustness suite: a small project (one or more C# documents plus optional configuration) that is
/// compiled, analyzed by every analyzer and offered to every code fix. <see cref="Name"/> says where it comes from and,
/// for mutated copies, where it was cut or which tokens were deleted, so that a failure points at a reproducible input.
/// </summary>
internal sealed class RobustInput
{
    public RobustInput(string group, string name, ImmutableArray<InputDocument> documents)
    {
        Group = group;
        Name = name;
        Documents = documents;
    }

    public RobustInput(string group, string name, string text, string documentName = "Test0.cs")
        : this(group, name, ImmutableArray.Create(new InputDocument(documentName, text)))
    {
    }

    /// <summary>Kind of input, for the summary: seed, truncated, token-deleted, deep, own-source, corpus.</summary>
    public string Group { get; }

    /// <summary>Where the input comes from and how it was mutated (file, literal, cut position…).</summary>
    public string Name { get; }

    public ImmutableArray<InputDocument> Documents { get; }

    /// <summary>Text of an <c>.editorconfig</c> at the project folder; <see cref="DefaultEditorConfig"/> unless set.</summary>
    public string? EditorConfig { get; init; } = DefaultEditorConfig;

    /// <summary>Additional files (e.g. <c>claudecost.models.json</c>), path relative to the project folder.</summary>
    public ImmutableArray<InputDocument> AdditionalFiles { get; init; } = ImmutableArray<InputDocument>.Empty;

    /// <summary>The references; <see cref="ReferenceSets.Default"/> unless a stand-in needs another set.</summary>
    public ReferenceSet? References { get; init; }

    /// <summary>Preprocessor symbols (none by default, so <c>#if DEBUG</c> branches are inactive).</summary>
    public ImmutableArray<string> PreprocessorSymbols { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>
    /// Deep input: besides the normal run, the analyzers are replayed synchronously on a thread with a small stack
    /// (<see cref="SynchronousDriver"/>), where recursion whose depth the source controls overflows quickly.
    /// </summary>
    public bool SmallStack { get; init; }

    /// <summary>
    /// Low thresholds so that CC0002 (and its fix) fires on short prompts as well: the mutated seeds keep only short
    /// prompts, and the point is to get the fixes to run on as much broken code as possible.
    /// </summary>
    public const string DefaultEditorConfig = "root = true\n\n[*.cs]\nclaudecost.cc0002.minimum_prefix_tokens = 1\n";

    public int TotalLength => Documents.Sum(d => d.Text.Length);

    public override string ToString() => $"[{Group}] {Name}";
}
