using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace ClaudeCost.Analyzers.Tests.Robustness;

/// <summary>
/// "No crash, on any input": every analyzer and every code fix of the package, run over the rule tests' sources (whole,
/// truncated as if typed, with random tokens deleted), deep and very long generated code, the repository's own
/// sources, configuration files, and a corpus of odd but legal C#. Any analyzer exception (or AD0001), any exception
/// from a fix's registration, its code actions or its FixAll, fails the test with the input, the cut point, the
/// analyzer or fix and the exception with its stack (see README.md next to this file).
/// <para>
/// STACK OVERFLOW: a stack overflow cannot be caught; it kills the test host ("The active test run was aborted …
/// Test host process crashed … Stack overflow"). If that happens while this class runs, this suite found recursion
/// whose depth the analyzed source controls. The deep inputs are replayed on a thread with a deliberately small stack
/// (<see cref="RobustnessRunner.SmallStackSize"/>) precisely so that such recursion fails here, fast and every time,
/// instead of passing on a big stack and crashing an IDE later. The input being replayed is printed to stderr just
/// before its replay ("[robustness] small-stack replay of …"): the last such line before the crash names the culprit,
/// and the runtime prints the overflowing stack.
/// </para>
/// </summary>
[Trait("Category", "Robustness")]
public class RobustnessTests
{
    /// <summary>An input that takes longer than this is reported as hanging (an endless loop is a crash too).</summary>
    private static readonly TimeSpan s_inputTimeout = TimeSpan.FromSeconds(120);

    /// <summary>Environment variable that restricts every robustness test to the inputs whose description contains it.</summary>
    public const string FilterVariable = "CLAUDECOST_ROBUSTNESS_FILTER";

    private readonly ITestOutputHelper _output;

    public RobustnessTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void EveryAnalyzerAndFixIsFoundAndThereAreSeeds()
    {
        var components = RobustnessComponents.Instance;
        Assert.NotEmpty(components.Analyzers);
        Assert.NotEmpty(components.CodeFixes);
        Assert.All(components.FixableIds, id => Assert.Contains(id, components.SupportedIds));
        Assert.True(SeedCatalog.Seeds.Length >= 20, $"Only {SeedCatalog.Seeds.Length} seeds were extracted from {SeedCatalog.RulesDirectory}.");
        Assert.NotEmpty(RobustnessInputs.CorpusFiles());
        _output.WriteLine("Analyzers: " + string.Join(", ", components.Analyzers.Select(a => a.GetType().Name)));
        _output.WriteLine("Code fixes: " + string.Join(", ", components.CodeFixes.Select(f => f.GetType().Name + " (" + string.Join("/", f.FixableDiagnosticIds) + ")")));
        _output.WriteLine($"Seeds: {SeedCatalog.Seeds.Length} sources, {SeedCatalog.PerFile.Length} per-file compilations, {SeedCatalog.Configs.Length} configuration texts");
    }

    [Fact]
    public Task RuleTestSourcesWhole() => RunAsync(RobustnessInputs.Seeds());

    [Fact]
    public Task RuleTestSourcesTruncatedAsIfTyped() => RunAsync(RobustnessInputs.TruncatedSeeds());

    [Fact]
    public Task RuleTestSourcesWithRandomTokensDeleted() => RunAsync(RobustnessInputs.TokenDeletedSeeds());

    [Fact]
    public Task RuleTestSourcesWithOddPromptValues() => RunAsync(RobustnessInputs.OddValueSeeds());

    [Fact]
    public Task DeeplyNestedAndVeryLongCode() => RunAsync(RobustnessInputs.Deep());

    [Fact]
    public Task TheRepositorysOwnSources() => RunAsync(RobustnessInputs.OwnSource());

    [Fact]
    public Task OddButLegalCSharp() => RunAsync(RobustnessInputs.Corpus());

    [Fact]
    public Task ConfigurationFiles() => RunAsync(RobustnessInputs.Configurations());

