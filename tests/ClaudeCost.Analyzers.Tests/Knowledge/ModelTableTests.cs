using System;
using System.Collections.Generic;
using System.Linq;
using ClaudeCost.Analyzers.Knowledge;
using Xunit;

namespace ClaudeCost.Analyzers.Tests.Knowledge
{
    public class ModelTableTests
    {
        private static readonly ModelCatalog Catalog = ModelCatalog.Default;

        /// <summary>Every model id named in the facts file (§1.1, §1.3, §1.4).</summary>
        public static readonly string[] FactsIds =
        {
            "claude-fable-5-2", "claude-mythos-5-2", "claude-fable-5-1", "claude-mythos-5-1", "claude-fable-5", "claude-mythos-5",
            "claude-mythos-preview", "claude-opus-5-5", "claude-opus-5", "claude-opus-4-8", "claude-opus-4-7", "claude-opus-4-6",
            "claude-opus-4-5-20251101", "claude-sonnet-5-5", "claude-sonnet-5", "claude-sonnet-4-6", "claude-sonnet-4-5-20250929",
            "claude-haiku-5-5", "claude-haiku-4-5-20251001", "claude-opus-4-1-20250805", "claude-opus-4-20250514",
            "claude-sonnet-4-20250514", "claude-3-7-sonnet-20250219", "claude-3-5-sonnet-20241022", "claude-3-5-sonnet-20240620",
            "claude-3-5-haiku-20241022", "claude-3-haiku-20240307", "claude-3-opus-20240229", "claude-3-sonnet-20240229",
            "claude-2.1", "claude-2.0", "claude-1.3", "claude-1.2", "claude-1.1", "claude-1.0",
            "claude-instant-1.2", "claude-instant-1.1", "claude-instant-1.0",
        };

        /// <summary>Wire strings of every Model enum member in Anthropic 13.12.0.</summary>
        public static readonly string[] SdkWireIds =
        {
            "claude-fable-5-2", "claude-mythos-5-2", "claude-haiku-5-5", "claude-sonnet-5-5", "claude-fable-5-1", "claude-opus-5-5",
            "claude-mythos-5-1", "claude-sonnet-5", "claude-fable-5", "claude-mythos-5", "claude-opus-5", "claude-opus-4-8",
            "claude-opus-4-7", "claude-mythos-preview", "claude-opus-4-6", "claude-sonnet-4-6", "claude-haiku-4-5",
            "claude-haiku-4-5-20251001", "claude-opus-4-5", "claude-opus-4-5-20251101", "claude-sonnet-4-5", "claude-sonnet-4-5-20250929",
        };

        private static readonly HashSet<string> CurrentTokenizer = new HashSet<string>
        {
            "claude-fable-5-2", "claude-mythos-5-2", "claude-fable-5-1", "claude-mythos-5-1", "claude-fable-5", "claude-mythos-5",
            "claude-mythos-preview", "claude-opus-5-5", "claude-opus-5", "claude-opus-4-8", "claude-opus-4-7", "claude-sonnet-5-5",
            "claude-sonnet-5", "claude-haiku-5-5",
        };

        private static readonly HashSet<string> Unpriced = new HashSet<string>
        {
            "claude-fable-5-2", "claude-mythos-5-2", "claude-3-5-sonnet-20241022", "claude-3-5-sonnet-20240620", "claude-3-sonnet-20240229",
            "claude-1.3", "claude-1.2", "claude-1.1", "claude-1.0",
        };

        private static ModelInfo Model(string id)
        {
            var model = Catalog.Find(id);
            Assert.True(model != null, id + " is missing");
            return model!;
        }

        [Fact]
        public void EmbeddedTableIsValidJson()
        {
            var text = ModelCatalog.ReadEmbeddedTable();
            Assert.False(string.IsNullOrEmpty(text));
            Assert.True(MiniJson.TryParse(text, out var root, out var error), error?.Message);
            Assert.Equal(JsonKind.Object, root!.Kind);
            Assert.NotNull(root.Find("models"));
        }

