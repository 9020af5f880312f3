using System.Collections.Immutable;
using System.Globalization;
using ClaudeCost.Analyzers.Infrastructure;
using ClaudeCost.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClaudeCost.Analyzers.Rules
{
    /// <summary>
    /// CC0003: a premium-tier model (Opus, Fable, Mythos: tier from the table, not the name) on a request whose job is
    /// a short answer, shown by at least two independent signals that the message names. Reported at that call's model
    /// expression, never at a shared declaration (that would also downgrade the hard calls).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CC0003PremiumModelOnShortAnswerAnalyzer : ClaudeRequestAnalyzer
    {
        public const string ReplacementProperty = "Replacement";
        public const string ReplacementMemberProperty = "ReplacementMember";
        public const string SamplingProperty = "SetsSampling";

        public static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
            DiagnosticIds.PremiumModelOnShortAnswerPath,
            "Premium model on a short-answer path",
            "{0} on a short-answer path ({1}): {2} costs ≈{3}x less per request ({0} at {4} vs {2} at {5} per MTok)",
            DiagnosticCategories.ModelSelection,
            DiagnosticSeverity.Warning,
            "A premium model answers a request whose job is a short answer (classification, extraction, tagging, routing, sentiment, moderation, yes/no), shown by at least two independent signals: names, prompt wording, a small output limit, an enum or yes/no answer. A small-tier model does such work at a fraction of the price.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        internal override void AnalyzeRequest(in RequestAnalysisContext context)
        {
            var request = context.Request;
            var modelReference = request.Model;
            var catalog = context.Shared.ModelTable.Catalog;
            if (modelReference?.Id == null || !catalog.TryResolveOrInfer(modelReference.Id, out var match) || match.Model.Tier != ModelTier.Premium)
            {
                return;
            }

            // The model must be written at this call (a literal, a constant or field named here), not only on a shared client.
            if (!request.Anchor.Span.Contains(modelReference.Syntax.Span) || modelReference.Syntax.SyntaxTree != request.Anchor.SyntaxTree)
            {
                return;
            }

            var signals = ShortAnswerSignals.Find(request, context.Options, context.Shared.Tracker.GetModel(request.Anchor.SyntaxTree));
            if (signals.Count < 2 || !catalog.TryResolve(context.Options.SmallModel, out var small) || small.Model.Prices == null)
            {
                return;
            }

            var premium = match.Model.Prices ?? catalog.Find(match.Model.ProvisionalFromId ?? "")?.Prices;
            if (premium == null)
            {
                return;
            }

            var premiumModel = match.Model.Prices != null ? match.Model : catalog.Find(match.Model.ProvisionalFromId!)!;
            var ratio = ModelIdVerdict.CostRatio(premiumModel, small.Model);
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties[ReplacementProperty] = small.CanonicalId;
            if (modelReference.IsEnumMember && context.Shared.Symbols.ModelEnum is { } modelEnum)
            {
                foreach (var member in modelEnum.GetMembers())
                {
                    if (member is IFieldSymbol && ModelIds.EnumMemberToWireId(member.Name) == small.CanonicalId && member.GetAttributes().IsEmpty)
                    {
                        properties[ReplacementMemberProperty] = member.Name;
                        break;
                    }
                }
            }

            if (context.Shared.Tracker.GetModel(request.Anchor.SyntaxTree)?.SafeGetOperation(modelReference.Syntax, context.CancellationToken) is { } modelOperation &&
                ModelIdAnalyzer.SetsSampling(modelOperation))
            {
                properties[SamplingProperty] = "true";
            }

            context.Report(
                Rule,
                modelReference.Syntax.GetLocation(),
                properties.ToImmutable(),
                ImmutableArray<Location>.Empty,
                match.CanonicalId,
                string.Join(", ", signals),
                small.CanonicalId,
                Ratio(ratio),
                Prices(premium),
                Prices(small.Model.Prices));
        }

        private static string Ratio(decimal ratio)
            => ratio >= 10m ? decimal.Round(ratio, 0).ToString("0", CultureInfo.InvariantCulture) : decimal.Round(ratio, 1).ToString("0.#", CultureInfo.InvariantCulture);

        private static string Prices(ModelPrices prices) => CostMath.FormatUsd(prices.Input) + "/" + CostMath.FormatUsd(prices.Output);
    }
}
