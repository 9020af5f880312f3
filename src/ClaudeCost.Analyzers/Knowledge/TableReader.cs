using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;

namespace ClaudeCost.Analyzers.Knowledge
{
    /// <summary>
    /// Reads a model table (embedded or override) into a <see cref="ModelCatalog.TableState"/>. Every problem becomes a
    /// <see cref="CatalogError"/> located in the text; a field that cannot be read is skipped and the previous value kept.
    /// </summary>
    internal sealed class TableReader
    {
        private readonly ModelCatalog.TableState _state;
        private readonly bool _isOverride;
        private readonly List<PendingReference> _pending = new List<PendingReference>();

        public TableReader(ModelCatalog.TableState state, bool isOverride)
        {
            _state = state;
            _isOverride = isOverride;
        }

        public List<CatalogError> Errors { get; } = new List<CatalogError>();

        public void Read(JsonValue root)
        {
            if (root.Kind != JsonKind.Object)
            {
                Error(root, "the model table must be a JSON object with a \"models\" array, found " + root.KindName);
                return;
            }

            JsonValue? defaultPricing = null;
            foreach (var member in root.Members)
            {
                var value = member.Value;
                switch (member.Name)
                {
                    case "tableDate":
                        if (ReadDate(value, "\"tableDate\"", out var date) && date != null)
                        {
                            _state.TableDate = date;
                        }

                        break;
                    case "defaultPricingModel":
                        defaultPricing = value;
                        break;
                    case "sources":
                        ReadSources(value);
                        break;
                    case "models":
                        ReadModels(value);
                        break;
                    case "$schema":
                    case "description":
                    case "comment":
                        break;
                    default:
                        UnknownField(member, "the top level", "tableDate, defaultPricingModel, sources, models");
                        break;
                }
            }

            ResolvePending();

            if (defaultPricing != null)
            {
                if (defaultPricing.Kind != JsonKind.String || string.IsNullOrWhiteSpace(defaultPricing.Text))
                {
                    Error(defaultPricing, "\"defaultPricingModel\" must be a model id string, found " + defaultPricing.KindName);
                }
                else if (_state.Index.TryGetValue(defaultPricing.Text!.Trim(), out var pricing))
                {
                    _state.DefaultPricingModel = pricing.Id;
                }
                else
                {
                    Error(defaultPricing, "\"defaultPricingModel\" names '" + defaultPricing.Text + "', which is not a model id or alias in the table");
                }
            }
        }

        private void ReadSources(JsonValue value)
        {
            if (value.Kind != JsonKind.Array)
            {
                Error(value, "\"sources\" must be an array of objects, found " + value.KindName);
                return;
            }

            foreach (var item in value.Items)
            {
                if (item.Kind != JsonKind.Object)
                {
                    Error(item, "each source must be an object with \"key\" and \"title\", found " + item.KindName);
                    continue;
                }

                string? key = null, title = null, url = null, seen = null, copy = null;
                var ok = true;
                foreach (var m in item.Members)
                {
                    switch (m.Name)
                    {
                        case "key": ok &= ReadString(m.Value, "source \"key\"", out key); break;
                        case "title": ok &= ReadString(m.Value, "source \"title\"", out title); break;
                        case "url": ok &= ReadString(m.Value, "source \"url\"", out url); break;
                        case "seen": ok &= ReadDate(m.Value, "source \"seen\"", out seen); break;
                        case "copy": ok &= ReadDate(m.Value, "source \"copy\"", out copy); break;
                        default: UnknownField(m, "a source", "key, title, url, seen, copy"); break;
                    }
                }

                if (key == null || key.Length == 0)
                {
                    if (ok)
                    {
                        Error(item, "a source needs a \"key\" string");
                    }

                    continue;
                }

                _state.Sources.RemoveAll(s => string.Equals(s.Key, key, StringComparison.Ordinal));
                _state.Sources.Add(new CatalogSource(key, title ?? key, string.IsNullOrEmpty(url) ? null : url, seen, copy));
            }
        }

