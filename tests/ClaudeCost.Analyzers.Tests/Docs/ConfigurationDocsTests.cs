using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using ClaudeCost.Analyzers.Configuration;
using ClaudeCost.Analyzers.Tests.EndToEnd;
using ClaudeCost.ConfigGenerator;
using Xunit;

namespace ClaudeCost.Analyzers.Tests.Docs
{
    /// <summary>
    /// docs/configuration.md documents every analysis mode and every .editorconfig option (each key, found by
    /// reflection, has a row in its options table, and a rule-prefixed key is also on its rule's page); docs/ci.md
    /// shows the recipes exactly as the end-to-end tests run them.
    /// </summary>
    [Trait("Category", "Docs")]
    public sealed class ConfigurationDocsTests
    {
        private static readonly Regex RulePrefixedKey = new Regex(@"^claudecost\.(?<id>cc\d{4})\.", RegexOptions.CultureInvariant);
        /// <summary>A key-like word; not part of a path (".nuget/packages/claudecost.analyzers/") or a placeholder ("claudecost.ccXXXX.*").</summary>
        private static readonly Regex KeyMention = new Regex(@"(?<![/\w.])claudecost\.[a-z0-9_]+(?:\.[a-z0-9_]+)*(?![A-Za-z0-9_/])", RegexOptions.CultureInvariant);
        private static readonly string[] FileExtensions = { "json", "globalconfig", "sarif", "props", "targets", "md" };

        private static string ConfigurationPath => Path.Combine(RepositoryLayout.DocsDirectory, "configuration.md");

        private static string CiPath => Path.Combine(RepositoryLayout.DocsDirectory, "ci.md");