        [Fact]
        public void EveryTableRowParsesWithoutErrors()
        {
            var text = ModelCatalog.ReadEmbeddedTable();
            MiniJson.TryParse(text, out var root, out _);
            var rows = root!.Find("models")!.Value.Items;
            Assert.Empty(Catalog.LoadErrors.Select(e => e.ToString()));
            Assert.Equal(rows.Length, Catalog.Models.Length);
            Assert.Equal(rows.Select(r => r.Find("id")!.Value.Text), Catalog.Models.Select(m => m.Id));

            ModelCatalog.FromJson(text, out var errors);
            Assert.Empty(errors.Select(e => e.ToString()));
        }

        [Fact]
        public void TableHeader()
        {
            Assert.Equal("2026-11-22", Catalog.TableDate);
            Assert.Equal("claude-sonnet-4-6", Catalog.DefaultPricingModel.Id);
            Assert.False(Catalog.DefaultPricingModel.IsInferred);
            Assert.Equal(4096, Catalog.LargestMinCacheableTokens);
            Assert.True(Catalog.Sources.Length >= 10);
            Assert.All(Catalog.Sources, s => Assert.True(s.Seen == null || ModelCatalog.IsDate(s.Seen)));
        }

        [Fact]
        public void EveryModelHasFamilyTierTokenizerAndVersion()
        {
            foreach (var model in Catalog.Models)
            {
                Assert.False(string.IsNullOrEmpty(model.Family), model.Id);
                Assert.NotEqual(ModelTier.Unknown, model.Tier);
                Assert.False(string.IsNullOrEmpty(model.Version), model.Id);
                var expected = CurrentTokenizer.Contains(model.Id) ? TokenizerGeneration.Current : TokenizerGeneration.Legacy;
                Assert.True(expected == model.Tokenizer, model.Id + " tokenizer");
                Assert.False(model.IsInferred);
                Assert.NotEmpty(model.SourceKeys);
            }
        }

        [Fact]
        public void TiersFollowFamilies()
        {
            foreach (var model in Catalog.Models)
            {
                var byFamily = ModelIds.TierOfFamily(model.Family);
                if (byFamily != ModelTier.Unknown)
                {
                    Assert.True(byFamily == model.Tier, model.Id);
                }
            }

            Assert.Equal(ModelTier.Premium, Model("claude-2.1").Tier);
            Assert.Equal(ModelTier.Small, Model("claude-1.3").Tier);
            Assert.Equal(ModelTier.Small, Model("claude-instant-1.2").Tier);
        }

        [Fact]
        public void EveryFactsIdIsInTheTable()
        {
            foreach (var id in FactsIds)
            {
                Assert.True(Catalog.Find(id)?.Id == id, id);
            }

            Assert.Equal(FactsIds.Length, Catalog.Models.Length);
        }

        [Fact]
        public void EverySdkWireIdResolves()
        {
            foreach (var id in SdkWireIds)
            {
                Assert.True(Catalog.TryResolve(id, out var match), id);
                Assert.Equal(ModelPlatform.ClaudeApi, match.Platform);
            }
        }

        [Fact]
        public void SpellingsAreUniqueAcrossModels()
        {
            var owner = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var model in Catalog.Models)
            {
                var spellings = new[] { model.Id }.Concat(model.Aliases)
                    .Concat(new[] { model.Bedrock?.Id, model.Vertex?.Id }.Where(s => s != null).Select(s => s!))
                    .Distinct(StringComparer.OrdinalIgnoreCase);
                foreach (var s in spellings)
                {
                    Assert.False(owner.TryGetValue(s, out var other), s + " is used by " + other + " and " + model.Id);
                    owner[s] = model.Id;
                }
            }
        }

        [Fact]
        public void PricesWhereTheFactsHaveThem()
        {
            foreach (var model in Catalog.Models)
            {
                if (Unpriced.Contains(model.Id))
                {
                    Assert.True(model.Prices == null, model.Id);
                    Assert.True(model.IsUncertain("prices"), model.Id);
                }
                else
                {
                    Assert.True(model.Prices != null, model.Id);
                    Assert.True(model.Prices!.Input > 0 && model.Prices.Output > model.Prices.Input, model.Id);
                }
            }
        }