        private void ReadModels(JsonValue value)
        {
            if (value.Kind != JsonKind.Array)
            {
                Error(value, "\"models\" must be an array of model objects, found " + value.KindName);
                return;
            }

            foreach (var item in value.Items)
            {
                ReadModel(item);
            }
        }

        private void ReadModel(JsonValue entry)
        {
            if (entry.Kind != JsonKind.Object)
            {
                Error(entry, "each entry of \"models\" must be an object with an \"id\", found " + entry.KindName);
                return;
            }

            var idMember = entry.Find("id");
            if (idMember == null)
            {
                Error(entry, "a model entry needs an \"id\" (e.g. \"claude-sonnet-4-6\"); the entry is ignored");
                return;
            }

            if (idMember.Value.Kind != JsonKind.String || !IsValidId(idMember.Value.Text))
            {
                Error(idMember.Value, "\"id\" must be a non-empty model id without spaces, found " + Describe(idMember.Value) + "; the entry is ignored");
                return;
            }

            var id = idMember.Value.Text!.Trim();
            var isNew = !_state.Index.TryGetValue(id, out var model);
            if (isNew)
            {
                model = new ModelInfo { Id = id };
            }
            else if (!_isOverride && string.Equals(model!.Id, id, StringComparison.OrdinalIgnoreCase))
            {
                Error(idMember.Value, "model '" + id + "' appears twice in the table; the later entry's fields win");
            }

            var target = model!;
            var context = "model '" + target.Id + "'";
            var given = new HashSet<string>(StringComparer.Ordinal);
            var newAliases = new List<JsonValue>();

            foreach (var member in entry.Members)
            {
                var v = member.Value;
                given.Add(member.Name);
                switch (member.Name)
                {
                    case "id":
                        break;
                    case "aliases":
                        ReadAliases(v, context, newAliases);
                        break;
                    case "family":
                        if (ReadString(v, context + ": \"family\"", out var family))
                        {
                            target.Family = family?.Trim().ToLowerInvariant() ?? "";
                        }

                        break;
                    case "version":
                        if (ReadString(v, context + ": \"version\"", out var version))
                        {
                            target.Version = version;
                        }

                        break;
                    case "tier":
                        if (ReadEnum(v, context + ": \"tier\"", "small, mid, premium, unknown", ParseTier, out ModelTier tier))
                        {
                            target.Tier = tier;
                        }

                        break;
                    case "tokenizer":
                        if (ReadEnum(v, context + ": \"tokenizer\"", "legacy, current", ParseTokenizer, out TokenizerGeneration tokenizer))
                        {
                            target.Tokenizer = tokenizer;
                        }

                        break;
                    case "released":
                        if (ReadDate(v, context + ": \"released\"", out var released))
                        {
                            target.Released = released;
                        }

                        break;
                    case "deprecated":
                        if (ReadDate(v, context + ": \"deprecated\"", out var deprecated))
                        {
                            target.Deprecated = deprecated;
                        }

                        break;
                    case "contextTokens":
                        if (ReadTokenCount(v, context + ": \"contextTokens\"", out var contextTokens))
                        {
                            target.ContextTokens = contextTokens;
                        }

                        break;
                    case "maxOutputTokens":
                        if (ReadTokenCount(v, context + ": \"maxOutputTokens\"", out var maxOutput))
                        {
                            target.MaxOutputTokens = maxOutput;
                        }

                        break;
                    case "minCacheableTokens":
                        if (ReadTokenCount(v, context + ": \"minCacheableTokens\"", out var minCache))
                        {
                            target.MinCacheableTokens = minCache;
                        }

                        break;
                    case "minCacheableTokensUpper":
                        if (ReadTokenCount(v, context + ": \"minCacheableTokensUpper\"", out var minCacheUpper))
                        {
                            target.MinCacheableTokensUpper = minCacheUpper;
                        }

                        break;
                    case "prices":
                        if (ReadPrices(v, context + ": \"prices\"", target.Prices, out var prices))
                        {
                            target.Prices = prices;
                        }

                        break;
                    case "highBand":
                        ReadHighBand(v, context, target);
                        break;
                    case "retirements":
                        ReadRetirements(v, context, target);
                        break;
                    case "successor":
                        if (ReadString(v, context + ": \"successor\"", out var successor))
                        {
                            var previous = target.SuccessorId;
                            target.SuccessorId = successor?.Trim();
                            if (successor != null)
                            {
                                _pending.Add(new PendingReference(target, v, isSuccessor: true, previous));
                            }
                        }

                        break;
                    case "provisionalFrom":
                        if (ReadString(v, context + ": \"provisionalFrom\"", out var provisional))
                        {
                            var previous = target.ProvisionalFromId;
                            target.ProvisionalFromId = provisional?.Trim();
                            if (provisional != null)
                            {
                                _pending.Add(new PendingReference(target, v, isSuccessor: false, previous));
                            }
                        }

                        break;
                    case "sources":
                        if (ReadStringArray(v, context + ": \"sources\"", out var sources))
                        {
                            target.SourceKeys = sources;
                        }

                        break;
                    case "uncertain":
                        ReadUncertain(v, context, target);
                        break;
                    case "comment":
                    case "description":
                        break;
                    default:
                        UnknownField(member, context, "id, aliases, family, version, tier, tokenizer, released, deprecated, contextTokens, maxOutputTokens, minCacheableTokens, minCacheableTokensUpper, prices, highBand, retirements, successor, provisionalFrom, sources, uncertain");
                        break;
                }
            }

            if (isNew)
            {
                CompleteNewModel(target, given);
                _state.Add(target);
            }

            foreach (var aliasValue in newAliases)
            {
                var alias = aliasValue.Text!.Trim();
                if (_state.Index.TryGetValue(alias, out var owner))
                {
                    if (!ReferenceEquals(owner, target))
                    {
                        Error(aliasValue, context + ": alias '" + alias + "' already names model '" + owner.Id + "'; the alias is ignored");
                    }

                    continue;
                }

                target.Aliases = target.Aliases.Add(alias);
                _state.Index[alias] = target;
            }
        }

