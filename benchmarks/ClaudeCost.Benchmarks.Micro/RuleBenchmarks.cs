using System;
using System.Collections.Immutable;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ClaudeCost.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClaudeCost.Benchmarks.Micro
{
    /// <summary>
    /// One benchmark per ClaudeCost analyzer over <see cref="Files"/> synthetic files, with and without findings,
    /// next to an empty analyzer (the baseline) and a no-op operation analyzer. Every invocation analyzes a fresh
    /// compilation (CompilationWithAnalyzers clones it, so no binding and no per-compilation ClaudeCost cache carries
    /// over) and asserts the exact diagnostic count, so a rule that silently stops finding things fails the run.
    /// </summary>
    [Config(typeof(MicroConfig))]
    public class RuleBenchmarks
    {
        private Compilation _compilation = null!;
        private AnalyzerOptions _options = null!;

        [Params(CorpusKind.Findings, CorpusKind.Clean, CorpusKind.NoClaude)]
        public CorpusKind Corpus { get; set; }

        [Params(100)]
        public int Files { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            _compilation = MicroCorpus.Compilation(Corpus, Files);
            MicroCorpus.AssertCompiles(_compilation);
            _options = MicroCorpus.Options(Corpus);
        }

        [Benchmark(Baseline = true, Description = "Empty analyzer (baseline)")]
        public int Empty() => Run(new EmptyAnalyzer());

        [Benchmark(Description = "No-op operation callbacks")]
        public int NoOpOperations() => Run(new NoOpOperationAnalyzer());

        [Benchmark]
        public int CC0001() => RunRule("CC0001");

        [Benchmark]
        public int CC0002() => RunRule("CC0002");

        [Benchmark]
        public int CC0003() => RunRule("CC0003");

        [Benchmark]
        public int CC0004() => RunRule("CC0004");

        [Benchmark]
        public int CC0005() => RunRule("CC0005");

        [Benchmark]
        public int CC0010() => RunRule("CC0010");

        [Benchmark]
        public int CC0014() => RunRule("CC0014");

        [Benchmark]
        public int CC0015() => RunRule("CC0015");

        [Benchmark]
        public int CC0016() => RunRule("CC0016");

        [Benchmark]
        public int CC0017() => RunRule("CC0017");

        [Benchmark]
        public int CC0018() => RunRule("CC0018");

        [Benchmark]
        public int CC0019() => RunRule("CC0019");

        [Benchmark]
        public int CC9001() => RunRule("CC9001");

        [Benchmark]
        public int CC9002() => RunRule("CC9002");

        [Benchmark(Description = "All ClaudeCost analyzers")]
        public int AllClaudeCost() => Run(AnalyzerRunner.AllClaudeCost(), AnalyzerRunner.ClaudeCostIds);

        private int Run(DiagnosticAnalyzer analyzer, params string[] ids) => Run(ImmutableArray.Create(analyzer), ids);

        private int RunRule(string id) => Run(AnalyzerRunner.AnalyzerFor(id), id);

        private int Run(ImmutableArray<DiagnosticAnalyzer> analyzers, params string[] ids)
        {
            var diagnostics = AnalyzerRunner.Run(_compilation, _options, analyzers, logExecutionTime: false).Diagnostics;
            AnalyzerRunner.AssertCounts(diagnostics, ids, Corpus, Files);
            return diagnostics.Length;
        }
    }

    /// <summary>In-process runs (no child project to build), few iterations: each invocation analyzes a whole compilation.</summary>
    public sealed class MicroConfig : ManualConfig
    {
        public MicroConfig()
        {
            AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithLaunchCount(1)
                .WithWarmupCount(2)
                .WithIterationCount(8)
                .WithInvocationCount(1)
                .WithUnrollFactor(1)
                .WithId("InProcess"));
            AddDiagnoser(MemoryDiagnoser.Default);
        }
    }

    /// <summary>Runs analyzers over a compilation and checks what they report.</summary>
    public static class AnalyzerRunner
    {
        /// <summary>Every rule the package reports.</summary>
        public static readonly string[] ClaudeCostIds = AllClaudeCost().SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToArray();

        /// <summary>The analyzer that reports <paramref name="id"/>.</summary>
        public static DiagnosticAnalyzer AnalyzerFor(string id) => AllClaudeCost().Single(a => a.SupportedDiagnostics.Any(d => d.Id == id));

        /// <summary>Every analyzer the package ships (found by reflection, so new rules are measured too).</summary>
        public static ImmutableArray<DiagnosticAnalyzer> AllClaudeCost() => typeof(CC0001VolatileValueInCachedPrefixAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) != null)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

        public static (ImmutableArray<Diagnostic> Diagnostics, CompilationWithAnalyzers Driver) Run(Compilation compilation, AnalyzerOptions options, ImmutableArray<DiagnosticAnalyzer> analyzers, bool logExecutionTime, bool concurrent = true)
        {
            Exception? failure = null;
            DiagnosticAnalyzer? failed = null;
            var driver = compilation.WithAnalyzers(
                analyzers,
                new CompilationWithAnalyzersOptions(
                    options,
                    onAnalyzerException: (exception, analyzer, _) =>
                    {
                        failure ??= exception;
                        failed ??= analyzer;
                    },
                    concurrentAnalysis: concurrent,
                    logAnalyzerExecutionTime: logExecutionTime,
                    reportSuppressedDiagnostics: false));
            var diagnostics = driver.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
            if (failure != null)
            {
                throw new InvalidOperationException($"{failed?.GetType().Name} threw: {failure}");
            }

            return (diagnostics, driver);
        }

        /// <summary>Throws unless each rule reported exactly the expected count and nothing else was reported.</summary>
        public static void AssertCounts(ImmutableArray<Diagnostic> diagnostics, string[] ids, CorpusKind corpus, int files)
        {
            var unexpected = diagnostics.Where(d => !ids.Contains(d.Id)).ToList();
            if (unexpected.Count > 0)
            {
                throw new InvalidOperationException($"Unexpected diagnostics ({unexpected.Count}), first: {unexpected[0]}");
            }

            foreach (var id in ids)
            {
                var expected = MicroCorpus.Expected(id, corpus, files);
                var actual = diagnostics.Count(d => d.Id == id);
                if (actual != expected)
                {
                    var sample = diagnostics.FirstOrDefault(d => d.Id == id);
                    throw new InvalidOperationException($"{id} on the {corpus} corpus of {files} files: expected {expected} diagnostics, got {actual}{(sample == null ? string.Empty : ", e.g. " + sample)}");
                }
            }
        }
    }
}
