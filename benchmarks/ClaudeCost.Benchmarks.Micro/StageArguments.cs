using System.Globalization;
using System.Linq;
using ClaudeCost.Benchmarks.Corpus;

namespace ClaudeCost.Benchmarks.Micro
{
    /// <summary>The arguments shared by the single-threaded stage probes: <c>[noclaude] [--files N] [--iterations N]</c>.</summary>
    internal readonly record struct StageArguments(CorpusVariant Variant, int Files, int Iterations)
    {
        public static StageArguments Parse(string[] args)
        {
            var files = 1500;
            var iterations = 3;
            for (var i = 0; i < args.Length - 1; i++)
            {
                if (args[i] == "--files")
                {
                    files = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                }
                else if (args[i] == "--iterations")
                {
                    iterations = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                }
            }

            return new StageArguments(args.Contains("noclaude") ? CorpusVariant.NoClaude : CorpusVariant.Claude, files, iterations);
        }
    }
}
