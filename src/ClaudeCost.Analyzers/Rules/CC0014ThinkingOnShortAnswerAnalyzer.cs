using System.Collections.Immutable;
using ClaudeCost.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClaudeCost.Analyzers.Rules
{
    /// <summary>
    /// CC0014: extended thinking (an explicit thinking config, or <c>ChatOptions.Reasoning</c>) on a path CC0003 would
    /// call short-answer. Thinking tokens bill as output. A large MaxTokens alone is not a cost and is never reported.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CC0014ThinkingOnShortAnswerAnalyzer : ClaudeRequestAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
            DiagnosticIds.ThinkingOnShortAnswerPath,
            "Extended thinking on a short-answer path",
            "Extended thinking on a short-answer path ({0}): thinking tokens bill as output tokens for an answer that needs no reasoning",
            DiagnosticCategories.ModelSelection,
            DiagnosticSeverity.Info,
            "Thinking tokens are billed as output, at the model's highest per-token price, and a short answer (a label, a yes/no, a route) rarely gains from them. With Microsoft.Extensions.AI, Reasoning also raises the max_tokens the official adapter sends.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        internal override void AnalyzeRequest(in RequestAnalysisContext context)
        {
            var request = context.Request;
            if (request.ThinkingSyntax == null || request.ThinkingSyntax.SyntaxTree != request.Anchor.SyntaxTree)
            {
                return;
            }

            var signals = ShortAnswerSignals.Find(request, context.Options, context.Shared.Tracker.GetModel(request.Anchor.SyntaxTree));
            if (signals.Count < 2)
            {
                return;
            }

            context.Report(Rule, request.ThinkingSyntax.GetLocation(), null, ImmutableArray<Location>.Empty, string.Join(", ", signals));
        }
    }
}
