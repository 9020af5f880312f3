using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ClaudeCost.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace ClaudeCost.Analyzers.Tests.Robustness;

/// <summary>A crash found by the suite: which input, which stage, which analyzer or fix, and the exception with its stack.</summary>
internal sealed record RobustFailure(RobustInput Input, string Stage, string Component, string Detail, string Exception)
{
    /// <summary>Groups repeats of one bug: component, stage, exception type and the first frame of its stack.</summary>
    public string Signature
    {
        get
        {
            var firstLine = Exception.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("at ", StringComparison.Ordinal)) ?? "";
            var type = Exception.Split(':', '\n')[0].Trim();
            return Component + " | " + Stage + " | " + type + " | " + firstLine;
        }
    }
}

/// <summary>What one input gave (for the summary), and its failures.</summary>
internal sealed class InputOutcome
{
    public int AnalyzerDiagnostics { get; set; }
    public int FixableDiagnostics { get; set; }
    public int CodeActions { get; set; }
    public int FixAllRuns { get; set; }
    public int ReanalyzedFixes { get; set; }
    public bool HasSyntaxErrors { get; set; }
    public bool Replayed { get; set; }
    public int DiagnosticsNotOffered { get; set; }

    /// <summary>
    /// Small-stack runs only: Roslyn's own stack guard tripped (InsufficientExecutionStackException from its syntax
    /// rewriters or binder) with no recursion of ClaudeCost code on the stack. The compiler and workspace limit their own
    /// recursion that way; it says nothing about our code and would not happen on a normal stack (the normal run of the
    /// same input is what counts there). Reported in the summary, not as failures.
    /// </summary>
    public List<RobustFailure> RoslynStackGuardTrips { get; } = new();
    public TimeSpan ReplayTime { get; set; }
    public TimeSpan AnalysisTime { get; set; }
    public TimeSpan FixTime { get; set; }
    public TimeSpan ReanalysisTime { get; set; }
    public List<RobustFailure> Failures { get; } = new();
}

/// <summary>
/// Runs one <see cref="RobustInput"/>: compiles it, runs every analyzer with <see cref="CompilationWithAnalyzers"/>
/// (concurrent, every analyzer exception recorded, AD0001 a failure), then offers every diagnostic a ClaudeCost fix can
/// fix to that fix, computes every offered action's operations and runs FixAll (document scope) once per provider and
/// equivalence key; the FixAll result is analyzed again. Deep inputs are also replayed on a small stack (see
/// <see cref="SynchronousDriver"/>).
/// </summary>
internal static class RobustnessRunner
{
    /// <summary>Stack of the thread deep inputs are replayed on: small, so source-controlled recursion overflows early.</summary>
    public const int SmallStackSize = 256 * 1024;

    private const string Root = "/robust/";

