using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace ClaudeCost.Analyzers.Tests.Verifiers;

/// <summary>The result of pairing expected with actual diagnostics.</summary>
internal sealed class MatchReport
{
    public List<(DiagnosticResult Expected, Diagnostic Actual, IReadOnlyList<string> Problems)> Mismatched { get; } = new();

    public List<DiagnosticResult> Missing { get; } = new();

    public List<Diagnostic> Unexpected { get; } = new();

    public bool IsSuccess => Mismatched.Count == 0 && Missing.Count == 0 && Unexpected.Count == 0;
}

/// <summary>
/// Pairs expected and actual diagnostics by best match (location first, then ID, then message, then severity)
/// rather than by list position, so one missing diagnostic does not turn every later one into a mismatch.
/// </summary>
internal static class DiagnosticMatcher
{
    private const int LocationWeight = 8;
    private const int IdWeight = 4;
    private const int MessageWeight = 2;
    private const int OtherWeight = 1;
    private const int MinimumToPair = IdWeight;

    public static MatchReport Match(
        IReadOnlyList<DiagnosticResult> expected,
        IReadOnlyList<Diagnostic> actual,
        Func<DiagnosticLocation, Location, bool> locationMatches)
    {
        var scores = new int[expected.Count, actual.Count];
        var problems = new List<string>[expected.Count, actual.Count];
        for (var i = 0; i < expected.Count; i++)
        {
            for (var j = 0; j < actual.Count; j++)
            {
                (scores[i, j], problems[i, j]) = Evaluate(expected[i], actual[j], locationMatches);
            }
        }

        var expectedPaired = new bool[expected.Count];
        var actualPaired = new bool[actual.Count];
        var report = new MatchReport();
        while (true)
        {
            int best = -1, bestI = -1, bestJ = -1;
            for (var i = 0; i < expected.Count; i++)
            {
                if (expectedPaired[i])
                {
                    continue;
                }

                for (var j = 0; j < actual.Count; j++)
                {
                    if (!actualPaired[j] && scores[i, j] >= MinimumToPair && scores[i, j] > best)
                    {
                        (best, bestI, bestJ) = (scores[i, j], i, j);
                    }
                }
            }

            if (best < 0)
            {
                break;
            }

            expectedPaired[bestI] = true;
            actualPaired[bestJ] = true;
            if (problems[bestI, bestJ].Count > 0)
            {
                report.Mismatched.Add((expected[bestI], actual[bestJ], problems[bestI, bestJ]));
            }
        }

        report.Missing.AddRange(expected.Where((_, i) => !expectedPaired[i]));
        report.Unexpected.AddRange(actual.Where((_, j) => !actualPaired[j]));
        return report;
    }

    private static (int Score, List<string> Problems) Evaluate(
        DiagnosticResult expected,
        Diagnostic actual,
        Func<DiagnosticLocation, Location, bool> locationMatches)
    {
        var problems = new List<string>();

        bool locationOk;
        if (expected.Locations.IsEmpty)
        {
            locationOk = actual.Location.Kind == LocationKind.None;
            if (!locationOk)
            {
                problems.Add($"location: expected no location (Location.None), actual {TestRun.FormatLocation(actual.Location)}");
            }
        }
        else
        {
            locationOk = locationMatches(expected.Locations[0], actual.Location);
            if (!locationOk)
            {
                problems.Add($"location: expected {expected.Locations[0]}, actual {TestRun.FormatLocation(actual.Location)}");
            }
        }

        var idOk = string.Equals(expected.Id, actual.Id, StringComparison.Ordinal);
        if (!idOk)
        {
            problems.Add($"ID: expected {expected.Id}, actual {actual.Id}");
        }

        var message = actual.GetMessage(CultureInfo.InvariantCulture);
        var messageOk = true;
        if (expected.Message is not null && !string.Equals(expected.Message, message, StringComparison.Ordinal))
        {
            messageOk = false;
            problems.Add($"message: expected {DiagnosticResult.CSharpLiteral(expected.Message)}, actual {DiagnosticResult.CSharpLiteral(message)}");
        }

        if (expected.MessageContains is not null && !message.Contains(expected.MessageContains, StringComparison.Ordinal))
        {
            messageOk = false;
            problems.Add($"message: expected to contain {DiagnosticResult.CSharpLiteral(expected.MessageContains)}, actual {DiagnosticResult.CSharpLiteral(message)}");
        }

        if (expected.MessageArguments is not null)
        {
            var format = actual.Descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture);
            string formatted;
            try
            {
                formatted = string.Format(CultureInfo.InvariantCulture, format, expected.MessageArguments);
            }
            catch (FormatException)
            {
                formatted = "<the arguments do not fit the message format>";
            }

            if (!string.Equals(formatted, message, StringComparison.Ordinal))
            {
                messageOk = false;
                problems.Add($"message arguments: format {DiagnosticResult.CSharpLiteral(format)} with the expected arguments gives {DiagnosticResult.CSharpLiteral(formatted)}, actual message {DiagnosticResult.CSharpLiteral(message)}");
            }
        }

        var otherOk = true;
        if (expected.Severity is DiagnosticSeverity severity && severity != actual.Severity)
        {
            otherOk = false;
            problems.Add($"severity: expected {severity}, actual {actual.Severity}");
        }

        if (!expected.IsFromMarkup && expected.Locations.Length > 1)
        {
            var additional = actual.AdditionalLocations;
            if (additional.Count != expected.Locations.Length - 1)
            {
                otherOk = false;
                problems.Add($"additional locations: expected {expected.Locations.Length - 1}, actual {additional.Count}");
            }
            else
            {
                for (var k = 1; k < expected.Locations.Length; k++)
                {
                    if (!locationMatches(expected.Locations[k], additional[k - 1]))
                    {
                        otherOk = false;
                        problems.Add($"additional location {k}: expected {expected.Locations[k]}, actual {TestRun.FormatLocation(additional[k - 1])}");
                    }
                }
            }
        }

        var score = (locationOk ? LocationWeight : 0) + (idOk ? IdWeight : 0) + (messageOk ? MessageWeight : 0) + (otherOk ? OtherWeight : 0);
        return (score, problems);
    }
}
