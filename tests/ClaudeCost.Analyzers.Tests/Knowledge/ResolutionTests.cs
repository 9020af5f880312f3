using ClaudeCost.Analyzers.Knowledge;
using Xunit;

namespace ClaudeCost.Analyzers.Tests.Knowledge
{
    public class ResolutionTests
    {
        private static readonly ModelCatalog Catalog = ModelCatalog.Default;

        [Theory]
        // Claude API ids and aliases, any case, surrounding whitespace
        [InlineData("claude-sonnet-4-6", "claude-sonnet-4-6", ModelPlatform.ClaudeApi)]
        [InlineData("CLAUDE-SONNET-4-6", "claude-sonnet-4-6", ModelPlatform.ClaudeApi)]
        [InlineData("  claude-opus-5-5\t", "claude-opus-5-5", ModelPlatform.ClaudeApi)]
        [InlineData("claude-sonnet-4-5", "claude-sonnet-4-5-20250929", ModelPlatform.ClaudeApi)]
        [InlineData("claude-haiku-4-5", "claude-haiku-4-5-20251001", ModelPlatform.ClaudeApi)]
        [InlineData("claude-opus-4-5", "claude-opus-4-5-20251101", ModelPlatform.ClaudeApi)]
        [InlineData("claude-opus-4-1", "claude-opus-4-1-20250805", ModelPlatform.ClaudeApi)]
        [InlineData("claude-opus-4-0", "claude-opus-4-20250514", ModelPlatform.ClaudeApi)]
        [InlineData("claude-sonnet-4-0", "claude-sonnet-4-20250514", ModelPlatform.ClaudeApi)]
        [InlineData("claude-4-sonnet-20250514", "claude-sonnet-4-20250514", ModelPlatform.ClaudeApi)]
        [InlineData("claude-3-5-sonnet-latest", "claude-3-5-sonnet-20241022", ModelPlatform.ClaudeApi)]
        [InlineData("claude-3-7-sonnet-latest", "claude-3-7-sonnet-20250219", ModelPlatform.ClaudeApi)]
        [InlineData("claude-3-5-haiku-latest", "claude-3-5-haiku-20241022", ModelPlatform.ClaudeApi)]
        [InlineData("claude-3-opus-latest", "claude-3-opus-20240229", ModelPlatform.ClaudeApi)]
        [InlineData("claude-mythos-preview", "claude-mythos-preview", ModelPlatform.ClaudeApi)]
        [InlineData("claude-instant-1.2", "claude-instant-1.2", ModelPlatform.ClaudeApi)]
        [InlineData("claude-2.1", "claude-2.1", ModelPlatform.ClaudeApi)]
        // Claude Code window selector
        [InlineData("claude-opus-4-6[1m]", "claude-opus-4-6", ModelPlatform.ClaudeApi)]
        [InlineData("claude-fable-5[1m]", "claude-fable-5", ModelPlatform.ClaudeApi)]
        // Bedrock base ids, profiles, ARNs
        [InlineData("anthropic.claude-sonnet-4-5-20250929-v1:0", "claude-sonnet-4-5-20250929", ModelPlatform.Bedrock)]
        [InlineData("us.anthropic.claude-sonnet-4-5-20250929-v1:0", "claude-sonnet-4-5-20250929", ModelPlatform.Bedrock)]
        [InlineData("global.anthropic.claude-opus-4-6-v1", "claude-opus-4-6", ModelPlatform.Bedrock)]
        [InlineData("eu.anthropic.claude-3-7-sonnet-20250219-v1:0", "claude-3-7-sonnet-20250219", ModelPlatform.Bedrock)]
        [InlineData("jp.anthropic.claude-haiku-4-5-20251001-v1:0", "claude-haiku-4-5-20251001", ModelPlatform.Bedrock)]
        [InlineData("apac.anthropic.claude-3-5-sonnet-20241022-v2:0", "claude-3-5-sonnet-20241022", ModelPlatform.Bedrock)]
        [InlineData("au.anthropic.claude-sonnet-4-6", "claude-sonnet-4-6", ModelPlatform.Bedrock)]
        [InlineData("us.anthropic.claude-fable-5-1", "claude-fable-5-1", ModelPlatform.Bedrock)]
        [InlineData("anthropic.claude-sonnet-4-6", "claude-sonnet-4-6", ModelPlatform.Bedrock)]
        [InlineData("anthropic.claude-opus-5-5", "claude-opus-5-5", ModelPlatform.Bedrock)]
        [InlineData("anthropic.claude-3-5-sonnet-20240620-v1:0", "claude-3-5-sonnet-20240620", ModelPlatform.Bedrock)]
        [InlineData("anthropic.claude-3-sonnet-20240229-v1:0:200k", "claude-3-sonnet-20240229", ModelPlatform.Bedrock)]
        [InlineData("anthropic.claude-opus-4-1-20250805-v1", "claude-opus-4-1-20250805", ModelPlatform.Bedrock)]
        [InlineData("ANTHROPIC.CLAUDE-3-HAIKU-20240307-V1:0", "claude-3-haiku-20240307", ModelPlatform.Bedrock)]
        [InlineData("arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0", "claude-3-haiku-20240307", ModelPlatform.Bedrock)]
        [InlineData("arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-sonnet-4-20250514-v1:0", "claude-sonnet-4-20250514", ModelPlatform.Bedrock)]
        [InlineData("anthropic.claude-v2", "claude-2.0", ModelPlatform.Bedrock)]
        [InlineData("anthropic.claude-v2:1", "claude-2.1", ModelPlatform.Bedrock)]
        [InlineData("anthropic.claude-v1", "claude-1.3", ModelPlatform.Bedrock)]
        [InlineData("anthropic.claude-instant-v1", "claude-instant-1.2", ModelPlatform.Bedrock)]
        // Google Cloud
        [InlineData("claude-3-5-sonnet-v2@20241022", "claude-3-5-sonnet-20241022", ModelPlatform.Vertex)]
        [InlineData("claude-3-5-sonnet@20240620", "claude-3-5-sonnet-20240620", ModelPlatform.Vertex)]
        [InlineData("claude-opus-4@20250514", "claude-opus-4-20250514", ModelPlatform.Vertex)]
        [InlineData("claude-sonnet-4@20250514", "claude-sonnet-4-20250514", ModelPlatform.Vertex)]
        [InlineData("claude-haiku-4-5@20251001", "claude-haiku-4-5-20251001", ModelPlatform.Vertex)]
        [InlineData("claude-opus-4-1@20250805", "claude-opus-4-1-20250805", ModelPlatform.Vertex)]
        [InlineData("claude-3-haiku@20240307", "claude-3-haiku-20240307", ModelPlatform.Vertex)]
        [InlineData("Claude-3-Opus@20240229", "claude-3-opus-20240229", ModelPlatform.Vertex)]
        [InlineData("claude-3-sonnet@20240229", "claude-3-sonnet-20240229", ModelPlatform.Vertex)]
        [InlineData("claude-3-7-sonnet@20250219", "claude-3-7-sonnet-20250219", ModelPlatform.Vertex)]
        public void ResolvesEverySpelling(string raw, string canonical, ModelPlatform platform)
        {
            Assert.True(Catalog.TryResolve(raw, out var match), raw);
            Assert.Equal(canonical, match.CanonicalId);
            Assert.Equal(canonical, match.Model.Id);
            Assert.Equal(platform, match.Platform);
            Assert.False(match.IsInferred);

            // A second lookup (memoized) gives the same answer.
            Assert.True(Catalog.TryResolve(raw, out var again));
            Assert.Same(match.Model, again.Model);
            Assert.Equal(match.Platform, again.Platform);
            Assert.True(ModelCatalog.IsClaudeShaped(raw), raw);
        }

