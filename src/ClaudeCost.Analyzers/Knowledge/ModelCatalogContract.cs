// CONTRACT STUB: the knowledge layer's public surface that rules and adapters code against.
// The knowledge work replaces this file with the real implementation (same names and signatures; it may add members).
using System;
using System.Collections.Immutable;

namespace ClaudeCost.Analyzers.Knowledge
{
    public enum ModelTier { Unknown = 0, Small, Mid, Premium }

    public enum ModelPlatform { ClaudeApi = 0, Bedrock, Vertex }

    /// <summary>Tokenizer generation: Legacy = Haiku 4.5 / Sonnet 4.6 / Opus 4.6 and earlier; Current = Opus 4.7 and later (~30% more tokens).</summary>
    public enum TokenizerGeneration { Legacy = 0, Current = 1 }

    /// <summary>USD per million tokens.</summary>
    public sealed class ModelPrices
    {
        public decimal Input { get; set; }
        public decimal Output { get; set; }
        public decimal CacheWrite5m { get; set; }
        public decimal CacheWrite1h { get; set; }
        public decimal CacheRead { get; set; }
    }

    public sealed class ModelInfo
    {
        public string Id { get; set; } = "";
        public string Family { get; set; } = "";
        public ModelTier Tier { get; set; }
        public TokenizerGeneration Tokenizer { get; set; }
        public int? MinCacheableTokens { get; set; }
        /// <summary>Null when the table has no price for the model.</summary>
        public ModelPrices? Prices { get; set; }
        /// <summary>Prompt-token threshold above which <see cref="HighBandPrices"/> apply (Haiku 5.5: 100,000); null if none.</summary>
        public int? HighBandThresholdTokens { get; set; }
        public ModelPrices? HighBandPrices { get; set; }

        /// <summary>The price band that applies to a request with this many prompt tokens (null when unpriced).</summary>
        public ModelPrices? PricesFor(int promptTokens) => throw new NotImplementedException();
    }

    /// <summary>A raw id (any platform spelling) resolved against the table.</summary>
    public readonly struct ModelMatch
    {
        public ModelMatch(ModelInfo model, ModelPlatform platform, string canonicalId)
        {
            Model = model; Platform = platform; CanonicalId = canonicalId;
        }
        public ModelInfo Model { get; }
        public ModelPlatform Platform { get; }
        public string CanonicalId { get; }
    }

    public sealed class CatalogError
    {
        public CatalogError(string message, int line, int column) { Message = message; Line = line; Column = column; }
        public string Message { get; }
        /// <summary>Zero-based.</summary>
        public int Line { get; }
        /// <summary>Zero-based.</summary>
        public int Column { get; }
    }

    public sealed partial class ModelCatalog
    {
        /// <summary>The embedded, dated table.</summary>
        public static ModelCatalog Default => throw new NotImplementedException();

        /// <summary>"yyyy-MM-dd" date of the table.</summary>
        public string TableDate => throw new NotImplementedException();

        /// <summary>The largest minimum cacheable length in the table (4,096 today).</summary>
        public int LargestMinCacheableTokens => throw new NotImplementedException();

        /// <summary>The model whose prices a message assumes when the request's model cannot be resolved.</summary>
        public ModelInfo DefaultPricingModel => throw new NotImplementedException();

        /// <summary>Resolves any spelling (API, Bedrock, Vertex, ARN, enum-member name heuristics are not applied here).</summary>
        public bool TryResolve(string rawId, out ModelMatch match) => throw new NotImplementedException();

        /// <summary>True when the id is Claude-shaped (claude-…, anthropic.claude-…, …) whether or not the table knows it.</summary>
        public static bool IsClaudeShaped(string rawId) => throw new NotImplementedException();

        /// <summary>Returns a new catalog with the JSON override applied; errors locate problems in that text.</summary>
        public ModelCatalog WithOverrides(string json, out ImmutableArray<CatalogError> errors) => throw new NotImplementedException();
    }

    public static class ModelIds
    {
        /// <summary>Official SDK enum member name to wire id: ClaudeHaiku4_5_20251001 -> claude-haiku-4-5-20251001.</summary>
        public static string EnumMemberToWireId(string memberName) => throw new NotImplementedException();
    }

    public static class TokenEstimator
    {
        /// <summary>A conservative LOW estimate of tokens for prose of this length (for "surely above the minimum" checks).</summary>
        public static int AtLeastTokens(int characters, TokenizerGeneration generation) => throw new NotImplementedException();
    }
}

namespace ClaudeCost.Analyzers.Knowledge
{
    public static class CostMath
    {
        /// <summary>USD for this many tokens at a USD-per-million-tokens price.</summary>
        public static decimal Cost(long tokens, decimal usdPerMillionTokens) => throw new NotImplementedException();

        /// <summary>"$0.018" (two significant digits below $1), invariant culture.</summary>
        public static string FormatUsd(decimal amount) => throw new NotImplementedException();

        /// <summary>"6,100" (rounded to two significant digits above 1,000), invariant culture.</summary>
        public static string FormatTokens(long tokens, bool approximate = false) => throw new NotImplementedException();
    }
}