        [Theory]
        [InlineData("claude-fable-5-1", "10", "50", "12.50", "20", "0.25")]
        [InlineData("claude-opus-5-5", "4", "20", "5", "8", "0.20")]
        [InlineData("claude-opus-4-8", "5", "25", "6.25", "10", "0.50")]
        [InlineData("claude-sonnet-5-5", "2", "10", "2.50", "4", "0.10")]
        [InlineData("claude-sonnet-5", "2", "10", "2.50", "4", "0.20")]
        [InlineData("claude-sonnet-4-6", "3", "15", "3.75", "6", "0.30")]
        [InlineData("claude-haiku-5-5", "0.10", "0.50", "0.125", "0.20", "0.01")]
        [InlineData("claude-haiku-4-5-20251001", "1", "5", "1.25", "2", "0.10")]
        [InlineData("claude-opus-4-1-20250805", "15", "75", "18.75", "30", "1.50")]
        [InlineData("claude-3-5-haiku-20241022", "0.80", "4", "1", "1.6", "0.08")]
        [InlineData("claude-3-haiku-20240307", "0.25", "1.25", "0.30", "0.50", "0.03")]
        [InlineData("claude-sonnet-4-20250514", "3", "15", "3.75", "6", "0.30")]
        public void Prices(string id, string input, string output, string w5, string w1, string read)
        {
            var p = Model(id).Prices!;
            Assert.Equal(decimal.Parse(input, System.Globalization.CultureInfo.InvariantCulture), p.Input);
            Assert.Equal(decimal.Parse(output, System.Globalization.CultureInfo.InvariantCulture), p.Output);
            Assert.Equal(decimal.Parse(w5, System.Globalization.CultureInfo.InvariantCulture), p.CacheWrite5m);
            Assert.Equal(decimal.Parse(w1, System.Globalization.CultureInfo.InvariantCulture), p.CacheWrite1h);
            Assert.Equal(decimal.Parse(read, System.Globalization.CultureInfo.InvariantCulture), p.CacheRead);
        }

        [Fact]
        public void DerivedCachePricesAreFlagged()
        {
            Assert.True(Model("claude-sonnet-4-20250514").Prices!.CachePricesDerived);
            Assert.True(Model("claude-mythos-preview").Prices!.CachePricesDerived);
            Assert.Equal(31.25m, Model("claude-mythos-preview").Prices!.CacheWrite5m);
            Assert.False(Model("claude-sonnet-4-6").Prices!.CachePricesDerived);
        }

        [Theory]
        [InlineData("claude-fable-5-1", 512)]
        [InlineData("claude-opus-5-5", 512)]
        [InlineData("claude-sonnet-5-5", 512)]
        [InlineData("claude-haiku-5-5", 512)]
        [InlineData("claude-opus-4-8", 1024)]
        [InlineData("claude-sonnet-5", 1024)]
        [InlineData("claude-sonnet-4-6", 1024)]
        [InlineData("claude-sonnet-4-5-20250929", 1024)]
        [InlineData("claude-opus-4-1-20250805", 1024)]
        [InlineData("claude-opus-4-7", 2048)]
        [InlineData("claude-mythos-preview", 2048)]
        [InlineData("claude-3-5-haiku-20241022", 2048)]
        [InlineData("claude-opus-4-6", 4096)]
        [InlineData("claude-opus-4-5-20251101", 4096)]
        [InlineData("claude-haiku-4-5-20251001", 4096)]
        public void CacheMinimums(string id, int expected)
        {
            Assert.Equal(expected, Model(id).MinCacheableTokens);
        }

        [Fact]
        public void SonnetFourSixCacheMinimumIsMarkedUncertainWithBothBounds()
        {
            var sonnet = Model("claude-sonnet-4-6");
            Assert.Equal(1024, sonnet.MinCacheableTokens);
            Assert.Equal(2048, sonnet.MinCacheableTokensUpper);
            Assert.Equal(2048, sonnet.SurelyCacheableTokens);
            Assert.True(sonnet.IsUncertain("minCacheableTokens"));
            Assert.Equal(512, Model("claude-opus-5-5").SurelyCacheableTokens);
        }

