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

        public static readonly ImmutableArray<string> AllKeys = ImmutableArray.Create(DefaultModelKey, ExtraVolatileMembersKey, MinimumPrefixTokensKey);

        public static ClaudeCostOptions Default { get; } = new ClaudeCostOptions(null, ImmutableHashSet<string>.Empty, null, ImmutableArray<OptionProblem>.Empty);

        private ClaudeCostOptions(string? defaultModel, ImmutableHashSet<string> extraVolatileMembers, int? minimumPrefixTokens, ImmutableArray<OptionProblem> problems)
        {
            DefaultModel = defaultModel;
            ExtraVolatileMembers = extraVolatileMembers;
            MinimumPrefixTokens = minimumPrefixTokens;
            Problems = problems;
        }

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

            if (defaultModel == null && extra.IsEmpty && minimum == null && problems.Count == 0)
            {
                return Default;
            }

            return new ClaudeCostOptions(defaultModel, extra, minimum, problems.ToImmutable());
        }
    }
}
