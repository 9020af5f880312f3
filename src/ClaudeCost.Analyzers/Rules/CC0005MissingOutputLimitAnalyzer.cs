using System.Collections.Immutable;
using System.Globalization;
using ClaudeCost.Analyzers.Infrastructure;
using ClaudeCost.Analyzers.Knowledge;
using ClaudeCost.Analyzers.Requests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClaudeCost.Analyzers.Rules
{
    /// <summary>
    /// CC0005: a Claude request with no output limit where the surface lets you omit it: raw HTTP bodies and the
    /// official SDK's FromRawUnchecked bodies (the API rejects them), Anthropic.SDK's MessageParameters (it sends 0), Bedrock Converse without InferenceConfig.MaxTokens
    /// (runs to the model's maximum). The official SDK requires MaxTokens; IChatClient adapters fill in a default.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CC0005MissingOutputLimitAnalyzer : ClaudeRequestAnalyzer
    {
        public const string SurfaceProperty = "Surface";
        public const string LimitProperty = "Limit";

        public static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
            DiagnosticIds.MissingOutputLimit,
            "Claude request without an output limit",
            "Claude request without an output limit: {0}",
            DiagnosticCategories.Reliability,
            DiagnosticSeverity.Warning,
            "The request sets no max_tokens where the client lets you omit it. The Messages API rejects such a body; Anthropic.SDK sends 0 (no output at all); Bedrock's Converse API lets the answer run to the model's maximum output.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        internal override void AnalyzeRequest(in RequestAnalysisContext context)
        {
            var request = context.Request;
            if (request.OutputLimitState != OutputLimit.Missing)
            {
                return;
            }

            string explanation;
            switch (request.Surface)
            {
                case RequestSurface.AnthropicSdk:
                    explanation = "Anthropic.SDK sends max_tokens = 0 when MaxTokens is not set, which asks for no output at all";
                    break;
                case RequestSurface.BedrockConverse:
                    var model = context.ResolveModel();
                    var max = model.Model?.MaxOutputTokens;
                    var prices = model.Model?.Prices;
                    explanation = "without InferenceConfig.MaxTokens the answer may run to the model's maximum output" +
                        (max is int m && prices != null
                            ? " (" + CostMath.FormatTokens(m) + " tokens, ≈" + CostMath.FormatUsd(CostMath.Cost(m, prices.Output)) + " per call at most on " + model.Display + ")"
                            : "");
                    break;
                case RequestSurface.OfficialSdkRawBody:
                    explanation = "FromRawUnchecked skips the SDK's required MaxTokens, and the Messages API rejects a body without max_tokens (HTTP 400)";
                    break;
                default:
                    explanation = "the Messages API rejects a body without max_tokens (HTTP 400)";
                    break;
            }

            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties[SurfaceProperty] = request.Surface.ToString();
            properties[LimitProperty] = context.Options.OutputLimit.ToString(CultureInfo.InvariantCulture);
            context.Report(Rule, PromptPrefix.FirstLine(request.Anchor), properties.ToImmutable(), ImmutableArray.Create(request.Anchor.GetLocation()), explanation);
        }
    }
}
