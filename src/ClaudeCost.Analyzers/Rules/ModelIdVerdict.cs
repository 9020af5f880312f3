using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using ClaudeCost.Analyzers.Knowledge;

namespace ClaudeCost.Analyzers.Rules
{
    /// <summary>Which model-id rule a literal falls under; one literal gets one diagnostic, in this order of precedence.</summary>
    internal enum ModelIdRule
    {
        None = 0,
        /// <summary>CC0010: retired on the id's platform as of the table date.</summary>
        Retired,
        /// <summary>CC0019: Claude-shaped, unknown, and not possibly newer than the table.</summary>
        Malformed,
        /// <summary>CC0015: deprecated, retirement date ahead.</summary>
        Scheduled,
        /// <summary>CC0016: active, but its same-tier successor is cheaper per request.</summary>
        Pricier,
    }

    /// <summary>The verdict on one model id string, computed from the model table only (never the build machine's clock).</summary>
    internal sealed class ModelIdVerdict
    {
        private static readonly ConditionalWeakTable<ModelCatalog, ConcurrentDictionary<string, ModelIdVerdict>> s_cache =
            new ConditionalWeakTable<ModelCatalog, ConcurrentDictionary<string, ModelIdVerdict>>();

        public static readonly ModelIdVerdict None = new ModelIdVerdict(ModelIdRule.None, null, null, null, null, 0m, null);

        private ModelIdVerdict(ModelIdRule rule, ModelInfo? model, ModelInfo? replacementModel, string? replacement, string? detail, decimal ratio, string? platform)
        {
            Rule = rule;
            Model = model;
            ReplacementModel = replacementModel;
            Replacement = replacement;
            Detail = detail;
            Ratio = ratio;
            Platform = platform;
        }

        public ModelIdRule Rule { get; }

        public ModelInfo? Model { get; }

        public ModelInfo? ReplacementModel { get; }

        /// <summary>The replacement id, spelled for the same platform as the original (and keeping a region prefix); null when none.</summary>
        public string? Replacement { get; }

        /// <summary>Rule-specific message detail (a date, a reason).</summary>
        public string? Detail { get; }

        /// <summary>CC0016: how many times more the old model costs per request, tokenizer difference included.</summary>
        public decimal Ratio { get; }

        public string? Platform { get; }

        public static ModelIdVerdict For(ModelCatalog catalog, string raw)
        {
            if (raw.Length < 6 || raw.Length > 200 || raw.IndexOf("claude", StringComparison.OrdinalIgnoreCase) < 0)
            {
                return None;
            }

            var cache = s_cache.GetOrCreateValue(catalog);
            if (cache.TryGetValue(raw, out var verdict))
            {
                return verdict;
            }

            verdict = Compute(catalog, raw);
            if (cache.Count < 4096)
            {
                cache.TryAdd(raw, verdict);
            }

            return verdict;
        }

        private static ModelIdVerdict Compute(ModelCatalog catalog, string raw)
        {
            if (!ModelCatalog.IsClaudeShaped(raw))
            {
                return None;
            }

            if (catalog.TryResolve(raw, out var match))
            {
                var model = match.Model;
                var platform = PlatformName(match.Platform);
                var state = model.StateOn(match.Platform, catalog.TableDate);
                catalog.TryGetSuccessor(match, out var successor);
                var replacement = successor.Model != null ? Respell(raw, successor.PlatformId) : null;
                switch (state)
                {
                    case LifecycleState.Retired:
                        return new ModelIdVerdict(ModelIdRule.Retired, model, successor.Model, replacement, model.RetirementDate(match.Platform), 0m, platform);
                    case LifecycleState.Deprecated:
                    case LifecycleState.ExtendedAccess:
                        var date = model.RetirementDate(match.Platform);
                        return date == null ? None : new ModelIdVerdict(ModelIdRule.Scheduled, model, successor.Model, replacement, date, 0m, platform);
                    case LifecycleState.Active:
                    case LifecycleState.PastFloor:
                        if (successor.Model?.Prices != null && model.Prices != null && replacement != null)
                        {
                            var ratio = CostRatio(model, successor.Model);
                            if (ratio >= 1.05m)
                            {
                                return new ModelIdVerdict(ModelIdRule.Pricier, model, successor.Model, replacement, null, ratio, platform);
                            }
                        }

                        return None;
                    default:
                        return None;
                }
            }

            return Malformed(catalog, raw);
        }

