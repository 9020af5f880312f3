using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace ClaudeCost.CodeFixes.Infrastructure
{
    /// <summary>
    /// Splits an interpolated string in two: the line (or, in a one-line string, the sentence) that holds a given
    /// interpolation, and the rest. Used to move a volatile value out of the cached prefix without losing text.
    /// </summary>
    internal static class InterpolatedSplit
    {
        public static bool TrySplit(InterpolatedStringExpressionSyntax text, SyntaxNode volatileNode, out ExpressionSyntax remainder, out ExpressionSyntax moved)
        {
            remainder = null!;
            moved = null!;
            var hole = volatileNode.AncestorsAndSelf().OfType<InterpolationSyntax>().FirstOrDefault(i => i.Parent == text);
            if (hole == null)
            {
                return false;
            }

            var source = text.ToString();
            var offset = text.SpanStart;
            var regionStart = text.StringStartToken.Span.End - offset;
            var regionEnd = text.StringEndToken.SpanStart - offset;
            var holes = text.Contents.OfType<InterpolationSyntax>().Select(i => TextSpan.FromBounds(i.SpanStart - offset, i.Span.End - offset)).ToList();
            var holeSpan = TextSpan.FromBounds(hole.SpanStart - offset, hole.Span.End - offset);
            var escapedNewlines = !IsVerbatimOrRaw(text);

            bool InHole(int position) => holes.Any(h => h.Contains(position));

            // Line mode: from after the previous line break to after the next one.
            var start = -1;
            for (var i = holeSpan.Start - 1; i >= regionStart; i--)
            {
                if (InHole(i))
                {
                    continue;
                }

                if (source[i] == '\n' && !escapedNewlines)
                {
                    start = i + 1;
                    break;
                }

                if (escapedNewlines && source[i] == 'n' && i > regionStart && source[i - 1] == '\\' && !InHole(i - 1))
                {
                    start = i + 1;
                    break;
                }
            }

            var end = -1;
            for (var i = holeSpan.End; i < regionEnd; i++)
            {
                if (InHole(i))
                {
                    continue;
                }

                if (!escapedNewlines && source[i] == '\n')
                {
                    end = i + 1;
                    break;
                }

                if (escapedNewlines && source[i] == '\\' && i + 1 < regionEnd && source[i + 1] == 'n')
                {
                    end = i + 2;
                    break;
                }
            }

            if (start < 0 && end < 0)
            {
                // One line: the sentence.
                start = regionStart;
                for (var i = holeSpan.Start - 1; i > regionStart; i--)
                {
                    if (!InHole(i) && source[i] == ' ' && IsSentenceEnd(source[i - 1]))
                    {
                        start = i + 1;
                        break;
                    }
                }

                end = regionEnd;
                for (var i = holeSpan.End; i < regionEnd - 1; i++)
                {
                    if (!InHole(i) && IsSentenceEnd(source[i]) && source[i + 1] == ' ')
                    {
                        end = i + 2;
                        break;
                    }
                }
            }
            else
            {
                start = start < 0 ? regionStart : start;
                end = end < 0 ? regionEnd : end;
            }

            if (start <= regionStart && end >= regionEnd)
            {
                return false;
            }

            var movedText = source.Substring(start, end - start);
            var remainderText = source.Substring(0, start) + source.Substring(end);
            movedText = TrimLine(movedText, escapedNewlines);
            if (movedText.Length == 0 || IsBlank(source.Substring(regionStart, start - regionStart) + source.Substring(end, regionEnd - end), escapedNewlines))
            {
                return false;
            }

            var startToken = text.StringStartToken.Text;
            string movedSource;
            if (text.StringStartToken.IsKind(SyntaxKind.InterpolatedMultiLineRawStringStartToken) || text.StringStartToken.IsKind(SyntaxKind.InterpolatedSingleLineRawStringStartToken))
            {
                var dollars = startToken.Count(c => c == '$');
                var quotes = Math.Max(3, startToken.Count(c => c == '"'));
                if (movedText.StartsWith("\"", StringComparison.Ordinal) || movedText.EndsWith("\"", StringComparison.Ordinal))
                {
                    return false;
                }

                movedSource = new string('$', dollars) + new string('"', quotes) + movedText + new string('"', quotes);
            }
            else
            {
                movedSource = startToken + movedText + "\"";
            }

            var parsedRemainder = SyntaxFactory.ParseExpression(remainderText);
            var parsedMoved = SyntaxFactory.ParseExpression(movedSource);
            if (parsedRemainder.ContainsDiagnostics || parsedMoved.ContainsDiagnostics || parsedRemainder.FullSpan.Length != remainderText.Length || parsedMoved.FullSpan.Length != movedSource.Length)
            {
                return false;
            }

            remainder = parsedRemainder;
            moved = parsedMoved;
            return true;
        }

        private static bool IsVerbatimOrRaw(InterpolatedStringExpressionSyntax text)
            => text.StringStartToken.Text.Contains("@") || text.StringStartToken.Text.Contains("\"\"\"");

        private static bool IsSentenceEnd(char c) => c == '.' || c == '!' || c == '?';

        private static string TrimLine(string text, bool escapedNewlines)
        {
            text = text.TrimStart(' ', '\t', '\r', '\n');
            while (true)
            {
                var before = text;
                text = text.TrimEnd(' ', '\t', '\r', '\n');
                if (escapedNewlines)
                {
                    if (text.EndsWith("\\n", StringComparison.Ordinal))
                    {
                        text = text.Substring(0, text.Length - 2);
                    }

                    if (text.EndsWith("\\r", StringComparison.Ordinal))
                    {
                        text = text.Substring(0, text.Length - 2);
                    }
                }

                if (text == before)
                {
                    return text;
                }
            }
        }

        private static bool IsBlank(string text, bool escapedNewlines)
        {
            if (escapedNewlines)
            {
                text = text.Replace("\\n", "").Replace("\\r", "").Replace("\\t", "");
            }

            return text.Trim().Length == 0;
        }
    }
}
