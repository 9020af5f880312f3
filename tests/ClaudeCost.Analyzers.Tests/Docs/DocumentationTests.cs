using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ClaudeCost.Analyzers.Infrastructure;
using ClaudeCost.Analyzers.Tests.EndToEnd;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ClaudeCost.Analyzers.Tests.Docs
{
    /// <summary>
    /// Keeps the documentation in step with the descriptors the assemblies ship (found by reflection). The page
    /// convention checked here is described in docs/README.md ("How a rule page is written").
    /// Every test collects all problems and fails once with the full list.
    /// </summary>
    [Trait("Category", "Docs")]
    public sealed class DocumentationTests
    {
        /// <summary>The sections every rule page has, in this order. Other "## " sections may sit between or after them.</summary>
        public static readonly string[] RequiredSections = { "Why", "Examples", "How to fix", "Options" };

        private static readonly Regex IdPattern = new Regex(@"^CC\d{4}$", RegexOptions.CultureInvariant);
        private static readonly Regex OptionKeyMention = new Regex(@"claudecost\.[a-z0-9_]+(?:\.[a-z0-9_]+)*", RegexOptions.CultureInvariant);

        private static IReadOnlyList<DiagnosticDescriptor> Descriptors => RuleCatalog.Descriptors;

        [Fact]
        public void Descriptor_ids_are_unique_well_formed_and_declared()
        {
            var problems = new List<string>();
            foreach (var group in RuleCatalog.SupportedDiagnostics.GroupBy(p => p.Descriptor.Id, StringComparer.Ordinal))
            {
                var owners = group.Select(p => p.Analyzer.Name).Distinct().ToList();
                if (owners.Count > 1)
                {
                    problems.Add($"{group.Key} is declared by more than one analyzer: {string.Join(", ", owners)}.");
                }

                var distinct = group.Select(p => (p.Descriptor.Title.ToString(), p.Descriptor.Category, p.Descriptor.DefaultSeverity)).Distinct().Count();
                if (distinct > 1)
                {
                    problems.Add($"{group.Key} has several different descriptors.");
                }
            }

            foreach (var descriptor in Descriptors)
            {
                if (!IdPattern.IsMatch(descriptor.Id))
                {
                    problems.Add($"{descriptor.Id}: an ID is CC followed by four digits.");
                }

                if (!RuleCatalog.DeclaredIds.Contains(descriptor.Id))
                {
                    problems.Add($"{descriptor.Id}: not a constant of DiagnosticIds.");
                }

                if (!RuleCatalog.DeclaredCategories.Contains(descriptor.Category))
                {
                    problems.Add($"{descriptor.Id}: category '{descriptor.Category}' is not a constant of DiagnosticCategories.");
                }

                if (string.IsNullOrWhiteSpace(descriptor.Title.ToString()) || descriptor.Title.ToString().EndsWith(".", StringComparison.Ordinal))
                {
                    problems.Add($"{descriptor.Id}: the title must be a non-empty phrase without a final period: '{descriptor.Title}'.");
                }
            }

            // `dotnet format analyzers --diagnostics ID` runs the analyzers that support ID and builds its Fix All from
            // the first diagnostic they report, whatever its ID: an analyzer that reports a fixable ID next to other
            // IDs makes the bulk fix fail at random ("didn't return a Fix All action").
            foreach (var analyzer in RuleCatalog.SupportedDiagnostics.GroupBy(p => p.Analyzer))
            {
                var ids = analyzer.Select(p => p.Descriptor.Id).Distinct().ToList();
                var fixable = ids.Where(RuleCatalog.FixersById.ContainsKey).ToList();
                if (ids.Count > 1 && fixable.Count > 0)
                {
                    problems.Add($"{analyzer.Key.Name} reports {string.Join(", ", ids)}, and {string.Join(", ", fixable)} has a code fix: give each fixable rule an analyzer of its own, or `dotnet format` cannot apply its fix reliably.");
                }
            }

            foreach (var (id, fixers) in RuleCatalog.FixersById)
            {
                if (!Descriptors.Any(d => d.Id == id))
                {
                    problems.Add($"{string.Join(", ", fixers)} fixes {id}, which no analyzer reports.");
                }
            }

            AssertNoProblems(problems);
        }

        [Fact]
        public void Every_descriptor_links_to_its_rule_page()
        {
            var problems = Descriptors
                .Where(d => d.HelpLinkUri != HelpLinks.For(d.Id))
                .Select(d => $"{d.Id}: HelpLinkUri is '{d.HelpLinkUri}', expected '{HelpLinks.For(d.Id)}' (create descriptors with DescriptorFactory).")
                .ToList();
            AssertNoProblems(problems);
        }

        [Fact]
        public void Every_rule_has_a_page_that_follows_the_convention()
        {
            var problems = new List<string>();
            foreach (var descriptor in Descriptors)
            {
                var path = RulePagePath(descriptor.Id);
                var relative = "docs/rules/" + descriptor.Id + ".md";
                if (!File.Exists(path))
                {
                    problems.Add($"{descriptor.Id}: {relative} is missing. It starts with '# {descriptor.Id}: {descriptor.Title}' (see docs/README.md for the convention).");
                    continue;
                }

                var text = File.ReadAllText(path);
                var firstLine = Markdown.Lines(text).FirstOrDefault(l => l.Trim().Length > 0) ?? string.Empty;
                var expectedHeading = $"# {descriptor.Id}: {descriptor.Title}";
                if (firstLine.Trim() != expectedHeading)
                {
                    problems.Add($"{relative}: the first line is '{firstLine.Trim()}', expected '{expectedHeading}'.");
                }

                var properties = Markdown.TableRows(text)
                    .Where(r => r.Length >= 2)
                    .GroupBy(r => Markdown.Plain(r[0]), StringComparer.OrdinalIgnoreCase)
                    .ToDictionary(g => g.Key, g => Markdown.Plain(g.First()[1]), StringComparer.OrdinalIgnoreCase);
                ExpectProperty(problems, relative, properties, "Rule ID", descriptor.Id);
                ExpectProperty(problems, relative, properties, "Category", descriptor.Category);
                ExpectProperty(problems, relative, properties, "Default severity", descriptor.DefaultSeverity.ToString());
                ExpectProperty(problems, relative, properties, "Enabled by default", descriptor.IsEnabledByDefault ? "Yes" : "No");

                var hasFix = RuleCatalog.FixersById.ContainsKey(descriptor.Id);
                if (!properties.TryGetValue("Code fix", out var codeFix))
                {
                    problems.Add($"{relative}: the property table has no 'Code fix' row (expected {(hasFix ? "'Yes…'" : "'No'")}).");
                }
                else if (codeFix.StartsWith("Yes", StringComparison.Ordinal) != hasFix)
                {
                    problems.Add($"{relative}: 'Code fix' says '{codeFix}', but {(hasFix ? "a code fix provider fixes " + descriptor.Id : "no code fix provider fixes " + descriptor.Id)}.");
                }

                var sections = Markdown.Headings(text, 2);
                var position = -1;
                foreach (var required in RequiredSections)
                {
                    var index = sections.IndexOf(required);
                    if (index < 0)
                    {
                        problems.Add($"{relative}: missing section '## {required}'.");
                    }
                    else if (index < position)
                    {
                        problems.Add($"{relative}: section '## {required}' is out of order (expected: {string.Join(", ", RequiredSections)}).");
                    }
                    else
                    {
                        position = index;
                    }
                }

                if (Markdown.Headings(text, 1).Count != 1)
                {
                    problems.Add($"{relative}: has {Markdown.Headings(text, 1).Count} top-level headings; expected exactly one.");
                }
            }

            AssertNoProblems(problems);
        }

        [Fact]
        public void Every_rule_page_belongs_to_a_declared_id()
        {
            var problems = new List<string>();
            if (Directory.Exists(RepositoryLayout.RulesDocsDirectory))
            {
                foreach (var file in Directory.GetFiles(RepositoryLayout.RulesDocsDirectory, "*.md").OrderBy(f => f, StringComparer.Ordinal))
                {
                    var id = Path.GetFileNameWithoutExtension(file);
                    if (!RuleCatalog.DeclaredIds.Contains(id))
                    {
                        problems.Add($"docs/rules/{Path.GetFileName(file)}: '{id}' is not a constant of DiagnosticIds.");
                    }
                }
            }

            AssertNoProblems(problems);
        }

        [Fact]
        public void Readme_rule_table_lists_every_rule_once()
            => AssertNoProblems(CheckRuleTable(RepositoryLayout.ReadmePath, "README.md", "docs/rules/"));

        [Fact]
        public void Docs_index_lists_every_rule_once()
            => AssertNoProblems(CheckRuleTable(Path.Combine(RepositoryLayout.DocsDirectory, "README.md"), "docs/README.md", "rules/"));

        [Fact]
        public void Release_tracking_lists_every_rule_with_its_category_and_severity()
        {
            var problems = new List<string>();
            var state = new Dictionary<string, ReleaseEntry>(StringComparer.Ordinal);
            var removed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in ReleaseTracking.Read(problems))
            {
                if (entry.Section == "Removed Rules")
                {
                    state.Remove(entry.Id);
                    removed.Add(entry.Id);
                }
                else
                {
                    state[entry.Id] = entry;
                    removed.Remove(entry.Id);
                }
            }

            foreach (var descriptor in Descriptors)
            {
                if (!state.TryGetValue(descriptor.Id, out var entry))
                {
                    problems.Add($"{descriptor.Id}: not listed in AnalyzerReleases.Unshipped.md or AnalyzerReleases.Shipped.md{(removed.Contains(descriptor.Id) ? " (it is listed as removed)" : string.Empty)}.");
                    continue;
                }

                if (entry.Category != descriptor.Category || entry.Severity != descriptor.DefaultSeverity.ToString())
                {
                    problems.Add($"{descriptor.Id}: {entry.File} says '{entry.Category} | {entry.Severity}', the descriptor '{descriptor.Category} | {descriptor.DefaultSeverity}'.");
                }
            }

            AssertNoProblems(problems);
        }

        [Fact]
        public void Option_keys_are_documented_and_documented_keys_exist()
        {
            var problems = new List<string>();

            // Options configure rules: with no rule shipped there is nothing to check yet.
            if (Descriptors.Count > 0)
            {
                var readme = File.Exists(RepositoryLayout.ReadmePath) ? File.ReadAllText(RepositoryLayout.ReadmePath) : string.Empty;
                var pages = Descriptors
                    .Select(d => RulePagePath(d.Id))
                    .Where(File.Exists)
                    .ToDictionary(p => "docs/rules/" + Path.GetFileName(p), File.ReadAllText, StringComparer.Ordinal);

                foreach (var key in RuleCatalog.OptionKeys.OrderBy(k => k, StringComparer.Ordinal))
                {
                    if (!pages.Values.Any(text => OptionsSection(text).Contains(key, StringComparison.Ordinal)))
                    {
                        problems.Add($"Option '{key}' is read by the analyzers but no rule page's '## Options' section documents it.");
                    }

                    if (!readme.Contains(key, StringComparison.Ordinal))
                    {
                        problems.Add($"Option '{key}' is missing from the options summary in README.md.");
                    }
                }

                foreach (var (file, text) in pages.Append(new KeyValuePair<string, string>("README.md", readme)))
                {
                    foreach (var mention in OptionKeyMention.Matches(text).Select(m => m.Value.TrimEnd('.')).Where(RuleCatalog.IsOptionKey).Distinct())
                    {
                        if (!RuleCatalog.OptionKeys.Contains(mention))
                        {
                            problems.Add($"{file} mentions option '{mention}', which the analyzers do not read (known: {string.Join(", ", RuleCatalog.OptionKeys.OrderBy(k => k, StringComparer.Ordinal))}).");
                        }
                    }
                }
            }

            AssertNoProblems(problems);
        }

        private static List<string> CheckRuleTable(string path, string displayName, string linkPrefix)
        {
            var problems = new List<string>();
            if (!File.Exists(path))
            {
                problems.Add($"{displayName} is missing.");
                return problems;
            }

            var region = Markdown.Region(File.ReadAllText(path), Markdown.RulesBegin, Markdown.RulesEnd);
            if (region == null)
            {
                problems.Add($"{displayName}: the rule table must sit between one '{Markdown.RulesBegin}' line and one '{Markdown.RulesEnd}' line.");
                return problems;
            }

            var rows = Markdown.TableRows(region);
            var byId = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
            foreach (var row in rows)
            {
                var link = Markdown.ParseLink(row[0]);
                var id = link?.Text ?? Markdown.Plain(row[0]);
                if (!byId.TryGetValue(id, out var list))
                {
                    byId[id] = list = new List<string[]>();
                }

                list.Add(row);
                if (!RuleCatalog.DeclaredIds.Contains(id))
                {
                    problems.Add($"{displayName}: row '{id}' is not a constant of DiagnosticIds.");
                }

                if (link == null || link.Value.Target != linkPrefix + id + ".md")
                {
                    problems.Add($"{displayName}: the ID cell of '{id}' must be the link [{id}]({linkPrefix}{id}.md), found '{row[0]}'.");
                }
            }

            foreach (var descriptor in Descriptors)
            {
                var expected = $"| [{descriptor.Id}]({linkPrefix}{descriptor.Id}.md) | {descriptor.Title} | {descriptor.Category} | {descriptor.DefaultSeverity} |";
                if (!byId.TryGetValue(descriptor.Id, out var found))
                {
                    problems.Add($"{displayName}: no row for {descriptor.Id}; add: {expected}");
                    continue;
                }

                if (found.Count > 1)
                {
                    problems.Add($"{displayName}: {found.Count} rows for {descriptor.Id}; keep exactly one.");
                }

                var row = found[0];
                if (row.Length < 4 ||
                    Markdown.Plain(row[1]) != descriptor.Title.ToString() ||
                    Markdown.Plain(row[2]) != descriptor.Category ||
                    Markdown.Plain(row[3]) != descriptor.DefaultSeverity.ToString())
                {
                    problems.Add($"{displayName}: the row of {descriptor.Id} is '| {string.Join(" | ", row)} |', expected {expected}");
                }
            }

            return problems;
        }

        private static void ExpectProperty(List<string> problems, string page, Dictionary<string, string> properties, string name, string expected)
        {
            if (!properties.TryGetValue(name, out var actual))
            {
                problems.Add($"{page}: the property table has no '{name}' row (expected '| {name} | {expected} |').");
            }
            else if (actual != expected)
            {
                problems.Add($"{page}: '{name}' is '{actual}', expected '{expected}'.");
            }
        }

        /// <summary>The text of the "## Options" section (up to the next "## " heading).</summary>
        private static string OptionsSection(string page)
        {
            var lines = Markdown.Lines(page);
            var start = Array.FindIndex(lines, l => l.Trim() == "## Options");
            if (start < 0)
            {
                return string.Empty;
            }

            var end = Array.FindIndex(lines, start + 1, l => l.StartsWith("## ", StringComparison.Ordinal));
            return string.Join("\n", lines.Skip(start).Take((end < 0 ? lines.Length : end) - start));
        }

        private static string RulePagePath(string id) => Path.Combine(RepositoryLayout.RulesDocsDirectory, id + ".md");

        private static void AssertNoProblems(List<string> problems)
        {
            Assert.True(
                problems.Count == 0,
                $"{problems.Count} documentation problem(s) (descriptors found: {(Descriptors.Count == 0 ? "none" : string.Join(", ", Descriptors.Select(d => d.Id)))}):{Environment.NewLine}- " +
                string.Join(Environment.NewLine + "- ", problems));
        }
    }
}
