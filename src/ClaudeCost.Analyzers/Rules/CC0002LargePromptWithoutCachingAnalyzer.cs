using System.Collections.Immutable;
using ClaudeCost.Analyzers.Infrastructure;
using ClaudeCost.Analyzers.Knowledge;
using ClaudeCost.Analyzers.Requests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClaudeCost.Analyzers.Rules
{
    /// <summary>
    /// CC0002: the leading constant run of the system prompt / tool definitions is at or above the model's minimum
    /// cacheable length and the request has no cache breakpoint anywhere, so it is re-sent at full price every call.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CC0002LargePromptWithoutCachingAnalyzer : ClaudeRequestAnalyzer
    {
        /// <summary>Property: where the fix puts the breakpoint ("Block" = on the located block; absent = no safe fix).</summary>
        public const string FixKindProperty = "FixKind";
        public const string SurfaceProperty = "Surface";
        public const string ShapeProperty = "Shape";
        public const string SegmentProperty = "Segment";

        public static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
            DiagnosticIds.LargePromptWithoutCaching,
            "Large constant prompt prefix sent without caching",
            "≈{0}-token {1} is re-sent at full price on every call (≈{2}/call on {3}; ≈{4} when read from cache; pays off from the second call within 5 minutes)",
            DiagnosticCategories.Caching,
            DiagnosticSeverity.Warning,
            "The constant start of the system prompt and tool definitions is long enough to be cached, but the request sets no cache breakpoint, so every call pays the full input price for it. A breakpoint on the last stable block makes later calls within the cache lifetime read it at a tenth of the price or less.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        internal override void AnalyzeRequest(in RequestAnalysisContext context)
        {
            var request = context.Request;
            if (request.HasAnyBreakpoint || !request.CanCache || request.PrefixParts.IsEmpty)
            {
                return;
            }

            var (characters, lastStable, runEndsIn) = PromptPrefix.LeadingStableRun(request);
            if (characters == 0)
            {
                return;
            }

            var model = context.ResolveModel();
            var tokens = TokenEstimator.AtLeastTokens(characters, model.Tokenizer);
            var threshold = context.Options.MinimumPrefixTokens ?? model.MinCacheableTokens;
            if (tokens < threshold)
            {
                return;
            }

            // The fix puts the breakpoint on the last block that is stable as a whole; when the run ends inside the
            // first block (a per-request value inside the only system string), there is no block to put it on.
            var target = lastStable ?? runEndsIn;
            if (target == null)
            {
                return;
            }

            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties[SurfaceProperty] = request.Surface.ToString();
            properties[ShapeProperty] = target.Segment == PromptSegment.System ? request.SystemShape.ToString() : "BlockList";
            properties[SegmentProperty] = target.Segment.ToString();
            if (lastStable != null)
            {
                properties[FixKindProperty] = "Block";
            }

            var what = DescribeRun(request, lastStable, runEndsIn);
            var prices = model.Pricing?.PricesFor(tokens);
            var full = prices == null ? "?" : CostMath.FormatUsd(CostMath.Cost(tokens, prices.Input));
            var read = prices == null ? "?" : CostMath.FormatUsd(CostMath.Cost(tokens, prices.CacheRead));
            var location = PromptPrefix.FirstLine(target.Syntax);
            context.Report(Rule, location, properties.ToImmutable(), ImmutableArray.Create(target.Syntax.GetLocation()), CostMath.FormatTokens(tokens, approximate: true), what, full, model.Display, read);
        }

        /// <summary>What the breakpoint would cache: the tools, the system prompt, or both.</summary>
        private static string DescribeRun(ClaudeRequest request, PromptPart? lastStable, PromptPart? runEndsIn)
        {
            var segment = (lastStable ?? runEndsIn)!.Segment;
            if (segment == PromptSegment.Tools)
            {
                return "tool definitions";
            }

            return request.Tools.IsEmpty ? "system prompt" : "prompt prefix (tool definitions and system prompt)";
        }
    }
}