    private async Task RunAsync(IEnumerable<RobustInput> source, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        var components = RobustnessComponents.Instance;
        var inputs = RobustnessInputs.Distinct(source);
        Assert.NotEmpty(inputs);
        var filter = Environment.GetEnvironmentVariable(FilterVariable);
        if (!string.IsNullOrEmpty(filter))
        {
            // To rerun one input (e.g. the one a failure names): CLAUDECOST_ROBUSTNESS_FILTER="part of its name".
            inputs = inputs.Where(i => i.ToString().Contains(filter, StringComparison.Ordinal)).ToList();
            _output.WriteLine($"{FilterVariable}='{filter}': {inputs.Count} input(s) selected.");
        }

        var stopwatch = Stopwatch.StartNew();
        var outcomes = new ConcurrentBag<(RobustInput Input, InputOutcome Outcome)>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount) };

        // Biggest first, so that a long input does not start last and run alone.
        await Parallel.ForEachAsync(inputs.OrderByDescending(i => i.TotalLength), options, async (input, _) =>
        {
            using var timeout = new CancellationTokenSource(s_inputTimeout);
            InputOutcome outcome;
            try
            {
                outcome = await RobustnessRunner.RunAsync(input, components, timeout.Token).WaitAsync(s_inputTimeout + TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
            {
                outcome = new InputOutcome();
                outcome.Failures.Add(new RobustFailure(input, "whole input", "(all)", $"did not finish within {s_inputTimeout.TotalSeconds:0} s: an endless loop or runaway work", ex.ToString()));
            }
            catch (Exception ex)
            {
                outcome = new InputOutcome();
                outcome.Failures.Add(new RobustFailure(input, "whole input", "(harness)", "the input could not be run", ex.ToString()));
            }

            outcomes.Add((input, outcome));
        }).ConfigureAwait(false);

        stopwatch.Stop();
        var all = outcomes.ToList();
        _output.WriteLine(Summary(all, stopwatch.Elapsed));
        var failures = all.SelectMany(o => o.Outcome.Failures).ToList();
        if (failures.Count > 0)
        {
            Assert.Fail(Report(failures, all.Count, test));
        }
    }

    private static string Summary(List<(RobustInput Input, InputOutcome Outcome)> all, TimeSpan elapsed)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{all.Count} inputs analyzed in {elapsed.TotalSeconds:0.0} s");
        sb.Append(CultureInfo.InvariantCulture, $" ({all.Count(o => o.Outcome.HasSyntaxErrors)} with syntax errors, {all.Count(o => o.Outcome.Replayed)} also replayed on a {RobustnessRunner.SmallStackSize / 1024} KB stack)").AppendLine();
        foreach (var group in all.GroupBy(o => o.Input.Group).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            sb.Append(CultureInfo.InvariantCulture, $"  {group.Key}: {group.Count()} inputs, {group.Sum(o => o.Outcome.AnalyzerDiagnostics)} analyzer diagnostics, ")
                .Append(CultureInfo.InvariantCulture, $"{group.Sum(o => o.Outcome.FixableDiagnostics)} fixable, {group.Sum(o => o.Outcome.CodeActions)} code actions computed, ")
                .Append(CultureInfo.InvariantCulture, $"{group.Sum(o => o.Outcome.FixAllRuns)} FixAll runs, {group.Sum(o => o.Outcome.ReanalyzedFixes)} fixed results re-analyzed, ")
                .Append(CultureInfo.InvariantCulture, $"{group.Sum(o => o.Outcome.Failures.Count)} failures").AppendLine();
        }

        var notOffered = all.Sum(o => o.Outcome.DiagnosticsNotOffered);
        if (notOffered > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  {notOffered} fixable diagnostics were covered by FixAll only (per input, fixes are registered for a spread of at most {RobustnessRunner.MaxDiagnosticsOfferedPerInput} fixable diagnostics and their actions computed for {RobustnessRunner.MaxDiagnosticsComputedPerInput}; {RobustnessRunner.MaxDiagnosticsOfferedPerDeepInput} and {RobustnessRunner.MaxDiagnosticsComputedPerDeepInput} for deep inputs).").AppendLine();
        }

        var trips = all.SelectMany(o => o.Outcome.RoslynStackGuardTrips).ToList();
        if (trips.Count > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  {trips.Count} time(s) Roslyn's own stack guard tripped on the small stack with no ClaudeCost recursion on it (not failures):").AppendLine();
            foreach (var group in trips.GroupBy(t => t.Component + " during " + System.Text.RegularExpressions.Regex.Replace(t.Stage, "'[^']*'", "'…'")))
            {
                sb.Append(CultureInfo.InvariantCulture, $"    {group.Count()} × {group.Key} ({group.First().Exception}) on: {string.Join("; ", group.Select(t => t.Input.Name).Distinct().Take(4))}").AppendLine();
            }
        }

        sb.AppendLine("  slowest inputs (replay / analysis / fixes / re-analysis, seconds):");
        foreach (var (input, outcome) in all.OrderByDescending(o => o.Outcome.ReplayTime + o.Outcome.AnalysisTime + o.Outcome.FixTime + o.Outcome.ReanalysisTime).Take(8))
        {
            sb.Append(CultureInfo.InvariantCulture, $"    {outcome.ReplayTime.TotalSeconds:0.0} / {outcome.AnalysisTime.TotalSeconds:0.0} / {outcome.FixTime.TotalSeconds:0.0} / {outcome.ReanalysisTime.TotalSeconds:0.0}  {input} ({outcome.AnalyzerDiagnostics} diagnostics, {outcome.CodeActions} actions)").AppendLine();
        }

        return sb.ToString();
    }

    /// <summary>One section per distinct bug (component, stage, exception type, top frame), with the smallest input that shows it.</summary>
    private static string Report(List<RobustFailure> failures, int inputCount, string test)
    {
        var directory = Path.Combine(Path.GetTempPath(), "claudecost-robustness-failures", test);
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        Directory.CreateDirectory(directory);
        var sb = new StringBuilder();
        var groups = failures.GroupBy(f => f.Signature).OrderByDescending(g => g.Count()).ToList();
        sb.Append(CultureInfo.InvariantCulture, $"{failures.Count} failure(s) in {failures.Select(f => f.Input).Distinct().Count()} of {inputCount} inputs, {groups.Count} distinct.").AppendLine();
        sb.AppendLine("Analyzers and code fixes must never throw, whatever the code (in an IDE this is AD0001 or a broken light bulb).");
        var number = 0;
        foreach (var group in groups)
        {
            number++;
            var smallest = group.OrderBy(f => f.Input.TotalLength).ThenBy(f => f.Input.Name, StringComparer.Ordinal).First();
            sb.AppendLine().Append(CultureInfo.InvariantCulture, $"#{number}: {group.Count()} occurrence(s), in {group.Select(f => f.Input).Distinct().Count()} input(s)").AppendLine();
            sb.Append("  component: ").AppendLine(smallest.Component);
            sb.Append("  stage:     ").AppendLine(smallest.Stage);
            sb.Append("  input:     ").AppendLine(smallest.Input.ToString());
            if (smallest.Detail.Length > 0)
            {
                sb.Append("  at:        ").AppendLine(smallest.Detail);
            }

            foreach (var other in group.Select(f => f.Input).Distinct().Where(i => i != smallest.Input).Take(4))
            {
                sb.Append("  also:      ").AppendLine(other.ToString());
            }

            var ours = smallest.Exception.Split('\n').Select(l => l.Trim())
                .FirstOrDefault(l => (l.StartsWith("at ClaudeCost.Analyzers.", StringComparison.Ordinal) || l.StartsWith("at ClaudeCost.CodeFixes.", StringComparison.Ordinal))
                    && !l.StartsWith("at ClaudeCost.Analyzers.Tests.", StringComparison.Ordinal));
            if (ours is not null)
            {
                sb.Append("  in src:    ").AppendLine(ours.Substring(3));
            }

            if (smallest.Exception.StartsWith(typeof(InsufficientExecutionStackException).FullName!, StringComparison.Ordinal))
            {
                sb.AppendLine("  note:      InsufficientExecutionStackException is a stack guard stopping recursion just before a stack overflow:");
                sb.AppendLine("             the code recursed about once per nesting level of the input. See README.md (Stack overflow).");
            }

            sb.AppendLine("  exception:").AppendLine(Indent(smallest.Exception, "    "));
            var file = Path.Combine(directory, $"repro-{number}.cs");
            File.WriteAllText(file, ReproText(smallest));
            sb.Append("  repro (smallest input) written to ").AppendLine(file);
            if (smallest.Input.TotalLength <= 2500)
            {
                sb.AppendLine("  repro source:").AppendLine(Indent(ReproText(smallest), "    | "));
            }
        }

        return sb.ToString();
    }

    private static string ReproText(RobustFailure failure)
    {
        var sb = new StringBuilder();
        sb.Append("// Robustness repro: ").AppendLine(failure.Input.ToString());
        sb.Append("// ").Append(failure.Component).Append(" during ").AppendLine(failure.Stage);
        if (failure.Input.EditorConfig is not null && failure.Input.EditorConfig != RobustInput.DefaultEditorConfig)
        {
            sb.AppendLine("// .editorconfig:").AppendLine(Indent(failure.Input.EditorConfig, "//   "));
        }

        foreach (var additional in failure.Input.AdditionalFiles)
        {
            sb.Append("// additional file ").Append(additional.Name).AppendLine(additional.Text.Length <= 2000 ? ":" : " (first 2,000 characters):")
                .AppendLine(Indent(additional.Text.Length <= 2000 ? additional.Text : additional.Text.Substring(0, 2000), "//   "));
        }

        if (!failure.Input.PreprocessorSymbols.IsEmpty)
        {
            sb.Append("// preprocessor symbols: ").AppendLine(string.Join(", ", failure.Input.PreprocessorSymbols));
        }

        foreach (var document in failure.Input.Documents)
        {
            if (failure.Input.Documents.Length > 1)
            {
                sb.Append("// ---- ").AppendLine(document.Name);
            }

            sb.AppendLine(document.Text);
        }

        return sb.ToString();
    }

    private static string Indent(string text, string prefix)
        => string.Join(Environment.NewLine, text.Replace("\r\n", "\n").Split('\n').Select(l => prefix + l));
}