        [Fact]
        public void MatchCarriesThePlatformSpelling()
        {
            Assert.True(Catalog.TryResolve("us.anthropic.claude-sonnet-4-5-20250929-v1:0", out var bedrock));
            Assert.Equal("anthropic.claude-sonnet-4-5-20250929-v1:0", bedrock.PlatformId);
            Assert.True(Catalog.TryResolve("claude-3-5-sonnet-v2@20241022", out var vertex));
            Assert.Equal("claude-3-5-sonnet-v2@20241022", vertex.PlatformId);
            Assert.True(Catalog.TryResolve("claude-sonnet-4-5", out var api));
            Assert.Equal("claude-sonnet-4-5-20250929", api.PlatformId);
        }

        [Theory]
        [InlineData("gpt-4o")]
        [InlineData("llama3")]
        [InlineData("claude")]
        [InlineData("")]
        [InlineData("   ")]
        [InlineData("claude-")]
        [InlineData("claude-sonnet")]
        [InlineData("claude-gpt-4")]
        [InlineData("anthropic.titan-text")]
        [InlineData("meta.llama3-70b-instruct-v1:0")]
        [InlineData("gemini-2.5-pro@001")]
        [InlineData("my-claude-sonnet-4-6")]
        [InlineData("claude-sonnet-4-6-extra")]
        [InlineData("claude-opus-4-6--1")]
        public void NonClaudeIdsAreNotClaudeShapedNorResolved(string raw)
        {
            Assert.False(ModelCatalog.IsClaudeShaped(raw), raw);
            Assert.False(Catalog.TryResolve(raw, out _), raw);
            Assert.False(Catalog.TryResolveOrInfer(raw, out _), raw);
        }

