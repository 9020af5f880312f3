using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClaudeCost.Analyzers.Configuration
{
    /// <summary>One invalid option value, reported by CC9002.</summary>
    internal readonly struct OptionProblem
    {
        public OptionProblem(string key, string value, string expected)
        {
            Key = key;
            Value = value;
            Expected = expected;
        }

        public string Key { get; }

        public string Value { get; }

        public string Expected { get; }
    }

    /// <summary>
    /// The .editorconfig / .globalconfig options (keys are lower case: the compiler lower-cases them). Every key is
    /// listed in <see cref="AllKeys"/> and documented in docs/configuration.md.
    /// </summary>
    internal sealed class ClaudeCostOptions
    {
        public const string DefaultModelKey = "claudecost.default_model";
        public const string ExtraVolatileMembersKey = "claudecost.cc0001.extra_volatile_members";
        public const string MinimumPrefixTokensKey = "claudecost.cc0002.minimum_prefix_tokens";
        public const string SmallModelKey = "claudecost.cc0003.small_model";
        public const string ShortAnswerMaxTokensKey = "claudecost.cc0003.short_answer_max_tokens";
        public const string DefaultMaxTokensKey = "claudecost.cc0005.default_max_tokens";
        public const string MaxSdkRetriesKey = "claudecost.cc0004.max_sdk_retries";
        public const string MaxAttemptsKey = "claudecost.cc0004.max_attempts";
        public const string MaxIterationsKey = "claudecost.cc0017.max_iterations";

        public const string DefaultSmallModel = "claude-haiku-5-5";
        public const int DefaultShortAnswerMaxTokens = 64;
        public const int DefaultOutputLimit = 1024;
        public const int DefaultMaxSdkRetries = 10;
        public const int DefaultMaxAttempts = 4;
        public const int DefaultMaxIterations = 10;

        public static readonly ImmutableArray<string> AllKeys = ImmutableArray.Create(DefaultModelKey, ExtraVolatileMembersKey, MinimumPrefixTokensKey, SmallModelKey, ShortAnswerMaxTokensKey, DefaultMaxTokensKey, MaxSdkRetriesKey, MaxAttemptsKey, MaxIterationsKey);

        public static ClaudeCostOptions Default { get; } = new ClaudeCostOptions(null, ImmutableHashSet<string>.Empty, null, DefaultSmallModel, DefaultShortAnswerMaxTokens, DefaultOutputLimit, ImmutableArray<OptionProblem>.Empty)
        {
            MaxSdkRetries = DefaultMaxSdkRetries,
            MaxAttempts = DefaultMaxAttempts,
            MaxIterations = DefaultMaxIterations,
        };

        private ClaudeCostOptions(string? defaultModel, ImmutableHashSet<string> extraVolatileMembers, int? minimumPrefixTokens, string smallModel, int shortAnswerMaxTokens, int outputLimit, ImmutableArray<OptionProblem> problems)
        {
            OutputLimit = outputLimit;
            DefaultModel = defaultModel;
            ExtraVolatileMembers = extraVolatileMembers;
            MinimumPrefixTokens = minimumPrefixTokens;
            SmallModel = smallModel;
            ShortAnswerMaxTokens = shortAnswerMaxTokens;
            Problems = problems;
        }

        /// <summary>CC0004 reports the official SDK's MaxRetries set above this.</summary>
        public int MaxSdkRetries { get; private set; }

        /// <summary>The attempt maximum CC0004's fix writes (a loop's attempts; Polly and SDK retries get one less).</summary>
        public int MaxAttempts { get; private set; }

        /// <summary>The iteration cap CC0017's fix writes into an agent loop or a ToolRunner call.</summary>
        public int MaxIterations { get; private set; }

        /// <summary>The max_tokens value CC0005's fix writes.</summary>
        public int OutputLimit { get; }

        /// <summary>The small-tier model CC0003's fix moves a short-answer call to.</summary>
        public string SmallModel { get; }

        /// <summary>A MaxTokens at or below this counts as a short-answer signal for CC0003/CC0014.</summary>
        public int ShortAnswerMaxTokens { get; }

        /// <summary>The model assumed when a request's model cannot be resolved (null: the largest minimum, priced as the table's default).</summary>
        public string? DefaultModel { get; }

        /// <summary>Fully qualified members ("Acme.Clock.Now") treated like DateTime.Now.</summary>
        public ImmutableHashSet<string> ExtraVolatileMembers { get; }

        /// <summary>Overrides the model's minimum cacheable length for CC0002.</summary>
        public int? MinimumPrefixTokens { get; }

        public ImmutableArray<OptionProblem> Problems { get; }

        public static ClaudeCostOptions Read(AnalyzerConfigOptions options, Knowledge.ModelCatalog catalog)
        {
            var problems = ImmutableArray.CreateBuilder<OptionProblem>();
            string? defaultModel = null;
            if (options.TryGetValue(DefaultModelKey, out var modelText) && modelText.Trim().Length > 0)
            {
                var trimmed = modelText.Trim();
                if (catalog.TryResolve(trimmed, out _))
                {
                    defaultModel = trimmed;
                }
                else
                {
                    problems.Add(new OptionProblem(DefaultModelKey, modelText, "a model id the ClaudeCost model table knows, e.g. claude-sonnet-4-6"));
                }
            }

            var extra = ImmutableHashSet<string>.Empty;
            if (options.TryGetValue(ExtraVolatileMembersKey, out var membersText))
            {
                var builder = ImmutableHashSet.CreateBuilder<string>(System.StringComparer.Ordinal);
                foreach (var raw in membersText.Split(','))
                {
                    var member = raw.Trim();
                    if (member.Length == 0)
                    {
                        continue;
                    }

                    if (member.IndexOf('.') <= 0 || member.EndsWith(".", System.StringComparison.Ordinal) || member.IndexOf(' ') >= 0 || member.IndexOf('(') >= 0)
                    {
                        problems.Add(new OptionProblem(ExtraVolatileMembersKey, membersText, "comma-separated fully qualified members such as Acme.Clock.Now"));
                        builder.Clear();
                        break;
                    }

                    builder.Add(member);
                }

                extra = builder.ToImmutable();
            }

            int? minimum = null;
            if (options.TryGetValue(MinimumPrefixTokensKey, out var minimumText))
            {
                if (int.TryParse(minimumText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0)
                {
                    minimum = parsed;
                }
                else
                {
                    problems.Add(new OptionProblem(MinimumPrefixTokensKey, minimumText, "a positive whole number of tokens, e.g. 2048"));
                }
            }

            var smallModel = DefaultSmallModel;
            if (options.TryGetValue(SmallModelKey, out var smallText) && smallText.Trim().Length > 0)
            {
                if (catalog.TryResolve(smallText.Trim(), out var small) && small.Model.Tier == Knowledge.ModelTier.Small)
                {
                    smallModel = smallText.Trim();
                }
                else
                {
                    problems.Add(new OptionProblem(SmallModelKey, smallText, "a small-tier (Haiku) model id the ClaudeCost model table knows, e.g. claude-haiku-5-5"));
                }
            }

            var shortAnswer = DefaultShortAnswerMaxTokens;
            if (options.TryGetValue(ShortAnswerMaxTokensKey, out var shortText))
            {
                if (int.TryParse(shortText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsedShort) && parsedShort > 0)
                {
                    shortAnswer = parsedShort;
                }
                else
                {
                    problems.Add(new OptionProblem(ShortAnswerMaxTokensKey, shortText, "a positive whole number of tokens, e.g. 64"));
                }
            }

            var outputLimit = DefaultOutputLimit;
            if (options.TryGetValue(DefaultMaxTokensKey, out var limitText))
            {
                if (int.TryParse(limitText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsedLimit) && parsedLimit > 0)
                {
                    outputLimit = parsedLimit;
                }
                else
                {
                    problems.Add(new OptionProblem(DefaultMaxTokensKey, limitText, "a positive whole number of tokens, e.g. 1024"));
                }
            }

            var maxSdkRetries = DefaultMaxSdkRetries;
            if (options.TryGetValue(MaxSdkRetriesKey, out var ceilingText))
            {
                if (int.TryParse(ceilingText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsedCeiling))
                {
                    maxSdkRetries = parsedCeiling;
                }
                else
                {
                    problems.Add(new OptionProblem(MaxSdkRetriesKey, ceilingText, "a whole number of retries (0 or more), e.g. 10"));
                }
            }

            var maxAttempts = DefaultMaxAttempts;
            if (options.TryGetValue(MaxAttemptsKey, out var attemptsText))
            {
                if (int.TryParse(attemptsText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsedAttempts) && parsedAttempts >= 2 && parsedAttempts <= 100)
                {
                    maxAttempts = parsedAttempts;
                }
                else
                {
                    problems.Add(new OptionProblem(MaxAttemptsKey, attemptsText, "a whole number of attempts from 2 to 100, e.g. 4"));
                }
            }

            var maxIterations = DefaultMaxIterations;
            if (options.TryGetValue(MaxIterationsKey, out var iterationsText))
            {
                if (int.TryParse(iterationsText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsedIterations) && parsedIterations >= 1 && parsedIterations <= 1000)
                {
                    maxIterations = parsedIterations;
                }
                else
                {
                    problems.Add(new OptionProblem(MaxIterationsKey, iterationsText, "a whole number of iterations from 1 to 1000, e.g. 10"));
                }
            }

            if (defaultModel == null && extra.IsEmpty && minimum == null && problems.Count == 0 && smallModel == DefaultSmallModel && shortAnswer == DefaultShortAnswerMaxTokens && outputLimit == DefaultOutputLimit &&
                maxSdkRetries == DefaultMaxSdkRetries && maxAttempts == DefaultMaxAttempts && maxIterations == DefaultMaxIterations)
            {
                return Default;
            }

            return new ClaudeCostOptions(defaultModel, extra, minimum, smallModel, shortAnswer, outputLimit, problems.ToImmutable())
            {
                MaxSdkRetries = maxSdkRetries,
                MaxAttempts = maxAttempts,
                MaxIterations = maxIterations,
            };
        }
    }
}
