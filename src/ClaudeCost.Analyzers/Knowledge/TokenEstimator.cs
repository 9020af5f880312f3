using System;

namespace ClaudeCost.Analyzers.Knowledge
{
    /// <summary>What a piece of prompt text mostly is; code and JSON pack fewer characters into a token than prose.</summary>
    public enum TextKind
    {
        Prose = 0,
        CodeOrJson,
    }

    /// <summary>
    /// Token bounds from character counts, for decisions a build-time rule must be sure of. These are bounds, not estimates:
    /// flag only outside both, otherwise suggest count_tokens.
    /// <list type="bullet">
    /// <item><description>
    /// LOW bound (<see cref="AtLeastTokens(int, TokenizerGeneration)"/>, "surely above a minimum"): 4.0 characters per token
    /// for prose and 3.0 for code/JSON on the legacy tokenizer (Haiku 4.5, Sonnet 4.6, Opus 4.6 and earlier). The current
    /// tokenizer (Opus 4.7 and later) yields about 30% more tokens for the same text, so the figures are divided by 1.3:
    /// 4.0/1.3 ≈ 3.08 and 3.0/1.3 ≈ 2.31 characters per token. Official anchors are ~3.4 (legacy) and ~2.5 (current)
    /// characters per token for typical text, so these bounds undercount on purpose.
    /// </description></item>
    /// <item><description>
    /// HIGH bound (<see cref="AtMostTokens(int)"/>, "surely below a minimum"): 2.0 characters per token on any model, 1.6 for
    /// JSON-heavy text.
    /// </description></item>
    /// </list>
    /// </summary>
    public static class TokenEstimator
    {
        /// <summary>Characters per token assumed for the LOW bound on prose, legacy tokenizer.</summary>
        public const double LegacyProseCharsPerToken = 4.0;

        /// <summary>Characters per token assumed for the LOW bound on code or JSON, legacy tokenizer.</summary>
        public const double LegacyCodeCharsPerToken = 3.0;

        /// <summary>Token inflation of the current tokenizer over the legacy one (~30%).</summary>
        public const double CurrentTokenizerInflation = 1.3;

        /// <summary>Characters per token assumed for the HIGH bound on any text.</summary>
        public const double HighBoundCharsPerToken = 2.0;

        /// <summary>Characters per token assumed for the HIGH bound on JSON-heavy text.</summary>
        public const double HighBoundJsonCharsPerToken = 1.6;

        /// <summary>A conservative LOW estimate of tokens for prose of this length (for "surely above the minimum" checks).</summary>
        public static int AtLeastTokens(int characters, TokenizerGeneration generation) =>
            AtLeastTokens(characters, generation, TextKind.Prose);

        /// <summary>A conservative LOW estimate of tokens for text of this length and kind (rounded down).</summary>
        public static int AtLeastTokens(int characters, TokenizerGeneration generation, TextKind kind)
        {
            if (characters <= 0)
            {
                return 0;
            }

            // Integer arithmetic keeps the bound exact: tokens = floor(chars * inflation / charsPerToken).
            // Prose: legacy chars/4, current chars*13/40. Code: legacy chars/3, current chars*13/30.
            long numerator = generation == TokenizerGeneration.Current ? 13 : 10;
            long denominator = kind == TextKind.CodeOrJson ? 30 : 40;
            return (int)(characters * numerator / denominator);
        }

        /// <summary>A conservative HIGH estimate of tokens for text of this length, any model (2.0 characters per token, rounded up).</summary>
        public static int AtMostTokens(int characters) => AtMostTokens(characters, TextKind.Prose);

        /// <summary>A conservative HIGH estimate of tokens: 2.0 characters per token, 1.6 for JSON-heavy text (rounded up).</summary>
        public static int AtMostTokens(int characters, TextKind kind)
        {
            if (characters <= 0)
            {
                return 0;
            }

            // ceil(chars / 2.0) or ceil(chars / 1.6) = ceil(chars * 5 / 8).
            long numerator = kind == TextKind.CodeOrJson ? 5 : 1;
            long denominator = kind == TextKind.CodeOrJson ? 8 : 2;
            return (int)Math.Min(int.MaxValue, ((characters * numerator) + denominator - 1) / denominator);
        }

        /// <summary>The fewest characters that make <see cref="AtLeastTokens(int, TokenizerGeneration, TextKind)"/> reach <paramref name="tokens"/>.</summary>
        public static int CharactersForAtLeast(int tokens, TokenizerGeneration generation, TextKind kind = TextKind.Prose)
        {
            if (tokens <= 0)
            {
                return 0;
            }

            long numerator = generation == TokenizerGeneration.Current ? 13 : 10;
            long denominator = kind == TextKind.CodeOrJson ? 30 : 40;

            // Smallest c with floor(c * n / d) >= t, i.e. c >= t * d / n.
            var chars = ((tokens * denominator) + numerator - 1) / numerator;
            return (int)Math.Min(int.MaxValue, chars);
        }
    }
}
