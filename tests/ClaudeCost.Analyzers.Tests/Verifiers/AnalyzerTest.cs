using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClaudeCost.Analyzers.Tests.Verifiers;

/// <summary>
/// An analyzer test: sources with markup, configuration, references and expected diagnostics. <see cref="RunAsync"/>
/// analyzes the sources with every analyzer in <see cref="Analyzers"/> and compares the diagnostics, then runs the
/// automatic generated-code, pragma and erroneous-code checks.
/// </summary>
public class AnalyzerTest
{
    /// <summary>The analyzers under test (the generic subclasses add theirs; more can be added).</summary>
    public List<DiagnosticAnalyzer> Analyzers { get; } = new();

    /// <summary>The single test source (<c>Test0.cs</c>), with markup.</summary>
    public string? TestCode { get; set; }

    /// <summary>Further test sources, with markup (named <c>Test{n}.cs</c> unless named).</summary>
    public SourceFileList Sources { get; } = new();

    /// <summary>Text of a real <c>.editorconfig</c> analyzer-config document at the project folder (<c>[*.cs]</c> sections).</summary>
    public string? EditorConfig { get; set; }

    /// <summary>Text of a global analyzer config (<c>is_global = true</c> is added when missing).</summary>
    public string? GlobalConfig { get; set; }

    /// <summary>Additional files (<c>AdditionalFiles</c> items), path relative to the project folder.</summary>
    public AdditionalFileList AdditionalFiles { get; } = new();

    /// <summary>What the test code compiles against; <see cref="ReferenceSets.Default"/> unless set.</summary>
    public ReferenceSet ReferenceSet { get; set; } = ReferenceSets.Default;

    /// <summary>Extra metadata references for this test.</summary>
    public List<MetadataReference> AdditionalReferences { get; } = new();

    /// <summary>Source stand-ins for packages that do not restore here.</summary>
    public List<StandIn> StandIns { get; } = new();

    /// <summary>C# language version; <see cref="LanguageVersion.Latest"/> unless set.</summary>
    public LanguageVersion LanguageVersion { get; set; } = LanguageVersion.Latest;

    /// <summary>Output kind; use <see cref="OutputKind.ConsoleApplication"/> for top-level statements.</summary>
    public OutputKind OutputKind { get; set; } = OutputKind.DynamicallyLinkedLibrary;

    /// <summary>Nullable context; enabled unless set (nullable warnings are ignored like every compiler warning).</summary>
    public NullableContextOptions NullableContextOptions { get; set; } = NullableContextOptions.Enable;

    /// <summary>Adds the SDK's implicit global usings (System, System.Linq, System.Net.Http, System.Threading.Tasks, …).</summary>
    public bool ImplicitUsings { get; set; }

    /// <summary>Expected diagnostics written in code (in addition to markup).</summary>
    public List<DiagnosticResult> ExpectedDiagnostics { get; } = new();

    /// <summary>Diagnostic IDs switched off for this test.</summary>
    public List<string> DisabledDiagnostics { get; } = new();

    /// <summary>Also compare compiler warnings (by default only compiler errors, and compiler diagnostics expected explicitly, are compared).</summary>
    public bool IncludeCompilerWarnings { get; set; }

    /// <summary>Skips the re-run with an <c>// &lt;auto-generated/&gt;</c> header.</summary>
    public bool SkipGeneratedCodeCheck { get; set; }

    /// <summary>Skips the re-run with <c>#pragma warning disable</c> of the analyzers' IDs.</summary>
    public bool SkipSuppressionCheck { get; set; }

    /// <summary>Skips the runs on truncated (non-compiling) copies of the sources that assert no analyzer exception.</summary>
    public bool SkipErroneousCodeCheck { get; set; }

    /// <summary>Runs the test; throws <see cref="VerificationException"/> on failure.</summary>
    public virtual async Task RunAsync(CancellationToken cancellationToken = default)
    {
        using var run = await TestRun.CreateAsync(this, cancellationToken).ConfigureAwait(false);
        await run.VerifyInputAsync(cancellationToken).ConfigureAwait(false);
    }

    internal IEnumerable<DiagnosticAnalyzer> GetAnalyzers() => Analyzers;
}

/// <summary>An analyzer test for <typeparamref name="TAnalyzer"/>.</summary>
public class AnalyzerTest<TAnalyzer> : AnalyzerTest
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public AnalyzerTest() => Analyzers.Add(new TAnalyzer());
}

/// <summary>An analyzer test running <typeparamref name="TAnalyzer1"/> and <typeparamref name="TAnalyzer2"/> together.</summary>
public class AnalyzerTest<TAnalyzer1, TAnalyzer2> : AnalyzerTest
    where TAnalyzer1 : DiagnosticAnalyzer, new()
    where TAnalyzer2 : DiagnosticAnalyzer, new()
{
    public AnalyzerTest()
    {
        Analyzers.Add(new TAnalyzer1());
        Analyzers.Add(new TAnalyzer2());
    }
}
