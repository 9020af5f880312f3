using ClaudeCost.Analyzers.Knowledge;
using Xunit;

namespace ClaudeCost.Analyzers.Tests.Knowledge
{
    public class EstimateAndCostTests
    {
        [Theory]
        [InlineData(0, TokenizerGeneration.Legacy, 0)]
        [InlineData(-5, TokenizerGeneration.Current, 0)]
        [InlineData(4000, TokenizerGeneration.Legacy, 1000)]
        [InlineData(4003, TokenizerGeneration.Legacy, 1000)]
        [InlineData(16384, TokenizerGeneration.Legacy, 4096)]
        [InlineData(4000, TokenizerGeneration.Current, 1300)]
        [InlineData(3077, TokenizerGeneration.Current, 1000)]
        [InlineData(3076, TokenizerGeneration.Current, 999)]
        public void AtLeastTokensProse(int chars, TokenizerGeneration generation, int expected)
        {
            Assert.Equal(expected, TokenEstimator.AtLeastTokens(chars, generation));
        }

        [Fact]
        public void AtLeastTokensCode()
        {
            Assert.Equal(1000, TokenEstimator.AtLeastTokens(3000, TokenizerGeneration.Legacy, TextKind.CodeOrJson));
            Assert.Equal(1300, TokenEstimator.AtLeastTokens(3000, TokenizerGeneration.Current, TextKind.CodeOrJson));
        }

        [Fact]
        public void AtLeastIsNeverAboveAtMost()
        {
            foreach (var chars in new[] { 1, 7, 100, 4095, 50000, int.MaxValue / 2 })
            {
                Assert.True(TokenEstimator.AtLeastTokens(chars, TokenizerGeneration.Current, TextKind.CodeOrJson) <= TokenEstimator.AtMostTokens(chars));
                Assert.True(TokenEstimator.AtLeastTokens(chars, TokenizerGeneration.Legacy) <= TokenEstimator.AtLeastTokens(chars, TokenizerGeneration.Current));
            }
        }

        [Theory]
        [InlineData(0, 0)]
        [InlineData(1, 1)]
        [InlineData(2048, 1024)]
        [InlineData(2049, 1025)]
        public void AtMostTokens(int chars, int expected)
        {
            Assert.Equal(expected, TokenEstimator.AtMostTokens(chars));
        }

        [Fact]
        public void AtMostTokensJson()
        {
            Assert.Equal(1000, TokenEstimator.AtMostTokens(1600, TextKind.CodeOrJson));
            Assert.Equal(1001, TokenEstimator.AtMostTokens(1601, TextKind.CodeOrJson));
            Assert.Equal(1342177280, TokenEstimator.AtMostTokens(int.MaxValue, TextKind.CodeOrJson));
        }

        [Theory]
        [InlineData(1024, TokenizerGeneration.Legacy)]
        [InlineData(4096, TokenizerGeneration.Legacy)]
        [InlineData(512, TokenizerGeneration.Current)]
        [InlineData(2048, TokenizerGeneration.Current)]
        public void CharactersForAtLeastIsTheExactThreshold(int tokens, TokenizerGeneration generation)
        {
            var chars = TokenEstimator.CharactersForAtLeast(tokens, generation);
            Assert.True(TokenEstimator.AtLeastTokens(chars, generation) >= tokens);
            Assert.True(TokenEstimator.AtLeastTokens(chars - 1, generation) < tokens);
        }

        [Fact]
        public void CostsPerCall()
        {
            var sonnet = ModelCatalog.Default.Find("claude-sonnet-4-6")!;
            var p = sonnet.Prices!;
            Assert.Equal(0.003m, CostMath.InputCost(1000, p));
            Assert.Equal(0.015m, CostMath.OutputCost(1000, p));
            Assert.Equal(0.00375m, CostMath.CacheWrite5mCost(1000, p));
            Assert.Equal(0.006m, CostMath.CacheWrite1hCost(1000, p));
            Assert.Equal(0.0003m, CostMath.CacheReadCost(1000, p));
            Assert.Equal(0.0027m, CostMath.CacheHitSaving(1000, p));
            Assert.Equal(0m, CostMath.Cost(-1, 3m));
            Assert.Equal(0.0183m, CostMath.InputCost(sonnet, 6100));
        }

        [Fact]
        public void ModelCostsUseTheBand()
        {
            var haiku = ModelCatalog.Default.Find("claude-haiku-5-5")!;
            Assert.Equal(0.001m, CostMath.InputCost(haiku, 10000));
            Assert.Equal(0.005m, CostMath.InputCost(haiku, 10000, promptTokens: 150000));
            Assert.Equal(0.0005m, CostMath.CacheReadCost(haiku, 10000, promptTokens: 150000));
            Assert.Equal(0.00125m, CostMath.CacheWrite5mCost(haiku, 10000));
            Assert.Null(CostMath.InputCost(ModelCatalog.Default.Find("claude-fable-5-2")!, 1000));
        }

        [Theory]
        [InlineData("0.0183", "$0.018")]
        [InlineData("0.00183", "$0.0018")]
        [InlineData("1.234", "$1.23")]
        [InlineData("0.0185", "$0.019")]
        [InlineData("0.1", "$0.10")]
        [InlineData("0.0995", "$0.10")]
        [InlineData("0.999", "$1.00")]
        [InlineData("0", "$0")]
        [InlineData("0.5", "$0.50")]
        [InlineData("12.5", "$12.50")]
        [InlineData("1234.567", "$1,234.57")]
        [InlineData("0.000000123", "$0.00000012")]
        [InlineData("-0.0183", "-$0.018")]
        public void FormatUsd(string amount, string expected)
        {
            Assert.Equal(expected, CostMath.FormatUsd(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));
        }

        [Fact]
        public void FormatUsdIgnoresTheCurrentCulture()
        {
            var saved = System.Globalization.CultureInfo.CurrentCulture;
            try
            {
                System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
                Assert.Equal("$0.018", CostMath.FormatUsd(0.0183m));
                Assert.Equal("$1,234.57", CostMath.FormatUsd(1234.567m));
                Assert.Equal("6,100", CostMath.FormatTokens(6123, approximate: true));
            }
            finally
            {
                System.Globalization.CultureInfo.CurrentCulture = saved;
            }
        }

        [Theory]
        [InlineData(6100, false, "6,100")]
        [InlineData(6123, false, "6,123")]
        [InlineData(6123, true, "6,100")]
        [InlineData(6150, true, "6,200")]
        [InlineData(999, true, "999")]
        [InlineData(1000, true, "1,000")]
        [InlineData(1049, true, "1,000")]
        [InlineData(9960, true, "10,000")]
        [InlineData(12345, true, "12,000")]
        [InlineData(1234567, true, "1,200,000")]
        [InlineData(0, true, "0")]
        [InlineData(512, false, "512")]
        public void FormatTokens(long tokens, bool approximate, string expected)
        {
            Assert.Equal(expected, CostMath.FormatTokens(tokens, approximate));
        }

        [Theory]
        [InlineData("0.0183", 2, "0.018")]
        [InlineData("6123", 2, "6100")]
        [InlineData("-6150", 2, "-6200")]
        [InlineData("0.0995", 2, "0.10")]
        public void RoundToSignificant(string value, int digits, string expected)
        {
            var ci = System.Globalization.CultureInfo.InvariantCulture;
            Assert.Equal(decimal.Parse(expected, ci), CostMath.RoundToSignificant(decimal.Parse(value, ci), digits));
        }
    }
}