        [Fact]
        public void NullIsNotResolved()
        {
            Assert.False(Catalog.TryResolve(null!, out _));
            Assert.False(ModelCatalog.IsClaudeShaped(null!));
        }

        [Theory]
        [InlineData("claude-opus-6")]
        [InlineData("claude-opus-5-6")]
        [InlineData("claude-haiku-6-1-20270101")]
        [InlineData("claude-sonnet-4-7")]
        [InlineData("anthropic.claude-sonnet-6-v1:0")]
        [InlineData("claude-4-5-sonnet-latest")]
        [InlineData("claude-3")]
        public void ClaudeShapedButUnknownIdsAreShapedNotResolved(string raw)
        {
            Assert.True(ModelCatalog.IsClaudeShaped(raw), raw);
            Assert.False(Catalog.TryResolve(raw, out _), raw);
        }

        [Fact]
        public void UnknownClaudeIdsAreInferredByFamily()
        {
            Assert.True(Catalog.TryResolveOrInfer("claude-opus-6", out var opus6));
            Assert.True(opus6.IsInferred);
            Assert.Equal("opus", opus6.Model.Family);
            Assert.Equal("6", opus6.Model.Version);
            Assert.Equal(ModelTier.Premium, opus6.Model.Tier);
            Assert.Equal(TokenizerGeneration.Current, opus6.Model.Tokenizer);
            Assert.Null(opus6.Model.Prices);
            Assert.Null(opus6.Model.MinCacheableTokens);
            Assert.Equal(LifecycleState.Unknown, opus6.Model.StateOn(ModelPlatform.ClaudeApi, "2026-11-22"));

            // An unknown point release never borrows its sibling's price.
            Assert.True(Catalog.TryResolveOrInfer("claude-opus-5-6", out var opus56));
            Assert.True(opus56.IsInferred);
            Assert.Null(opus56.Model.Prices);

            Assert.True(Catalog.TryResolveOrInfer("us.anthropic.claude-haiku-6-v1:0", out var haiku6));
            Assert.Equal(ModelTier.Small, haiku6.Model.Tier);
            Assert.Equal(ModelPlatform.Bedrock, haiku6.Platform);
            Assert.Equal("claude-haiku-6", haiku6.CanonicalId);

            Assert.True(Catalog.TryResolveOrInfer("claude-sonnet-7@20280101", out var sonnet7));
            Assert.Equal(ModelTier.Mid, sonnet7.Model.Tier);
            Assert.Equal(ModelPlatform.Vertex, sonnet7.Platform);

            // Known ids come from the table, not from inference.
            Assert.True(Catalog.TryResolveOrInfer("claude-opus-5-5", out var known));
            Assert.False(known.IsInferred);
            Assert.NotNull(known.Model.Prices);
        }

