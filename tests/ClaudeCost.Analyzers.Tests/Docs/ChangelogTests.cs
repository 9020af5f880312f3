using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ClaudeCost.Analyzers.Tests.EndToEnd;
using Xunit;

namespace ClaudeCost.Analyzers.Tests.Docs
{
    /// <summary>
    /// No upgrade surprises: every rule that AnalyzerReleases.Unshipped.md / Shipped.md records (new, changed or removed)
    /// is in docs/changelog.md, under the version it ships in, with the same default severity. The changelog's format is
    /// described at its top.
    /// </summary>
    [Trait("Category", "Docs")]
    public sealed class ChangelogTests
    {
        private static readonly Regex VersionHeading = new Regex(
            @"^## (?<version>\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?) \((?<state>unreleased|\d{4}-\d{2}-\d{2})\)$",
            RegexOptions.CultureInvariant);

        private static readonly Regex RuleId = new Regex(@"^CC\d{4}$", RegexOptions.CultureInvariant);

        private static readonly Regex ClaudeCostVersion = new Regex(@"<ClaudeCostVersion[^>]*>(?<version>[^<]+)</ClaudeCostVersion>", RegexOptions.CultureInvariant);

        private static string ChangelogPath => Path.Combine(RepositoryLayout.DocsDirectory, "changelog.md");

        [Fact]
        public void Every_tracked_rule_is_in_the_changelog_under_its_version_with_its_default_severity()
        {
            var problems = new List<string>();
            Assert.True(File.Exists(ChangelogPath), "docs/changelog.md is missing.");
            var sections = ReadSections(File.ReadAllText(ChangelogPath), problems);
            var unreleased = sections.Where(s => s.Unreleased).ToList();
            if (unreleased.Count > 1 || (unreleased.Count == 1 && sections[0] != unreleased[0]))
            {
                problems.Add("docs/changelog.md: at most one '## X.Y.Z (unreleased)' section, and it comes first.");
            }

            var buildVersion = CurrentBuildVersion();
            if (unreleased.Count == 1 && buildVersion != null && unreleased[0].Version != buildVersion)
            {
                problems.Add($"docs/changelog.md: the unreleased section is {unreleased[0].Version}, but Directory.Build.props builds {buildVersion} (ClaudeCostVersion).");
            }

            foreach (var entry in ReleaseTracking.Read(problems))
            {
                var where = entry.Release == null ? "the '(unreleased)' section" : $"the '## {entry.Release} (…)' section";
                var section = entry.Release == null ? unreleased.FirstOrDefault() : sections.FirstOrDefault(s => s.Version == entry.Release && !s.Unreleased);
                if (section == null)
                {
                    problems.Add($"{entry.Id} ({entry.File}, {entry.Section}): docs/changelog.md has no {where}.");
                    continue;
                }

                if (entry.Section == "Removed Rules")
                {
                    if (!section.Text.Contains(entry.Id, StringComparison.Ordinal))
                    {
                        problems.Add($"{entry.Id} is removed ({entry.File}) but {where} of docs/changelog.md does not say so.");
                    }

                    continue;
                }

                var rows = section.Rules.Where(r => r.Id == entry.Id).ToList();
                if (rows.Count == 0)
                {
                    problems.Add($"{entry.Id} ({entry.File}, {entry.Section}: {entry.Category}, {entry.Severity}) is not in a rule table of {where} of docs/changelog.md.");
                }
                else if (!rows.Any(r => r.Severity == entry.Severity))
                {
                    problems.Add($"{entry.Id}: {entry.File} says default severity {entry.Severity}, {where} of docs/changelog.md says {string.Join(" / ", rows.Select(r => r.Severity))}.");
                }
            }

            // What the unreleased section promises is what the assemblies ship now (new, changed or widened rules alike).
            foreach (var row in unreleased.SelectMany(s => s.Rules))
            {
                var descriptor = RuleCatalog.Descriptors.FirstOrDefault(d => d.Id == row.Id);
                if (descriptor == null)
                {
                    if (!RuleCatalog.DeclaredIds.Contains(row.Id))
                    {
                        problems.Add($"docs/changelog.md lists {row.Id}, which is not a constant of DiagnosticIds.");
                    }
                }
                else if (row.Severity != descriptor.DefaultSeverity.ToString())
                {
                    problems.Add($"docs/changelog.md (unreleased) gives {row.Id} default severity {row.Severity}; the descriptor says {descriptor.DefaultSeverity}.");
                }
            }

            Assert.True(problems.Count == 0, $"{problems.Count} changelog problem(s):{Environment.NewLine}- " + string.Join(Environment.NewLine + "- ", problems));
        }

        private sealed record RuleRow(string Id, string Severity);

        private sealed record Section(string Version, bool Unreleased, string Text, List<RuleRow> Rules);

        /// <summary>The "## version (state)" sections and, in each, the rows of every table with a "Rule" and a "Default severity" column.</summary>
        private static List<Section> ReadSections(string text, List<string> problems)
        {
            var sections = new List<Section>();
            var lines = Markdown.Lines(text);
            var headings = Markdown.ProseLines(text).Where(l => l.Line.StartsWith("## ", StringComparison.Ordinal)).Select(l => l.Index).ToList();
            for (var h = 0; h < headings.Count; h++)
            {
                var heading = lines[headings[h]].Trim();
                var match = VersionHeading.Match(heading);
                if (!match.Success)
                {
                    problems.Add($"docs/changelog.md: '{heading}' is not a version heading ('## 1.2.3 (unreleased)' or '## 1.2.3 (2026-05-31)').");
                    continue;
                }

                var end = h + 1 < headings.Count ? headings[h + 1] : lines.Length;
                var body = string.Join("\n", lines.Skip(headings[h] + 1).Take(end - headings[h] - 1));
                sections.Add(new Section(match.Groups["version"].Value, match.Groups["state"].Value == "unreleased", body, RuleRows(body)));
            }

            return sections;
        }

        private static List<RuleRow> RuleRows(string body)
        {
            var rows = new List<RuleRow>();
            int ruleColumn = -1, severityColumn = -1;
            var inTable = false;
            foreach (var (_, raw) in Markdown.ProseLines(body))
            {
                var line = raw.Trim();
                if (!line.StartsWith("|", StringComparison.Ordinal))
                {
                    inTable = false;
                    continue;
                }

                var cells = Markdown.SplitRow(line);
                if (!inTable)
                {
                    inTable = true;
                    var names = cells.Select(Markdown.Plain).ToList();
                    ruleColumn = names.IndexOf("Rule");
                    severityColumn = names.IndexOf("Default severity");
                    continue;
                }

                if (ruleColumn < 0 || severityColumn < 0 || cells.All(c => c.Length > 0 && c.All(ch => ch == '-' || ch == ':')) || cells.Length <= Math.Max(ruleColumn, severityColumn))
                {
                    continue;
                }

                var id = Markdown.ParseLink(cells[ruleColumn])?.Text ?? Markdown.Plain(cells[ruleColumn]);
                if (RuleId.IsMatch(id))
                {
                    rows.Add(new RuleRow(id, Markdown.Plain(cells[severityColumn])));
                }
            }

            return rows;
        }

        private static string? CurrentBuildVersion()
        {
            var path = Path.Combine(RepositoryLayout.Root, "Directory.Build.props");
            var match = File.Exists(path) ? ClaudeCostVersion.Match(File.ReadAllText(path)) : Match.Empty;
            return match.Success ? match.Groups["version"].Value.Trim() : null;
        }
    }
}