        /// <summary>The <c>*Key</c> constants of ClaudeCostOptions, the one place the analyzers name their options.</summary>
        public static IReadOnlyList<string> OptionKeyConstants { get; } = typeof(ClaudeCostOptions)
            .GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string) && f.Name.EndsWith("Key", StringComparison.Ordinal))
            .Select(f => (string)f.GetRawConstantValue()!)
            .OrderBy(k => k, StringComparer.Ordinal)
            .ToList();

        [Fact]
        public void Every_option_key_has_a_row_in_configuration_md_and_rule_keys_are_on_their_rule_page()
        {
            var problems = new List<string>();
            Assert.NotEmpty(OptionKeyConstants);
            foreach (var key in RuleCatalog.OptionKeys.Where(k => !OptionKeyConstants.Contains(k)))
            {
                problems.Add($"'{key}' is a claudecost.* constant of the analyzers but not a *Key constant of ClaudeCostOptions; declare option keys there.");
            }

            var text = File.ReadAllText(ConfigurationPath);
            var documented = Markdown.TableRows(Section(text, "Options"))
                .Select(r => Markdown.Plain(r[0]))
                .ToHashSet(StringComparer.Ordinal);
            foreach (var key in OptionKeyConstants)
            {
                if (!documented.Contains(key))
                {
                    problems.Add($"docs/configuration.md: the '## Options' table has no row for `{key}` (first cell: the key in backticks; then rule, default, meaning).");
                }

                var prefix = RulePrefixedKey.Match(key);
                if (prefix.Success)
                {
                    var id = prefix.Groups["id"].Value.ToUpperInvariant();
                    var page = Path.Combine(RepositoryLayout.RulesDocsDirectory, id + ".md");
                    if (!File.Exists(page))
                    {
                        problems.Add($"`{key}` belongs to {id}, which has no page docs/rules/{id}.md.");
                    }
                    else if (!Section(File.ReadAllText(page), "Options").Contains(key, StringComparison.Ordinal))
                    {
                        problems.Add($"docs/rules/{id}.md: its '## Options' section does not document `{key}`.");
                    }
                }
            }

            foreach (var (name, path) in new[] { ("docs/configuration.md", ConfigurationPath), ("docs/ci.md", CiPath) })
            {
                var content = File.Exists(path) ? File.ReadAllText(path) : string.Empty;
                foreach (var mention in KeyMention.Matches(content).Select(m => m.Value.TrimEnd('.')).Distinct())
                {
                    if (!OptionKeyConstants.Contains(mention) && !FileExtensions.Any(e => mention.EndsWith("." + e, StringComparison.Ordinal)))
                    {
                        problems.Add($"{name} mentions option '{mention}', which the analyzers do not read (known: {string.Join(", ", OptionKeyConstants)}).");
                    }
                }
            }

            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        }

        [Fact]
        public void Configuration_md_documents_every_analysis_mode()
        {
            var problems = new List<string>();
            var text = File.ReadAllText(ConfigurationPath);
            var section = Section(text, "Analysis modes");
            if (section.Length == 0)
            {
                problems.Add("docs/configuration.md has no '## Analysis modes' section (the package's error message links to #analysis-modes).");
            }

            var rows = Markdown.TableRows(section).Select(r => Markdown.Plain(r[0])).ToList();
            foreach (var mode in AnalysisModeConfigs.Modes)
            {
                if (!rows.Contains(mode.ToString()))
                {
                    problems.Add($"docs/configuration.md: the '## Analysis modes' table has no row for `{mode}`.");
                }
            }

            foreach (var row in rows.Where(r => !AnalysisModeConfigs.Modes.Any(m => m.ToString() == r)))
            {
                problems.Add($"docs/configuration.md: the modes table has a row '{row}', which is not a mode.");
            }

            foreach (var required in new[] { "<ClaudeCostAnalysisMode>", "global_level", AnalysisModeConfigs.RegenerateCommand })
            {
                if (!section.Contains(required, StringComparison.Ordinal))
                {
                    problems.Add($"docs/configuration.md: '## Analysis modes' does not mention `{required}`.");
                }
            }

            var readme = File.ReadAllText(RepositoryLayout.ReadmePath);
            if (!readme.Contains("ClaudeCostAnalysisMode", StringComparison.Ordinal) || !readme.Contains("docs/configuration.md#analysis-modes", StringComparison.Ordinal))
            {
                problems.Add("README.md: mention ClaudeCostAnalysisMode and link docs/configuration.md#analysis-modes.");
            }

            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        }

        [Fact]
        public void Ci_md_shows_each_recipe_as_the_end_to_end_tests_run_it()
        {
            Assert.True(File.Exists(CiPath), "docs/ci.md is missing.");
            var text = File.ReadAllText(CiPath).Replace("\r\n", "\n");

            // Each of these is run by CiRecipesEndToEndTests; change both together.
            var recipes = new[]
            {
                "dotnet_diagnostic.CC0001.severity = error",
                "<WarningsAsErrors>$(WarningsAsErrors);CC0001;CC0002</WarningsAsErrors>",
                "-p:ErrorLog=claudecost.sarif%2Cversion=2.1",
                CiRecipesEndToEndTests.SolutionWideSarifTargets.Trim(),
                "dotnet format analyzers --severity info --verify-no-changes",
                "dotnet format analyzers --severity info",
                "<ClaudeCostAnalysisMode>Strict</ClaudeCostAnalysisMode>",
            };
            var missing = recipes.Where(r => !text.Contains(r, StringComparison.Ordinal)).ToList();
            Assert.True(missing.Count == 0, "docs/ci.md does not show, verbatim:" + Environment.NewLine + string.Join(Environment.NewLine + "---" + Environment.NewLine, missing));
        }

        /// <summary>The text of a "## {heading}" section, up to the next "## " heading ("" when absent).</summary>
        private static string Section(string text, string heading)
        {
            var lines = Markdown.Lines(text);
            var start = Array.FindIndex(lines, l => l.Trim() == "## " + heading);
            if (start < 0)
            {
                return string.Empty;
            }

            var end = Array.FindIndex(lines, start + 1, l => l.StartsWith("## ", StringComparison.Ordinal));
            return string.Join("\n", lines.Skip(start + 1).Take((end < 0 ? lines.Length : end) - start - 1));
        }
    }
}