        [Fact]
        public void UnpublishedModelsCarryNoFiguresButAProvisionalSource()
        {
            foreach (var id in new[] { "claude-fable-5-2", "claude-mythos-5-2" })
            {
                var m = Model(id);
                Assert.Null(m.Prices);
                Assert.Null(m.MinCacheableTokens);
                Assert.Null(m.Released);
                Assert.Equal(ModelTier.Premium, m.Tier);
                Assert.True(m.IsUncertain("prices"));
                Assert.NotNull(Catalog.Find(m.ProvisionalFromId!));
            }
        }

        [Fact]
        public void HaikuFiveFiveHasAHighBand()
        {
            var haiku = Model("claude-haiku-5-5");
            Assert.Equal(100000, haiku.HighBandThresholdTokens);
            Assert.Equal(0.50m, haiku.HighBandPrices!.Input);
            Assert.Equal(2.50m, haiku.HighBandPrices.Output);
            Assert.Equal(0.625m, haiku.HighBandPrices.CacheWrite5m);
            Assert.Equal(1.00m, haiku.HighBandPrices.CacheWrite1h);
            Assert.Equal(0.05m, haiku.HighBandPrices.CacheRead);
            Assert.Equal(1, Catalog.Models.Count(m => m.HighBandThresholdTokens != null));
        }

        [Fact]
        public void AllDatesAreValid()
        {
            foreach (var m in Catalog.Models)
            {
                foreach (var life in new[] { m.Api, m.Bedrock, m.Vertex }.Where(l => l != null).Select(l => l!))
                {
                    foreach (var d in new[] { life.Deprecated, life.ExtendedAccess, life.Retired, life.NotBefore })
                    {
                        Assert.True(d == null || ModelCatalog.IsDate(d), m.Id + " " + d);
                    }

                    if (life.Deprecated != null && life.Retired != null)
                    {
                        Assert.True(string.CompareOrdinal(life.Deprecated, life.Retired) < 0, m.Id);
                    }
                }

                Assert.True(m.Released == null || ModelCatalog.IsDate(m.Released), m.Id);
            }
        }

        [Fact]
        public void SourceKeysExist()
        {
            var keys = new HashSet<string>(Catalog.Sources.Select(s => s.Key));
            foreach (var m in Catalog.Models)
            {
                foreach (var key in m.SourceKeys)
                {
                    Assert.True(keys.Contains(key), m.Id + " cites " + key);
                }
            }
        }

        [Fact]
        public void SuccessorsExistShareTheTierAndAreNotRetired()
        {
            foreach (var m in Catalog.Models.Where(m => m.SuccessorId != null))
            {
                var next = Catalog.SuccessorOf(m);
                Assert.True(next != null, m.Id);
                Assert.True(next!.Tier == m.Tier, m.Id + " -> " + next.Id);
                Assert.Null(next.Api.Retired);
                Assert.Null(next.SuccessorId);
                Assert.NotNull(next.Prices);
            }

            foreach (var latest in new[] { "claude-opus-5-5", "claude-sonnet-5-5", "claude-haiku-5-5", "claude-fable-5-1", "claude-mythos-5-1" })
            {
                Assert.Null(Model(latest).SuccessorId);
            }

            Assert.Equal("claude-sonnet-5-5", Model("claude-sonnet-4-5-20250929").SuccessorId);
            Assert.Equal("claude-mythos-5-1", Model("claude-mythos-preview").SuccessorId);
            Assert.Equal("claude-opus-5-5", Model("claude-2.0").SuccessorId);
            Assert.Equal("claude-haiku-5-5", Model("claude-instant-1.2").SuccessorId);
        }

        [Fact]
        public void EveryRetiredOrDeprecatedModelHasASuccessor()
        {
            foreach (var m in Catalog.Models)
            {
                var retires = m.Api.Retired != null || m.Bedrock?.Retired != null || m.Vertex?.Retired != null || m.Deprecated != null;
                if (retires)
                {
                    Assert.True(m.SuccessorId != null, m.Id);
                }
            }
        }

