using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

namespace ClaudeCost.Analyzers.Tests.Verifiers;

/// <summary>How markup in the fixed sources is treated.</summary>
public enum FixedMarkupMode
{
    /// <summary>Markup of fixable IDs is ignored and remaining fixable diagnostics are not compared (the default);
    /// markup of other IDs (diagnostics that must remain) is honoured.</summary>
    IgnoreFixable,

    /// <summary>All markup is honoured and every remaining diagnostic is compared.</summary>
    Allow,
}

/// <summary>
/// A code-fix test: the analyzer test of the input, then the iterative fix (one diagnostic at a time) compared with
/// <see cref="FixedCode"/>/<see cref="FixedSources"/>, then FixAll in each scope compared with the batch-fixed sources.
/// </summary>
public class CodeFixTest : AnalyzerTest
{
    /// <summary>The code fix providers under test.</summary>
    public List<CodeFixProvider> CodeFixProviders { get; } = new();

    /// <summary>The expected single fixed source (<c>Test0.cs</c>), with markup.</summary>
    public string? FixedCode { get; set; }

    /// <summary>The expected fixed sources, in the order of the test sources (plus any document a fix adds).</summary>
    public SourceFileList FixedSources { get; } = new();

    /// <summary>The expected FixAll result for a single source; defaults to the fixed sources.</summary>
    public string? BatchFixedCode { get; set; }

    /// <summary>The expected FixAll results; default to the fixed sources.</summary>
    public SourceFileList BatchFixedSources { get; } = new();

    /// <summary>Diagnostics expected in the fixed code (in addition to its markup).</summary>
    public List<DiagnosticResult> FixedExpectedDiagnostics { get; } = new();

    /// <summary>How markup in the fixed sources is treated.</summary>
    public FixedMarkupMode FixedMarkup { get; set; } = FixedMarkupMode.IgnoreFixable;

    /// <summary>Selects the code action by equivalence key.</summary>
    public string? CodeActionEquivalenceKey { get; set; }

    /// <summary>Selects the code action by index among the (flattened) offered actions.</summary>
    public int? CodeActionIndex { get; set; }

    /// <summary>When set, the chosen action must have this title.</summary>
    public string? ExpectedCodeActionTitle { get; set; }

    /// <summary>Exact number of fix iterations. Default: at most one per fixable diagnostic of the input.
    /// 0 asserts that no fix is offered for any fixable diagnostic.</summary>
    public int? NumberOfIncrementalIterations { get; set; }

    /// <summary>Exact number of FixAll iterations per scope. Default: one per document with fixable diagnostics for
    /// <see cref="FixAllScope.Document"/>, one for project and solution scope.</summary>
    public int? NumberOfFixAllIterations { get; set; }

    /// <summary>The FixAll scopes to check. Default: Document, Project and Solution, those supported by the provider.</summary>
    public List<FixAllScope>? FixAllScopes { get; set; }

    /// <summary>Skips the FixAll checks.</summary>
    public bool SkipFixAllCheck { get; set; }

