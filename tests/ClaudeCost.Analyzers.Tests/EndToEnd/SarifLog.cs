using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace ClaudeCost.Analyzers.Tests.EndToEnd
{
    /// <summary>One result of a SARIF 2.1 log written by the compiler (-p:ErrorLog=file%2Cversion=2.1).</summary>
    public sealed record SarifResult(string RuleId, string Level, string Uri, int Line, int Column, string Message)
    {
        public string FileName => Uri.Substring(Uri.LastIndexOf('/') + 1);

        /// <summary>"File.cs(line,col): RuleId", comparable across logs and with console findings.</summary>
        public string Position => string.Format(CultureInfo.InvariantCulture, "{0}({1},{2}): {3}", FileName, Line, Column, RuleId);
    }

    public static class SarifLog
    {
        /// <summary>The results that have a source location (results without one are skipped).</summary>
        public static List<SarifResult> Results(string path)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var results = new List<SarifResult>();
            foreach (var run in document.RootElement.GetProperty("runs").EnumerateArray())
            {
                foreach (var result in run.GetProperty("results").EnumerateArray())
                {
                    if (!result.TryGetProperty("locations", out var locations) || locations.GetArrayLength() == 0 ||
                        !locations[0].TryGetProperty("physicalLocation", out var physical) || !physical.TryGetProperty("region", out var region))
                    {
                        continue;
                    }

                    results.Add(new SarifResult(
                        result.GetProperty("ruleId").GetString() ?? string.Empty,
                        result.TryGetProperty("level", out var level) ? level.GetString() ?? "warning" : "warning",
                        physical.GetProperty("artifactLocation").GetProperty("uri").GetString() ?? string.Empty,
                        region.GetProperty("startLine").GetInt32(),
                        region.TryGetProperty("startColumn", out var column) ? column.GetInt32() : 1,
                        result.TryGetProperty("message", out var message) && message.TryGetProperty("text", out var text) ? text.GetString() ?? string.Empty : string.Empty));
                }
            }

            return results;
        }
    }
}