        [Theory]
        [InlineData("claude-opus-4-6", "opus", 4, 6, null, ModelNaming.FamilyFirst, "4.6", TokenizerGeneration.Legacy)]
        [InlineData("claude-opus-4-7", "opus", 4, 7, null, ModelNaming.FamilyFirst, "4.7", TokenizerGeneration.Current)]
        [InlineData("claude-sonnet-4-20250514", "sonnet", 4, null, "20250514", ModelNaming.FamilyFirst, "4", TokenizerGeneration.Legacy)]
        [InlineData("claude-haiku-4-5-20251001", "haiku", 4, 5, "20251001", ModelNaming.FamilyFirst, "4.5", TokenizerGeneration.Legacy)]
        [InlineData("claude-fable-5", "fable", 5, null, null, ModelNaming.FamilyFirst, "5", TokenizerGeneration.Current)]
        [InlineData("claude-3-5-sonnet-20241022", "sonnet", 3, 5, "20241022", ModelNaming.FamilyLast, "3.5", TokenizerGeneration.Legacy)]
        [InlineData("claude-3-5-sonnet-v2@20241022", "sonnet", 3, 5, "20241022", ModelNaming.FamilyLast, "3.5", TokenizerGeneration.Legacy)]
        [InlineData("claude-3-opus-latest", "opus", 3, null, null, ModelNaming.FamilyLast, "3", TokenizerGeneration.Legacy)]
        [InlineData("claude-2.1", "claude-2", 2, 1, null, ModelNaming.Numbered, "2.1", TokenizerGeneration.Legacy)]
        [InlineData("claude-instant-1.2", "instant", 1, 2, null, ModelNaming.Numbered, "1.2", TokenizerGeneration.Legacy)]
        [InlineData("anthropic.claude-v2:1", "claude-2", 2, 1, null, ModelNaming.Numbered, "2.1", TokenizerGeneration.Legacy)]
        public void ShapesFollowTheFactsPatterns(string raw, string family, int major, int? minor, string? date, ModelNaming naming, string version, TokenizerGeneration tokenizer)
        {
            var shape = ModelIds.ParseShape(raw);
            Assert.NotNull(shape);
            Assert.Equal(family, shape!.Family);
            Assert.Equal(major, shape.Major);
            Assert.Equal(minor, shape.Minor);
            Assert.Equal(date, shape.Date);
            Assert.Equal(naming, shape.Naming);
            Assert.Equal(version, shape.Version);
            Assert.Equal(tokenizer, shape.Tokenizer);
        }

        [Fact]
        public void PreviewAndLatestShapes()
        {
            var preview = ModelIds.ParseShape("claude-mythos-preview")!;
            Assert.True(preview.IsPreview);
            Assert.Equal("preview", preview.Version);
            Assert.Equal(TokenizerGeneration.Current, preview.Tokenizer);
            Assert.True(ModelIds.ParseShape("claude-3-7-sonnet-latest")!.IsLatest);
            Assert.Equal("claude-3-5-sonnet-20241022", ModelIds.ParseShape("claude-3-5-sonnet-v2@20241022")!.CanonicalId);
        }

        [Theory]
        [InlineData("us.anthropic.claude-sonnet-4-5-20250929-v1:0", "claude-sonnet-4-5-20250929", ModelPlatform.Bedrock)]
        [InlineData("arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0", "claude-3-haiku-20240307", ModelPlatform.Bedrock)]
        [InlineData("claude-opus-4@20250514", "claude-opus-4-20250514", ModelPlatform.Vertex)]
        [InlineData(" Claude-Opus-4-6[1m] ", "claude-opus-4-6", ModelPlatform.ClaudeApi)]
        [InlineData("anthropic.claude-v2:1", "claude-2.1", ModelPlatform.Bedrock)]
        [InlineData("anthropic.claude-instant-v1", "claude-instant-1", ModelPlatform.Bedrock)]
        [InlineData(null, "", ModelPlatform.ClaudeApi)]
        public void Normalize(string? raw, string expected, ModelPlatform platform)
        {
            Assert.Equal(expected, ModelIds.Normalize(raw, out var p));
            Assert.Equal(platform, p);
        }

