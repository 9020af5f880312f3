using System.Linq;
using ClaudeCost.Analyzers.Knowledge;
using Xunit;

namespace ClaudeCost.Analyzers.Tests.Knowledge
{
    public class OverrideTests
    {
        private static readonly ModelCatalog Base = ModelCatalog.Default;

        private static ModelCatalog Apply(string json, out CatalogError[] errors)
        {
            var catalog = Base.WithOverrides(json, out var list);
            errors = list.ToArray();
            return catalog;
        }

        [Fact]
        public void DocumentedExampleApplies()
        {
            // Keep in sync with docs/models-json.md.
            const string Json = @"{
  ""tableDate"": ""2026-12-01"",
  ""defaultPricingModel"": ""claude-sonnet-5-5"",
  ""models"": [
    {
      ""id"": ""claude-opus-6"",
      ""aliases"": [""claude-opus-6-20261201""],
      ""family"": ""opus"",
      ""version"": ""6"",
      ""tier"": ""premium"",
      ""tokenizer"": ""current"",
      ""released"": ""2026-12-01"",
      ""minCacheableTokens"": 512,
      ""prices"": { ""input"": 4, ""output"": 20, ""cacheRead"": 0.20 },
      ""retirements"": {
        ""bedrock"": { ""id"": ""anthropic.claude-opus-6"" }
      }
    },
    {
      ""id"": ""claude-sonnet-5"",
      ""prices"": { ""input"": 3, ""output"": 15, ""cacheWrite5m"": 3.75, ""cacheWrite1h"": 6, ""cacheRead"": 0.30 }
    },
    {
      ""id"": ""claude-opus-5"",
      ""successor"": ""claude-opus-6"",
      ""retirements"": { ""api"": ""2027-07-24"" }
    }
  ]
}";
            var catalog = Apply(Json, out var errors);
            Assert.Empty(errors.Select(e => e.ToString()));
            Assert.Equal("2026-12-01", catalog.TableDate);
            Assert.Equal("claude-sonnet-5-5", catalog.DefaultPricingModel.Id);

            Assert.True(catalog.TryResolve("claude-opus-6", out var opus6));
            Assert.False(opus6.IsInferred);
            Assert.Equal(ModelTier.Premium, opus6.Model.Tier);
            Assert.Equal(4m, opus6.Model.Prices!.Input);
            Assert.Equal(5m, opus6.Model.Prices.CacheWrite5m);
            Assert.Equal(8m, opus6.Model.Prices.CacheWrite1h);
            Assert.Equal(0.20m, opus6.Model.Prices.CacheRead);
            Assert.True(opus6.Model.Prices.CachePricesDerived);
            Assert.True(catalog.TryResolve("CLAUDE-OPUS-6-20261201", out var byAlias));
            Assert.Same(opus6.Model, byAlias.Model);
            Assert.True(catalog.TryResolve("us.anthropic.claude-opus-6", out var onBedrock));
            Assert.Equal(ModelPlatform.Bedrock, onBedrock.Platform);
            Assert.Equal("anthropic.claude-opus-6", onBedrock.PlatformId);

            Assert.Equal(3m, catalog.Find("claude-sonnet-5")!.Prices!.Input);
            Assert.Equal(1024, catalog.Find("claude-sonnet-5")!.MinCacheableTokens);

            var opus5 = catalog.Find("claude-opus-5")!;
            Assert.Equal("claude-opus-6", opus5.SuccessorId);
            Assert.Equal("2027-07-24", opus5.RetirementDate(ModelPlatform.ClaudeApi));
            Assert.Equal("anthropic.claude-opus-5", opus5.Bedrock!.Id);
            Assert.Equal(5m, opus5.Prices!.Input);

            Assert.Equal(Base.Models.Length + 1, catalog.Models.Length);
        }

