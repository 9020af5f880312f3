using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace ClaudeCost.Analyzers.Tests.Verifiers;

/// <summary>Renders failure reports: expectation code for actual diagnostics and sources annotated with carets.</summary>
internal static class DiagnosticFormatter
{
    private const int FullFileLineLimit = 60;
    private const int ContextLines = 2;

    public static string FormatFailure(
        string stage,
        IReadOnlyList<DiagnosticResult> expected,
        IReadOnlyList<Diagnostic> actual,
        MatchReport report,
        IReadOnlyList<(string Name, string Text)> texts)
    {
        var sb = new StringBuilder();
        sb.Append("The diagnostics of the ").Append(stage).Append(" do not match: ")
            .Append(expected.Count).Append(" expected, ").Append(actual.Count).AppendLine(" actual.");

        if (report.Mismatched.Count > 0)
        {
            sb.AppendLine().AppendLine("Mismatched (paired by best match):");
            foreach (var (e, a, problems) in report.Mismatched)
            {
                sb.Append("  expected: ").AppendLine(e.ToString());
                sb.Append("  actual:   ").AppendLine(FormatAsCode(a));
                foreach (var problem in problems)
                {
                    sb.Append("    - ").AppendLine(problem);
                }
            }
        }

        if (report.Missing.Count > 0)
        {
            sb.AppendLine().AppendLine("Missing (expected, not reported):");
            foreach (var e in report.Missing)
            {
                sb.Append("  ").AppendLine(e.ToString());
            }
        }

        if (report.Unexpected.Count > 0)
        {
            sb.AppendLine().AppendLine("Unexpected (reported, not expected):");
            foreach (var a in report.Unexpected)
            {
                sb.Append("  ").AppendLine(FormatAsCode(a));
            }
        }

        sb.AppendLine().AppendLine("All actual diagnostics, as expectation code:");
        if (actual.Count == 0)
        {
            sb.AppendLine("    (none)");
        }

        foreach (var a in actual)
        {
            sb.Append("    ").Append(FormatAsCode(a)).AppendLine(",");
        }

        sb.AppendLine().AppendLine("Sources with the actual diagnostics:");
        sb.Append(Annotate(texts, actual));
        return sb.ToString();
    }

    /// <summary>Formats a diagnostic as ready-to-paste expectation code.</summary>
    public static string FormatAsCode(Diagnostic diagnostic)
    {
        var sb = new StringBuilder();
        sb.Append("Diagnostic(").Append(DiagnosticResult.CSharpLiteral(diagnostic.Id)).Append(')');
        if (diagnostic.Location.Kind == LocationKind.None)
        {
            sb.Append(".WithNoLocation()");
        }
        else
        {
            AppendSpan(sb, diagnostic.Location);
            foreach (var additional in diagnostic.AdditionalLocations)
            {
                if (additional.Kind != LocationKind.None)
                {
                    AppendSpan(sb, additional);
                }
            }
        }

        sb.Append(".WithMessage(").Append(DiagnosticResult.CSharpLiteral(diagnostic.GetMessage(CultureInfo.InvariantCulture))).Append(')');
        return sb.ToString();
    }

    private static void AppendSpan(StringBuilder sb, Location location)
    {
        var span = location.GetLineSpan();
        sb.Append(".WithSpan(").Append(DiagnosticResult.CSharpLiteral(TestRun.RelativePath(span.Path))).Append(", ")
            .Append(span.StartLinePosition.Line + 1).Append(", ").Append(span.StartLinePosition.Character + 1).Append(", ")
            .Append(span.EndLinePosition.Line + 1).Append(", ").Append(span.EndLinePosition.Character + 1).Append(')');
    }

    /// <summary>Renders every text with carets under the spans of the diagnostics located in it.</summary>
    public static string Annotate(IReadOnlyList<(string Name, string Text)> texts, IEnumerable<Diagnostic> diagnostics)
    {
        var sb = new StringBuilder();
        var remaining = diagnostics.ToList();
        foreach (var (name, text) in texts)
        {
            var inFile = remaining
                .Where(d => d.Location.Kind != LocationKind.None && TestRun.RelativePath(d.Location.GetLineSpan().Path) == name)
                .ToList();
            remaining.RemoveAll(inFile.Contains);
            if (inFile.Count == 0 && !name.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            sb.Append("  ").Append(name).AppendLine(inFile.Count == 0 ? ": (no diagnostics)" : ":");
            if (inFile.Count > 0)
            {
                AnnotateFile(sb, text, inFile);
            }
        }

        if (remaining.Count > 0)
        {
            sb.AppendLine("  Elsewhere:");
            foreach (var diagnostic in remaining)
            {
                sb.Append("    ").Append(TestRun.FormatLocation(diagnostic.Location)).Append(": ").Append(diagnostic.Id).Append(": ")
                    .AppendLine(diagnostic.GetMessage(CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    private static void AnnotateFile(StringBuilder sb, string text, List<Diagnostic> diagnostics)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var byLine = diagnostics
            .GroupBy(d => d.Location.GetLineSpan().StartLinePosition.Line)
            .ToDictionary(g => g.Key, g => g.ToList());
        var show = new bool[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            show[i] = lines.Length <= FullFileLineLimit;
        }

        foreach (var line in byLine.Keys)
        {
            for (var k = Math.Max(0, line - ContextLines); k <= Math.Min(lines.Length - 1, line + ContextLines); k++)
            {
                show[k] = true;
            }
        }

        var width = lines.Length.ToString(CultureInfo.InvariantCulture).Length;
        var gap = false;
        for (var i = 0; i < lines.Length; i++)
        {
            if (!show[i])
            {
                gap = true;
                continue;
            }

            if (gap)
            {
                sb.Append("    ").Append(new string(' ', width)).AppendLine(" ⋮");
                gap = false;
            }

            sb.Append("    ").Append((i + 1).ToString(CultureInfo.InvariantCulture).PadLeft(width)).Append(" | ").AppendLine(lines[i]);
            if (!byLine.TryGetValue(i, out var here))
            {
                continue;
            }

            foreach (var diagnostic in here)
            {
                var span = diagnostic.Location.GetLineSpan();
                var start = Math.Min(span.StartLinePosition.Character, lines[i].Length);
                var prefix = new StringBuilder();
                for (var c = 0; c < start; c++)
                {
                    prefix.Append(lines[i][c] == '\t' ? '\t' : ' ');
                }

                int length;
                var suffix = string.Empty;
                if (span.EndLinePosition.Line == span.StartLinePosition.Line)
                {
                    length = Math.Max(1, span.EndLinePosition.Character - span.StartLinePosition.Character);
                }
                else
                {
                    length = Math.Max(1, lines[i].Length - start);
                    suffix = $" (continues to line {span.EndLinePosition.Line + 1}, column {span.EndLinePosition.Character + 1})";
                }

                sb.Append("    ").Append(new string(' ', width)).Append(" | ").Append(prefix).Append('^', length)
                    .Append(' ').Append(diagnostic.Id).Append(": ").Append(diagnostic.GetMessage(CultureInfo.InvariantCulture)).AppendLine(suffix);
            }
        }
    }
}