        [Theory]
        [InlineData("us.anthropic.claude-sonnet-4-6", "us.")]
        [InlineData("global.anthropic.claude-opus-4-6-v1", "global.")]
        [InlineData("arn:aws:bedrock:us-east-1:1:inference-profile/apac.anthropic.claude-sonnet-4-6", "apac.")]
        [InlineData("anthropic.claude-sonnet-4-6", null)]
        [InlineData("claude-sonnet-4-6", null)]
        public void BedrockProfilePrefix(string raw, string? expected)
        {
            Assert.Equal(expected, ModelIds.BedrockProfilePrefix(raw));
        }

        [Fact]
        public void SuccessorOnTheSamePlatform()
        {
            Assert.True(Catalog.TryResolve("us.anthropic.claude-sonnet-4-5-20250929-v1:0", out var bedrock));
            Assert.True(Catalog.TryGetSuccessor(bedrock, out var next));
            Assert.Equal("claude-sonnet-5-5", next.CanonicalId);
            Assert.Equal(ModelPlatform.Bedrock, next.Platform);
            Assert.Equal("anthropic.claude-sonnet-5-5", next.PlatformId);

            Assert.True(Catalog.TryResolve("claude-3-haiku@20240307", out var vertex));
            Assert.True(Catalog.TryGetSuccessor(vertex, out var vertexNext));
            Assert.Equal("claude-haiku-5-5", vertexNext.PlatformId);

            Assert.True(Catalog.TryResolve("claude-3-opus-latest", out var api));
            Assert.True(Catalog.TryGetSuccessor(api, out var apiNext));
            Assert.Equal("claude-opus-5-5", apiNext.PlatformId);

            Assert.True(Catalog.TryResolve("claude-opus-5-5", out var latest));
            Assert.False(Catalog.TryGetSuccessor(latest, out _));
        }

        [Fact]
        public void SpellingOnPlatforms()
        {
            var opus46 = Catalog.Find("claude-opus-4-6")!;
            Assert.Equal("claude-opus-4-6", ModelCatalog.SpellingOn(opus46, ModelPlatform.ClaudeApi));
            Assert.Equal("anthropic.claude-opus-4-6-v1", ModelCatalog.SpellingOn(opus46, ModelPlatform.Bedrock));
            Assert.Equal("claude-opus-4-6", ModelCatalog.SpellingOn(opus46, ModelPlatform.Vertex));
            var haiku45 = Catalog.Find("claude-haiku-4-5")!;
            Assert.Equal("claude-haiku-4-5@20251001", ModelCatalog.SpellingOn(haiku45, ModelPlatform.Vertex));
            var fable52 = Catalog.Find("claude-fable-5-2")!;
            Assert.Null(ModelCatalog.SpellingOn(fable52, ModelPlatform.Bedrock));
            Assert.Null(ModelCatalog.SpellingOn(fable52, ModelPlatform.Vertex));
        }

        [Fact]
        public void FindUsesIdsAndAliasesOnly()
        {
            Assert.Equal("claude-sonnet-4-5-20250929", Catalog.Find("Claude-Sonnet-4-5")!.Id);
            Assert.Null(Catalog.Find("anthropic.claude-sonnet-4-6"));
            Assert.Null(Catalog.Find("nope"));
        }

        [Fact]
        public void ManyDistinctMissesDoNotBreakLookups()
        {
            for (var i = 0; i < 10000; i++)
            {
                Assert.False(Catalog.TryResolve("claude-opus-9-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), out _));
            }

            Assert.True(Catalog.TryResolve(" claude-opus-4-6 ", out var match));
            Assert.Equal("claude-opus-4-6", match.CanonicalId);
        }
    }
}
