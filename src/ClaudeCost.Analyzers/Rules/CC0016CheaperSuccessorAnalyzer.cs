using System.Collections.Immutable;
using System.Globalization;
using ClaudeCost.Analyzers.Infrastructure;
using ClaudeCost.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClaudeCost.Analyzers.Rules
{
    /// <summary>
    /// CC0016: an active model costs more per request than its same-tier successor, after the successor's tokenizer
    /// difference (4.7-and-later models count about 30% more tokens for the same text). Advice: Info.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CC0016CheaperSuccessorAnalyzer : ModelIdAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
            DiagnosticIds.CheaperSuccessorModel,
            "An older model costs more than its same-tier successor",
            "'{0}' ({1} per MTok in/out) costs ≈{2}x its successor {3} ({4}{5}) per request",
            DiagnosticCategories.ModelSelection,
            DiagnosticSeverity.Info,
            "The same-tier successor of this model is cheaper per request, even counting the newer tokenizer's larger token counts. Moving may change the answers: test before switching.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        internal override ModelIdRule Verdict => ModelIdRule.Pricier;

        internal override DiagnosticDescriptor Descriptor => Rule;

        internal override object[] MessageArguments(string id, ModelIdVerdict verdict, ModelCatalog catalog)
        {
            var old = verdict.Model!;
            var successor = verdict.ReplacementModel!;
            var tokenizer = old.Tokenizer == TokenizerGeneration.Legacy && successor.Tokenizer == TokenizerGeneration.Current
                ? "; ≈30% more tokens for the same text, counted"
                : "";
            return new object[]
            {
                id,
                Prices(old.Prices!),
                FormatRatio(verdict.Ratio),
                verdict.Replacement ?? successor.Id,
                Prices(successor.Prices!) + " per MTok",
                tokenizer,
            };
        }

        private static string FormatRatio(decimal ratio)
            => ratio >= 10m ? decimal.Round(ratio, 0).ToString("0", CultureInfo.InvariantCulture)
                : ratio >= 2m ? decimal.Round(ratio, 1).ToString("0.#", CultureInfo.InvariantCulture)
                : decimal.Round(ratio, 2).ToString("0.##", CultureInfo.InvariantCulture);

        private static string Prices(ModelPrices prices)
            => CostMath.FormatUsd(prices.Input) + "/" + CostMath.FormatUsd(prices.Output);
    }
}
