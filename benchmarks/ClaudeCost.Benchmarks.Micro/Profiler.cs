using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using ClaudeCost.Benchmarks.Corpus;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClaudeCost.Benchmarks.Micro
{
    /// <summary>
    /// Quick stopwatch harness, no BenchmarkDotNet: the end-to-end corpus (or a micro corpus) in memory, the ClaudeCost
    /// analyzers run several times in this process, each analyzer's execution time as the compiler's driver measures it
    /// (the same figure -p:ReportAnalyzer=true prints), plus wall-clock times against the empty analyzer.
    /// </summary>
    public static class Profiler
    {
        public static int Run(string[] args)
        {
            var files = 1500;
            var iterations = 5;
            var variant = CorpusVariant.Claude;
            CorpusKind? micro = null;
            var sets = "empty,noop,claudecost";
            var concurrent = true;
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--files":
                        files = int.Parse(args[++i], CultureInfo.InvariantCulture);
                        break;
                    case "--iterations":
                        iterations = int.Parse(args[++i], CultureInfo.InvariantCulture);
                        break;
                    case "--variant":
                        variant = args[++i] == "noclaude" ? CorpusVariant.NoClaude : CorpusVariant.Claude;
                        break;
                    case "--sequential":
                        concurrent = false;
                        break;
                    case "--sets":
                        sets = args[++i];
                        break;
                    case "--corpus":
                        micro = Enum.Parse<CorpusKind>(args[++i], ignoreCase: true);
                        break;
                }
            }

            var compilation = micro is { } kind ? MicroCorpus.Compilation(kind, files) : MicroCorpus.EndToEndCompilation(variant, files);
            var options = MicroCorpus.Options(micro ?? CorpusKind.Clean);
            Console.WriteLine(micro is { } k
                ? $"Micro corpus {k}, {files} files"
                : $"End-to-end corpus {variant}, {files} files generated ({compilation.SyntaxTrees.Count()} compiled: validation files left out)");
            var errors = compilation.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
            Console.WriteLine($"Compiler errors: {errors}");

            var times = new Dictionary<string, List<double>>(StringComparer.Ordinal);
            var walls = new Dictionary<string, List<double>>(StringComparer.Ordinal);
            var cpus = new Dictionary<string, List<double>>(StringComparer.Ordinal);
            var process = Process.GetCurrentProcess();
            for (var iteration = 0; iteration <= iterations; iteration++)
            {
                foreach (var (label, analyzers) in Sets(sets))
                {
                    process.Refresh();
                    var cpuBefore = process.TotalProcessorTime;
                    var stopwatch = Stopwatch.StartNew();
                    var (diagnostics, driver) = AnalyzerRunner.Run(compilation, options, analyzers, logExecutionTime: true, concurrent);
                    stopwatch.Stop();
                    process.Refresh();
                    var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
                    if (iteration == 0)
                    {
                        // The first round JITs the analyzers and warms the caches of the host: not counted.
                        if (label == "All ClaudeCost")
                        {
                            Console.WriteLine("Findings: " + string.Join(", ", diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")));
                        }

                        continue;
                    }

                    Add(walls, label, stopwatch.Elapsed.TotalMilliseconds);
                    Add(cpus, label, cpu);
                    foreach (var analyzer in analyzers.Where(a => a.GetType().Assembly.GetName().Name is "ClaudeCost.Analyzers" or "ClaudeCost.Benchmarks.Micro"))
                    {
                        var telemetry = driver.GetAnalyzerTelemetryInfoAsync(analyzer, default).GetAwaiter().GetResult();
                        Add(times, label + " / " + analyzer.GetType().Name, telemetry.ExecutionTime.TotalMilliseconds);
                    }
                }
            }

            Console.WriteLine();
            Console.WriteLine($"Median of {iterations} runs (after one unmeasured run):");
            Console.WriteLine();
            Console.WriteLine("GetAnalyzerDiagnosticsAsync, which binds the whole compilation too: wall clock, and CPU time of this process");
            Console.WriteLine("(CPU time is robust against other work on the machine; the CPU difference to the no-op analyzer is the analyzers' own work):");
            foreach (var (label, values) in walls)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {label,-28} wall {Median(values),9:0.0} ms   CPU {Median(cpus[label]),9:0.0} ms   (CPU runs: {string.Join(", ", cpus[label].Select(v => v.ToString("0", CultureInfo.InvariantCulture)))})"));
            }

            Console.WriteLine();
            Console.WriteLine("Analyzer execution time (the driver's own measure, as in -p:ReportAnalyzer=true):");
            foreach (var (label, values) in times)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {label,-70} {Median(values),9:0.0} ms   (runs: {string.Join(", ", values.Select(v => v.ToString("0", CultureInfo.InvariantCulture)))})"));
            }

            return 0;
        }

        private static IEnumerable<(string Label, ImmutableArray<DiagnosticAnalyzer> Analyzers)> Sets(string names)
        {
            foreach (var name in names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                yield return name switch
                {
                    "empty" => ("Empty analyzer", ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyAnalyzer())),
                    "noop" => ("No-op operation callbacks", ImmutableArray.Create<DiagnosticAnalyzer>(new NoOpOperationAnalyzer())),
                    "claudecost" => ("All ClaudeCost", AnalyzerRunner.AllClaudeCost()),
                    "cc0001" => ("CC0001 alone", ImmutableArray.Create<DiagnosticAnalyzer>(new ClaudeCost.Analyzers.Rules.CC0001VolatileValueInCachedPrefixAnalyzer())),
                    "cc0002" => ("CC0002 alone", ImmutableArray.Create<DiagnosticAnalyzer>(new ClaudeCost.Analyzers.Rules.CC0002LargePromptWithoutCachingAnalyzer())),
                    "cc9001" => ("CC9001 alone (shared context)", ImmutableArray.Create<DiagnosticAnalyzer>(new ClaudeCost.Analyzers.Rules.CC9001ModelTableAnalyzer())),
                    "anchors" => ("Meziantou + Roslynator", AnchorAnalyzers.Load()),
                    "all" => ("Anchors + ClaudeCost", AnchorAnalyzers.Load().AddRange(AnalyzerRunner.AllClaudeCost())),
                    _ => throw new ArgumentException($"Unknown analyzer set '{name}' (empty, noop, claudecost, cc0001, cc0002, cc9001, anchors, all)."),
                };
            }
        }

        /// <summary>Meziantou.Analyzer and Roslynator.Analyzers from the NuGet package folder, as the end-to-end projects use them.</summary>
        private static class AnchorAnalyzers
        {
            private static ImmutableArray<DiagnosticAnalyzer>? s_loaded;

            public static ImmutableArray<DiagnosticAnalyzer> Load()
            {
                if (s_loaded is { } loaded)
                {
                    return loaded;
                }

                var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
                var paths = new[]
                {
                    System.IO.Path.Combine(packages, "meziantou.analyzer", "3.0.321", "analyzers", "dotnet", "roslyn4.14", "cs", "Meziantou.Analyzer.dll"),
                    System.IO.Path.Combine(packages, "roslynator.analyzers", "5.0.1", "analyzers", "dotnet", "roslyn4.7", "cs", "Roslynator.CSharp.Analyzers.dll"),
                };
                var builder = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
                foreach (var path in paths)
                {
                    var reference = new AnalyzerFileReference(path, new LoadFromLoader());
                    builder.AddRange(reference.GetAnalyzers(LanguageNames.CSharp));
                }

                s_loaded = builder.ToImmutable();
                return s_loaded.Value;
            }

            private sealed class LoadFromLoader : IAnalyzerAssemblyLoader
            {
                public void AddDependencyLocation(string fullPath)
                {
                }

                public System.Reflection.Assembly LoadFromPath(string fullPath) => System.Reflection.Assembly.LoadFrom(fullPath);
            }
        }

        private static void Add(Dictionary<string, List<double>> values, string key, double value)
        {
            if (!values.TryGetValue(key, out var list))
            {
                values[key] = list = new List<double>();
            }

            list.Add(value);
        }

        private static double Median(List<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }
    }
}