        /// <summary>Fills what a new entry left out from the shape of its id (family, version, tier, tokenizer).</summary>
        private static void CompleteNewModel(ModelInfo model, HashSet<string> given)
        {
            var shape = ModelIds.ParseShape(model.Id);
            if (model.Family.Length == 0 && shape != null)
            {
                model.Family = shape.Family;
            }

            if (!given.Contains("version") && shape != null)
            {
                model.Version = shape.Version;
            }

            if (!given.Contains("tier"))
            {
                model.Tier = ModelIds.TierOfFamily(model.Family);
            }

            if (!given.Contains("tokenizer"))
            {
                model.Tokenizer = shape?.Tokenizer ?? TokenizerGeneration.Legacy;
            }
        }

        private void ReadAliases(JsonValue v, string context, List<JsonValue> into)
        {
            if (v.Kind != JsonKind.Array)
            {
                Error(v, context + ": \"aliases\" must be an array of strings, found " + v.KindName);
                return;
            }

            foreach (var item in v.Items)
            {
                if (item.Kind != JsonKind.String || !IsValidId(item.Text))
                {
                    Error(item, context + ": each alias must be a non-empty id without spaces, found " + Describe(item));
                    continue;
                }

                into.Add(item);
            }
        }

        private bool ReadPrices(JsonValue v, string context, ModelPrices? existing, out ModelPrices? result)
        {
            result = existing;
            if (v.Kind == JsonKind.Null)
            {
                result = null;
                return true;
            }

            if (v.Kind != JsonKind.Object)
            {
                Error(v, context + " must be an object of USD-per-million-token prices (input, output, cacheWrite5m, cacheWrite1h, cacheRead) or null, found " + v.KindName);
                return false;
            }

            var prices = existing?.Clone() ?? new ModelPrices();
            bool hasInput = false, hasOutput = false, hasW5 = false, hasW1 = false, hasRead = false;
            foreach (var m in v.Members)
            {
                switch (m.Name)
                {
                    case "input":
                        if (ReadPrice(m.Value, context + ".input", out var input))
                        {
                            prices.Input = input;
                            hasInput = true;
                        }

                        break;
                    case "output":
                        if (ReadPrice(m.Value, context + ".output", out var output))
                        {
                            prices.Output = output;
                            hasOutput = true;
                        }

                        break;
                    case "cacheWrite5m":
                        if (ReadPrice(m.Value, context + ".cacheWrite5m", out var w5))
                        {
                            prices.CacheWrite5m = w5;
                            hasW5 = true;
                        }

                        break;
                    case "cacheWrite1h":
                        if (ReadPrice(m.Value, context + ".cacheWrite1h", out var w1))
                        {
                            prices.CacheWrite1h = w1;
                            hasW1 = true;
                        }

                        break;
                    case "cacheRead":
                        if (ReadPrice(m.Value, context + ".cacheRead", out var read))
                        {
                            prices.CacheRead = read;
                            hasRead = true;
                        }

                        break;
                    default:
                        UnknownField(m, context, "input, output, cacheWrite5m, cacheWrite1h, cacheRead");
                        break;
                }
            }

            if (existing == null && !(hasInput && hasOutput))
            {
                Error(v, context + " needs at least \"input\" and \"output\" for a model that has no prices yet; the prices are ignored");
                return false;
            }

            var derivable = existing == null || existing.CachePricesDerived;
            if (derivable && hasInput)
            {
                var derivedAny = false;
                if (!hasW5)
                {
                    prices.CacheWrite5m = prices.Input * ModelPrices.CacheWrite5mMultiplier;
                    derivedAny = true;
                }

                if (!hasW1)
                {
                    prices.CacheWrite1h = prices.Input * ModelPrices.CacheWrite1hMultiplier;
                    derivedAny = true;
                }

                if (!hasRead)
                {
                    prices.CacheRead = prices.Input * ModelPrices.CacheReadMultiplier;
                    derivedAny = true;
                }

                prices.CachePricesDerived = derivedAny;
            }
            else if (hasW5 || hasW1 || hasRead)
            {
                prices.CachePricesDerived = prices.CachePricesDerived && !(hasW5 && hasW1 && hasRead);
            }

            result = prices;
            return true;
        }