    public override async Task RunAsync(CancellationToken cancellationToken = default)
    {
        if (CodeFixProviders.Count == 0)
        {
            throw new InvalidOperationException("The test has no code fix provider: add one to CodeFixProviders or use CodeFixTest<TAnalyzer, TCodeFix>.");
        }

        using var run = await TestRun.CreateAsync(this, cancellationToken).ConfigureAwait(false);
        await run.VerifyInputAsync(cancellationToken).ConfigureAwait(false);
        var fixer = new FixRunner(this, run);
        await fixer.RunAsync(cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>A code-fix test for <typeparamref name="TAnalyzer"/> and <typeparamref name="TCodeFix"/>.</summary>
public class CodeFixTest<TAnalyzer, TCodeFix> : CodeFixTest
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public CodeFixTest()
    {
        Analyzers.Add(new TAnalyzer());
        CodeFixProviders.Add(new TCodeFix());
    }
}

/// <summary>Applies code fixes for a <see cref="CodeFixTest"/> (iterative mode and FixAll).</summary>
internal sealed class FixRunner
{
    private readonly CodeFixTest _test;
    private readonly TestRun _run;
    private readonly ImmutableHashSet<string> _fixableIds;

    public FixRunner(CodeFixTest test, TestRun run)
    {
        _test = test;
        _run = run;
        _fixableIds = test.CodeFixProviders.SelectMany(p => p.FixableDiagnosticIds).ToImmutableHashSet(StringComparer.Ordinal);
    }

    private sealed record Candidate(Diagnostic Diagnostic, CodeFixProvider Provider, CodeAction Action);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var initialOutcome = _run.InitialOutcome!;
        var initialFixable = Fixable(initialOutcome).ToList();

        if (_test.NumberOfIncrementalIterations == 0)
        {
            await VerifyNoFixOfferedAsync(initialFixable, cancellationToken).ConfigureAwait(false);
            return;
        }

        var fixedFiles = ExpectedFiles(_test.FixedCode, _test.FixedSources, "FixedCode", "FixedSources");
        if (fixedFiles.Count == 0)
        {
            throw new InvalidOperationException("A code-fix test needs FixedCode or FixedSources (or NumberOfIncrementalIterations = 0 to assert that no fix is offered).");
        }

        if (initialFixable.Count == 0)
        {
            throw new VerificationException(
                $"The test code has no diagnostic that the code fix can fix (fixable IDs: {string.Join(", ", _fixableIds.OrderBy(i => i, StringComparer.Ordinal))}). " +
                "Expected at least one.");
        }

        // ---- iterative mode
        var solution = _run.InitialSolution;
        var outcome = initialOutcome;
        var exact = _test.NumberOfIncrementalIterations;
        var budget = exact ?? initialFixable.Count;
        var iterations = 0;
        var history = new List<string> { Snapshot(solution) };
        while (true)
        {
            var candidate = await FindCandidateAsync(solution, outcome, cancellationToken).ConfigureAwait(false);
            if (candidate is null)
            {
                break;
            }

            if (iterations >= budget)
            {
                throw new VerificationException(
                    $"The iterative code fix needed more than {budget} iteration(s); after {iterations} a fix is still offered for " +
                    $"{DiagnosticFormatter.FormatAsCode(candidate.Diagnostic)}. " +
                    (exact is null
                        ? "The default allows one iteration per fixable diagnostic of the input; set NumberOfIncrementalIterations if more are intended."
                        : "NumberOfIncrementalIterations is set to " + exact.Value.ToString(CultureInfo.InvariantCulture) + ".") +
                    Environment.NewLine + "Current code:" + Environment.NewLine + await DescribeAsync(solution, cancellationToken).ConfigureAwait(false));
            }

            var stage = $"iteration {iterations + 1} (action '{candidate.Action.Title}' for {candidate.Diagnostic.Id} at {TestRun.FormatLocation(candidate.Diagnostic.Location)})";
            var newSolution = await ApplyAsync(candidate.Action, solution, stage, cancellationToken).ConfigureAwait(false);
            iterations++;

            var snapshot = Snapshot(newSolution);
            if (snapshot == history[history.Count - 1])
            {
                throw new VerificationException($"The code fix made no change in {stage}. A fixer must not register an action that leaves the code unchanged.");
            }

            if (history.Count >= 2 && snapshot == history[history.Count - 2])
            {
                throw new VerificationException(
                    $"The code fix ping-pongs: {stage} restored the code of two iterations ago." + Environment.NewLine +
                    await DescribeAsync(newSolution, cancellationToken).ConfigureAwait(false));
            }

            history.Add(snapshot);
            var newOutcome = await _run.AnalyzeAsync(newSolution.GetProject(_run.ProjectId)!, includeCompilerDiagnostics: true, cancellationToken).ConfigureAwait(false);
            _run.ThrowIfAnalyzerFailures(newOutcome, "the analysis after " + stage);
            await ThrowIfNewCompilerErrorsAsync(outcome, newOutcome, newSolution, stage, cancellationToken).ConfigureAwait(false);

            if (DiagnosticSignature(newOutcome) == DiagnosticSignature(outcome))
            {
                throw new VerificationException(
                    $"The code fix made no progress: after {stage} the analyzer reports exactly the same diagnostics." + Environment.NewLine +
                    TestRun.FormatList(newOutcome.AnalyzerDiagnostics));
            }

            solution = newSolution;
            outcome = newOutcome;
        }

        if (exact is int expectedIterations && iterations != expectedIterations)
        {
            throw new VerificationException(
                $"Expected {expectedIterations} code fix iteration(s) (NumberOfIncrementalIterations) but {iterations} were applied before no further fix was offered.");
        }

        var cleaned = await CleanupAsync(solution, cancellationToken).ConfigureAwait(false);
        await CompareTextsAsync(cleaned, fixedFiles, "the iterative code fix", "FixedCode/FixedSources", cancellationToken).ConfigureAwait(false);
        await VerifyFixedDiagnosticsAsync(cleaned, fixedFiles, cancellationToken).ConfigureAwait(false);

        // ---- FixAll
        if (!_test.SkipFixAllCheck)
        {
            var batchFiles = ExpectedFiles(_test.BatchFixedCode, _test.BatchFixedSources, "BatchFixedCode", "BatchFixedSources");
            var batchExplicit = batchFiles.Count > 0;
            if (!batchExplicit)
            {
                batchFiles = fixedFiles;
            }

            await RunFixAllAsync(initialOutcome, batchFiles, batchExplicit, cancellationToken).ConfigureAwait(false);
        }
    }

    // ------------------------------------------------------------------ candidates and actions

    private IEnumerable<Diagnostic> Fixable(AnalysisOutcome outcome)
        => outcome.AnalyzerDiagnostics.Where(d => _fixableIds.Contains(d.Id) && _run.IsInTestSource(d));

    private async Task<List<CodeAction>> GetActionsAsync(CodeFixProvider provider, Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken);
        await provider.RegisterCodeFixesAsync(context).ConfigureAwait(false);
        var flattened = new List<CodeAction>();
        foreach (var action in actions)
        {
            Flatten(action, flattened);
        }

        return flattened;
    }