        [Fact]
        public void ApiRetirements()
        {
            Assert.Equal("2026-11-30", Model("claude-sonnet-4-5-20250929").RetirementDate(ModelPlatform.ClaudeApi));
            Assert.Equal("2026-06-30", Model("claude-mythos-preview").RetirementDate(ModelPlatform.ClaudeApi));
            Assert.Equal("2026-04-20", Model("claude-3-haiku-20240307").RetirementDate(ModelPlatform.ClaudeApi));
            Assert.Equal("2026-08-05", Model("claude-opus-4-1-20250805").RetirementDate(ModelPlatform.ClaudeApi));
            Assert.Equal("2026-06-15", Model("claude-opus-4-20250514").RetirementDate(ModelPlatform.ClaudeApi));
            Assert.Equal("2025-07-21", Model("claude-2.1").RetirementDate(ModelPlatform.ClaudeApi));
            Assert.Equal("2024-11-06", Model("claude-instant-1.0").RetirementDate(ModelPlatform.ClaudeApi));
            Assert.Equal("2026-01-05", Model("claude-3-opus-20240229").RetirementDate(ModelPlatform.ClaudeApi));
            Assert.Equal("2024-09-04", Model("claude-1.0").Deprecated);
            Assert.Null(Model("claude-opus-4-6").RetirementDate(ModelPlatform.ClaudeApi));
            Assert.Equal("2026-11-24", Model("claude-opus-4-5-20251101").Api.NotBefore);
            Assert.True(Model("claude-mythos-preview").IsUncertain("retirements.api"));
            Assert.True(Model("claude-3-haiku-20240307").IsUncertain("retirements.api"));
        }

        [Fact]
        public void PartnerRetirementsAreTheirOwn()
        {
            var sonnet45 = Model("claude-sonnet-4-5-20250929");
            Assert.Equal("anthropic.claude-sonnet-4-5-20250929-v1:0", sonnet45.Bedrock!.Id);
            Assert.Equal("2026-10-08", sonnet45.Bedrock.Deprecated);
            Assert.Equal("2027-01-08", sonnet45.Bedrock.ExtendedAccess);
            Assert.Equal("2027-04-08", sonnet45.RetirementDate(ModelPlatform.Bedrock));
            Assert.Null(sonnet45.RetirementDate(ModelPlatform.Vertex));
            Assert.Equal("claude-sonnet-4-5@20250929", sonnet45.Vertex!.Id);

            Assert.Equal("2027-01-08", Model("claude-opus-4-1-20250805").RetirementDate(ModelPlatform.Bedrock));
            Assert.Equal("2026-09-10", Model("claude-3-haiku-20240307").RetirementDate(ModelPlatform.Bedrock));
            Assert.Equal("2026-08-23", Model("claude-3-haiku-20240307").RetirementDate(ModelPlatform.Vertex));
            Assert.Equal("2026-05-31", Model("claude-opus-4-20250514").RetirementDate(ModelPlatform.Bedrock));
            Assert.Equal("2025-08-01", Model("claude-3-opus-20240229").RetirementDate(ModelPlatform.Vertex));
            Assert.Null(Model("claude-3-opus-20240229").RetirementDate(ModelPlatform.Bedrock));
            Assert.Equal("2026-03-01", Model("claude-3-5-sonnet-20240620").RetirementDate(ModelPlatform.Bedrock));
            Assert.Equal("anthropic.claude-3-5-sonnet-20241022-v2:0", Model("claude-3-5-sonnet-20241022").Bedrock!.Id);
            Assert.Equal("claude-3-5-sonnet-v2@20241022", Model("claude-3-5-sonnet-20241022").Vertex!.Id);
            Assert.Equal("2026-12-24", Model("claude-sonnet-5").Vertex!.NotBefore);
            Assert.Equal("2027-06-30", Model("claude-sonnet-5").Api.NotBefore);
            Assert.Null(Model("claude-fable-5-2").Bedrock);
            Assert.Null(Model("claude-fable-5-2").Vertex);
        }

