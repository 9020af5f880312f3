using System;
using System.Globalization;

namespace ClaudeCost.Analyzers.Knowledge
{
    /// <summary>
    /// Cost arithmetic in USD (decimal, no binary floating point) and the number formats diagnostic messages use.
    /// Prices are USD per million tokens (<see cref="ModelPrices"/>). Formatters never add "≈": messages put it in front.
    /// </summary>
    public static class CostMath
    {
        private const decimal TokensPerPriceUnit = 1_000_000m;

        /// <summary>Cost of a number of tokens at a price in USD per million tokens.</summary>
        public static decimal Cost(long tokens, decimal usdPerMillionTokens) =>
            tokens <= 0 ? 0m : tokens * usdPerMillionTokens / TokensPerPriceUnit;

        /// <summary>Cost of input tokens at the full (uncached) price, per call.</summary>
        public static decimal InputCost(long tokens, ModelPrices prices) => Cost(tokens, prices.Input);

        /// <summary>Cost of output tokens, per call.</summary>
        public static decimal OutputCost(long tokens, ModelPrices prices) => Cost(tokens, prices.Output);

        /// <summary>Cost of writing tokens to the cache with the default 5-minute TTL, per call.</summary>
        public static decimal CacheWrite5mCost(long tokens, ModelPrices prices) => Cost(tokens, prices.CacheWrite5m);

        /// <summary>Cost of writing tokens to the cache with the 1-hour TTL, per call.</summary>
        public static decimal CacheWrite1hCost(long tokens, ModelPrices prices) => Cost(tokens, prices.CacheWrite1h);

        /// <summary>Cost of reading tokens from the cache (a hit), per call.</summary>
        public static decimal CacheReadCost(long tokens, ModelPrices prices) => Cost(tokens, prices.CacheRead);

        /// <summary>What each cache hit saves on a prefix of this many tokens: full input price minus cache read price.</summary>
        public static decimal CacheHitSaving(long tokens, ModelPrices prices) => InputCost(tokens, prices) - CacheReadCost(tokens, prices);

        /// <summary>
        /// Cost of input tokens at full price for a model, using the price band of a request whose whole prompt has
        /// <paramref name="promptTokens"/> tokens (defaults to <paramref name="tokens"/>). Null when the model is unpriced.
        /// </summary>
        public static decimal? InputCost(ModelInfo model, int tokens, int? promptTokens = null) =>
            model.PricesFor(promptTokens ?? tokens) is ModelPrices p ? InputCost(tokens, p) : (decimal?)null;

        /// <summary>Cost of a 5-minute cache write for a model (price band as in <see cref="InputCost(ModelInfo, int, int?)"/>); null when unpriced.</summary>
        public static decimal? CacheWrite5mCost(ModelInfo model, int tokens, int? promptTokens = null) =>
            model.PricesFor(promptTokens ?? tokens) is ModelPrices p ? CacheWrite5mCost(tokens, p) : (decimal?)null;

        /// <summary>Cost of a cache read for a model (price band as in <see cref="InputCost(ModelInfo, int, int?)"/>); null when unpriced.</summary>
        public static decimal? CacheReadCost(ModelInfo model, int tokens, int? promptTokens = null) =>
            model.PricesFor(promptTokens ?? tokens) is ModelPrices p ? CacheReadCost(tokens, p) : (decimal?)null;

        /// <summary>Rounds to a number of significant digits, halves away from zero.</summary>
        public static decimal RoundToSignificant(decimal value, int digits)
        {
            if (value == 0m || digits <= 0)
            {
                return 0m;
            }

            var exponent = DecimalExponent(Math.Abs(value));
            var decimals = digits - 1 - exponent;
            if (decimals >= 0)
            {
                return Math.Round(value, Math.Min(decimals, 28), MidpointRounding.AwayFromZero);
            }

            var scale = Pow10(-decimals);
            return Math.Round(value / scale, 0, MidpointRounding.AwayFromZero) * scale;
        }

        /// <summary>
        /// Formats a USD amount for a message: two significant digits below $1 ($0.018, $0.0018, $0.10), cents from $1 up
        /// ($1.23, $1,234.57). Invariant culture. Zero is "$0"; negative amounts get a leading '-'.
        /// </summary>
        public static string FormatUsd(decimal amount)
        {
            if (amount == 0m)
            {
                return "$0";
            }

            var sign = amount < 0 ? "-" : "";
            var a = Math.Abs(amount);
            var rounded = RoundToSignificant(a, 2);
            if (rounded >= 1m)
            {
                return sign + "$" + Math.Round(a, 2, MidpointRounding.AwayFromZero).ToString("#,0.00", CultureInfo.InvariantCulture);
            }

            if (rounded == 0m)
            {
                return "$0";
            }

            var decimals = Math.Min(28, 1 - DecimalExponent(rounded));
            return sign + "$" + rounded.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        }

        /// <summary>
        /// Formats a token count with thousands separators ("6,123"). With <paramref name="approximate"/>, counts above 1,000
        /// are rounded to two significant digits first ("6,100"), for messages that say "≈".
        /// </summary>
        public static string FormatTokens(long tokens, bool approximate = false)
        {
            var value = tokens;
            if (approximate && Math.Abs(tokens) > 1000)
            {
                value = (long)RoundToSignificant(tokens, 2);
            }

            return value.ToString("#,0", CultureInfo.InvariantCulture);
        }

        /// <summary>The power of ten of the leading digit: 0.018 → -2, 1.5 → 0, 6123 → 3. The value must be positive.</summary>
        private static int DecimalExponent(decimal positive)
        {
            var exponent = 0;
            var x = positive;
            while (x >= 10m)
            {
                x /= 10m;
                exponent++;
            }

            while (x < 1m && exponent > -28)
            {
                x *= 10m;
                exponent--;
            }

            return exponent;
        }

        private static decimal Pow10(int n)
        {
            var result = 1m;
            for (var i = 0; i < n; i++)
            {
                result *= 10m;
            }

            return result;
        }
    }
}
