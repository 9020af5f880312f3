using System;
using System.Collections.Generic;
using System.Text;

namespace ClaudeCost.Analyzers.Tests.Verifiers;

/// <summary>A small line diff (longest common subsequence) rendered in a unified-like format.</summary>
internal static class LineDiff
{
    public static string Render(string expected, string actual, int context = 2)
    {
        var a = Split(expected);
        var b = Split(actual);
        if (a.Length * (long)b.Length > 4_000_000)
        {
            return "(texts too large to diff)";
        }

        // lcs[i, j] = length of the LCS of a[i..] and b[j..]
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var ops = new List<(char Kind, string Line, int ExpectedLine, int ActualLine)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                ops.Add((' ', a[x], x + 1, y + 1));
                x++;
                y++;
            }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                ops.Add(('+', b[y], x + 1, y + 1));
                y++;
            }
            else
            {
                ops.Add(('-', a[x], x + 1, y + 1));
                x++;
            }
        }

        var show = new bool[ops.Count];
        for (var k = 0; k < ops.Count; k++)
        {
            if (ops[k].Kind != ' ')
            {
                for (var c = Math.Max(0, k - context); c <= Math.Min(ops.Count - 1, k + context); c++)
                {
                    show[c] = true;
                }
            }
        }

        var sb = new StringBuilder();
        sb.AppendLine("--- expected");
        sb.AppendLine("+++ actual");
        var gap = false;
        for (var k = 0; k < ops.Count; k++)
        {
            if (!show[k])
            {
                gap = true;
                continue;
            }

            if (gap || k == 0)
            {
                sb.Append("@@ expected line ").Append(ops[k].ExpectedLine).Append(", actual line ").Append(ops[k].ActualLine).AppendLine(" @@");
                gap = false;
            }

            sb.Append(ops[k].Kind).Append(' ').AppendLine(Visible(ops[k].Line));
        }

        return sb.ToString();
    }

    private static string[] Split(string text) => text.Replace("\r\n", "\n").Split('\n');

    // Make trailing whitespace visible, since it is a frequent cause of mismatches.
    private static string Visible(string line)
    {
        var trimmed = line.TrimEnd(' ', '\t');
        return trimmed.Length == line.Length ? line : trimmed + line.Substring(trimmed.Length).Replace(' ', '·').Replace('\t', '→');
    }
}