        [Fact]
        public void OverridesDoNotTouchTheBaseTable()
        {
            var catalog = Apply(@"{""models"": [{""id"": ""claude-sonnet-4-6"", ""prices"": {""input"": 9}, ""minCacheableTokens"": 2048}]}", out var errors);
            Assert.Empty(errors);
            Assert.Equal(9m, catalog.Find("claude-sonnet-4-6")!.Prices!.Input);
            Assert.Equal(15m, catalog.Find("claude-sonnet-4-6")!.Prices!.Output);
            Assert.Equal(0.30m, catalog.Find("claude-sonnet-4-6")!.Prices!.CacheRead);
            Assert.Equal(2048, catalog.Find("claude-sonnet-4-6")!.MinCacheableTokens);
            Assert.Equal(3m, Base.Find("claude-sonnet-4-6")!.Prices!.Input);
            Assert.Equal(1024, Base.Find("claude-sonnet-4-6")!.MinCacheableTokens);
            Assert.NotSame(Base.Find("claude-sonnet-4-6"), catalog.Find("claude-sonnet-4-6"));

            // The default pricing model follows the override too.
            Assert.Equal(9m, catalog.DefaultPricingModel.Prices!.Input);
            Assert.Equal(3m, Base.DefaultPricingModel.Prices!.Input);
        }

        [Fact]
        public void AnAliasSelectsTheExistingModel()
        {
            var catalog = Apply(@"{""models"": [{""id"": ""claude-sonnet-4-5"", ""retirements"": {""api"": ""2026-12-15""}}]}", out var errors);
            Assert.Empty(errors);
            Assert.Equal(Base.Models.Length, catalog.Models.Length);
            Assert.Equal("2026-12-15", catalog.Find("claude-sonnet-4-5-20250929")!.RetirementDate(ModelPlatform.ClaudeApi));
        }

        [Fact]
        public void NullClearsAField()
        {
            var catalog = Apply(@"{""models"": [{""id"": ""claude-haiku-5-5"", ""highBand"": null, ""retirements"": {""vertex"": null}}]}", out var errors);
            Assert.Empty(errors);
            var haiku = catalog.Find("claude-haiku-5-5")!;
            Assert.Null(haiku.HighBandPrices);
            Assert.Equal(0.10m, haiku.PricesFor(500000)!.Input);
            Assert.Null(haiku.Vertex);
        }

        [Fact]
        public void NewModelFieldsAreInferredFromTheId()
        {
            var catalog = Apply(@"{""models"": [{""id"": ""claude-haiku-6""}]}", out var errors);
            Assert.Empty(errors);
            var haiku6 = catalog.Find("claude-haiku-6")!;
            Assert.Equal("haiku", haiku6.Family);
            Assert.Equal("6", haiku6.Version);
            Assert.Equal(ModelTier.Small, haiku6.Tier);
            Assert.Equal(TokenizerGeneration.Current, haiku6.Tokenizer);
            Assert.Null(haiku6.Prices);
            Assert.Equal(4096, catalog.LargestMinCacheableTokens);
        }

        [Fact]
        public void NewModelWithoutClaudeShapeGetsSafeDefaults()
        {
            var catalog = Apply(@"{""models"": [{""id"": ""corp-gateway-model"", ""family"": ""sonnet"", ""prices"": {""input"": 3, ""output"": 15}}]}", out var errors);
            Assert.Empty(errors);
            Assert.True(catalog.TryResolve("CORP-GATEWAY-MODEL", out var match));
            Assert.Equal(ModelTier.Mid, match.Model.Tier);
            Assert.Equal(TokenizerGeneration.Legacy, match.Model.Tokenizer);
            Assert.False(ModelCatalog.IsClaudeShaped("corp-gateway-model"));
        }

        [Fact]
        public void LargestMinimumFollowsOverrides()
        {
            var catalog = Apply(@"{""models"": [{""id"": ""claude-opus-4-6"", ""minCacheableTokens"": 8192}]}", out _);
            Assert.Equal(8192, catalog.LargestMinCacheableTokens);
        }

        [Fact]
        public void MalformedJsonKeepsTheBaseAndPointsIntoTheText()
        {
            const string Json = "{\n  \"models\": [\n    { \"id\": \"claude-opus-6\", }\n  ]\n}";
            var catalog = Apply(Json, out var errors);
            Assert.Same(Base, catalog);
            var e = Assert.Single(errors);
            Assert.Equal(2, e.Line);
            Assert.Equal(29, e.Column);
            Assert.Equal(Json.IndexOf("}", System.StringComparison.Ordinal), e.Offset);
            Assert.Contains("not valid JSON", e.Message);
        }

