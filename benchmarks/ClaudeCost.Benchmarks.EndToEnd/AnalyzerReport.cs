using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace ClaudeCost.Benchmarks.EndToEnd
{
    /// <summary>One analyzer type's line in the compiler's analyzer report.</summary>
    public sealed record AnalyzerTime(string Assembly, string Type, string Ids, double Seconds, bool BelowResolution);

    /// <summary>What one clean build's detailed log says: Csc time, the analyzer report, the warnings.</summary>
    public sealed class BuildReport
    {
        /// <summary>The compiler prints times below its 1 ms resolution as "&lt;0.001"; they count as half a millisecond.</summary>
        public const double BelowResolutionSeconds = 0.0005;

        public double CscMilliseconds { get; private set; }

        /// <summary>How busy the CPUs were (0..1) just before the build started: other work on the machine.</summary>
        public double OtherLoadBeforeRun { get; set; }

        public double TotalAnalyzerSeconds { get; private set; }

        /// <summary>The Csc task's own word on where it compiled: "server" (compiler server) or "tool" (in process).</summary>
        public string CompiledBy { get; private set; } = "unknown";

        public Dictionary<string, double> AssemblySeconds { get; } = new(StringComparer.Ordinal);

        public List<AnalyzerTime> Analyzers { get; } = new();

        /// <summary>Distinct warnings by ID (the log repeats each warning in its summary).</summary>
        public Dictionary<string, int> WarningsById { get; } = new(StringComparer.Ordinal);

        public static BuildReport Parse(string logPath)
        {
            var report = new BuildReport();
            var seenWarnings = new HashSet<string>(StringComparer.Ordinal);
            var inAnalyzerReport = false;
            var inPerformanceSummary = false;
            string? assembly = null;
            foreach (var rawLine in File.ReadLines(logPath))
            {
                var line = rawLine.Trim();
                var warning = WarningLine.Match(rawLine);
                if (warning.Success && seenWarnings.Add(NodePrefix.Replace(warning.Groups["location"].Value.Trim(), string.Empty) + "|" + warning.Groups["id"].Value))
                {
                    var id = warning.Groups["id"].Value;
                    report.WarningsById[id] = report.WarningsById.GetValueOrDefault(id) + 1;
                }

                if (line.StartsWith("CompilerServer: server", StringComparison.Ordinal))
                {
                    report.CompiledBy = "server";
                }
                else if (line.StartsWith("CompilerServer: tool", StringComparison.Ordinal))
                {
                    report.CompiledBy = "tool";
                }

                if (line.StartsWith("Total analyzer execution time:", StringComparison.Ordinal))
                {
                    if (report.TotalAnalyzerSeconds > 0)
                    {
                        throw new InvalidDataException($"{logPath}: more than one analyzer report (more than one compilation?)");
                    }

                    report.TotalAnalyzerSeconds = ParseSeconds(line.Substring("Total analyzer execution time:".Length).Replace("seconds.", string.Empty, StringComparison.Ordinal).Trim());
                    inAnalyzerReport = true;
                    continue;
                }

                if (inAnalyzerReport)
                {
                    if (line.StartsWith("Total generator execution time:", StringComparison.Ordinal) || line.StartsWith("Done executing task", StringComparison.Ordinal))
                    {
                        inAnalyzerReport = false;
                        continue;
                    }

                    var row = ReportRow.Match(line);
                    if (!row.Success)
                    {
                        continue;
                    }

                    var time = row.Groups["time"].Value;
                    var below = time.StartsWith('<');
                    var seconds = below ? BelowResolutionSeconds : ParseSeconds(time);
                    var name = row.Groups["name"].Value;
                    if (name.Contains(", Version=", StringComparison.Ordinal))
                    {
                        assembly = name.Substring(0, name.IndexOf(',', StringComparison.Ordinal));
                        report.AssemblySeconds[assembly] = seconds;
                    }
                    else if (assembly != null)
                    {
                        var open = name.LastIndexOf(" (", StringComparison.Ordinal);
                        var type = open > 0 ? name.Substring(0, open) : name;
                        var ids = open > 0 ? name.Substring(open + 2).TrimEnd(')') : string.Empty;
                        report.Analyzers.Add(new AnalyzerTime(assembly, type, ids, seconds, below));
                    }

                    continue;
                }

                if (line.StartsWith("Task Performance Summary:", StringComparison.Ordinal))
                {
                    inPerformanceSummary = true;
                    continue;
                }

                if (inPerformanceSummary)
                {
                    var csc = CscLine.Match(line);
                    if (csc.Success)
                    {
                        report.CscMilliseconds = double.Parse(csc.Groups["ms"].Value, CultureInfo.InvariantCulture);
                        inPerformanceSummary = false;
                    }
                }
            }

            if (report.CscMilliseconds <= 0)
            {
                throw new InvalidDataException($"{logPath}: no Csc line in the task performance summary (was the build incremental, or did it fail?)");
            }

            if (report.TotalAnalyzerSeconds <= 0 || report.Analyzers.Count == 0)
            {
                throw new InvalidDataException($"{logPath}: no analyzer report (ReportAnalyzer=true and detailed verbosity are needed)");
            }

            return report;
        }

        private static double ParseSeconds(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

        private static readonly Regex ReportRow = new(@"^(?<time><?\d+(\.\d+)?)\s+(?<pct><?\d+)\s+(?<name>\S.*)$", RegexOptions.CultureInvariant);

        private static readonly Regex CscLine = new(@"^(?<ms>\d+)\s+ms\s+Csc\s+\d+\s+calls", RegexOptions.CultureInvariant);

        private static readonly Regex NodePrefix = new(@"^\d+>", RegexOptions.CultureInvariant);

        private static readonly Regex WarningLine = new(@"^(?<location>.*?):\s+warning\s+(?<id>[A-Z]+\d+):", RegexOptions.CultureInvariant);
    }
}