        private void ReadHighBand(JsonValue v, string context, ModelInfo target)
        {
            if (v.Kind == JsonKind.Null)
            {
                target.HighBandThresholdTokens = null;
                target.HighBandPrices = null;
                return;
            }

            if (v.Kind != JsonKind.Object)
            {
                Error(v, context + ": \"highBand\" must be an object with \"thresholdTokens\" and \"prices\", or null, found " + v.KindName);
                return;
            }

            int? threshold = target.HighBandThresholdTokens;
            var prices = target.HighBandPrices;
            foreach (var m in v.Members)
            {
                switch (m.Name)
                {
                    case "thresholdTokens":
                        if (ReadTokenCount(m.Value, context + ": \"highBand.thresholdTokens\"", out var t))
                        {
                            threshold = t;
                        }

                        break;
                    case "prices":
                        if (ReadPrices(m.Value, context + ": \"highBand.prices\"", target.HighBandPrices, out var p))
                        {
                            prices = p;
                        }

                        break;
                    default:
                        UnknownField(m, context + " \"highBand\"", "thresholdTokens, prices");
                        break;
                }
            }

            if ((threshold == null) != (prices == null))
            {
                Error(v, context + ": \"highBand\" needs both \"thresholdTokens\" and \"prices\"; the band is ignored");
                return;
            }

            target.HighBandThresholdTokens = threshold;
            target.HighBandPrices = prices;
        }