        [Fact]
        public void MissingCloseBraceIsReported()
        {
            var catalog = Apply("{\"models\": [", out var errors);
            Assert.Same(Base, catalog);
            var e = Assert.Single(errors);
            Assert.Equal(0, e.Line);
            Assert.Equal(12, e.Column);
        }

        [Fact]
        public void WrongTypesAreReportedAtTheValueAndTheRestApplies()
        {
            const string Json = "{\n" +
                "  \"models\": [\n" +
                "    {\n" +
                "      \"id\": \"claude-sonnet-4-6\",\n" +
                "      \"minCacheableTokens\": \"2048\",\n" +
                "      \"tier\": \"huge\",\n" +
                "      \"prices\": { \"input\": \"cheap\", \"output\": 12 },\n" +
                "      \"released\": \"Feb 2026\",\n" +
                "      \"maxOutputTokens\": -5\n" +
                "    }\n" +
                "  ]\n" +
                "}";
            var catalog = Apply(Json, out var errors);
            Assert.Equal(5, errors.Length);

            Assert.Equal(4, errors[0].Line);
            Assert.Equal(28, errors[0].Column);
            Assert.Equal(6, errors[0].Length);
            Assert.Contains("minCacheableTokens", errors[0].Message);

            Assert.Equal(5, errors[1].Line);
            Assert.Equal(14, errors[1].Column);
            Assert.Contains("tier", errors[1].Message);

            Assert.Equal(6, errors[2].Line);
            Assert.Equal(27, errors[2].Column);
            Assert.Contains("input", errors[2].Message);

            Assert.Equal(7, errors[3].Line);
            Assert.Equal(18, errors[3].Column);

            Assert.Equal(8, errors[4].Line);
            Assert.Equal(25, errors[4].Column);

            foreach (var e in errors)
            {
                Assert.True(Json.Split('\n')[e.Line].Length >= e.Column);
                Assert.Equal(e.Offset, OffsetOf(Json, e.Line, e.Column));
            }

            // Unreadable fields keep the table's values; readable ones apply.
            var sonnet = catalog.Find("claude-sonnet-4-6")!;
            Assert.Equal(1024, sonnet.MinCacheableTokens);
            Assert.Equal(ModelTier.Mid, sonnet.Tier);
            Assert.Equal(3m, sonnet.Prices!.Input);
            Assert.Equal(12m, sonnet.Prices.Output);
            Assert.Equal("2026-02-17", sonnet.Released);
            Assert.Equal(128000, sonnet.MaxOutputTokens);
        }

        private static int OffsetOf(string text, int line, int column)
        {
            var offset = 0;
            for (var i = 0; i < line; i++)
            {
                offset = text.IndexOf('\n', offset) + 1;
            }

            return offset + column;
        }

        [Fact]
        public void StructuralProblemsAreReported()
        {
            var catalog = Apply("[1, 2]", out var errors);
            Assert.Contains("JSON object", Assert.Single(errors).Message);
            Assert.Equal(Base.Models.Length, catalog.Models.Length);

            Apply("{\"models\": {\"id\": \"x\"}}", out errors);
            Assert.Equal(11, Assert.Single(errors).Column);

            Apply("{\"models\": [42, {\"family\": \"opus\"}, {\"id\": \"\"}, {\"id\": \"has space\"}]}", out errors);
            Assert.Equal(4, errors.Length);
            Assert.Equal(12, errors[0].Column);
        }

        [Fact]
        public void UnknownFieldsAreReportedAtTheirName()
        {
            var catalog = Apply("{\"models\": [{\"id\": \"claude-opus-4-6\", \"minCacheableToken\": 1}], \"extra\": true}", out var errors);
            Assert.Equal(2, errors.Length);
            Assert.Equal(38, errors[0].Column);
            Assert.Equal(19, errors[0].Length);
            Assert.Contains("minCacheableToken", errors[0].Message);
            Assert.Contains("extra", errors[1].Message);
            Assert.Equal(4096, catalog.Find("claude-opus-4-6")!.MinCacheableTokens);
        }

