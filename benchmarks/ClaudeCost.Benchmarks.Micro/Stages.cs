using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Collections.Immutable;
using System.Linq;
using ClaudeCost.Analyzers.Requests;
using ClaudeCost.Benchmarks.Corpus;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClaudeCost.Benchmarks.Micro
{
    /// <summary>
    /// Where the shared request work goes, single-threaded on a bound compilation: the per-file candidate scan, the
    /// semantic model's GetOperation for each candidate, and request construction per kind of candidate.
    /// ... -- --stages [--variant claude|noclaude] [--files 1500] [--iterations 3]
    /// </summary>
    internal static class Stages
    {
        public static int Run(string[] args)
        {
            var (variant, files, iterations) = StageArguments.Parse(args);
            var baseCompilation = MicroCorpus.EndToEndCompilation(variant, files);
            if (args.Contains("--construction-only"))
            {
                return ConstructionOnly(baseCompilation, iterations);
            }

            if (args.Contains("--scan-only"))
            {
                return ScanOnly(baseCompilation, iterations);
            }

            var options = MicroCorpus.Options(CorpusKind.Clean);
            for (var iteration = 0; iteration <= iterations; iteration++)
            {
                // A fresh compilation each round (the context is per compilation); bind every tree first so binding is not counted.
                var compilation = baseCompilation.Clone();
                var models = compilation.SyntaxTrees.Select(t => compilation.GetSemanticModel(t)).ToList();
                foreach (var model in models)
                {
                    model.GetDiagnostics();
                }

                var textOnly = Stopwatch.StartNew();
                var hits = 0;
                foreach (var model in models)
                {
                    var text = model.SyntaxTree.GetText().ToString();
                    for (var at = text.IndexOf("essage", StringComparison.Ordinal); at >= 0; at = text.IndexOf("essage", at + 6, StringComparison.Ordinal))
                    {
                        hits++;
                    }

                    for (var at = text.IndexOf("laude", StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf("laude", at + 5, StringComparison.OrdinalIgnoreCase))
                    {
                        hits++;
                    }
                }

                textOnly.Stop();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Text search alone: {textOnly.Elapsed.TotalMilliseconds:0.0} ms, {hits} hits"));
                var total = Stopwatch.StartNew();
                var context = Stopwatch.StartNew();
                var shared = ClaudeCompilationContext.Get(compilation, options, default);
                context.Stop();
                var scan = TimeSpan.Zero;
                var getOperation = TimeSpan.Zero;
                var byKind = new Dictionary<string, (TimeSpan Time, int Count, int Requests)>();
                var candidates = 0;
                foreach (var model in models)
                {
                    var sw = Stopwatch.StartNew();
                    var found = shared.RequestCandidatesIn(model.SyntaxTree, default);
                    var modelIds = shared.ModelIdCandidatesIn(model.SyntaxTree, default);
                    scan += sw.Elapsed;
                    candidates += found.Length + modelIds.Length;
                    foreach (var node in found)
                    {
                        sw.Restart();
                        var operation = model.GetOperation(node);
                        getOperation += sw.Elapsed;
                        if (operation == null)
                        {
                            continue;
                        }

                        sw.Restart();
                        var request = shared.GetRequest(operation, default);
                        var kind = operation.Kind + (request != null ? " / " + request.Surface : " / none");
                        byKind.TryGetValue(kind, out var entry);
                        byKind[kind] = (entry.Time + sw.Elapsed, entry.Count + 1, entry.Requests + (request != null ? 1 : 0));
                    }
                }

                total.Stop();
                if (iteration == 0)
                {
                    continue;
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Round {iteration}: total {total.Elapsed.TotalMilliseconds:0} ms; context {context.Elapsed.TotalMilliseconds:0.0} ms; scan {scan.TotalMilliseconds:0.0} ms ({candidates} candidates); GetOperation {getOperation.TotalMilliseconds:0.0} ms"));
                foreach (var (kind, entry) in byKind.OrderByDescending(e => e.Value.Time))
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   {kind,-50} {entry.Time.TotalMilliseconds,8:0.0} ms  {entry.Count,6} candidates"));
                }
            }

            return 0;
        }

        /// <summary>The per-file candidate scan alone, repeated with fresh caches (the trees' red nodes already exist, as in a build).</summary>
        private static int ScanOnly(Compilation compilation, int iterations)
        {
            var options = MicroCorpus.Options(CorpusKind.Clean);
            var times = new List<double>();
            for (var i = 0; i <= iterations; i++)
            {
                var shared = ClaudeCompilationContext.CreateUnshared(compilation, options, default);
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                var stopwatch = Stopwatch.StartNew();
                var candidates = 0;
                foreach (var tree in compilation.SyntaxTrees)
                {
                    candidates += shared.RequestCandidatesIn(tree, default).Length + shared.ModelIdCandidatesIn(tree, default).Length;
                }

                stopwatch.Stop();
                if (i == 0)
                {
                    // The first round creates the red nodes the compiler's binding would have created: not counted.
                    continue;
                }

                times.Add(stopwatch.Elapsed.TotalMilliseconds);
                var megabytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / 1048576.0;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Scan: {candidates} candidates in {stopwatch.Elapsed.TotalMilliseconds:0.0} ms, {megabytes:0.00} MB allocated"));
            }

            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Scan over {times.Count} rounds: min {times[0]:0.0} ms, median {times[times.Count / 2]:0.0} ms"));
            return 0;
        }

        /// <summary>Request construction alone, repeated with fresh caches over operations that are already bound (for a sampling profiler).</summary>
        private static int ConstructionOnly(Compilation compilation, int iterations)
        {
            // As in a build: the driver's compilation hands out one cached semantic model per tree, so the operation trees
            // built by the warm-up pass below are reused (in a build, the anchors' and the SDK's operation actions build them).
            compilation = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyAnalyzer())).Compilation;
            var options = MicroCorpus.Options(CorpusKind.Clean);
            var first = ClaudeCompilationContext.Get(compilation, options, default);
            var operations = new List<IOperation>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                var model = compilation.GetSemanticModel(tree);
                foreach (var node in first.RequestCandidatesIn(tree, default))
                {
                    if (model.GetOperation(node) is { } operation)
                    {
                        operations.Add(operation);
                    }
                }
            }

            // Warm the semantic models the tracker uses for other files.
            foreach (var operation in operations)
            {
                first.GetRequest(operation, default);
            }

            var times = new List<double>();
            for (var i = 0; i < iterations; i++)
            {
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                var collections = GC.CollectionCount(0);
                var stopwatch = Stopwatch.StartNew();
                var shared = ClaudeCompilationContext.CreateUnshared(compilation, options, default);
                var requests = operations.Count(o => shared.GetRequest(o, default) != null);
                stopwatch.Stop();
                var megabytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / 1048576.0;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Construction: {requests} requests from {operations.Count} candidates in {stopwatch.Elapsed.TotalMilliseconds:0.0} ms, {megabytes:0.0} MB allocated, {GC.CollectionCount(0) - collections} gen0 collections"));
                times.Add(stopwatch.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Construction over {times.Count} rounds: min {times[0]:0.0} ms, median {times[times.Count / 2]:0.0} ms"));
            return 0;
        }
    }
}