        private void ReadRetirements(JsonValue v, string context, ModelInfo target)
        {
            if (v.Kind != JsonKind.Object)
            {
                Error(v, context + ": \"retirements\" must be an object with \"api\", \"bedrock\" and/or \"vertex\", found " + v.KindName);
                return;
            }

            foreach (var m in v.Members)
            {
                switch (m.Name)
                {
                    case "api":
                        ReadApiRetirement(m.Value, context, target);
                        break;
                    case "bedrock":
                        target.Bedrock = ReadPlatform(m.Value, context + ": \"retirements.bedrock\"", ModelPlatform.Bedrock, target.Bedrock);
                        break;
                    case "vertex":
                        target.Vertex = ReadPlatform(m.Value, context + ": \"retirements.vertex\"", ModelPlatform.Vertex, target.Vertex);
                        break;
                    default:
                        UnknownField(m, context + " \"retirements\"", "api, bedrock, vertex");
                        break;
                }
            }
        }

        private void ReadApiRetirement(JsonValue v, string context, ModelInfo target)
        {
            var where = context + ": \"retirements.api\"";
            switch (v.Kind)
            {
                case JsonKind.Null:
                    target.Api.Retired = null;
                    target.Api.NotBefore = null;
                    return;
                case JsonKind.String:
                    if (ReadDate(v, where, out var date))
                    {
                        target.Api.Retired = date;
                    }

                    return;
                case JsonKind.Object:
                    foreach (var m in v.Members)
                    {
                        switch (m.Name)
                        {
                            case "retired":
                                if (ReadDate(m.Value, where + ".retired", out var retired))
                                {
                                    target.Api.Retired = retired;
                                }

                                break;
                            case "notBefore":
                                if (ReadDate(m.Value, where + ".notBefore", out var notBefore))
                                {
                                    target.Api.NotBefore = notBefore;
                                }

                                break;
                            case "deprecated":
                                if (ReadDate(m.Value, where + ".deprecated", out var deprecated))
                                {
                                    target.Api.Deprecated = deprecated;
                                }

                                break;
                            default:
                                UnknownField(m, where, "retired, notBefore, deprecated");
                                break;
                        }
                    }

                    return;
                default:
                    Error(v, where + " must be a \"yyyy-MM-dd\" retirement date, an object, or null, found " + v.KindName);
                    return;
            }
        }

        private PlatformLifecycle? ReadPlatform(JsonValue v, string where, ModelPlatform platform, PlatformLifecycle? existing)
        {
            if (v.Kind == JsonKind.Null)
            {
                return null;
            }

            if (v.Kind != JsonKind.Object)
            {
                Error(v, where + " must be an object (id, deprecated, extendedAccess, retired, notBefore) or null, found " + v.KindName);
                return existing;
            }

            var life = existing?.Clone() ?? new PlatformLifecycle(platform);
            foreach (var m in v.Members)
            {
                switch (m.Name)
                {
                    case "id":
                        if (m.Value.Kind == JsonKind.Null)
                        {
                            life.Id = null;
                        }
                        else if (m.Value.Kind != JsonKind.String || !IsValidId(m.Value.Text))
                        {
                            Error(m.Value, where + ".id must be a platform model id without spaces, found " + Describe(m.Value));
                        }
                        else
                        {
                            life.Id = m.Value.Text!.Trim();
                        }

                        break;
                    case "deprecated":
                        if (ReadDate(m.Value, where + ".deprecated", out var deprecated))
                        {
                            life.Deprecated = deprecated;
                        }

                        break;
                    case "extendedAccess":
                        if (ReadDate(m.Value, where + ".extendedAccess", out var ext))
                        {
                            life.ExtendedAccess = ext;
                        }

                        break;
                    case "retired":
                        if (ReadDate(m.Value, where + ".retired", out var retired))
                        {
                            life.Retired = retired;
                        }

                        break;
                    case "notBefore":
                        if (ReadDate(m.Value, where + ".notBefore", out var notBefore))
                        {
                            life.NotBefore = notBefore;
                        }

                        break;
                    default:
                        UnknownField(m, where, "id, deprecated, extendedAccess, retired, notBefore");
                        break;
                }
            }

            return life;
        }

