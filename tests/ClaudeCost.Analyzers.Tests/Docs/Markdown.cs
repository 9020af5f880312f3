using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace ClaudeCost.Analyzers.Tests.Docs
{
    /// <summary>The little Markdown the docs tests need: headings, pipe tables, marked regions, links.</summary>
    public static class Markdown
    {
        public const string RulesBegin = "<!-- rules:begin -->";
        public const string RulesEnd = "<!-- rules:end -->";

        private static readonly Regex Link = new Regex(@"^\[(?<text>[^\]]*)\]\((?<target>[^)\s]*)\)$", RegexOptions.CultureInvariant);

        public static string[] Lines(string text) => text.Replace("\r\n", "\n").Split('\n');

        /// <summary>Lines outside fenced code blocks (``` … ```), with their 0-based index.</summary>
        public static IEnumerable<(int Index, string Line)> ProseLines(string text)
        {
            var inFence = false;
            var lines = Lines(text);
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal))
                {
                    inFence = !inFence;
                    continue;
                }

                if (!inFence)
                {
                    yield return (i, lines[i]);
                }
            }
        }

        /// <summary>The text of every heading of the given level ("## Why" → "Why"), in order, fenced code excluded.</summary>
        public static List<string> Headings(string text, int level)
        {
            var prefix = new string('#', level) + " ";
            return ProseLines(text).Select(l => l.Line).Where(l => l.StartsWith(prefix, StringComparison.Ordinal)).Select(l => l.Substring(prefix.Length).Trim()).ToList();
        }

        /// <summary>The text between two marker lines, or null when a marker is missing or out of order.</summary>
        public static string? Region(string text, string begin, string end)
        {
            var start = text.IndexOf(begin, StringComparison.Ordinal);
            var stop = text.IndexOf(end, StringComparison.Ordinal);
            if (start < 0 || stop < start || text.IndexOf(begin, start + begin.Length, StringComparison.Ordinal) >= 0)
            {
                return null;
            }

            return text.Substring(start + begin.Length, stop - start - begin.Length);
        }

        /// <summary>The cells of every data row of the pipe tables in <paramref name="text"/> (header and separator rows and fenced code skipped).</summary>
        public static List<string[]> TableRows(string text)
        {
            var rows = new List<string[]>();
            var previousWasTable = false;
            foreach (var (_, raw) in ProseLines(text))
            {
                var line = raw.Trim();
                if (!line.StartsWith("|", StringComparison.Ordinal))
                {
                    previousWasTable = false;
                    continue;
                }

                var cells = SplitRow(line);
                var isSeparator = cells.All(c => c.Length > 0 && c.All(ch => ch == '-' || ch == ':'));
                if (!previousWasTable || isSeparator)
                {
                    // The first row of a table is its header.
                    previousWasTable = true;
                    continue;
                }

                rows.Add(cells);
            }

            return rows;
        }

        /// <summary>Splits "| a | b |" into ["a", "b"]; "\|" stays inside a cell.</summary>
        public static string[] SplitRow(string line)
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith("|", StringComparison.Ordinal))
            {
                trimmed = trimmed.Substring(1);
            }

            if (trimmed.EndsWith("|", StringComparison.Ordinal) && !trimmed.EndsWith("\\|", StringComparison.Ordinal))
            {
                trimmed = trimmed.Substring(0, trimmed.Length - 1);
            }

            var cells = new List<string>();
            var current = new System.Text.StringBuilder();
            for (var i = 0; i < trimmed.Length; i++)
            {
                if (trimmed[i] == '\\' && i + 1 < trimmed.Length && trimmed[i + 1] == '|')
                {
                    current.Append('|');
                    i++;
                }
                else if (trimmed[i] == '|')
                {
                    cells.Add(current.ToString().Trim());
                    current.Clear();
                }
                else
                {
                    current.Append(trimmed[i]);
                }
            }

            cells.Add(current.ToString().Trim());
            return cells.ToArray();
        }

        /// <summary>"[CC0001](docs/rules/CC0001.md)" → ("CC0001", "docs/rules/CC0001.md"); null when the cell is not one link.</summary>
        public static (string Text, string Target)? ParseLink(string cell)
        {
            var match = Link.Match(cell.Trim());
            return match.Success ? (match.Groups["text"].Value, match.Groups["target"].Value) : null;
        }

        /// <summary>Inline code spans stripped of their backticks, for comparing cells like "`Warning`".</summary>
        public static string Plain(string cell) => cell.Replace("`", string.Empty).Trim();
    }
}