        /// <summary>
        /// Per-request cost of the old model over its successor: the lower of the input and output price ratios, with
        /// the successor's ~30% larger token count when it uses the newer tokenizer and the old model does not.
        /// </summary>
        internal static decimal CostRatio(ModelInfo old, ModelInfo successor)
        {
            var tokens = old.Tokenizer == TokenizerGeneration.Legacy && successor.Tokenizer == TokenizerGeneration.Current ? 1.3m
                : old.Tokenizer == TokenizerGeneration.Current && successor.Tokenizer == TokenizerGeneration.Legacy ? 1m / 1.3m
                : 1m;
            var oldPrices = old.Prices!;
            var newPrices = successor.Prices!;
            if (newPrices.Input <= 0 || newPrices.Output <= 0)
            {
                return 0m;
            }

            var input = oldPrices.Input / (newPrices.Input * tokens);
            var output = oldPrices.Output / (newPrices.Output * tokens);
            return Math.Min(input, output);
        }

        /// <summary>A dated id whose date is not that model's, or a family/version that never existed below the newest known one.</summary>
        private static ModelIdVerdict Malformed(ModelCatalog catalog, string raw)
        {
            var shape = ModelIds.ParseShape(raw);
            if (shape == null || shape.IsLatest)
            {
                return None;
            }

            ModelInfo? sameVersion = null;
            string? sameVersionDate = null;
            var newestOfFamily = -1;
            var familyKnown = false;
            foreach (var model in catalog.Models)
            {
                var known = ModelIds.ParseShape(model.Id);
                if (known == null || !string.Equals(known.Family, shape.Family, StringComparison.OrdinalIgnoreCase) || known.IsPreview)
                {
                    continue;
                }

                familyKnown = true;
                var version = known.Major * 100 + (known.Minor ?? 0);
                newestOfFamily = Math.Max(newestOfFamily, version);
                if (known.Major == shape.Major && (known.Minor ?? 0) == (shape.Minor ?? 0))
                {
                    sameVersion = model;
                    sameVersionDate = known.Date ?? model.Aliases.Select(a => ModelIds.ParseShape(a)?.Date).FirstOrDefault(d => d != null);
                }
            }

            if (!familyKnown)
            {
                return None;
            }

            if (sameVersion != null)
            {
                if (shape.Date == null || sameVersionDate == null || string.CompareOrdinal(shape.Date, sameVersionDate) >= 0)
                {
                    // No date, or a later snapshot than the table knows: may simply be newer.
                    return None;
                }

                var knownId = sameVersion.Aliases.FirstOrDefault(a => a.EndsWith(sameVersionDate, StringComparison.Ordinal) && a.Length > sameVersionDate.Length) ?? sameVersion.Id;
                if (!knownId.EndsWith(sameVersionDate, StringComparison.Ordinal))
                {
                    knownId = sameVersion.Id;
                }

                var reason = "the " + Describe(shape) + " model's snapshot date is " + sameVersionDate + ", not " + shape.Date;
                return new ModelIdVerdict(ModelIdRule.Malformed, null, sameVersion, shape.Platform == ModelPlatform.ClaudeApi ? knownId : null, reason, 0m, PlatformName(shape.Platform));
            }

            var requested = shape.Major * 100 + (shape.Minor ?? 0);
            if (requested >= newestOfFamily)
            {
                // A later version than the table knows: may be a new model.
                return None;
            }

            return new ModelIdVerdict(ModelIdRule.Malformed, null, null, null, "there is no " + Describe(shape) + " model", 0m, PlatformName(shape.Platform));
        }

        private static string Describe(ModelIdShape shape)
        {
            var family = shape.Family.Length == 0 ? shape.Family : char.ToUpperInvariant(shape.Family[0]) + shape.Family.Substring(1);
            return "Claude " + family + " " + shape.Major.ToString(CultureInfo.InvariantCulture) + (shape.Minor is int minor ? "." + minor.ToString(CultureInfo.InvariantCulture) : "");
        }

        private static string PlatformName(ModelPlatform platform) => platform switch
        {
            ModelPlatform.Bedrock => "Amazon Bedrock",
            ModelPlatform.Vertex => "Google Cloud Vertex AI",
            _ => "the Claude API",
        };

        /// <summary>The successor in the original's spelling: its region prefix or ARN prefix is kept.</summary>
        private static string? Respell(string raw, string? successorPlatformId)
        {
            if (successorPlatformId == null)
            {
                return null;
            }

            var trimmed = raw.Trim();
            var slash = trimmed.LastIndexOf('/');
            var prefix = slash >= 0 ? trimmed.Substring(0, slash + 1) : "";
            var body = slash >= 0 ? trimmed.Substring(slash + 1) : trimmed;
            var region = ModelIds.BedrockProfilePrefix(body);
            if (!string.IsNullOrEmpty(region) && !successorPlatformId.StartsWith(region, StringComparison.OrdinalIgnoreCase))
            {
                prefix += region;
            }

            return prefix + successorPlatformId;
        }
    }
}
