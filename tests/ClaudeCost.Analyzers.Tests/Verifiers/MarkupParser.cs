using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace ClaudeCost.Analyzers.Tests.Verifiers;

/// <summary>What a markup span stands for.</summary>
public enum MarkupSpanKind
{
    /// <summary><c>[|…|]</c>: a diagnostic of the single descriptor of the analyzers under test.</summary>
    Default,

    /// <summary><c>{|ID:…|}</c>: a diagnostic with the given ID (an ID no analyzer supports is a compiler diagnostic).</summary>
    Diagnostic,

    /// <summary><c>{|#N:…|}</c> (or closed by <c>|#N}</c>): an indexed location referenced by <c>WithLocation(N)</c>.</summary>
    Location,
}

/// <summary>One span found in markup, expressed against the stripped text.</summary>
public readonly record struct MarkupSpan(MarkupSpanKind Kind, string? Id, int Index, TextSpan Span);

/// <summary>The stripped text and the spans of a markup string.</summary>
public sealed class MarkupResult
{
    internal MarkupResult(string text, ImmutableArray<MarkupSpan> spans)
    {
        Text = text;
        Spans = spans;
    }

    /// <summary>The source with all markup removed.</summary>
    public string Text { get; }

    /// <summary>All spans, ordered by start then by end (descending) so outer spans come first.</summary>
    public ImmutableArray<MarkupSpan> Spans { get; }
}

/// <summary>
/// Parses the markup of the official testing library: <c>[|…|]</c>, <c>{|ID:…|}</c>, <c>{|#N:…|}</c>, nesting, and the
/// numbered end tag <c>|#N}</c> (which closes the open <c>{|#N:</c> even when other spans were opened after it).
/// </summary>
public static class MarkupParser
{
    private readonly struct OpenTag
    {
        public OpenTag(MarkupSpanKind kind, string? id, int index, int textStart, int markupOffset)
        {
            Kind = kind;
            Id = id;
            Index = index;
            TextStart = textStart;
            MarkupOffset = markupOffset;
        }

        public MarkupSpanKind Kind { get; }
        public string? Id { get; }
        public int Index { get; }
        public int TextStart { get; }
        public int MarkupOffset { get; }
    }

    /// <summary>Parses <paramref name="markup"/>; throws <see cref="MarkupException"/> when malformed.</summary>
    public static MarkupResult Parse(string markup)
    {
        var text = new StringBuilder(markup.Length);
        var defaultOpen = new Stack<OpenTag>();
        var namedOpen = new List<OpenTag>();
        var spans = new List<MarkupSpan>();
        var indices = new HashSet<int>();

        var i = 0;
        while (i < markup.Length)
        {
            var c = markup[i];
            var next = i + 1 < markup.Length ? markup[i + 1] : '\0';

            if (c == '[' && next == '|')
            {
                defaultOpen.Push(new OpenTag(MarkupSpanKind.Default, null, -1, text.Length, i));
                i += 2;
                continue;
            }

            if (c == '|' && next == ']')
            {
                if (defaultOpen.Count == 0)
                {
                    throw Error(markup, i, "'|]' has no matching '[|'");
                }

                var open = defaultOpen.Pop();
                spans.Add(new MarkupSpan(MarkupSpanKind.Default, null, -1, TextSpan.FromBounds(open.TextStart, text.Length)));
                i += 2;
                continue;
            }

            if (c == '{' && next == '|')
            {
                var colon = markup.IndexOf(':', i + 2);
                if (colon < 0)
                {
                    throw Error(markup, i, "'{|' must be followed by 'ID:' or '#N:'");
                }

                var name = markup.Substring(i + 2, colon - (i + 2));
                if (name.Length > 1 && name[0] == '#' && name.Skip(1).All(char.IsDigit))
                {
                    var index = int.Parse(name.Substring(1), CultureInfo.InvariantCulture);
                    if (!indices.Add(index))
                    {
                        throw Error(markup, i, $"location index #{index} is used more than once");
                    }

                    namedOpen.Add(new OpenTag(MarkupSpanKind.Location, null, index, text.Length, i));
                }
                else if (name.Length > 0 && name.All(ch => char.IsLetterOrDigit(ch) || ch == '_'))
                {
                    namedOpen.Add(new OpenTag(MarkupSpanKind.Diagnostic, name, -1, text.Length, i));
                }
                else
                {
                    throw Error(markup, i, $"'{{|{Shorten(name)}:' is not a diagnostic ID or a location index '#N'");
                }

                i = colon + 1;
                continue;
            }

            if (c == '|' && next == '}')
            {
                if (namedOpen.Count == 0)
                {
                    throw Error(markup, i, "'|}' has no matching '{|'");
                }

                var open = namedOpen[namedOpen.Count - 1];
                namedOpen.RemoveAt(namedOpen.Count - 1);
                spans.Add(new MarkupSpan(open.Kind, open.Id, open.Index, TextSpan.FromBounds(open.TextStart, text.Length)));
                i += 2;
                continue;
            }

            if (c == '|' && next == '#' && TryReadNumberedEnd(markup, i, out var endIndex, out var endLength))
            {
                var position = namedOpen.FindLastIndex(t => t.Kind == MarkupSpanKind.Location && t.Index == endIndex);
                if (position < 0)
                {
                    throw Error(markup, i, $"'|#{endIndex}}}' has no matching '{{|#{endIndex}:'");
                }

                var open = namedOpen[position];
                namedOpen.RemoveAt(position);
                spans.Add(new MarkupSpan(open.Kind, open.Id, open.Index, TextSpan.FromBounds(open.TextStart, text.Length)));
                i += endLength;
                continue;
            }

            text.Append(c);
            i++;
        }

        if (defaultOpen.Count > 0)
        {
            throw Error(markup, defaultOpen.Peek().MarkupOffset, "'[|' is never closed by '|]'");
        }

        if (namedOpen.Count > 0)
        {
            throw Error(markup, namedOpen[namedOpen.Count - 1].MarkupOffset, "'{|' is never closed by '|}'");
        }

        var ordered = spans
            .OrderBy(s => s.Span.Start)
            .ThenByDescending(s => s.Span.End)
            .ToImmutableArray();
        return new MarkupResult(text.ToString(), ordered);
    }

    /// <summary>Removes markup and returns only the text.</summary>
    public static string Strip(string markup) => Parse(markup).Text;

    private static bool TryReadNumberedEnd(string markup, int start, out int index, out int length)
    {
        index = 0;
        length = 0;
        var j = start + 2;
        var digitsStart = j;
        while (j < markup.Length && char.IsDigit(markup[j]))
        {
            j++;
        }

        if (j == digitsStart || j >= markup.Length || markup[j] != '}')
        {
            return false;
        }

        index = int.Parse(markup.Substring(digitsStart, j - digitsStart), CultureInfo.InvariantCulture);
        length = j + 1 - start;
        return true;
    }

    private static string Shorten(string s) => s.Length <= 30 ? s : s.Substring(0, 30) + "…";

    private static MarkupException Error(string markup, int offset, string message)
    {
        var line = 1;
        var column = 1;
        for (var k = 0; k < offset && k < markup.Length; k++)
        {
            if (markup[k] == '\n')
            {
                line++;
                column = 1;
            }
            else if (markup[k] != '\r')
            {
                column++;
            }
        }

        return new MarkupException("Malformed test markup: " + message, offset, line, column);
    }
}