        [Fact]
        public void BadReferencesAreReportedAndIgnored()
        {
            var catalog = Apply("{\"defaultPricingModel\": \"gpt-4o\", \"models\": [{\"id\": \"claude-opus-5\", \"successor\": \"claude-opus-9\"}]}", out var errors);
            Assert.Equal(2, errors.Length);
            Assert.Contains("claude-opus-9", errors[0].Message);
            Assert.Contains("gpt-4o", errors[1].Message);
            Assert.Equal(24, errors[1].Column);
            Assert.Equal("claude-opus-5-5", catalog.Find("claude-opus-5")!.SuccessorId);
            Assert.Equal("claude-sonnet-4-6", catalog.DefaultPricingModel.Id);
        }

        [Fact]
        public void ConflictingAliasIsRejected()
        {
            var catalog = Apply("{\"models\": [{\"id\": \"claude-opus-6\", \"aliases\": [\"claude-opus-4-5\", \"claude-opus-6-0\"]}]}", out var errors);
            Assert.Contains("claude-opus-4-5-20251101", Assert.Single(errors).Message);
            Assert.Equal("claude-opus-4-5-20251101", catalog.Find("claude-opus-4-5")!.Id);
            Assert.Equal("claude-opus-6", catalog.Find("claude-opus-6-0")!.Id);
        }

        [Fact]
        public void NewModelPricesNeedInputAndOutput()
        {
            var catalog = Apply("{\"models\": [{\"id\": \"claude-opus-6\", \"prices\": {\"input\": 4}}]}", out var errors);
            Assert.Contains("input", Assert.Single(errors).Message);
            Assert.Null(catalog.Find("claude-opus-6")!.Prices);
        }

        [Fact]
        public void DatesMustBeIsoDates()
        {
            Apply("{\"tableDate\": \"2026-13-01\", \"models\": [{\"id\": \"claude-opus-5\", \"retirements\": {\"bedrock\": {\"retired\": \"soon\"}, \"api\": 20270101}}]}", out var errors);
            Assert.Equal(3, errors.Length);
            Assert.Equal(14, errors[0].Column);
        }

        [Fact]
        public void DeepNestingIsAnErrorNotACrash()
        {
            var deep = "{\"models\": [" + new string('[', 50000) + new string(']', 50000) + "]}";
            var catalog = Apply(deep, out var errors);
            Assert.Same(Base, catalog);
            var e = Assert.Single(errors);
            Assert.Contains("deeper", e.Message);
            Assert.Equal(0, e.Line);
            Assert.Equal(11 + MiniJson.MaxDepth - 1, e.Column);
        }

        [Fact]
        public void EmptyOverrideIsAnError()
        {
            var catalog = Apply("", out var errors);
            Assert.Same(Base, catalog);
            Assert.Single(errors);
        }

        [Fact]
        public void EmptyObjectChangesNothing()
        {
            var catalog = Apply("{}", out var errors);
            Assert.Empty(errors);
            Assert.Equal(Base.Models.Select(m => m.Id), catalog.Models.Select(m => m.Id));
            Assert.Equal(Base.TableDate, catalog.TableDate);
        }

        [Fact]
        public void OverridesStack()
        {
            var first = Apply("{\"models\": [{\"id\": \"claude-opus-6\", \"prices\": {\"input\": 4, \"output\": 20}}]}", out _);
            var second = first.WithOverrides("{\"models\": [{\"id\": \"claude-opus-6\", \"prices\": {\"input\": 3}}]}", out var errors);
            Assert.Empty(errors);
            var opus6 = second.Find("claude-opus-6")!;
            Assert.Equal(3m, opus6.Prices!.Input);
            Assert.Equal(20m, opus6.Prices.Output);
            // Derived cache prices follow the new input.
            Assert.Equal(3.75m, opus6.Prices.CacheWrite5m);
            Assert.Equal(4m, first.Find("claude-opus-6")!.Prices!.Input);
        }

        [Fact]
        public void UncertainNotesMerge()
        {
            var catalog = Apply("{\"models\": [{\"id\": \"claude-sonnet-4-6\", \"uncertain\": {\"minCacheableTokens\": null, \"prices\": \"checked by us\"}}]}", out var errors);
            Assert.Empty(errors);
            var sonnet = catalog.Find("claude-sonnet-4-6")!;
            Assert.False(sonnet.IsUncertain("minCacheableTokens"));
            Assert.True(sonnet.IsUncertain("prices"));
            Assert.True(sonnet.IsUncertain("maxOutputTokens"));
        }
    }
}
