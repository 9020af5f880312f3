using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using ClaudeCost.Analyzers.Requests;
using ClaudeCost.Analyzers.Rules;
using ClaudeCost.Benchmarks.Corpus;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ClaudeCost.Benchmarks.Micro
{
    /// <summary>
    /// Where the loop rules' work goes, single-threaded on a bound compilation: the text search per word, the per-file
    /// loop candidate scan, and the analysis of each candidate loop.
    /// ... -- --loop-stages [--variant claude|noclaude] [--files 1500] [--iterations 3]
    /// </summary>
    internal static class LoopStages
    {
        private static readonly string[] SearchedWords = { "catch", "eason", "MaxRetr", "ToolRunner", "anthropic" };

        public static int Run(string[] args)
        {
            var variant = args.Contains("noclaude") ? CorpusVariant.NoClaude : CorpusVariant.Claude;
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

            var baseCompilation = MicroCorpus.EndToEndCompilation(variant, files);
            var options = MicroCorpus.Options(CorpusKind.Clean);
            for (var iteration = 0; iteration <= iterations; iteration++)
            {
                var compilation = baseCompilation.Clone();
                var models = compilation.SyntaxTrees.Select(t => compilation.GetSemanticModel(t)).ToList();
                foreach (var model in models)
                {
                    foreach (var node in model.SyntaxTree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>())
                    {
                        model.GetOperation(node);
                    }
                }

                var line = "";
                foreach (var word in SearchedWords)
                {
                    var comparison = word == "anthropic" ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
                    var sw = Stopwatch.StartNew();
                    var hits = 0;
                    foreach (var model in models)
                    {
                        var text = model.SyntaxTree.GetText().ToString();
                        for (var at = text.IndexOf(word, comparison); at >= 0; at = text.IndexOf(word, at + word.Length, comparison))
                        {
                            hits++;
                        }
                    }

                    line += string.Create(CultureInfo.InvariantCulture, $"{word} {sw.Elapsed.TotalMilliseconds:0.0} ms ({hits} hits); ");
                }

                var shared = ClaudeCompilationContext.Get(compilation, options, default);
                var words = LoopCandidates.WordsFor(compilation, shared);
                var retryScan = Stopwatch.StartNew();
                foreach (var model in models)
                {
                    LoopCandidates.Retry(shared, model.SyntaxTree, words, default);
                }

                retryScan.Stop();
                var agentScan = Stopwatch.StartNew();
                foreach (var model in models)
                {
                    LoopCandidates.Agent(shared, model.SyntaxTree, words, default);
                }

                agentScan.Stop();
                var loops = models.SelectMany(m => m.SyntaxTree.GetRoot().DescendantNodes()
                    .Where(n => n is Microsoft.CodeAnalysis.CSharp.Syntax.WhileStatementSyntax || n is Microsoft.CodeAnalysis.CSharp.Syntax.ForStatementSyntax || n is Microsoft.CodeAnalysis.CSharp.Syntax.DoStatementSyntax)
                    .Select(n => (Model: m, Node: n))).ToList();
                var analyze = Stopwatch.StartNew();
                int retryCandidates = 0, retryLoops = 0;
                foreach (var (model, node) in loops)
                {
                    if (LoopCandidates.Retry(shared, node.SyntaxTree, words, default).IsRetryLoop(node))
                    {
                        retryCandidates++;
                        if (model.GetOperation(node) is ILoopOperation loop && RetryLoops.Analyze(loop, shared, default) != null)
                        {
                            retryLoops++;
                        }
                    }
                }

                analyze.Stop();
                var agentTime = Stopwatch.StartNew();
                int agentCandidates = 0, agentLoops = 0;
                foreach (var (model, node) in loops)
                {
                    if (LoopCandidates.Agent(shared, node.SyntaxTree, words, default).IsStopReasonLoop(node))
                    {
                        agentCandidates++;
                        if (model.GetOperation(node) is ILoopOperation loop && AgentLoops.AnalyzeLoop(loop, shared, default) != null)
                        {
                            agentLoops++;
                        }
                    }
                }

                agentTime.Stop();
                if (iteration == 0)
                {
                    continue;
                }

                Console.WriteLine("Text: " + line);
                var repeats = "";
                for (var repeat = 0; repeat < 5; repeat++)
                {
                    var fresh = ClaudeCompilationContext.CreateUnshared(compilation, options, default);
                    GC.Collect();
                    var again = Stopwatch.StartNew();
                    foreach (var model in models)
                    {
                        LoopCandidates.Retry(fresh, model.SyntaxTree, words, default);
                    }

                    var retryAgain = again.Elapsed.TotalMilliseconds;
                    again.Restart();
                    foreach (var model in models)
                    {
                        LoopCandidates.Agent(fresh, model.SyntaxTree, words, default);
                    }

                    repeats += string.Create(CultureInfo.InvariantCulture, $"{retryAgain:0.0}/{again.Elapsed.TotalMilliseconds:0.0} ");
                }

                Console.WriteLine("Scans again (retry/agent ms): " + repeats);
                var operations = loops.Where(l => LoopCandidates.Retry(shared, l.Node.SyntaxTree, words, default).IsRetryLoop(l.Node)).Select(l => (ILoopOperation)l.Model.GetOperation(l.Node)!).ToList();
                for (var repeat = 0; repeat < 5; repeat++)
                {
                    var fresh = ClaudeCompilationContext.CreateUnshared(compilation, options, default);
                    GC.Collect();
                    var again = Stopwatch.StartNew();
                    var found = operations.Count(o => RetryLoops.Analyze(o, fresh, default) is { Bounded: false });
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   analyze again {again.Elapsed.TotalMilliseconds:0.0} ms ({found} unbounded)"));
                }
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Round {iteration}: retry scan {retryScan.Elapsed.TotalMilliseconds:0.0} ms, agent scan {agentScan.Elapsed.TotalMilliseconds:0.0} ms; {loops.Count} loops: {retryCandidates} retry candidates ({retryLoops} retry loops) analyzed in {analyze.Elapsed.TotalMilliseconds:0.0} ms, {agentCandidates} agent candidates ({agentLoops} uncapped) in {agentTime.Elapsed.TotalMilliseconds:0.0} ms"));
            }

            return 0;
        }
    }
}