    public static async Task<InputOutcome> RunAsync(RobustInput input, RobustnessComponents components, CancellationToken cancellationToken)
    {
        var outcome = new InputOutcome();
        using var workspace = new AdhocWorkspace();
        var (solution, projectId) = CreateSolution(workspace, input, components);
        var project = solution.GetProject(projectId)!;

        if (input.SmallStack)
        {
            // First the replay on a small stack: if the analyzers recurse as deep as the input nests, this is where the
            // process dies (a stack overflow cannot be caught). See RobustnessTests for what a host crash means.
            var replayWatch = System.Diagnostics.Stopwatch.StartNew();
            await ReplayOnSmallStackAsync(input, project, components, outcome, cancellationToken).ConfigureAwait(false);
            outcome.ReplayTime = replayWatch.Elapsed;
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();

        var compilation = (await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
        outcome.HasSyntaxErrors = compilation.SyntaxTrees.Any(t => t.GetDiagnostics(cancellationToken).Any(d => d.Severity == DiagnosticSeverity.Error));
        Trace(input, "analysis");
        var diagnostics = await AnalyzeAsync(input, "analysis", compilation, project.AnalyzerOptions, components, outcome, cancellationToken).ConfigureAwait(false);
        outcome.AnalyzerDiagnostics = diagnostics.Length;
        outcome.AnalysisTime = watch.Elapsed;
        watch.Restart();
        Trace(input, "fixes");
        var fixedSolutions = await FixAsync(input, "", solution, diagnostics, components, outcome, cancellationToken).ConfigureAwait(false);
        outcome.FixTime = watch.Elapsed;
        watch.Restart();

        foreach (var (what, fixedSolution) in fixedSolutions)
        {
            // The code a FixAll produced is analyzed again: fixes create shapes no test wrote by hand.
            var fixedProject = fixedSolution.GetProject(projectId)!;
            var fixedCompilation = (await fixedProject.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
            await AnalyzeAsync(input, "analysis of the result of " + what, fixedCompilation, fixedProject.AnalyzerOptions, components, outcome, cancellationToken).ConfigureAwait(false);
            outcome.ReanalyzedFixes++;
        }

        outcome.ReanalysisTime = watch.Elapsed;

        return outcome;
    }

    // ------------------------------------------------------------------ project

    internal static (Solution Solution, ProjectId ProjectId) CreateSolution(AdhocWorkspace workspace, RobustInput input, RobustnessComponents components)
    {
        var projectId = ProjectId.CreateNewId("Robust");
        var specific = new Dictionary<string, ReportDiagnostic>(StringComparer.Ordinal) { ["AD0001"] = ReportDiagnostic.Error };
        foreach (var descriptor in components.Analyzers.SelectMany(a => a.SupportedDiagnostics))
        {
            if (!descriptor.IsEnabledByDefault)
            {
                specific[descriptor.Id] = ReportDiagnostic.Warn;
            }
        }

        var parseOptions = new CSharpParseOptions(LanguageVersion.Preview, DocumentationMode.Diagnose, preprocessorSymbols: input.PreprocessorSymbols);
        var documents = input.Documents.ToList();
        var references = input.References ?? ReferenceSets.Default;
        var all = string.Concat(documents.Select(d => d.Text));
        foreach (var standIn in StandInsFor(all))
        {
            documents.Add(new InputDocument("StandIns/" + standIn.FileName, standIn.Source));
            if (standIn == StandIn.Claudia && input.References is null)
            {
                references = ReferenceSets.NoOfficialAnthropic;
            }
        }

        var topLevel = input.Documents.Any(d => HasTopLevelStatements(d.Text, parseOptions));
        var compilationOptions = new CSharpCompilationOptions(
            topLevel ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            allowUnsafe: true,
            specificDiagnosticOptions: specific);

        var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            projectId,
            VersionStamp.Default,
            name: "Robust",
            assemblyName: "Robust",
            language: LanguageNames.CSharp,
            filePath: Root + "Robust.csproj",
            outputFilePath: Root + "bin/Robust.dll",
            compilationOptions: compilationOptions,
            parseOptions: parseOptions,
            metadataReferences: references.References));

        foreach (var document in documents)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId, document.Name), document.Name, SourceText.From(document.Text, Encoding.UTF8), filePath: Root + document.Name);
        }

        foreach (var additional in input.AdditionalFiles)
        {
            solution = solution.AddAdditionalDocument(DocumentId.CreateNewId(projectId, additional.Name), System.IO.Path.GetFileName(additional.Name), SourceText.From(additional.Text, Encoding.UTF8), filePath: Root + additional.Name);
        }

        if (input.EditorConfig is not null)
        {
            solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId, ".editorconfig"), ".editorconfig", SourceText.From(input.EditorConfig, Encoding.UTF8), filePath: Root + ".editorconfig");
        }

        return (solution, projectId);
    }

    /// <summary>Source stand-ins for the community clients the code mentions (they do not restore here).</summary>
    private static IEnumerable<StandIn> StandInsFor(string text)
    {
        if (text.Contains("Anthropic.SDK", StringComparison.Ordinal))
        {
            yield return StandIn.AnthropicSdk;
        }

        if (text.Contains("Amazon.BedrockRuntime", StringComparison.Ordinal))
        {
            yield return StandIn.BedrockRuntime;
        }

        if (text.Contains("using Claudia", StringComparison.Ordinal))
        {
            yield return StandIn.Claudia;
        }
    }

    private static bool HasTopLevelStatements(string text, CSharpParseOptions options)
        => text.Length < 200_000
            && CSharpSyntaxTree.ParseText(text, options).GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().Any();

    // ------------------------------------------------------------------ analysis

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(
        RobustInput input,
        string stage,
        Compilation compilation,
        AnalyzerOptions options,
        RobustnessComponents components,
        InputOutcome outcome,
        CancellationToken cancellationToken)
    {
        var exceptions = new ConcurrentQueue<(DiagnosticAnalyzer Analyzer, Exception Exception, Diagnostic Diagnostic)>();
        var withAnalyzers = compilation.WithAnalyzers(
            components.Analyzers,
            new CompilationWithAnalyzersOptions(
                options,
                onAnalyzerException: (exception, analyzer, diagnostic) => exceptions.Enqueue((analyzer, exception, diagnostic)),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false));
        ImmutableArray<Diagnostic> diagnostics;
        try
        {
            diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            outcome.Failures.Add(new RobustFailure(input, stage, "(analyzer driver)", "GetAnalyzerDiagnosticsAsync threw", Describe(ex)));
            return ImmutableArray<Diagnostic>.Empty;
        }

        foreach (var (analyzer, exception, diagnostic) in exceptions)
        {
            outcome.Failures.Add(new RobustFailure(input, stage, analyzer.GetType().FullName!, Where(diagnostic.Location), Describe(exception)));
        }

        foreach (var diagnostic in diagnostics.Where(d => d.Id == "AD0001"))
        {
            if (exceptions.IsEmpty)
            {
                outcome.Failures.Add(new RobustFailure(
                    input,
                    stage,
                    "(AD0001)",
                    Where(diagnostic.Location),
                    diagnostic.GetMessage(CultureInfo.InvariantCulture) + Environment.NewLine + diagnostic.Descriptor.Description.ToString(CultureInfo.InvariantCulture)));
            }
        }

        return diagnostics.Where(d => d.Id != "AD0001").ToImmutableArray();
    }

    // ------------------------------------------------------------------ fixes

    /// <summary>Registers, computes and applies every fix; returns the FixAll results (to be analyzed again).</summary>
    private static async Task<List<(string What, Solution Solution)>> FixAsync(
        RobustInput input,
        string stagePrefix,
        Solution solution,
        ImmutableArray<Diagnostic> diagnostics,
        RobustnessComponents components,
        InputOutcome outcome,
        CancellationToken cancellationToken)
    {
        var results = new List<(string, Solution)>();
        var fixable = diagnostics.Where(d => d.Location.IsInSource && components.FixableIds.Contains(d.Id)).ToList();
        outcome.FixableDiagnostics += fixable.Count;
        var fixAllDone = new HashSet<(CodeFixProvider, DocumentId, string)>();

        // Inputs with thousands of findings: fixes are offered for a spread of them (FixAll still covers them all).
        var offered = Spread(fixable, input.SmallStack ? MaxDiagnosticsOfferedPerDeepInput : MaxDiagnosticsOfferedPerInput);
        // Computing an action runs the fix and Roslyn's cleanup (simplifier, formatter) over the document: on the deep
        // inputs that takes seconds per action, so they compute fewer, and the small-stack pass only registers (the
        // registration already runs the fix's rewrite, to check that it applies).
        var computeLimit = stagePrefix.Length > 0 ? 0 : input.SmallStack ? MaxDiagnosticsComputedPerDeepInput : MaxDiagnosticsComputedPerInput;
        var computed = new HashSet<Diagnostic>(Spread(offered, computeLimit));
        outcome.DiagnosticsNotOffered += fixable.Count - offered.Count;
        foreach (var diagnostic in offered)
        {
            var document = solution.GetDocument(diagnostic.Location.SourceTree);
            if (document is null)
            {
                continue;
            }

            foreach (var provider in components.CodeFixes.Where(p => p.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                var providerName = provider.GetType().FullName!;
                var where = diagnostic.Id + " at " + Where(diagnostic.Location);
                var actions = new List<CodeAction>();
                try
                {
                    await OnFixThread(stagePrefix, () => provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken))).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Record(outcome, input, stagePrefix + "RegisterCodeFixesAsync", providerName, where, ex);
                    continue;
                }

                foreach (var action in Flatten(actions))
                {
                    if (computed.Contains(diagnostic))
                    {
                        outcome.CodeActions++;
                        try
                        {
                            await OnFixThread(stagePrefix, () => ComputeAsync(action, solution, cancellationToken)).ConfigureAwait(false);
                        }
                        catch (Exception ex) when (ex is not OperationCanceledException)
                        {
                            Record(outcome, input, stagePrefix + $"code action '{action.Title}' (GetOperationsAsync)", providerName, where, ex);
                        }
                    }

                    var fixAll = stagePrefix.Length > 0 ? null : provider.GetFixAllProvider();
                    if (fixAll is null || action.EquivalenceKey is null || !fixAllDone.Add((provider, document.Id, action.EquivalenceKey)))
                    {
                        continue;
                    }

                    var stage = stagePrefix + $"FixAll (document scope, equivalence key '{action.EquivalenceKey}')";
                    try
                    {
                        if (!fixAll.GetSupportedFixAllScopes().Contains(FixAllScope.Document))
                        {
                            continue;
                        }

                        outcome.FixAllRuns++;
                        var context = new FixAllContext(
                            document,
                            provider,
                            FixAllScope.Document,
                            action.EquivalenceKey,
                            provider.FixableDiagnosticIds,
                            new KnownDiagnostics(diagnostics),
                            cancellationToken);
                        var changed = await OnFixThread(stagePrefix, async () =>
                        {
                            var fixAllAction = await fixAll.GetFixAsync(context).ConfigureAwait(false);
                            return fixAllAction is null ? null : await ComputeAsync(fixAllAction, solution, cancellationToken).ConfigureAwait(false);
                        }).ConfigureAwait(false);
                        if (changed is not null && stagePrefix.Length == 0)
                        {
                            results.Add((stage + " by " + provider.GetType().Name, changed));
                        }
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        Record(outcome, input, stage, providerName, where, ex);
                    }
                }
            }
        }

        return results;
    }

    /// <summary>Fixes are registered for at most this many fixable diagnostics of one input (spread over all of them)…</summary>
    public const int MaxDiagnosticsOfferedPerInput = 40;

    /// <summary>…or this many for a deep input (each registration rewrites a huge document)…</summary>
    public const int MaxDiagnosticsOfferedPerDeepInput = 6;

    /// <summary>…and the operations of their actions computed for at most this many.</summary>
    public const int MaxDiagnosticsComputedPerInput = 12;

    /// <summary>…or this many for a deep input.</summary>
    public const int MaxDiagnosticsComputedPerDeepInput = 2;

    private static List<T> Spread<T>(List<T> items, int max)
        => items.Count <= max ? items : max <= 0 ? new List<T>() : Enumerable.Range(0, max).Select(i => items[(int)((long)i * items.Count / max)]).ToList();

    /// <summary>
    /// Stack of the thread the fixes are called on: 1 MB, the default stack of a Windows thread-pool thread, where
    /// Visual Studio runs code fixes. Pinned so that results do not depend on the platform or on which thread happens to
    /// run a fix (Linux thread-pool threads usually get several times more); the fix's code runs there until its first
    /// real asynchronous wait (Roslyn's own post-processing of a code action continues on the thread pool).
    /// </summary>
    public const int FixStackSize = 1024 * 1024;

    private static Task OnFixThread(string stagePrefix, Func<Task> call)
        => OnFixThread(stagePrefix, async () =>
        {
            await call().ConfigureAwait(false);
            return true;
        });

    private static Task<T> OnFixThread<T>(string stagePrefix, Func<Task<T>> call)
        => stagePrefix.Length > 0
            ? call() // the small-stack pass is already on its own thread
            : RunOnThreadAsync(FixStackSize, () => call().GetAwaiter().GetResult());

    private static IEnumerable<CodeAction> Flatten(IEnumerable<CodeAction> actions)
    {
        foreach (var action in actions)
        {
            if (action.NestedActions.IsDefaultOrEmpty)
            {
                yield return action;
                continue;
            }

            foreach (var nested in Flatten(action.NestedActions))
            {
                yield return nested;
            }
        }
    }

    /// <summary>Computes the action's operations and the text of every document it changes; the changed solution, if any.</summary>
    private static async Task<Solution?> ComputeAsync(CodeAction action, Solution solution, CancellationToken cancellationToken)
    {
        Solution? result = null;
        foreach (var operation in await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (operation is ApplyChangesOperation apply)
            {
                result = apply.ChangedSolution;
                foreach (var projectChanges in apply.ChangedSolution.GetChanges(solution).GetProjectChanges())
                {
                    foreach (var id in projectChanges.GetChangedDocuments().Concat(projectChanges.GetAddedDocuments()))
                    {
                        await apply.ChangedSolution.GetDocument(id)!.GetTextAsync(cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }

        return result;
    }

    /// <summary>FixAll's view of the diagnostics: the ones the analysis already produced.</summary>
    private sealed class KnownDiagnostics : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<Diagnostic> _diagnostics;

        public KnownDiagnostics(ImmutableArray<Diagnostic> diagnostics) => _diagnostics = diagnostics;

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            => Task.FromResult(_diagnostics.Where(d => d.Location.IsInSource && d.Location.SourceTree!.FilePath == document.FilePath));

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult(_diagnostics.Where(d => !d.Location.IsInSource));

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);
    }

    // ------------------------------------------------------------------ small stack

    /// <summary>
    /// Records a failure, except on the small stack a <see cref="InsufficientExecutionStackException"/> raised by Roslyn's
    /// own stack guard while no ClaudeCost method is on the stack more than <see cref="RecursionFrames"/> times: that is
    /// the compiler or workspace bounding its own recursion (see <see cref="InputOutcome.RoslynStackGuardTrips"/>).
    /// Recursion in ClaudeCost code is always a failure.
    /// </summary>
    private static void Record(InputOutcome outcome, RobustInput input, string stage, string component, string detail, Exception exception)
    {
        if (stage.StartsWith("small-stack", StringComparison.Ordinal) && IsRoslynStackGuard(exception))
        {
            var thrower = Frames(exception).FirstOrDefault(f => f.StartsWith("Microsoft.CodeAnalysis.", StringComparison.Ordinal) && !f.Contains("StackGuard", StringComparison.Ordinal)) ?? "";
            outcome.RoslynStackGuardTrips.Add(new RobustFailure(input, stage, component, detail, exception.GetType().FullName + " at " + thrower));
            return;
        }

        outcome.Failures.Add(new RobustFailure(input, stage, component, detail, Describe(exception)));
    }

    /// <summary>A ClaudeCost method on the stack this many times is recursion of ours.</summary>
    private const int RecursionFrames = 4;

    internal static bool IsRoslynStackGuard(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is InsufficientExecutionStackException)
            {
                var frames = Frames(current);

                // Thrown by Roslyn's guard: the first frame outside System.* is Roslyn's (not ours).
                var thrower = frames.FirstOrDefault(f => !f.StartsWith("System.", StringComparison.Ordinal)) ?? "";
                if (!thrower.StartsWith("Microsoft.CodeAnalysis.", StringComparison.Ordinal))
                {
                    return false;
                }

                var ours = frames
                    .Where(f => f.StartsWith("ClaudeCost.", StringComparison.Ordinal) && !f.StartsWith("ClaudeCost.Analyzers.Tests.", StringComparison.Ordinal))
                    .GroupBy(f => f, StringComparer.Ordinal)
                    .Select(g => g.Count())
                    .DefaultIfEmpty(0)
                    .Max();
                return ours < RecursionFrames;
            }
        }

        return false;
    }

    /// <summary>"Namespace.Type.Method" of each frame, cheaply (no file and line lookup: stacks can have 10,000s of frames).</summary>
    private static List<string> Frames(Exception exception)
        => new System.Diagnostics.StackTrace(exception, fNeedFileInfo: false).GetFrames()
            .Select(f => f.GetMethod() is { } m ? (m.DeclaringType?.FullName ?? "") + "." + m.Name : "")
            .ToList();

    /// <summary>
    /// The exception as text. A very deep stack (recursion) is cut to its first and last 24 frames, keeping every frame
    /// of ClaudeCost code in between, and prefixed with the frame count.
    /// </summary>
    internal static string Describe(Exception exception)
    {
        var frameCount = new System.Diagnostics.StackTrace(exception, fNeedFileInfo: false).FrameCount;
        if (frameCount <= 200)
        {
            return exception.ToString();
        }

        var sb = new StringBuilder();
        sb.Append(exception.GetType().FullName).Append(": ").AppendLine(exception.Message);
        sb.Append(CultureInfo.InvariantCulture, $"   ({frameCount} frames deep; the middle is cut, ClaudeCost frames are kept)").AppendLine();
        var trace = new System.Diagnostics.StackTrace(exception, fNeedFileInfo: true);
        var omitted = 0;
        for (var i = 0; i < frameCount; i++)
        {
            var frame = trace.GetFrame(i)!;
            var method = frame.GetMethod();
            var type = method?.DeclaringType?.FullName ?? "";
            if (i >= 24 && i < frameCount - 24 && !type.StartsWith("ClaudeCost.", StringComparison.Ordinal))
            {
                omitted++;
                continue;
            }

            if (omitted > 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $"   … {omitted} frames omitted …").AppendLine();
                omitted = 0;
            }

            sb.Append("   at ").Append(type).Append('.').Append(method?.Name);
            if (frame.GetFileName() is { } file)
            {
                sb.Append(" in ").Append(file).Append(":line ").Append(frame.GetFileLineNumber());
            }

            sb.AppendLine();
        }

        return sb.ToString();
    }

    /// <summary>Stack of the thread that prepares a replay: big, so that the compiler's own recursion never overflows.</summary>
    private const int BigStackSize = 64 * 1024 * 1024;

    /// <summary>Stack used instead of <see cref="SmallStackSize"/> when the analyzers' semantic models cannot be prepared.</summary>
    private const int FallbackStackSize = 1024 * 1024;

    /// <summary>
    /// Replays the analyzers synchronously (<see cref="SynchronousDriver"/>), then registers and computes the fixes for
    /// what they report, on a new thread with a <see cref="SmallStackSize"/> stack; the fixes' own code runs there until
    /// their first real asynchronous wait.
    /// <para>
    /// The compiler is not what is tested: Roslyn itself recurses over deep expressions without a stack guard in places
    /// (the nullability rewriter, the operation factory), and would overflow a small stack binding a 5,000-call fluent
    /// chain. So everything is bound first on a thread with a big stack, in the very semantic models the analyzers and
    /// fixes will use (the analyzers' shared per-compilation model cache, reached through internals, and the
    /// workspace's per-document models): on the small stack the compiler answers from its caches and only the
    /// analyzers' and fixes' own code consumes stack.
    /// </para>
    /// </summary>
    private static async Task ReplayOnSmallStackAsync(RobustInput input, Project project, RobustnessComponents components, InputOutcome outcome, CancellationToken cancellationToken)
    {
        var baseCompilation = (await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;

        // A fresh compilation: nothing the analyzers cache per compilation was computed by the normal run.
        var compilation = baseCompilation.Clone();
        var options = project.AnalyzerOptions;
        Trace(input, "prepare replay");
        var prepared = await RunOnThreadAsync(BigStackSize, () => Prepare(compilation, options, project, cancellationToken)).ConfigureAwait(false);
        var stackSize = prepared.AnalyzerModels is null ? FallbackStackSize : SmallStackSize;
        if (prepared.AnalyzerModels is null)
        {
            Console.Error.WriteLine($"[robustness] the analyzers' semantic-model cache was not found ({AnalyzerModelCacheNote}); replaying on a {FallbackStackSize / 1024} KB stack instead");
        }

        var modelOf = prepared.AnalyzerModels ?? prepared.CompilationModels;
        Console.Error.WriteLine($"[robustness] small-stack replay of {input}");
        var failures = await RunOnThreadAsync(stackSize, () =>
        {
            var exceptions = new List<ReplayException>();
            Trace(input, "replay analyzers");
            var diagnostics = SynchronousDriver.Run(compilation, options, components.Analyzers, modelOf, exceptions, cancellationToken);
            var replayOutcome = new InputOutcome();
            foreach (var exception in exceptions)
            {
                Record(replayOutcome, input, "small-stack replay: " + exception.Where, exception.Analyzer.GetType().FullName!, "", exception.Exception);
            }

            Trace(input, "replay fixes");
            FixAsync(input, "small-stack ", project.Solution, diagnostics, components, replayOutcome, cancellationToken).GetAwaiter().GetResult();
            return replayOutcome;
        }).ConfigureAwait(false);

        GC.KeepAlive(prepared);
        outcome.Replayed = true;
        outcome.Failures.AddRange(failures.Failures);
        outcome.RoslynStackGuardTrips.AddRange(failures.RoslynStackGuardTrips);
    }

    private sealed record Prepared(Func<SyntaxTree, SemanticModel>? AnalyzerModels, Func<SyntaxTree, SemanticModel> CompilationModels, List<object> KeepAlive);

    /// <summary>Binds every executable root, and creates its operation tree, in the models the replay will use.</summary>
    private static Prepared Prepare(Compilation compilation, AnalyzerOptions options, Project project, CancellationToken cancellationToken)
    {
        var keepAlive = new List<object>();
        var models = new ConcurrentDictionary<SyntaxTree, SemanticModel>();
        Func<SyntaxTree, SemanticModel> compilationModels = tree => models.GetOrAdd(tree, t => compilation.GetSemanticModel(t));
        var analyzerModels = AnalyzerModelCache(compilation, options, cancellationToken);
        Warm(compilation, analyzerModels ?? compilationModels, cancellationToken);

        Trace(null, "prepare documents");
        foreach (var document in project.Documents)
        {
            // The fixes ask their document for its semantic model; the document holds it weakly, we hold it strongly.
            var model = document.GetSemanticModelAsync(cancellationToken).GetAwaiter().GetResult();
            if (model is not null)
            {
                keepAlive.Add(model);
                Warm(model.Compilation, tree => tree == model.SyntaxTree ? model : model.Compilation.GetSemanticModel(tree), cancellationToken, model.SyntaxTree);
            }
        }

        return new Prepared(analyzerModels, compilationModels, keepAlive);
    }

    private static void Warm(Compilation compilation, Func<SyntaxTree, SemanticModel> modelOf, CancellationToken cancellationToken, SyntaxTree? only = null)
    {
        var trees = only is null ? compilation.SyntaxTrees : new[] { only };
        foreach (var (root, _) in SynchronousDriver.ExecutableRoots(trees, modelOf, cancellationToken))
        {
            foreach (var _ in root.DescendantsAndSelf())
            {
            }
        }
    }

    private const string AnalyzerModelCacheNote = "ClaudeCost.Analyzers.Requests.ClaudeCompilationContext.Get(…).Tracker.GetModel(SyntaxTree)";

    /// <summary>
    /// The semantic models the analyzers themselves use for <paramref name="compilation"/> (their per-compilation shared
    /// context caches one per tree), reached by reflection so that a refactoring in src/ degrades the replay (bigger
    /// stack, a note on stderr) instead of breaking this test project's build. Null when not found.
    /// </summary>
    private static Func<SyntaxTree, SemanticModel>? AnalyzerModelCache(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        const BindingFlags Any = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance;
        var type = typeof(ClaudeCost.Analyzers.Rules.ClaudeRequestAnalyzer).Assembly.GetType("ClaudeCost.Analyzers.Requests.ClaudeCompilationContext");
        var get = type?.GetMethod("Get", Any, null, new[] { typeof(Compilation), typeof(AnalyzerOptions), typeof(CancellationToken) }, null);
        var context = get?.Invoke(null, new object[] { compilation, options, cancellationToken });
        var tracker = context?.GetType().GetProperty("Tracker", Any)?.GetValue(context);
        var getModel = tracker?.GetType().GetMethod("GetModel", Any, null, new[] { typeof(SyntaxTree) }, null);
        if (getModel is null || getModel.ReturnType != typeof(SemanticModel))
        {
            return null;
        }

        return tree => (SemanticModel?)getModel.Invoke(tracker, new object[] { tree }) ?? compilation.GetSemanticModel(tree);
    }

    /// <summary>Runs <paramref name="body"/> on a new thread with the given stack size.</summary>
    private static Task<T> RunOnThreadAsync<T>(int stackSize, Func<T> body)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(
            () =>
            {
                try
                {
                    done.SetResult(body());
                }
                catch (Exception ex)
                {
                    done.SetException(ex);
                }
            },
            stackSize)
        {
            IsBackground = true,
            Name = $"ClaudeCost robustness ({stackSize / 1024} KB stack)",
        };
        thread.Start();
        return done.Task;
    }

    private static readonly bool s_trace = Environment.GetEnvironmentVariable("CLAUDECOST_ROBUSTNESS_TRACE") == "1";

    /// <summary>With CLAUDECOST_ROBUSTNESS_TRACE=1, prints each stage of each input to stderr with a timestamp.</summary>
    private static void Trace(RobustInput? input, string stage)
    {
        if (s_trace)
        {
            Console.Error.WriteLine($"[robustness {DateTime.Now:HH:mm:ss.fff}] {stage}: {input}");
        }
    }

    private static string Where(Location location)
    {
        if (location.Kind == LocationKind.None)
        {
            return "(no location)";
        }

        var span = location.GetLineSpan();
        var path = span.Path.StartsWith(Root, StringComparison.Ordinal) ? span.Path.Substring(Root.Length) : span.Path;
        return $"{path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})";
    }
}
