using System.Collections.Immutable;
using ClaudeCost.Analyzers.Infrastructure;
using ClaudeCost.Analyzers.Knowledge;
using ClaudeCost.Analyzers.Provenance;
using ClaudeCost.Analyzers.Requests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClaudeCost.Analyzers.Rules
{
    /// <summary>
    /// CC0001: a value that changes on every call (clock, GUID, random, tick count) reaches the system prompt or tool
    /// definitions ahead of a cache breakpoint (or, with no breakpoint, keeps a prompt long enough to cache from ever
    /// being cached). Reported at the expression that reads the clock, where the date fix applies.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CC0001VolatileValueInCachedPrefixAnalyzer : ClaudeRequestAnalyzer
    {
        /// <summary>Property: the kind of volatile source (Clock, Guid, Random, TickCount, Custom).</summary>
        public const string KindProperty = "Kind";
        /// <summary>Property: "true" when the volatile value is written in the prompt at the request site (move fix possible).</summary>
        public const string MovableProperty = "Movable";
        public const string SurfaceProperty = "Surface";
        public const string ShapeProperty = "Shape";
        public const string SegmentProperty = "Segment";
        /// <summary>Property: how the message names the source ("DateTime.UtcNow"): the date fix reads it.</summary>
        public const string SourceProperty = "Source";
        /// <summary>Property: the segment of the first breakpoint at or after the value ("None" when the request has none).</summary>
        public const string BreakpointProperty = "Breakpoint";

        public static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
            DiagnosticIds.VolatileValueInCachedPrefix,
            "Volatile value in a cacheable prompt prefix",
            "{0} in the {1} {2}",
            DiagnosticCategories.Caching,
            DiagnosticSeverity.Warning,
            "Prompt caching needs a byte-identical prefix. A clock, GUID or random value ahead of a cache breakpoint changes the prefix on every call, so every call pays a cache write (1.25x the input price) and never reads it (0.1x).");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        internal override void AnalyzeRequest(in RequestAnalysisContext context)
        {
            var request = context.Request;
            ResolvedModel? model = null;
            foreach (var part in request.PrefixParts)
            {
                if (!part.Text.IsVolatile)
                {
                    continue;
                }

                string explanation;
                string breakpointSegment;
                model ??= context.ResolveModel();
                var breakpoint = PromptPrefix.FirstBreakpointAtOrAfter(request, part.Position);
                if (breakpoint != null)
                {
                    var tokens = TokenEstimator.AtLeastTokens(PromptPrefix.StableCharacters(request, breakpoint), model.Value.Tokenizer);
                    explanation = BeforeBreakpoint(tokens, model.Value);
                    breakpointSegment = breakpoint.Value.Segment.ToString();
                }
                else if (request.HasAnyBreakpoint || !request.CanCache)
                {
                    // After the last breakpoint (nothing cached is lost), or a breakpoint we cannot place.
                    continue;
                }
                else
                {
                    var tokens = TokenEstimator.AtLeastTokens(PromptPrefix.StableCharacters(request), model.Value.Tokenizer);
                    var threshold = context.Options.MinimumPrefixTokens ?? model.Value.MinCacheableTokens;
                    if (tokens < threshold)
                    {
                        // Too short to cache anyway: the volatile value costs nothing.
                        continue;
                    }

                    var before = TokenEstimator.AtLeastTokens(PromptPrefix.StableCharactersBefore(request, part.Position), model.Value.Tokenizer);
                    if (before >= threshold)
                    {
                        // The blocks before this one can be cached on their own (CC0002 offers that breakpoint):
                        // the volatile value is not what keeps the prompt from being cached.
                        continue;
                    }

                    explanation = NeverCached(tokens, model.Value);
                    breakpointSegment = "None";
                }

                foreach (var source in part.Text.Volatiles)
                {
                    var properties = ImmutableDictionary.CreateBuilder<string, string?>();
                    properties[KindProperty] = source.Kind.ToString();
                    properties[SourceProperty] = source.Description;
                    properties[BreakpointProperty] = breakpointSegment;
                    properties[SurfaceProperty] = request.Surface.ToString();
                    properties[ShapeProperty] = part.Segment == PromptSegment.System ? request.SystemShape.ToString() : "BlockList";
                    properties[SegmentProperty] = part.Segment.ToString();
                    var additional = ImmutableArray<Location>.Empty;
                    if (part.TextSyntax != null && part.TextSyntax.SyntaxTree == source.Syntax.SyntaxTree && part.TextSyntax.Span.Contains(source.Syntax.Span))
                    {
                        properties[MovableProperty] = "true";
                        additional = ImmutableArray.Create(part.TextSyntax.GetLocation(), part.Syntax.GetLocation());
                    }

                    context.Report(Rule, source.Syntax.GetLocation(), properties.ToImmutable(), additional, source.Description, PromptPrefix.Describe(part.Segment), explanation);
                }
            }
        }

        private static string BeforeBreakpoint(int tokens, ResolvedModel model)
        {
            var prices = model.Pricing?.PricesFor(tokens);
            if (tokens < model.MinCacheableTokens || prices == null)
            {
                return "changes the cached prefix on every call, so the prefix can never be read from the cache";
            }

            return "changes the cached prefix on every call: each call writes ≈" + CostMath.FormatTokens(tokens, approximate: true) + " tokens to the cache (≈" +
                CostMath.FormatUsd(CostMath.Cost(tokens, prices.CacheWrite5m)) + " on " + model.Display + ") instead of reading them (≈" +
                CostMath.FormatUsd(CostMath.Cost(tokens, prices.CacheRead)) + ")";
        }

        private static string NeverCached(int tokens, ResolvedModel model)
        {
            var prices = model.Pricing?.PricesFor(tokens);
            var text = "keeps the ≈" + CostMath.FormatTokens(tokens, approximate: true) + "-token prompt from ever being cached";
            if (prices == null)
            {
                return text;
            }

            return text + ": ≈" + CostMath.FormatUsd(CostMath.Cost(tokens, prices.Input)) + "/call at full price on " + model.Display +
                " instead of ≈" + CostMath.FormatUsd(CostMath.Cost(tokens, prices.CacheRead)) + " from cache";
        }
    }
}
