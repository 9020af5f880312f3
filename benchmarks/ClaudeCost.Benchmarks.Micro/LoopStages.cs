using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using ClaudeCost.Analyzers.Requests;
using ClaudeCost.Analyzers.Rules;
using ClaudeCost.Benchmarks.Corpus;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ClaudeCost.Benchmarks.Micro
{
    /// <summary>
    /// Where the loop rules' work goes, single-threaded on a bound compilation (operations built first, as the driver
    /// does): the per-file text scans, the retry analysis of the loop around each try, the agent-loop analysis.
    /// ... -- --loop-stages [--variant claude|noclaude] [--files 1500] [--iterations 3]
    /// </summary>
    internal static class LoopStages
    {
        public static int Run(string[] args)
        {
            var (variant, files, iterations) = StageArguments.Parse(args);
            var compilation = MicroCorpus.EndToEndCompilation(variant, files);
            var options = MicroCorpus.Options(CorpusKind.Clean);
            var models = compilation.SyntaxTrees.Select(t => compilation.GetSemanticModel(t)).ToList();
            var tries = new List<ITryOperation>();
            var loops = new List<ILoopOperation>();
            foreach (var model in models)
            {
                foreach (var method in model.SyntaxTree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
                {
                    if (model.GetOperation(method) is { } body)
                    {
                        tries.AddRange(body.Descendants().OfType<ITryOperation>());
                        loops.AddRange(body.Descendants().OfType<ILoopOperation>());
                    }
                }
            }

            for (var iteration = 0; iteration <= iterations; iteration++)
            {
                // A fresh context each round: nothing cached from the round before.
                var shared = ClaudeCompilationContext.CreateUnshared(compilation, options, default);
                var words = LoopCandidates.WordsFor(shared);
                var parts = new LoopCandidates.AgentParts(compilation, words);
                GC.Collect();
                var stopwatch = Stopwatch.StartNew();
                foreach (var model in models)
                {
                    LoopCandidates.RetryPart.Scan(model.SyntaxTree, words, default);
                }

                var retryScan = stopwatch.Elapsed.TotalMilliseconds;
                stopwatch.Restart();
                foreach (var model in models)
                {
                    parts.For(model.SyntaxTree, default);
                }

                var agentScan = stopwatch.Elapsed.TotalMilliseconds;
                stopwatch.Restart();
                var owned = 0;
                var retryLoops = 0;
                foreach (var tryOperation in tries)
                {
                    if (RetryLoops.OwnLoopOf(tryOperation) is { } loop)
                    {
                        owned++;
                        retryLoops += RetryLoops.Analyze(loop, shared, default) != null ? 1 : 0;
                    }
                }

                var retry = stopwatch.Elapsed.TotalMilliseconds;
                stopwatch.Restart();
                var agentCandidates = 0;
                var agentLoops = 0;
                foreach (var loop in loops)
                {
                    if (parts.For(loop.Syntax.SyntaxTree, default).IsStopReasonLoop(loop.Syntax))
                    {
                        agentCandidates++;
                        agentLoops += AgentLoops.AnalyzeLoop(loop, shared, default) != null ? 1 : 0;
                    }
                }

                var agent = stopwatch.Elapsed.TotalMilliseconds;
                if (iteration > 0)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"Round {iteration}: retry scan {retryScan:0.0} ms, agent scan {agentScan:0.0} ms; {tries.Count} tries, {owned} in a loop, {retryLoops} retry loops: {retry:0.0} ms; {loops.Count} loops, {agentCandidates} agent candidates, {agentLoops} uncapped: {agent:0.0} ms"));
                }
            }

            return 0;
        }
    }
}
