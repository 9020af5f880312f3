using System;
using System.Collections.Immutable;
using System.Globalization;

namespace ClaudeCost.Analyzers.Knowledge
{
    /// <summary>Price tier of a model line: Haiku small, Sonnet mid, Opus / Fable / Mythos premium.</summary>
    public enum ModelTier { Unknown = 0, Small, Mid, Premium }

    /// <summary>Where a request goes, as implied by the spelling of its model id.</summary>
    public enum ModelPlatform { ClaudeApi = 0, Bedrock, Vertex }

    /// <summary>Tokenizer generation: Legacy = Haiku 4.5 / Sonnet 4.6 / Opus 4.6 and earlier; Current = Opus 4.7 and later (~30% more tokens).</summary>
    public enum TokenizerGeneration { Legacy = 0, Current = 1 }

    /// <summary>Where a model stands on one platform at a given date (see <see cref="ModelInfo.StateOn(ModelPlatform, string)"/>).</summary>
    public enum LifecycleState
    {
        /// <summary>The table has no lifecycle data for this platform: rules should stay silent.</summary>
        Unknown = 0,

        /// <summary>Available; no deprecation or retirement known.</summary>
        Active,

        /// <summary>A "retirement not sooner than" floor has passed: a notice may come, calls still work.</summary>
        PastFloor,

        /// <summary>Deprecated (Bedrock: Legacy) or a retirement date is published and still ahead.</summary>
        Deprecated,

        /// <summary>Bedrock public extended access: still callable, the provider may charge more.</summary>
        ExtendedAccess,

        /// <summary>The retirement (EOL / shutdown) date has passed: calls fail.</summary>
        Retired,
    }

    /// <summary>USD per million tokens.</summary>
    public sealed class ModelPrices
    {
        /// <summary>Standard multiplier of a 5-minute cache write over base input.</summary>
        public const decimal CacheWrite5mMultiplier = 1.25m;

        /// <summary>Standard multiplier of a 1-hour cache write over base input.</summary>
        public const decimal CacheWrite1hMultiplier = 2m;

        /// <summary>Standard multiplier of a cache read over base input (several 5.x models read cheaper).</summary>
        public const decimal CacheReadMultiplier = 0.1m;

        public decimal Input { get; set; }
        public decimal Output { get; set; }
        public decimal CacheWrite5m { get; set; }
        public decimal CacheWrite1h { get; set; }
        public decimal CacheRead { get; set; }

        /// <summary>True when the cache prices were not given and were derived from <see cref="Input"/> with the standard multipliers.</summary>
        public bool CachePricesDerived { get; internal set; }

        /// <summary>Sets the three cache prices from <see cref="Input"/> with the standard multipliers.</summary>
        internal void DeriveCachePrices()
        {
            CacheWrite5m = Input * CacheWrite5mMultiplier;
            CacheWrite1h = Input * CacheWrite1hMultiplier;
            CacheRead = Input * CacheReadMultiplier;
            CachePricesDerived = true;
        }

        internal ModelPrices Clone() => (ModelPrices)MemberwiseClone();

        public override string ToString() => string.Format(
            CultureInfo.InvariantCulture,
            "in {0} / out {1} / 5m write {2} / 1h write {3} / read {4} USD per MTok",
            Input,
            Output,
            CacheWrite5m,
            CacheWrite1h,
            CacheRead);
    }

    /// <summary>
    /// Lifecycle of a model on one platform. Dates are "yyyy-MM-dd" strings (compare them ordinally) or null when the
    /// table has none; a null date means "unknown", never "not planned".
    /// </summary>
    public sealed class PlatformLifecycle
    {
        internal PlatformLifecycle(ModelPlatform platform)
        {
            Platform = platform;
        }

        public ModelPlatform Platform { get; }

        /// <summary>The model id as this platform spells it (Bedrock <c>anthropic.…-v1:0</c>, Vertex <c>…@yyyymmdd</c>); null when it equals the API id.</summary>
        public string? Id { get; internal set; }

        /// <summary>Claude API: deprecation announced. Bedrock: start of Legacy. Google Cloud: deprecation date.</summary>
        public string? Deprecated { get; internal set; }

        /// <summary>Bedrock only: start of public extended access (the provider may charge more).</summary>
        public string? ExtendedAccess { get; internal set; }

        /// <summary>Retirement (Claude API), end of life (Bedrock) or shutdown (Google Cloud): calls fail from this date.</summary>
        public string? Retired { get; internal set; }

        /// <summary>A "retirement not sooner than" floor: a promise, not a retirement date.</summary>
        public string? NotBefore { get; internal set; }

        internal PlatformLifecycle Clone() => (PlatformLifecycle)MemberwiseClone();
    }

    /// <summary>
    /// One model of the table. The catalog shares these instances between compilations: treat them as read-only
    /// (the setters exist for the contract and for tests).
    /// </summary>
    public sealed class ModelInfo
    {
        private PlatformLifecycle _api = new PlatformLifecycle(ModelPlatform.ClaudeApi);