        [Fact]
        public void LifecycleStates()
        {
            const string Today = "2026-11-22";
            var sonnet45 = Model("claude-sonnet-4-5-20250929");
            Assert.Equal(LifecycleState.Deprecated, sonnet45.StateOn(ModelPlatform.ClaudeApi, Today));
            Assert.Equal(LifecycleState.Retired, sonnet45.StateOn(ModelPlatform.ClaudeApi, "2026-11-30"));
            Assert.Equal(LifecycleState.Deprecated, sonnet45.StateOn(ModelPlatform.Bedrock, Today));
            Assert.Equal(LifecycleState.ExtendedAccess, sonnet45.StateOn(ModelPlatform.Bedrock, "2027-02-01"));
            Assert.Equal(LifecycleState.PastFloor, sonnet45.StateOn(ModelPlatform.Vertex, Today));

            Assert.Equal(LifecycleState.Retired, Model("claude-3-haiku-20240307").StateOn(ModelPlatform.Bedrock, Today));
            Assert.Equal(LifecycleState.ExtendedAccess, Model("claude-opus-4-1-20250805").StateOn(ModelPlatform.Bedrock, Today));
            Assert.Equal(LifecycleState.Retired, Model("claude-opus-4-1-20250805").StateOn(ModelPlatform.ClaudeApi, Today));
            Assert.Equal(LifecycleState.Active, Model("claude-opus-5-5").StateOn(ModelPlatform.ClaudeApi, Today));
            Assert.Equal(LifecycleState.Active, Model("claude-opus-5-5").StateOn(ModelPlatform.Vertex, Today));
            Assert.Equal(LifecycleState.Unknown, Model("claude-mythos-5-1").StateOn(ModelPlatform.Bedrock, Today));
            Assert.Equal(LifecycleState.PastFloor, Model("claude-haiku-4-5-20251001").StateOn(ModelPlatform.ClaudeApi, Today));
            Assert.Equal(LifecycleState.Retired, Model("claude-mythos-preview").StateOn(ModelPlatform.ClaudeApi, new DateTime(2026, 11, 22)));
            Assert.Equal(LifecycleState.Unknown, Model("claude-opus-5-5").StateOn(ModelPlatform.ClaudeApi, "22/11/2026"));
        }

        [Fact]
        public void UncertainFactsAreNoted()
        {
            Assert.True(Model("claude-mythos-preview").IsUncertain("prices"));
            Assert.True(Model("claude-opus-4-8").IsUncertain("minCacheableTokens"));
            Assert.True(Model("claude-sonnet-5-5").IsUncertain("prices"));
            Assert.True(Model("claude-sonnet-5").IsUncertain("prices"));
            Assert.True(Model("claude-fable-5").IsUncertain("minCacheableTokens"));
            Assert.True(Model("claude-opus-5-5").IsUncertain("retirements.vertex"));
            Assert.True(Model("claude-fable-5-2").IsUncertain("retirements.bedrock"));
            Assert.False(Model("claude-opus-5-5").IsUncertain("prices"));
        }

        [Fact]
        public void PricesForAppliesTheHaikuHighBand()
        {
            var haiku = Model("claude-haiku-5-5");
            Assert.Equal(0.10m, haiku.PricesFor(1000)!.Input);
            Assert.Equal(0.10m, haiku.PricesFor(100000)!.Input);
            Assert.Equal(0.50m, haiku.PricesFor(100001)!.Input);
            Assert.Equal(2.50m, haiku.PricesFor(250000)!.Output);
            var opus = Model("claude-opus-5-5");
            Assert.Same(opus.Prices, opus.PricesFor(900000));
            Assert.Null(Model("claude-fable-5-2").PricesFor(10));
        }

        [Fact]
        public void DefaultIsASingleton()
        {
            Assert.Same(ModelCatalog.Default, ModelCatalog.Default);
            var results = new ModelCatalog[8];
            System.Threading.Tasks.Parallel.For(0, results.Length, i => results[i] = ModelCatalog.Default);
            Assert.All(results, c => Assert.Same(ModelCatalog.Default, c));
        }
    }
}