    private static void Flatten(CodeAction action, List<CodeAction> into)
    {
        if (action.NestedActions.IsDefaultOrEmpty)
        {
            into.Add(action);
            return;
        }

        foreach (var nested in action.NestedActions)
        {
            Flatten(nested, into);
        }
    }

    /// <summary>The first fixable diagnostic (in source order) for which the selection rules pick an action.</summary>
    private async Task<Candidate?> FindCandidateAsync(Solution solution, AnalysisOutcome outcome, CancellationToken cancellationToken)
    {
        foreach (var diagnostic in Fixable(outcome))
        {
            var document = solution.GetDocument(diagnostic.Location.SourceTree);
            if (document is null)
            {
                continue;
            }

            foreach (var provider in _test.CodeFixProviders.Where(p => p.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                var actions = await GetActionsAsync(provider, document, diagnostic, cancellationToken).ConfigureAwait(false);
                var chosen = Select(actions, diagnostic);
                if (chosen is not null)
                {
                    return new Candidate(diagnostic, provider, chosen);
                }
            }
        }

        return null;
    }

    private CodeAction? Select(IReadOnlyList<CodeAction> actions, Diagnostic diagnostic)
    {
        if (actions.Count == 0)
        {
            return null;
        }

        CodeAction chosen;
        var key = _test.CodeActionEquivalenceKey;
        if (_test.CodeActionIndex is int index)
        {
            if (index < 0 || index >= actions.Count)
            {
                throw new VerificationException(
                    $"CodeActionIndex is {index} but {actions.Count} action(s) are offered for {DiagnosticFormatter.FormatAsCode(diagnostic)}:" +
                    Environment.NewLine + DescribeActions(actions));
            }

            chosen = actions[index];
            if (key is not null && !string.Equals(chosen.EquivalenceKey, key, StringComparison.Ordinal))
            {
                throw new VerificationException(
                    $"CodeActionIndex ({index}) and CodeActionEquivalenceKey ('{key}') disagree: action {index} has key '{chosen.EquivalenceKey}'." +
                    Environment.NewLine + DescribeActions(actions));
            }
        }
        else if (key is not null)
        {
            var match = actions.FirstOrDefault(a => string.Equals(a.EquivalenceKey, key, StringComparison.Ordinal));
            if (match is null)
            {
                return null;
            }

            chosen = match;
        }
        else
        {
            if (actions.Count > 1)
            {
                throw new VerificationException(
                    $"{actions.Count} code actions are offered for {DiagnosticFormatter.FormatAsCode(diagnostic)}; set CodeActionEquivalenceKey " +
                    "or CodeActionIndex to choose one. Candidates:" + Environment.NewLine + DescribeActions(actions));
            }

            chosen = actions[0];
        }

        if (_test.ExpectedCodeActionTitle is not null && !string.Equals(chosen.Title, _test.ExpectedCodeActionTitle, StringComparison.Ordinal))
        {
            throw new VerificationException(
                $"The chosen code action has title {DiagnosticResult.CSharpLiteral(chosen.Title)}; expected {DiagnosticResult.CSharpLiteral(_test.ExpectedCodeActionTitle)}.");
        }

        return chosen;
    }

    private static string DescribeActions(IReadOnlyList<CodeAction> actions)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < actions.Count; i++)
        {
            sb.Append("  [").Append(i).Append("] title ").Append(DiagnosticResult.CSharpLiteral(actions[i].Title))
                .Append(", equivalence key ").AppendLine(actions[i].EquivalenceKey is null ? "null" : DiagnosticResult.CSharpLiteral(actions[i].EquivalenceKey!));
        }