        /// <summary>The canonical Claude API id (dated where the API has a dated snapshot).</summary>
        public string Id { get; set; } = "";

        /// <summary>haiku, sonnet, opus, fable, mythos, or a legacy line (claude-1, claude-2, instant).</summary>
        public string Family { get; set; } = "";
        public ModelTier Tier { get; set; }
        public TokenizerGeneration Tokenizer { get; set; }

        /// <summary>Documented minimum cacheable prompt length in tokens; below it the request is processed without caching.</summary>
        public int? MinCacheableTokens { get; set; }

        /// <summary>Null when the table has no price for the model.</summary>
        public ModelPrices? Prices { get; set; }

        /// <summary>Prompt-token threshold above which <see cref="HighBandPrices"/> apply (Haiku 5.5: 100,000); null if none.</summary>
        public int? HighBandThresholdTokens { get; set; }
        public ModelPrices? HighBandPrices { get; set; }

        /// <summary>Other API spellings of the same model (undated aliases, <c>-latest</c>, <c>-0</c> forms).</summary>
        public ImmutableArray<string> Aliases { get; internal set; } = ImmutableArray<string>.Empty;

        /// <summary>Version as written by Anthropic ("4.6", "5", "3.5", "preview"), or null.</summary>
        public string? Version { get; internal set; }

        /// <summary>Release date "yyyy-MM-dd", or null when unknown.</summary>
        public string? Released { get; internal set; }

        /// <summary>Claude API deprecation (announcement) date "yyyy-MM-dd", or null.</summary>
        public string? Deprecated
        {
            get => _api.Deprecated;
            internal set => _api.Deprecated = value;
        }

        public int? ContextTokens { get; internal set; }

        public int? MaxOutputTokens { get; internal set; }

        /// <summary>
        /// Where sources disagree on the minimum cacheable length, the higher figure (Sonnet 4.6: 2,048). A rule that must be
        /// sure caching works uses <see cref="SurelyCacheableTokens"/>; one that must be sure a prefix is too short uses
        /// <see cref="MinCacheableTokens"/>.
        /// </summary>
        public int? MinCacheableTokensUpper { get; internal set; }

        /// <summary>The length from which caching surely applies: the upper figure when sources disagree, else the minimum.</summary>
        public int? SurelyCacheableTokens => MinCacheableTokensUpper ?? MinCacheableTokens;

        /// <summary>Claude API lifecycle (never null; may carry no dates).</summary>
        public PlatformLifecycle Api
        {
            get => _api;
            internal set => _api = value;
        }

        /// <summary>Amazon Bedrock lifecycle, or null when the table does not record the model there.</summary>
        public PlatformLifecycle? Bedrock { get; internal set; }

        /// <summary>Google Cloud (Vertex AI) lifecycle, or null when the table does not record the model there.</summary>
        public PlatformLifecycle? Vertex { get; internal set; }

        /// <summary>
        /// API id of the current same-tier suggestion (for retired models: what to migrate to; for active older models: the
        /// newest model of the line), or null for the newest models.
        /// </summary>
        public string? SuccessorId { get; internal set; }

        /// <summary>For models whose card is unpublished: the model whose values may be borrowed, flagged unverified.</summary>
        public string? ProvisionalFromId { get; internal set; }

        /// <summary>Source keys (see <see cref="ModelCatalog.Sources"/>).</summary>
        public ImmutableArray<string> SourceKeys { get; internal set; } = ImmutableArray<string>.Empty;

        /// <summary>Notes on fields the sources mark as unverified, third-party or conflicting, keyed by field name ("prices", "retirements.api", …).</summary>
        public ImmutableDictionary<string, string> Uncertain { get; internal set; } = ImmutableDictionary<string, string>.Empty;

        /// <summary>True for a model synthesized from a Claude-shaped id the table does not know (no prices, dates or cache minimum).</summary>
        public bool IsInferred { get; internal set; }

        /// <summary>The price band that applies to a request with this many prompt tokens (null when unpriced).</summary>
        public ModelPrices? PricesFor(int promptTokens)
        {
            if (HighBandThresholdTokens is int threshold && HighBandPrices != null && promptTokens > threshold)
            {
                return HighBandPrices;
            }

            return Prices;
        }

        /// <summary>True when the table notes uncertainty for this field or for the group it belongs to ("retirements.bedrock" also checks "retirements").</summary>
        public bool IsUncertain(string field)
        {
            if (Uncertain.ContainsKey(field))
            {
                return true;
            }

            var dot = field.IndexOf('.');
            return dot > 0 && Uncertain.ContainsKey(field.Substring(0, dot));
        }

        /// <summary>The lifecycle on a platform: always non-null for the Claude API, null when the table does not record the model on Bedrock / Google Cloud.</summary>
        public PlatformLifecycle? LifecycleOn(ModelPlatform platform)
        {
            switch (platform)
            {
                case ModelPlatform.Bedrock: return Bedrock;
                case ModelPlatform.Vertex: return Vertex;
                default: return _api;
            }
        }

