using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;

namespace ClaudeCost.Analyzers.Knowledge
{
    /// <summary>
    /// The model table: ids in every platform spelling, tiers, tokenizers, prices, cache minimums and lifecycles.
    /// Immutable and thread-safe. <see cref="Default"/> is the embedded, dated table; <see cref="WithOverrides"/> merges a
    /// user's <c>claudecost.models.json</c> on top of it.
    /// </summary>
    public sealed partial class ModelCatalog
    {
        /// <summary>Manifest resource name of the embedded table.</summary>
        public const string ResourceName = "ClaudeCost.Analyzers.Knowledge.models.json";

        /// <summary>Used by <see cref="LargestMinCacheableTokens"/> when no model has a cache minimum.</summary>
        public const int FallbackLargestMinCacheableTokens = 4096;

        private const int MemoCapacity = 4096;

        private static readonly Lazy<ModelCatalog> s_default = new Lazy<ModelCatalog>(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

        private readonly Dictionary<string, Spelling> _spellings;
        private readonly Dictionary<string, ModelInfo> _byId;
        private readonly ConcurrentDictionary<string, Resolution> _memo = new ConcurrentDictionary<string, Resolution>(StringComparer.Ordinal);
        private int _memoCount;

        private static readonly ConcurrentDictionary<string, bool> s_shapeMemo = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        private static int s_shapeMemoCount;

        private ModelCatalog(TableState state, ImmutableArray<CatalogError> loadErrors)
        {
            Models = state.Models.ToImmutableArray();
            Sources = state.Sources.ToImmutableArray();
            TableDate = state.TableDate ?? "";
            LoadErrors = loadErrors;

            _byId = new Dictionary<string, ModelInfo>(StringComparer.OrdinalIgnoreCase);
            _spellings = new Dictionary<string, Spelling>(StringComparer.OrdinalIgnoreCase);
            var largest = 0;
            foreach (var model in Models)
            {
                AddSpelling(model.Id, model, ModelPlatform.ClaudeApi);
                _byId[model.Id] = model;
                foreach (var alias in model.Aliases)
                {
                    AddSpelling(alias, model, ModelPlatform.ClaudeApi);
                    if (!_byId.ContainsKey(alias))
                    {
                        _byId[alias] = model;
                    }
                }

                largest = Math.Max(largest, Math.Max(model.MinCacheableTokens ?? 0, model.MinCacheableTokensUpper ?? 0));
            }

            // Platform spellings last, so an API id always wins over an equal platform spelling.
            foreach (var model in Models)
            {
                if (model.Bedrock?.Id is string bedrockId && !_spellings.ContainsKey(bedrockId))
                {
                    _spellings[bedrockId] = new Spelling(model, ModelPlatform.Bedrock);
                }

                if (model.Vertex?.Id is string vertexId && !_spellings.ContainsKey(vertexId))
                {
                    _spellings[vertexId] = new Spelling(model, vertexId.IndexOf('@') >= 0 ? ModelPlatform.Vertex : ModelPlatform.ClaudeApi);
                }
            }

            LargestMinCacheableTokens = largest > 0 ? largest : FallbackLargestMinCacheableTokens;
            DefaultPricingModel = (state.DefaultPricingModel != null && _byId.TryGetValue(state.DefaultPricingModel, out var pricing))
                ? pricing
                : new ModelInfo { Id = state.DefaultPricingModel ?? "unknown", Family = "", Tier = ModelTier.Unknown, IsInferred = true };
        }

        /// <summary>The embedded, dated table.</summary>
        public static ModelCatalog Default => s_default.Value;

        /// <summary>"yyyy-MM-dd" date of the table.</summary>
        public string TableDate { get; }

        /// <summary>The largest minimum cacheable length in the table (4,096 today).</summary>
        public int LargestMinCacheableTokens { get; }

        /// <summary>The model whose prices a message assumes when the request's model cannot be resolved.</summary>
        public ModelInfo DefaultPricingModel { get; }

        /// <summary>Every model, in table order.</summary>
        public ImmutableArray<ModelInfo> Models { get; }

        /// <summary>The sources the table cites.</summary>
        public ImmutableArray<CatalogSource> Sources { get; }

        /// <summary>Problems in the table this catalog was built from (empty for a correct embedded table; override errors are returned by <see cref="WithOverrides"/>).</summary>
        public ImmutableArray<CatalogError> LoadErrors { get; }

        /// <summary>True when the text is a "yyyy-MM-dd" calendar date.</summary>
        public static bool IsDate(string? text) =>
            text != null
            && text.Length == 10
            && DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

        /// <summary>Resolves any spelling (API, Bedrock, Vertex, ARN, enum-member name heuristics are not applied here).</summary>
        public bool TryResolve(string rawId, out ModelMatch match)
        {
            match = default;
            if (string.IsNullOrEmpty(rawId))
            {
                return false;
            }

            // Hot path: an exact spelling (any case) needs no allocation.
            if (_spellings.TryGetValue(rawId, out var direct))
            {
                match = MakeMatch(direct.Model, direct.Platform);
                return true;
            }

            if (!_memo.TryGetValue(rawId, out var resolution))
            {
                resolution = ResolveSlow(rawId);
                Remember(_memo, ref _memoCount, rawId, resolution);
            }

            if (resolution.Model == null)
            {
                return false;
            }

            match = MakeMatch(resolution.Model, resolution.Platform);
            return true;
        }

        /// <summary>
        /// Like <see cref="TryResolve"/>, but a Claude-shaped id the table does not know (e.g. a future claude-opus-6) yields a
        /// synthesized model (<see cref="ModelInfo.IsInferred"/>) with family, version, tier and tokenizer read from the id
        /// and no prices, cache minimum or dates. An unknown point release never borrows its sibling's values.
        /// </summary>
        public bool TryResolveOrInfer(string rawId, out ModelMatch match)
        {
            if (TryResolve(rawId, out match))
            {
                return true;
            }

            var shape = ModelIds.ParseShape(rawId);
            if (shape == null)
            {
                return false;
            }

            var inferred = new ModelInfo
            {
                Id = shape.CanonicalId,
                Family = shape.Family,
                Tier = shape.Tier,
                Tokenizer = shape.Tokenizer,
                Version = shape.Version,
                IsInferred = true,
            };
            match = new ModelMatch(inferred, shape.Platform, shape.CanonicalId, shape.Platform == ModelPlatform.ClaudeApi ? shape.CanonicalId : null);
            return true;
        }

        /// <summary>True when the id is Claude-shaped (claude-…, anthropic.claude-…, …) whether or not the table knows it.</summary>
        public static bool IsClaudeShaped(string rawId)
        {
            if (string.IsNullOrWhiteSpace(rawId))
            {
                return false;
            }

            if (Default.TryResolve(rawId, out _))
            {
                return true;
            }

            if (s_shapeMemo.TryGetValue(rawId, out var shaped))
            {
                return shaped;
            }

            shaped = ModelIds.ParseShape(rawId) != null;
            Remember(s_shapeMemo, ref s_shapeMemoCount, rawId, shaped);
            return shaped;
        }

        /// <summary>
        /// Bounded memo: when full it starts over, so a long-lived host (an IDE typing many partial ids) keeps
        /// remembering the spellings in use now instead of none at all.
        /// </summary>
        private static void Remember<T>(ConcurrentDictionary<string, T> memo, ref int count, string key, T value)
        {
            if (Volatile.Read(ref count) >= MemoCapacity)
            {
                memo.Clear();
                Volatile.Write(ref count, 0);
            }

            if (memo.TryAdd(key, value))
            {
                Interlocked.Increment(ref count);
            }
        }

        /// <summary>The model with this API id or alias (case-insensitive, no other normalization), or null.</summary>
        public ModelInfo? Find(string id) =>
            id != null && _byId.TryGetValue(id, out var model) ? model : null;

        /// <summary>The model's successor (current same-tier suggestion), or null.</summary>
        public ModelInfo? SuccessorOf(ModelInfo model) =>
            model?.SuccessorId is string successor ? Find(successor) : null;

        /// <summary>
        /// The model's id on a platform as the table records it: the API id for the Claude API; the Bedrock base id
        /// (<c>anthropic.…</c>); the Google Cloud id (<c>…@yyyymmdd</c>, or the API id for undated models). Null when the table
        /// does not record the model on that platform.
        /// </summary>
        public static string? SpellingOn(ModelInfo model, ModelPlatform platform)
        {
            switch (platform)
            {
                case ModelPlatform.Bedrock:
                    return model.Bedrock?.Id;
                case ModelPlatform.Vertex:
                    return model.Vertex == null ? null : model.Vertex.Id ?? model.Id;
                default:
                    return model.Id;
            }
        }

        /// <summary>
        /// The successor of a matched model on the same platform: its <see cref="ModelMatch.PlatformId"/> is the successor's
        /// spelling there (null when the table does not record the successor on that platform).
        /// </summary>
        public bool TryGetSuccessor(ModelMatch match, out ModelMatch successor)
        {
            successor = default;
            var next = match.Model == null ? null : SuccessorOf(match.Model);
            if (next == null)
            {
                return false;
            }

            successor = new ModelMatch(next, match.Platform, next.Id, SpellingOn(next, match.Platform));
            return true;
        }

        /// <summary>Returns a new catalog with the JSON override applied; errors locate problems in that text.</summary>
        public ModelCatalog WithOverrides(string json, out ImmutableArray<CatalogError> errors)
        {
            if (!MiniJson.TryParse(json, out var root, out var syntaxError) || root == null)
            {
                var p = syntaxError?.Position ?? new JsonPosition(0, 0, 0);
                errors = ImmutableArray.Create(new CatalogError(
                    "claudecost.models.json is not valid JSON: " + (syntaxError?.Message ?? "unreadable") + "; the built-in model table is used",
                    p.Line,
                    p.Column,
                    p.Offset,
                    0));
                return this;
            }

            var state = TableState.CopyOf(this);
            var reader = new TableReader(state, isOverride: true);
            reader.Read(root);
            errors = reader.Errors.ToImmutableArray();
            return new ModelCatalog(state, LoadErrors);
        }

        /// <summary>Builds a catalog from a complete table text (same format as the embedded one); for tests and tools.</summary>
        internal static ModelCatalog FromJson(string json, out ImmutableArray<CatalogError> errors)
        {
            var state = new TableState();
            if (!MiniJson.TryParse(json, out var root, out var syntaxError) || root == null)
            {
                var p = syntaxError?.Position ?? new JsonPosition(0, 0, 0);
                errors = ImmutableArray.Create(new CatalogError(syntaxError?.Message ?? "unreadable", p.Line, p.Column, p.Offset, 0));
                return new ModelCatalog(state, errors);
            }

            var reader = new TableReader(state, isOverride: false);
            reader.Read(root);
            errors = reader.Errors.ToImmutableArray();
            return new ModelCatalog(state, errors);
        }

        /// <summary>The embedded table's text.</summary>
        internal static string ReadEmbeddedTable()
        {
            using (var stream = typeof(ModelCatalog).Assembly.GetManifestResourceStream(ResourceName))
            {
                if (stream == null)
                {
                    return "";
                }

                using (var reader = new StreamReader(stream, Encoding.UTF8))
                {
                    return reader.ReadToEnd();
                }
            }
        }

        private static ModelCatalog LoadDefault()
        {
            string text;
            try
            {
                text = ReadEmbeddedTable();
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException || ex is BadImageFormatException)
            {
                text = "";
            }

            return FromJson(text, out _);
        }

        private void AddSpelling(string spelling, ModelInfo model, ModelPlatform platform)
        {
            if (!_spellings.ContainsKey(spelling))
            {
                _spellings[spelling] = new Spelling(model, platform);
            }
        }

        private static ModelMatch MakeMatch(ModelInfo model, ModelPlatform platform) =>
            new ModelMatch(model, platform, model.Id, SpellingOn(model, platform));

        private Resolution ResolveSlow(string rawId)
        {
            var parts = ModelIds.Decompose(rawId);
            if (parts.Id.Length == 0)
            {
                return default;
            }

            var platform = parts.Platform;
            if (Lookup(parts.BedrockForm, out var model)
                || Lookup(parts.VertexForm, out model)
                || Lookup(parts.Stripped, out model)
                || Lookup(parts.Id, out model))
            {
                return new Resolution(model, platform);
            }

            var shape = ModelIds.ParseNormalized(parts.Id, platform);
            if (shape != null && !ReferenceEquals(shape.CanonicalId, parts.Id) && Lookup(shape.CanonicalId, out model))
            {
                return new Resolution(model, platform);
            }

            return default;
        }

        private bool Lookup(string? spelling, out ModelInfo model)
        {
            if (spelling != null && _spellings.TryGetValue(spelling, out var entry))
            {
                model = entry.Model;
                return true;
            }

            model = null!;
            return false;
        }

        private readonly struct Spelling
        {
            public Spelling(ModelInfo model, ModelPlatform platform)
            {
                Model = model;
                Platform = platform;
            }

            public ModelInfo Model { get; }

            public ModelPlatform Platform { get; }
        }

        private readonly struct Resolution
        {
            public Resolution(ModelInfo model, ModelPlatform platform)
            {
                Model = model;
                Platform = platform;
            }

            public ModelInfo? Model { get; }

            public ModelPlatform Platform { get; }
        }

        /// <summary>The mutable table while it is being read.</summary>
        internal sealed class TableState
        {
            public string? TableDate { get; set; }

            public string? DefaultPricingModel { get; set; }

            public List<CatalogSource> Sources { get; } = new List<CatalogSource>();

            public List<ModelInfo> Models { get; } = new List<ModelInfo>();

            /// <summary>Ids and aliases, case-insensitive.</summary>
            public Dictionary<string, ModelInfo> Index { get; } = new Dictionary<string, ModelInfo>(StringComparer.OrdinalIgnoreCase);

            public static TableState CopyOf(ModelCatalog catalog)
            {
                var state = new TableState
                {
                    TableDate = catalog.TableDate.Length > 0 ? catalog.TableDate : null,
                    DefaultPricingModel = catalog.DefaultPricingModel.IsInferred ? null : catalog.DefaultPricingModel.Id,
                };
                state.Sources.AddRange(catalog.Sources);
                foreach (var model in catalog.Models)
                {
                    state.Add(model.Clone());
                }

                return state;
            }

            public void Add(ModelInfo model)
            {
                Models.Add(model);
                Index[model.Id] = model;
                foreach (var alias in model.Aliases)
                {
                    if (!Index.ContainsKey(alias))
                    {
                        Index[alias] = model;
                    }
                }
            }
        }
    }
}