        private void ReadUncertain(JsonValue v, string context, ModelInfo target)
        {
            if (v.Kind == JsonKind.Null)
            {
                target.Uncertain = ImmutableDictionary<string, string>.Empty;
                return;
            }

            if (v.Kind != JsonKind.Object)
            {
                Error(v, context + ": \"uncertain\" must be an object mapping field names to notes, found " + v.KindName);
                return;
            }

            var notes = target.Uncertain.ToBuilder();
            foreach (var m in v.Members)
            {
                if (m.Value.Kind == JsonKind.Null)
                {
                    notes.Remove(m.Name);
                }
                else if (m.Value.Kind == JsonKind.String)
                {
                    notes[m.Name] = m.Value.Text!;
                }
                else
                {
                    Error(m.Value, context + ": \"uncertain." + m.Name + "\" must be a string note, found " + m.Value.KindName);
                }
            }

            target.Uncertain = notes.ToImmutable();
        }

        /// <summary>Checks successor / provisionalFrom references once every entry is read, and stores canonical ids.</summary>
        private void ResolvePending()
        {
            foreach (var pending in _pending)
            {
                var name = pending.IsSuccessor ? "successor" : "provisionalFrom";
                var text = pending.Value.Text!.Trim();
                if (_state.Index.TryGetValue(text, out var referenced))
                {
                    if (pending.IsSuccessor)
                    {
                        pending.Model.SuccessorId = referenced.Id;
                    }
                    else
                    {
                        pending.Model.ProvisionalFromId = referenced.Id;
                    }

                    continue;
                }

                Error(pending.Value, "model '" + pending.Model.Id + "': \"" + name + "\" names '" + text + "', which is not a model id or alias in the table; ignored");
                if (pending.IsSuccessor)
                {
                    pending.Model.SuccessorId = pending.Previous;
                }
                else
                {
                    pending.Model.ProvisionalFromId = pending.Previous;
                }
            }
        }

        private static bool ParseTier(string s, out ModelTier tier)
        {
            switch (s)
            {
                case "small": tier = ModelTier.Small; return true;
                case "mid": tier = ModelTier.Mid; return true;
                case "premium": tier = ModelTier.Premium; return true;
                case "unknown": tier = ModelTier.Unknown; return true;
                default: tier = ModelTier.Unknown; return false;
            }
        }

        private static bool ParseTokenizer(string s, out TokenizerGeneration generation)
        {
            switch (s)
            {
                case "legacy": generation = TokenizerGeneration.Legacy; return true;
                case "current": generation = TokenizerGeneration.Current; return true;
                default: generation = TokenizerGeneration.Legacy; return false;
            }
        }

        private delegate bool EnumParser<T>(string text, out T value);

        private bool ReadEnum<T>(JsonValue v, string what, string allowed, EnumParser<T> parse, out T value)
        {
            value = default!;
            if (v.Kind == JsonKind.String && parse(v.Text!.Trim().ToLowerInvariant(), out value))
            {
                return true;
            }

            Error(v, what + " must be one of " + allowed + ", found " + Describe(v));
            return false;
        }

