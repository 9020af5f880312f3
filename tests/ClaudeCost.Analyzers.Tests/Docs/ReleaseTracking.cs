using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ClaudeCost.Analyzers.Tests.EndToEnd;

namespace ClaudeCost.Analyzers.Tests.Docs
{
    /// <summary>
    /// One row of src/ClaudeCost.Analyzers/AnalyzerReleases.{Shipped,Unshipped}.md, the files Roslyn's release-tracking
    /// analyzers (RS2000–RS2008) check against the descriptors at build time.
    /// </summary>
    /// <param name="File">"AnalyzerReleases.Shipped.md" or "AnalyzerReleases.Unshipped.md".</param>
    /// <param name="Release">The "## Release X" a shipped row sits under; null for unshipped rows.</param>
    /// <param name="Section">"New Rules", "Changed Rules" or "Removed Rules".</param>
    /// <param name="Category">The (new) category.</param>
    /// <param name="Severity">The (new) default severity: Hidden, Info, Warning, Error or Disabled.</param>
    public sealed record ReleaseEntry(string File, string? Release, string Section, string Id, string Category, string Severity);

    public static class ReleaseTracking
    {
        public const string ShippedFile = "AnalyzerReleases.Shipped.md";
        public const string UnshippedFile = "AnalyzerReleases.Unshipped.md";

        private static readonly Regex IdPattern = new Regex(@"^CC\d{4}$", RegexOptions.CultureInvariant);

        /// <summary>The rows of both files, shipped first, in file order; missing files are reported in <paramref name="problems"/>.</summary>
        public static List<ReleaseEntry> Read(List<string> problems)
        {
            var entries = new List<ReleaseEntry>();
            foreach (var name in new[] { ShippedFile, UnshippedFile })
            {
                var path = Path.Combine(RepositoryLayout.AnalyzerProjectDirectory, name);
                if (!File.Exists(path))
                {
                    problems.Add($"src/ClaudeCost.Analyzers/{name} is missing.");
                    continue;
                }

                entries.AddRange(Parse(name, File.ReadAllText(path)));
            }

            return entries;
        }

        public static IEnumerable<ReleaseEntry> Parse(string file, string text)
        {
            string? release = null;
            string? section = null;
            foreach (var raw in Markdown.Lines(text))
            {
                var line = raw.Trim();
                if (line.StartsWith("## ", StringComparison.Ordinal))
                {
                    var heading = line.Substring(3).Trim();
                    release = heading.StartsWith("Release ", StringComparison.Ordinal) ? heading.Substring("Release ".Length).Trim() : heading;
                    section = null;
                    continue;
                }

                if (line.StartsWith("###", StringComparison.Ordinal))
                {
                    section = line.TrimStart('#').Trim();
                    continue;
                }

                if (section == null || line.StartsWith(";", StringComparison.Ordinal) || !line.Contains('|'))
                {
                    continue;
                }

                var cells = Markdown.SplitRow(line);
                if (cells.Length >= 3 && IdPattern.IsMatch(cells[0]))
                {
                    // New Rules: ID | Category | Severity | Notes; Changed Rules: ID | New Category | New Severity | Old …;
                    // Removed Rules: ID | Category | Severity | Notes.
                    yield return new ReleaseEntry(file, file == ShippedFile ? release : null, section, cells[0], cells[1], cells[2]);
                }
            }
        }
    }
}