        /// <summary>The retirement (EOL / shutdown) date on a platform, "yyyy-MM-dd", or null when the table has none. API dates are never reused for partner clouds.</summary>
        public string? RetirementDate(ModelPlatform platform) => LifecycleOn(platform)?.Retired;

        /// <summary>The model's state on a platform at a date ("yyyy-MM-dd"; an unparsable date gives <see cref="LifecycleState.Unknown"/>).</summary>
        public LifecycleState StateOn(ModelPlatform platform, string asOfDate)
        {
            if (IsInferred || !ModelCatalog.IsDate(asOfDate))
            {
                return LifecycleState.Unknown;
            }

            var life = LifecycleOn(platform);
            if (life == null)
            {
                return LifecycleState.Unknown;
            }

            if (life.Retired != null && string.CompareOrdinal(asOfDate, life.Retired) >= 0)
            {
                return LifecycleState.Retired;
            }

            if (life.ExtendedAccess != null && string.CompareOrdinal(asOfDate, life.ExtendedAccess) >= 0)
            {
                return LifecycleState.ExtendedAccess;
            }

            if ((life.Deprecated != null && string.CompareOrdinal(asOfDate, life.Deprecated) >= 0) || life.Retired != null)
            {
                return LifecycleState.Deprecated;
            }

            if (life.NotBefore != null && string.CompareOrdinal(asOfDate, life.NotBefore) >= 0)
            {
                return LifecycleState.PastFloor;
            }

            return LifecycleState.Active;
        }

        /// <summary>The model's state on a platform at a date.</summary>
        public LifecycleState StateOn(ModelPlatform platform, DateTime asOf) =>
            StateOn(platform, asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        internal ModelInfo Clone()
        {
            var copy = (ModelInfo)MemberwiseClone();
            copy.Prices = Prices?.Clone();
            copy.HighBandPrices = HighBandPrices?.Clone();
            copy._api = _api.Clone();
            copy.Bedrock = Bedrock?.Clone();
            copy.Vertex = Vertex?.Clone();
            return copy;
        }

        public override string ToString() => Id;
    }

    /// <summary>A raw id (any platform spelling) resolved against the table.</summary>
    public readonly struct ModelMatch
    {
        public ModelMatch(ModelInfo model, ModelPlatform platform, string canonicalId)
            : this(model, platform, canonicalId, platform == ModelPlatform.ClaudeApi ? canonicalId : null)
        {
        }

        public ModelMatch(ModelInfo model, ModelPlatform platform, string canonicalId, string? platformId)
        {
            Model = model;
            Platform = platform;
            CanonicalId = canonicalId;
            PlatformId = platformId;
        }

        public ModelInfo Model { get; }

        /// <summary>The platform the spelling implies: Bedrock for <c>anthropic.*</c> and ARNs, Vertex for <c>@</c>, else the Claude API.</summary>
        public ModelPlatform Platform { get; }

        /// <summary>The canonical Claude API id of the model.</summary>
        public string CanonicalId { get; }

        /// <summary>The model's id as the table spells it on <see cref="Platform"/> (base id, without a cross-Region prefix), or null when the table does not record one.</summary>
        public string? PlatformId { get; }

        /// <summary>True when the model was not in the table and was inferred from a Claude-shaped id.</summary>
        public bool IsInferred => Model != null && Model.IsInferred;

        public override string ToString() => CanonicalId + " (" + Platform + ")";
    }

    /// <summary>A problem found while reading a model table; the position points into the text that was read.</summary>
    public sealed class CatalogError
    {
        public CatalogError(string message, int line, int column) : this(message, line, column, -1, 0)
        {
        }

        public CatalogError(string message, int line, int column, int offset, int length)
        {
            Message = message;
            Line = line;
            Column = column;
            Offset = offset;
            Length = length;
        }

        public string Message { get; }

        /// <summary>Zero-based.</summary>
        public int Line { get; }

        /// <summary>Zero-based (UTF-16 code units from the start of the line).</summary>
        public int Column { get; }

        /// <summary>Zero-based character offset into the text, or -1 when unknown.</summary>
        public int Offset { get; }

        /// <summary>Length of the offending text (0 when it is a point).</summary>
        public int Length { get; }

        public override string ToString() => "(" + (Line + 1).ToString(CultureInfo.InvariantCulture) + "," + (Column + 1).ToString(CultureInfo.InvariantCulture) + "): " + Message;
    }

    /// <summary>A source the table's facts come from.</summary>
    public sealed class CatalogSource
    {
        public CatalogSource(string key, string title, string? url, string? seen, string? copy)
        {
            Key = key;
            Title = title;
            Url = url;
            Seen = seen;
            Copy = copy;
        }

        public string Key { get; }

        public string Title { get; }

        public string? Url { get; }

        /// <summary>When the source was read ("yyyy-MM-dd").</summary>
        public string? Seen { get; }

        /// <summary>Date of the copy that was read, when older than <see cref="Seen"/>.</summary>
        public string? Copy { get; }
    }
}
