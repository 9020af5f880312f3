using ClaudeCost.Analyzers.Knowledge;
using Xunit;

namespace ClaudeCost.Analyzers.Tests.Knowledge
{
    public class EnumMemberTests
    {
        [Theory]
        // Anthropic 13.12.0 Model enum (surfaces §1.4)
        [InlineData("ClaudeFable5_2", "claude-fable-5-2")]
        [InlineData("ClaudeMythos5_2", "claude-mythos-5-2")]
        [InlineData("ClaudeHaiku5_5", "claude-haiku-5-5")]
        [InlineData("ClaudeSonnet5_5", "claude-sonnet-5-5")]
        [InlineData("ClaudeFable5_1", "claude-fable-5-1")]
        [InlineData("ClaudeOpus5_5", "claude-opus-5-5")]
        [InlineData("ClaudeMythos5_1", "claude-mythos-5-1")]
        [InlineData("ClaudeSonnet5", "claude-sonnet-5")]
        [InlineData("ClaudeFable5", "claude-fable-5")]
        [InlineData("ClaudeMythos5", "claude-mythos-5")]
        [InlineData("ClaudeOpus5", "claude-opus-5")]
        [InlineData("ClaudeOpus4_8", "claude-opus-4-8")]
        [InlineData("ClaudeOpus4_7", "claude-opus-4-7")]
        [InlineData("ClaudeMythosPreview", "claude-mythos-preview")]
        [InlineData("ClaudeOpus4_6", "claude-opus-4-6")]
        [InlineData("ClaudeSonnet4_6", "claude-sonnet-4-6")]
        [InlineData("ClaudeHaiku4_5", "claude-haiku-4-5")]
        [InlineData("ClaudeHaiku4_5_20251001", "claude-haiku-4-5-20251001")]
        [InlineData("ClaudeOpus4_5", "claude-opus-4-5")]
        [InlineData("ClaudeOpus4_5_20251101", "claude-opus-4-5-20251101")]
        [InlineData("ClaudeSonnet4_5", "claude-sonnet-4-5")]
        [InlineData("ClaudeSonnet4_5_20250929", "claude-sonnet-4-5-20250929")]
        // Members from older official SDK versions (surfaces §1.4)
        [InlineData("ClaudeOpus4_1", "claude-opus-4-1")]
        [InlineData("ClaudeOpus4_1_20250805", "claude-opus-4-1-20250805")]
        [InlineData("Claude3_7SonnetLatest", "claude-3-7-sonnet-latest")]
        [InlineData("Claude3_7Sonnet20250219", "claude-3-7-sonnet-20250219")]
        [InlineData("Claude3_5HaikuLatest", "claude-3-5-haiku-latest")]
        [InlineData("Claude3_5Haiku20241022", "claude-3-5-haiku-20241022")]
        [InlineData("Claude3_5SonnetLatest", "claude-3-5-sonnet-latest")]
        [InlineData("Claude3_5Sonnet20241022", "claude-3-5-sonnet-20241022")]
        [InlineData("Claude_3_5_Sonnet_20240620", "claude-3-5-sonnet-20240620")]
        [InlineData("Claude_3_Haiku_20240307", "claude-3-haiku-20240307")]
        [InlineData("Claude3OpusLatest", "claude-3-opus-latest")]
        [InlineData("Claude_3_Opus_20240229", "claude-3-opus-20240229")]
        [InlineData("ClaudeSonnet4_20250514", "claude-sonnet-4-20250514")]
        [InlineData("ClaudeSonnet4_0", "claude-sonnet-4-0")]
        [InlineData("Claude4Sonnet20250514", "claude-4-sonnet-20250514")]
        [InlineData("ClaudeOpus4_20250514", "claude-opus-4-20250514")]
        [InlineData("ClaudeOpus4_0", "claude-opus-4-0")]
        [InlineData("Claude4Opus20250514", "claude-4-opus-20250514")]
        public void EnumMemberToWireId(string member, string wire)
        {
            Assert.Equal(wire, ModelIds.EnumMemberToWireId(member));

            // Every heuristic result names a model the table knows.
            Assert.True(ModelCatalog.Default.TryResolve(wire, out var match), wire);
            Assert.Equal(ModelPlatform.ClaudeApi, match.Platform);
        }

        [Theory]
        [InlineData("", "")]
        [InlineData("Claude__Opus", "claude-opus")]
        [InlineData("_Claude_", "claude")]
        [InlineData("claudeOpus", "claude-opus")]
        public void EnumMemberEdgeCases(string member, string wire)
        {
            Assert.Equal(wire, ModelIds.EnumMemberToWireId(member));
        }
    }
}
