using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace ClaudeCost.Analyzers.Tests.EndToEnd
{
    /// <summary>One compiler/analyzer diagnostic as printed by MSBuild's console logger.</summary>
    public sealed record BuildDiagnostic(string File, int Line, int Column, string Severity, string Id, string Message)
    {
        /// <summary>The "[…]" the console logger appends: the project, with "::TargetFramework=…" in a multi-targeting build.</summary>
        public string Project { get; init; } = string.Empty;

        /// <summary>The inner build's target framework ("net8.0"), or "" when the build does not multi-target.</summary>
        public string TargetFramework
        {
            get
            {
                const string Marker = "::TargetFramework=";
                var index = Project.IndexOf(Marker, StringComparison.Ordinal);
                return index < 0 ? string.Empty : Project.Substring(index + Marker.Length).Split(';', ':')[0].Trim();
            }
        }

        public string FileName => Path.GetFileName(File);

        /// <summary>"Program.cs(12,5): error CC0001".</summary>
        public string Position => string.Format(CultureInfo.InvariantCulture, "{0}({1},{2}): {3} {4}", FileName, Line, Column, Severity, Id);

        public override string ToString() => Position + ": " + Message;
    }

    /// <summary>Reads diagnostics from classic console-logger output (`-tl:off`), without the duplicates of the summary.</summary>
    public static class BuildDiagnostics
    {
        // path(line,col[,endLine,endCol]): severity ID: message [project]
        private static readonly Regex DiagnosticLine = new Regex(
            @"^\s*(?<file>[^\s].*?)\((?<line>\d+),(?<col>\d+)(?:,\d+,\d+)?\):\s+(?<severity>error|warning|info)\s+(?<id>[A-Za-z]+\d+):\s*(?<message>.*?)(?:\s+\[(?<project>[^\]]+)\])?\s*$",
            RegexOptions.Compiled | RegexOptions.CultureInvariant);

        // A diagnostic without a source position, e.g. "CSC : warning CS8032: …" or "…/App.csproj : error NU1101: …"
        private static readonly Regex UnpositionedLine = new Regex(
            @"^\s*(?<file>[^\s(]*?)\s*:\s+(?<severity>error|warning)\s+(?<id>[A-Za-z]+\d+):\s*(?<message>.*?)(?:\s+\[(?<project>[^\]]+)\])?\s*$",
            RegexOptions.Compiled | RegexOptions.CultureInvariant);

        public static IReadOnlyList<BuildDiagnostic> Parse(string output)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var result = new List<BuildDiagnostic>();
            foreach (var rawLine in output.Split('\n'))
            {
                var line = rawLine.TrimEnd('\r');
                BuildDiagnostic? diagnostic = null;
                var match = DiagnosticLine.Match(line);
                if (match.Success)
                {
                    diagnostic = new BuildDiagnostic(
                        match.Groups["file"].Value.Trim(),
                        int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture),
                        int.Parse(match.Groups["col"].Value, CultureInfo.InvariantCulture),
                        match.Groups["severity"].Value,
                        match.Groups["id"].Value,
                        match.Groups["message"].Value)
                    {
                        Project = match.Groups["project"].Value,
                    };
                }
                else
                {
                    match = UnpositionedLine.Match(line);
                    if (match.Success)
                    {
                        diagnostic = new BuildDiagnostic(match.Groups["file"].Value.Trim(), 0, 0, match.Groups["severity"].Value, match.Groups["id"].Value, match.Groups["message"].Value)
                        {
                            Project = match.Groups["project"].Value,
                        };
                    }
                }

                // The summary repeats every line; the same line from another target framework's build is another diagnostic.
                if (diagnostic != null && seen.Add(diagnostic + " [" + diagnostic.Project + "]"))
                {
                    result.Add(diagnostic);
                }
            }

            return result;
        }

        /// <summary>1-based (line, column) of the first occurrence of <paramref name="needle"/> in <paramref name="text"/>, as the compiler prints it.</summary>
        public static (int Line, int Column) PositionOf(string text, string needle)
        {
            var index = text.IndexOf(needle, StringComparison.Ordinal);
            if (index < 0)
            {
                throw new ArgumentException($"'{needle}' does not occur in the text.", nameof(needle));
            }

            if (text.IndexOf(needle, index + 1, StringComparison.Ordinal) >= 0)
            {
                throw new ArgumentException($"'{needle}' occurs more than once; use a unique anchor.", nameof(needle));
            }

            var line = 1;
            var lineStart = 0;
            for (var i = 0; i < index; i++)
            {
                if (text[i] == '\n')
                {
                    line++;
                    lineStart = i + 1;
                }
            }

            return (line, index - lineStart + 1);
        }
    }
}