        /// <summary>A string or null (null clears the field).</summary>
        private bool ReadString(JsonValue v, string what, out string? value)
        {
            value = null;
            if (v.Kind == JsonKind.Null)
            {
                return true;
            }

            if (v.Kind == JsonKind.String)
            {
                value = v.Text;
                return true;
            }

            Error(v, what + " must be a string, found " + v.KindName);
            return false;
        }

        private bool ReadStringArray(JsonValue v, string what, out ImmutableArray<string> value)
        {
            value = ImmutableArray<string>.Empty;
            if (v.Kind != JsonKind.Array)
            {
                Error(v, what + " must be an array of strings, found " + v.KindName);
                return false;
            }

            var builder = ImmutableArray.CreateBuilder<string>(v.Items.Length);
            foreach (var item in v.Items)
            {
                if (item.Kind != JsonKind.String)
                {
                    Error(item, what + " must contain only strings, found " + item.KindName);
                    return false;
                }

                builder.Add(item.Text!);
            }

            value = builder.MoveToImmutable();
            return true;
        }

        /// <summary>A "yyyy-MM-dd" date or null (null clears the field).</summary>
        private bool ReadDate(JsonValue v, string what, out string? value)
        {
            value = null;
            if (v.Kind == JsonKind.Null)
            {
                return true;
            }

            if (v.Kind == JsonKind.String && ModelCatalog.IsDate(v.Text))
            {
                value = v.Text;
                return true;
            }

            Error(v, what + " must be a date written \"yyyy-MM-dd\" (or null), found " + Describe(v));
            return false;
        }

        /// <summary>A positive whole number of tokens or null (null clears the field).</summary>
        private bool ReadTokenCount(JsonValue v, string what, out int? value)
        {
            value = null;
            if (v.Kind == JsonKind.Null)
            {
                return true;
            }

            if (v.TryGetInt32(out var n) && n > 0)
            {
                value = n;
                return true;
            }

            Error(v, what + " must be a positive whole number of tokens (or null), found " + Describe(v));
            return false;
        }

        private bool ReadPrice(JsonValue v, string what, out decimal value)
        {
            value = 0;
            if (v.TryGetDecimal(out value) && value >= 0 && value <= 1_000_000m)
            {
                return true;
            }

            Error(v, what + " must be a non-negative number of USD per million tokens, found " + Describe(v));
            return false;
        }

        private static bool IsValidId(string? text)
        {
            if (text == null)
            {
                return false;
            }

            var trimmed = text.Trim();
            if (trimmed.Length == 0 || trimmed.Length > 200)
            {
                return false;
            }

            foreach (var c in trimmed)
            {
                if (char.IsWhiteSpace(c) || char.IsControl(c))
                {
                    return false;
                }
            }

            return true;
        }

        private static string Describe(JsonValue v)
        {
            switch (v.Kind)
            {
                case JsonKind.String:
                    var text = v.Text ?? "";
                    return "\"" + (text.Length > 40 ? text.Substring(0, 40) + "…" : text) + "\"";
                case JsonKind.Number:
                    return v.Text ?? "a number";
                default:
                    return v.KindName;
            }
        }

        private void UnknownField(JsonMember member, string where, string known)
        {
            Errors.Add(new CatalogError(
                "unknown field \"" + member.Name + "\" in " + where + " (known: " + known + "); it is ignored",
                member.NameStart.Line,
                member.NameStart.Column,
                member.NameStart.Offset,
                member.NameLength));
        }

        private void Error(JsonValue at, string message)
        {
            Errors.Add(new CatalogError(message, at.Start.Line, at.Start.Column, at.Start.Offset, at.Length));
        }

        private sealed class PendingReference
        {
            public PendingReference(ModelInfo model, JsonValue value, bool isSuccessor, string? previous)
            {
                Model = model;
                Value = value;
                IsSuccessor = isSuccessor;
                Previous = previous;
            }

            public ModelInfo Model { get; }

            public JsonValue Value { get; }

            public bool IsSuccessor { get; }

            public string? Previous { get; }
        }
    }
}