        return sb.ToString();
    }

    private async Task<Solution> ApplyAsync(CodeAction action, Solution solution, string stage, CancellationToken cancellationToken)
    {
        var operations = await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
        var apply = operations.OfType<ApplyChangesOperation>().ToList();
        if (apply.Count != 1)
        {
            throw new VerificationException($"The code action of {stage} returned {apply.Count} ApplyChangesOperation(s); exactly one is expected.");
        }

        var changed = apply[0].ChangedSolution;
        if (changed.GetProject(_run.ProjectId) is null)
        {
            throw new VerificationException($"The code action of {stage} removed the test project.");
        }

        return changed;
    }

    private async Task VerifyNoFixOfferedAsync(IReadOnlyList<Diagnostic> fixable, CancellationToken cancellationToken)
    {
        var offered = new StringBuilder();
        foreach (var diagnostic in fixable)
        {
            var document = _run.InitialSolution.GetDocument(diagnostic.Location.SourceTree)!;
            foreach (var provider in _test.CodeFixProviders.Where(p => p.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                var actions = await GetActionsAsync(provider, document, diagnostic, cancellationToken).ConfigureAwait(false);
                if (actions.Count > 0)
                {
                    offered.Append("  for ").AppendLine(DiagnosticFormatter.FormatAsCode(diagnostic)).Append(DescribeActions(actions));
                }
            }
        }

        if (offered.Length > 0)
        {
            throw new VerificationException(
                "NumberOfIncrementalIterations = 0 asserts that no code fix is offered, but the provider registered actions:" +
                Environment.NewLine + offered);
        }
    }

    // ------------------------------------------------------------------ compiler errors, snapshots

    private async Task ThrowIfNewCompilerErrorsAsync(AnalysisOutcome before, AnalysisOutcome after, Solution solution, string stage, CancellationToken cancellationToken)
    {
        var remaining = before.CompilerErrors
            .GroupBy(ErrorKey)
            .ToDictionary(g => g.Key, g => g.Count());
        var added = new List<Diagnostic>();
        foreach (var error in after.CompilerErrors)
        {
            var key = ErrorKey(error);
            if (remaining.TryGetValue(key, out var count) && count > 0)
            {
                remaining[key] = count - 1;
            }
            else
            {
                added.Add(error);
            }
        }

        _run.ThrowIfSupportErrors(after);
        if (added.Count > 0)
        {
            throw new VerificationException(
                $"The code fix introduced compiler error(s) in {stage}:" + Environment.NewLine + TestRun.FormatList(added) +
                "Code after the fix:" + Environment.NewLine + await DescribeAsync(solution, cancellationToken).ConfigureAwait(false));
        }
    }

    private static string ErrorKey(Diagnostic d) => d.Id + "|" + d.GetMessage(CultureInfo.InvariantCulture);

    private static string DiagnosticSignature(AnalysisOutcome outcome)
        => string.Join(
            "\n",
            outcome.AnalyzerDiagnostics.Select(d => d.Id + "@" + TestRun.FormatLocation(d.Location) + ":" + d.GetMessage(CultureInfo.InvariantCulture)));

    private List<Document> TestDocuments(Solution solution)
    {
        var project = solution.GetProject(_run.ProjectId)!;
        var order = _run.Sources.Select((s, i) => (s.Id, i)).ToDictionary(p => p.Id, p => p.i);
        return project.Documents
            .Where(d => d.FilePath is null || !_run.SupportPaths.Contains(d.FilePath))
            .OrderBy(d => order.TryGetValue(d.Id, out var i) ? i : int.MaxValue)
            .ThenBy(d => d.Name, StringComparer.Ordinal)
            .ToList();
    }

    private string Snapshot(Solution solution)
    {
        var sb = new StringBuilder();
        foreach (var document in TestDocuments(solution))
        {
            document.TryGetText(out var text);
            sb.Append("\u0001").Append(document.Name).Append('\u0002').Append(text?.ToString() ?? document.GetTextAsync().GetAwaiter().GetResult().ToString());
        }

        return sb.ToString();
    }

    private async Task<string> DescribeAsync(Solution solution, CancellationToken cancellationToken)
    {
        var sb = new StringBuilder();
        foreach (var document in TestDocuments(solution))
        {
            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            sb.Append("  ").Append(document.Name).AppendLine(":");
            var lines = text.ToString().Replace("\r\n", "\n").Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                sb.Append("    ").Append((i + 1).ToString(CultureInfo.InvariantCulture).PadLeft(3)).Append(" | ").AppendLine(lines[i]);
            }
        }

        return sb.ToString();
    }

    // ------------------------------------------------------------------ final text and fixed-state diagnostics

    private sealed record ExpectedFile(string Name, string Text, ImmutableArray<MarkupSpan> Spans);

    private static List<ExpectedFile> ExpectedFiles(string? single, SourceFileList list, string singleName, string listName)
    {
        var result = new List<ExpectedFile>();
        foreach (var (name, markup) in TestRun.CollectSources(single, list, singleName, listName))
        {
            MarkupResult parsed;
            try
            {
                parsed = MarkupParser.Parse(markup);
            }
            catch (MarkupException ex)
            {
                throw new MarkupException(ex.Message, ex.Offset, ex.Line, ex.Column, name + " (" + listName + ")");
            }

            result.Add(new ExpectedFile(name, parsed.Text, parsed.Spans));
        }

        return result;
    }

    private async Task<Solution> CleanupAsync(Solution solution, CancellationToken cancellationToken)
    {
        foreach (var document in TestDocuments(solution))
        {
            var current = solution.GetDocument(document.Id)!;
            current = await Simplifier.ReduceAsync(current, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            current = await Formatter.FormatAsync(current, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            solution = current.Project.Solution;
        }

        return solution;
    }

    private async Task CompareTextsAsync(Solution solution, List<ExpectedFile> expected, string what, string property, CancellationToken cancellationToken)
    {
        var documents = TestDocuments(solution);
        var actualNames = documents.Select(d => d.Name).ToList();
        var expectedNames = expected.Select(e => e.Name).ToList();
        if (!actualNames.SequenceEqual(expectedNames, StringComparer.Ordinal))
        {
            throw new VerificationException(
                $"After {what} the project has the documents [{string.Join(", ", actualNames)}], but {property} describes [{string.Join(", ", expectedNames)}].");
        }

        var failures = new StringBuilder();
        for (var i = 0; i < documents.Count; i++)
        {
            var actual = Normalize((await documents[i].GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString());
            var wanted = Normalize(expected[i].Text);
            if (!string.Equals(actual, wanted, StringComparison.Ordinal))
            {
                failures.Append("The code of ").Append(documents[i].Name).Append(" after ").Append(what).Append(" does not match ").Append(property).AppendLine(":");
                failures.AppendLine(LineDiff.Render(wanted, actual));
                failures.AppendLine("Actual code:");
                failures.AppendLine(actual);
            }
        }

        if (failures.Length > 0)
        {
            throw new VerificationException(failures.ToString());
        }
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n');

    private async Task VerifyFixedDiagnosticsAsync(Solution solution, List<ExpectedFile> fixedFiles, CancellationToken cancellationToken)
    {
        var outcome = await _run.AnalyzeAsync(solution.GetProject(_run.ProjectId)!, includeCompilerDiagnostics: true, cancellationToken).ConfigureAwait(false);
        _run.ThrowIfAnalyzerFailures(outcome, "the analysis of the fixed code");
        _run.ThrowIfSupportErrors(outcome);
        var ignoreFixable = _test.FixedMarkup == FixedMarkupMode.IgnoreFixable;
        var expected = _run.BuildExpected(
            fixedFiles.Select(f => (f.Name, f.Text, f.Spans)).ToList(),
            _test.FixedExpectedDiagnostics,
            ignoreMarkupId: ignoreFixable ? id => _fixableIds.Contains(id) : null);
        _run.CompareOrThrow(
            "fixed code",
            expected,
            outcome,
            fixedFiles.Select(f => (f.Name, f.Text)).ToList(),
            exclude: ignoreFixable ? d => _fixableIds.Contains(d.Id) && !expected.Any(e => e.Id == d.Id) : null);
    }

    // ------------------------------------------------------------------ FixAll

    private async Task RunFixAllAsync(AnalysisOutcome initialOutcome, List<ExpectedFile> batchFiles, bool batchExplicit, CancellationToken cancellationToken)
    {
        var first = await FindCandidateAsync(_run.InitialSolution, initialOutcome, cancellationToken).ConfigureAwait(false);
        if (first is null)
        {
            return;
        }

        var fixAllProvider = first.Provider.GetFixAllProvider();
        if (fixAllProvider is null)
        {
            if (batchExplicit || _test.FixAllScopes is not null)
            {
                throw new VerificationException($"{first.Provider.GetType().Name} has no FixAllProvider, but the test sets BatchFixedCode/BatchFixedSources or FixAllScopes.");
            }

            return;
        }

        var supported = fixAllProvider.GetSupportedFixAllScopes().ToImmutableHashSet();
        IEnumerable<FixAllScope> scopes;
        if (_test.FixAllScopes is { } requested)
        {
            var unsupported = requested.Where(s => !supported.Contains(s)).ToList();
            if (unsupported.Count > 0)
            {
                throw new VerificationException($"The FixAllProvider of {first.Provider.GetType().Name} does not support scope(s) {string.Join(", ", unsupported)}.");
            }

            scopes = requested;
        }
        else
        {
            scopes = new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution }.Where(supported.Contains);
        }

        var documentsWithDiagnostics = Fixable(initialOutcome).Select(d => d.Location.SourceTree!.FilePath).Distinct(StringComparer.Ordinal).Count();
        foreach (var scope in scopes)
        {
            var exact = _test.NumberOfFixAllIterations;
            var budget = exact ?? (scope == FixAllScope.Document ? documentsWithDiagnostics : 1);
            var solution = _run.InitialSolution;
            var outcome = initialOutcome;
            var iterations = 0;
            while (true)
            {
                var candidate = await FindCandidateAsync(solution, outcome, cancellationToken).ConfigureAwait(false);
                if (candidate is null)
                {
                    break;
                }

                if (iterations >= budget)
                {
                    if (exact is not null)
                    {
                        throw new VerificationException(
                            $"FixAll in scope {scope} needed more than {exact} iteration(s) (NumberOfFixAllIterations); a fix is still offered for {DiagnosticFormatter.FormatAsCode(candidate.Diagnostic)}.");
                    }

                    break;
                }

                var provider = candidate.Provider.GetFixAllProvider()
                    ?? throw new VerificationException($"{candidate.Provider.GetType().Name} has no FixAllProvider.");
                if (candidate.Action.EquivalenceKey is null)
                {
                    throw new VerificationException(
                        $"The chosen code action {DiagnosticResult.CSharpLiteral(candidate.Action.Title)} has no equivalence key, but " +
                        $"{candidate.Provider.GetType().Name} offers FixAll: FixAll applies every action with the same key, so without " +
                        "distinct keys it cannot tell the fixer's actions apart. Give each action an equivalence key (or set SkipFixAllCheck = true).");
                }

                var document = solution.GetDocument(candidate.Diagnostic.Location.SourceTree)!;
                var diagnosticProvider = new HarnessDiagnosticProvider(this);
                var context = new FixAllContext(
                    document,
                    candidate.Provider,
                    scope,
                    candidate.Action.EquivalenceKey,
                    candidate.Provider.FixableDiagnosticIds,
                    diagnosticProvider,
                    cancellationToken);
                var stage = $"FixAll in scope {scope}, iteration {iterations + 1} (equivalence key {(candidate.Action.EquivalenceKey is null ? "null" : DiagnosticResult.CSharpLiteral(candidate.Action.EquivalenceKey))})";
                var action = await provider.GetFixAsync(context).ConfigureAwait(false)
                    ?? throw new VerificationException($"The FixAllProvider returned no action in {stage}.");
                diagnosticProvider.ThrowIfFailed(stage);
                var newSolution = await ApplyAsync(action, solution, stage, cancellationToken).ConfigureAwait(false);
                iterations++;
                if (Snapshot(newSolution) == Snapshot(solution))
                {
                    throw new VerificationException($"{stage} made no change.");
                }

                var newOutcome = await _run.AnalyzeAsync(newSolution.GetProject(_run.ProjectId)!, includeCompilerDiagnostics: true, cancellationToken).ConfigureAwait(false);
                _run.ThrowIfAnalyzerFailures(newOutcome, "the analysis after " + stage);
                await ThrowIfNewCompilerErrorsAsync(outcome, newOutcome, newSolution, stage, cancellationToken).ConfigureAwait(false);
                solution = newSolution;
                outcome = newOutcome;
            }

            if (exact is int expectedIterations && iterations != expectedIterations)
            {
                throw new VerificationException(
                    $"Expected {expectedIterations} FixAll iteration(s) in scope {scope} (NumberOfFixAllIterations) but {iterations} were applied.");
            }

            var cleaned = await CleanupAsync(solution, cancellationToken).ConfigureAwait(false);
            await CompareTextsAsync(
                cleaned,
                batchFiles,
                $"FixAll in scope {scope}",
                batchExplicit ? "BatchFixedCode/BatchFixedSources" : "FixedCode/FixedSources (used as the FixAll result because no BatchFixedCode is set)",
                cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Gives FixAll the current diagnostics of a document or project, analyzing each project snapshot once.</summary>
    private sealed class HarnessDiagnosticProvider : FixAllContext.DiagnosticProvider
    {
        private readonly FixRunner _owner;
        private readonly ConditionalWeakTable<Project, Task<ImmutableArray<Diagnostic>>> _cache = new();
        private volatile VerificationException? _failure;

        public HarnessDiagnosticProvider(FixRunner owner) => _owner = owner;

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var all = await GetAsync(document.Project, cancellationToken).ConfigureAwait(false);
            return all.Where(d => d.Location.IsInSource && string.Equals(d.Location.SourceTree!.FilePath, document.FilePath, StringComparison.Ordinal));
        }

        public override async Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
        {
            var all = await GetAsync(project, cancellationToken).ConfigureAwait(false);
            return all.Where(d => !d.Location.IsInSource);
        }

        public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => await GetAsync(project, cancellationToken).ConfigureAwait(false);

        public void ThrowIfFailed(string stage)
        {
            if (_failure is not null)
            {
                throw new VerificationException($"During {stage}: {_failure.Message}");
            }
        }

        private Task<ImmutableArray<Diagnostic>> GetAsync(Project project, CancellationToken cancellationToken)
            => _cache.GetValue(project, p => ComputeAsync(p, cancellationToken));

        private async Task<ImmutableArray<Diagnostic>> ComputeAsync(Project project, CancellationToken cancellationToken)
        {
            var outcome = await _owner._run.AnalyzeAsync(project, includeCompilerDiagnostics: false, cancellationToken).ConfigureAwait(false);
            try
            {
                _owner._run.ThrowIfAnalyzerFailures(outcome, "the analysis for FixAll");
            }
            catch (VerificationException ex)
            {
                _failure = ex;
                throw;
            }

            return outcome.AnalyzerDiagnostics
                .Where(d => _owner._fixableIds.Contains(d.Id) && (!d.Location.IsInSource || _owner._run.IsInTestSource(d)))
                .ToImmutableArray();
        }
    }
}
