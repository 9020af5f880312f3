using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Running;

namespace ClaudeCost.Benchmarks.Micro
{
    /// <summary>
    /// dotnet run -c Release --project benchmarks/ClaudeCost.Benchmarks.Micro -- [BenchmarkDotNet arguments]
    ///   (no arguments: every benchmark; e.g. --filter *CC0001* for one rule)
    /// ... -- --verify     runs each benchmark body once per corpus and checks the diagnostic counts (seconds, not minutes)
    /// ... -- --profile [--files 1500] [--variant claude|noclaude] [--corpus findings|clean|noclaude] [--iterations 5]
    ///                     stopwatch harness: each analyzer's execution time on the end-to-end corpus, in process
    /// </summary>
    internal static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Contains("--profile"))
            {
                return Profiler.Run(args);
            }

            if (args.Contains("--loop-stages"))
            {
                return LoopStages.Run(args);
            }

            if (args.Contains("--stages"))
            {
                return Stages.Run(args);
            }

            if (args.Contains("--type-lookups"))
            {
                return TypeLookups.Run(args);
            }

            if (args.Contains("--verify"))
            {
                return Verify();
            }

            BenchmarkSwitcher.FromTypes(new[] { typeof(RuleBenchmarks) }).Run(args.Length == 0 ? new[] { "--filter", "*" } : args);
            return 0;
        }

        /// <summary>Every benchmark body once on every corpus: the counts are asserted inside.</summary>
        private static int Verify()
        {
            var methods = typeof(RuleBenchmarks).GetMethods().Where(m => m.GetCustomAttributes(typeof(BenchmarkDotNet.Attributes.BenchmarkAttribute), false).Length > 0).ToList();
            foreach (var corpus in Enum.GetValues<CorpusKind>())
            {
                var benchmarks = new RuleBenchmarks { Corpus = corpus, Files = 20 };
                benchmarks.Setup();
                foreach (var method in methods)
                {
                    var stopwatch = Stopwatch.StartNew();
                    var count = (int)method.Invoke(benchmarks, null)!;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{corpus,-9} {method.Name,-15} {count,4} diagnostics, as expected ({stopwatch.ElapsedMilliseconds} ms)"));
                }
            }

            Console.WriteLine("All benchmark bodies report the expected diagnostic counts.");
            return 0;
        }
    }
}
