using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace ClaudeCost.Analyzers.Knowledge
{
    /// <summary>The kind of a <see cref="JsonValue"/>.</summary>
    internal enum JsonKind
    {
        Null = 0,
        False,
        True,
        Number,
        String,
        Array,
        Object,
    }

    /// <summary>A position in a JSON text: zero-based line and column (UTF-16 code units), and the absolute offset.</summary>
    internal readonly struct JsonPosition
    {
        public JsonPosition(int line, int column, int offset)
        {
            Line = line;
            Column = column;
            Offset = offset;
        }

        public int Line { get; }

        public int Column { get; }

        public int Offset { get; }
    }

    /// <summary>A parsed JSON value with the position where it starts and the length of its text.</summary>
    internal sealed class JsonValue
    {
        private JsonValue(JsonKind kind, JsonPosition start, int length, string? text, ImmutableArray<JsonValue> items, ImmutableArray<JsonMember> members)
        {
            Kind = kind;
            Start = start;
            Length = length;
            Text = text;
            Items = items;
            Members = members;
        }

        public JsonKind Kind { get; }

        public JsonPosition Start { get; }

        /// <summary>Length of the value's text (for a string: including the quotes).</summary>
        public int Length { get; }

        /// <summary>The decoded string for <see cref="JsonKind.String"/>, the literal text for <see cref="JsonKind.Number"/>, else null.</summary>
        public string? Text { get; }

        /// <summary>Items of an array (empty otherwise).</summary>
        public ImmutableArray<JsonValue> Items { get; }

        /// <summary>Members of an object in text order, duplicates included (empty otherwise).</summary>
        public ImmutableArray<JsonMember> Members { get; }

        public bool IsNull => Kind == JsonKind.Null;

        /// <summary>A name for the kind, for error messages ("a string", "an object", ...).</summary>
        public string KindName => DescribeKind(Kind);

        public static string DescribeKind(JsonKind kind)
        {
            switch (kind)
            {
                case JsonKind.Null: return "null";
                case JsonKind.False:
                case JsonKind.True: return "a boolean";
                case JsonKind.Number: return "a number";
                case JsonKind.String: return "a string";
                case JsonKind.Array: return "an array";
                default: return "an object";
            }
        }

        /// <summary>The last member with this exact name, or null.</summary>
        public JsonMember? Find(string name)
        {
            for (var i = Members.Length - 1; i >= 0; i--)
            {
                if (string.Equals(Members[i].Name, name, System.StringComparison.Ordinal))
                {
                    return Members[i];
                }
            }

            return null;
        }

        /// <summary>Reads a number exactly as a decimal (no binary floating point). False for non-numbers and out-of-range numbers.</summary>
        public bool TryGetDecimal(out decimal value)
        {
            value = 0;
            return Kind == JsonKind.Number
                && decimal.TryParse(Text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value);
        }

        /// <summary>Reads a number that is a whole value in the Int32 range (e.g. 1024 or 1024.0).</summary>
        public bool TryGetInt32(out int value)
        {
            value = 0;
            if (!TryGetDecimal(out var d) || d != decimal.Truncate(d) || d < int.MinValue || d > int.MaxValue)
            {
                return false;
            }

            value = (int)d;
            return true;
        }

        internal static JsonValue Scalar(JsonKind kind, JsonPosition start, int length, string? text) =>
            new JsonValue(kind, start, length, text, ImmutableArray<JsonValue>.Empty, ImmutableArray<JsonMember>.Empty);

        internal static JsonValue Array(JsonPosition start, int length, ImmutableArray<JsonValue> items) =>
            new JsonValue(JsonKind.Array, start, length, null, items, ImmutableArray<JsonMember>.Empty);

        internal static JsonValue Object(JsonPosition start, int length, ImmutableArray<JsonMember> members) =>
            new JsonValue(JsonKind.Object, start, length, null, ImmutableArray<JsonValue>.Empty, members);
    }

    /// <summary>A name/value pair of a JSON object, with the position of the name.</summary>
    internal sealed class JsonMember
    {
        public JsonMember(string name, JsonPosition nameStart, int nameLength, JsonValue value)
        {
            Name = name;
            NameStart = nameStart;
            NameLength = nameLength;
            Value = value;
        }

        public string Name { get; }

        public JsonPosition NameStart { get; }

        /// <summary>Length of the name's text including the quotes.</summary>
        public int NameLength { get; }

        public JsonValue Value { get; }
    }

    /// <summary>A syntax error in a JSON text.</summary>
    internal sealed class JsonError
    {
        public JsonError(string message, JsonPosition position)
        {
            Message = message;
            Position = position;
        }

        public string Message { get; }

        public JsonPosition Position { get; }
    }

    /// <summary>
    /// A small, strict JSON (RFC 8259) reader with zero-based line/column tracking. It exists because an analyzer cannot
    /// rely on System.Text.Json or Newtonsoft.Json being loadable in the compiler host. It never throws on bad input:
    /// syntax errors, nesting deeper than <see cref="MaxDepth"/> and oversized input are reported as a <see cref="JsonError"/>.
    /// Line breaks are counted like Roslyn's SourceText does (CR, LF, CRLF, NEL, LS, PS), so positions map onto it directly.
    /// </summary>
    internal static class MiniJson
    {
        /// <summary>Maximum nesting of arrays and objects.</summary>
        public const int MaxDepth = 64;

        /// <summary>Texts longer than this (in UTF-16 code units) are refused; a model table is a few kilobytes.</summary>
        public const int MaxLength = 8 * 1024 * 1024;

        public static bool TryParse(string? text, out JsonValue? value, out JsonError? error)
        {
            value = null;
            error = null;
            if (text == null)
            {
                error = new JsonError("the text is empty; expected a JSON value", new JsonPosition(0, 0, 0));
                return false;
            }

            if (text.Length > MaxLength)
            {
                error = new JsonError("the text is too long to be a model table", new JsonPosition(0, 0, 0));
                return false;
            }

            var reader = new Reader(text);
            return reader.ParseDocument(out value, out error);
        }

        private sealed class Reader
        {
            private readonly string _text;
            private int _pos;
            private int _line;
            private int _lineStart;
            private JsonError? _error;

            public Reader(string text)
            {
                _text = text;
            }

            private JsonPosition Here => new JsonPosition(_line, _pos - _lineStart, _pos);

            public bool ParseDocument(out JsonValue? value, out JsonError? error)
            {
                value = null;
                if (_text.Length > 0 && _text[0] == '\uFEFF')
                {
                    _pos = 1;
                }

                SkipWhitespace();
                if (_pos >= _text.Length)
                {
                    error = new JsonError("the text is empty; expected a JSON value", Here);
                    return false;
                }

                var parsed = ParseValue(0);
                if (parsed != null)
                {
                    SkipWhitespace();
                    if (_pos < _text.Length)
                    {
                        Fail("unexpected " + Describe(_text[_pos]) + " after the end of the JSON value");
                        parsed = null;
                    }
                }

                error = _error;
                value = parsed;
                return parsed != null;
            }

            private JsonValue? Fail(string message)
            {
                if (_error == null)
                {
                    _error = new JsonError(message, Here);
                }

                return null;
            }

            private JsonValue? Fail(string message, JsonPosition at)
            {
                if (_error == null)
                {
                    _error = new JsonError(message, at);
                }

                return null;
            }

            private void SkipWhitespace()
            {
                while (_pos < _text.Length)
                {
                    var c = _text[_pos];
                    if (c == ' ' || c == '\t')
                    {
                        _pos++;
                    }
                    else if (c == '\n')
                    {
                        _pos++;
                        NewLine();
                    }
                    else if (c == '\r')
                    {
                        _pos++;
                        if (_pos < _text.Length && _text[_pos] == '\n')
                        {
                            _pos++;
                        }

                        NewLine();
                    }
                    else
                    {
                        return;
                    }
                }
            }

            private void NewLine()
            {
                _line++;
                _lineStart = _pos;
            }

            private static string Describe(char c)
            {
                if (c < ' ' || c == '\u007F')
                {
                    return "control character U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
                }

                return "character '" + c + "'";
            }

            private JsonValue? ParseValue(int depth)
            {
                if (_pos >= _text.Length)
                {
                    return Fail("unexpected end of text; expected a value");
                }

                var c = _text[_pos];
                switch (c)
                {
                    case '{':
                        return ParseObject(depth + 1);
                    case '[':
                        return ParseArray(depth + 1);
                    case '"':
                        {
                            var start = Here;
                            var s = ParseString();
                            return s == null ? null : JsonValue.Scalar(JsonKind.String, start, _pos - start.Offset, s);
                        }

                    case 't':
                        return ParseLiteral("true", JsonKind.True);
                    case 'f':
                        return ParseLiteral("false", JsonKind.False);
                    case 'n':
                        return ParseLiteral("null", JsonKind.Null);
                    case '/':
                        return Fail("comments are not allowed in JSON");
                    case '\'':
                        return Fail("strings must use double quotes");
                    default:
                        if (c == '-' || (c >= '0' && c <= '9'))
                        {
                            return ParseNumber();
                        }

                        return Fail("unexpected " + Describe(c) + "; expected a value");
                }
            }

            private JsonValue? ParseLiteral(string word, JsonKind kind)
            {
                var start = Here;
                if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) != 0)
                {
                    return Fail("invalid literal; expected '" + word + "'");
                }

                var end = _pos + word.Length;
                if (end < _text.Length && IsIdentifierChar(_text[end]))
                {
                    return Fail("invalid literal; expected '" + word + "'");
                }

                _pos = end;
                return JsonValue.Scalar(kind, start, word.Length, null);
            }

            private static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c == '_';

            private JsonValue? ParseNumber()
            {
                var start = Here;
                var p = _pos;
                if (_text[p] == '-')
                {
                    p++;
                }

                if (p >= _text.Length || !IsDigit(_text[p]))
                {
                    _pos = p;
                    return Fail("invalid number: expected a digit");
                }

                if (_text[p] == '0')
                {
                    p++;
                    if (p < _text.Length && IsDigit(_text[p]))
                    {
                        _pos = p;
                        return Fail("invalid number: leading zeros are not allowed");
                    }
                }
                else
                {
                    while (p < _text.Length && IsDigit(_text[p]))
                    {
                        p++;
                    }
                }

                if (p < _text.Length && _text[p] == '.')
                {
                    p++;
                    if (p >= _text.Length || !IsDigit(_text[p]))
                    {
                        _pos = p;
                        return Fail("invalid number: expected a digit after the decimal point");
                    }

                    while (p < _text.Length && IsDigit(_text[p]))
                    {
                        p++;
                    }
                }

                if (p < _text.Length && (_text[p] == 'e' || _text[p] == 'E'))
                {
                    p++;
                    if (p < _text.Length && (_text[p] == '+' || _text[p] == '-'))
                    {
                        p++;
                    }

                    if (p >= _text.Length || !IsDigit(_text[p]))
                    {
                        _pos = p;
                        return Fail("invalid number: expected a digit in the exponent");
                    }

                    while (p < _text.Length && IsDigit(_text[p]))
                    {
                        p++;
                    }
                }

                if (p < _text.Length && IsIdentifierChar(_text[p]))
                {
                    _pos = p;
                    return Fail("invalid number: unexpected " + Describe(_text[p]));
                }

                var literal = _text.Substring(_pos, p - _pos);
                _pos = p;
                return JsonValue.Scalar(JsonKind.Number, start, literal.Length, literal);
            }

            private static bool IsDigit(char c) => c >= '0' && c <= '9';

            /// <summary>Parses a string at the current quote; returns null after recording an error.</summary>
            private string? ParseString()
            {
                var open = Here;
                _pos++; // opening quote
                StringBuilder? builder = null;
                var runStart = _pos;
                while (true)
                {
                    if (_pos >= _text.Length)
                    {
                        Fail("unterminated string", open);
                        return null;
                    }

                    var c = _text[_pos];
                    if (c == '"')
                    {
                        string result;
                        if (builder == null)
                        {
                            result = _text.Substring(runStart, _pos - runStart);
                        }
                        else
                        {
                            builder.Append(_text, runStart, _pos - runStart);
                            result = builder.ToString();
                        }

                        _pos++;
                        return result;
                    }

                    if (c == '\\')
                    {
                        builder ??= new StringBuilder();
                        builder.Append(_text, runStart, _pos - runStart);
                        if (!ParseEscape(builder))
                        {
                            return null;
                        }

                        runStart = _pos;
                        continue;
                    }

                    if (c < ' ')
                    {
                        Fail(c == '\n' || c == '\r' ? "unterminated string (line break inside a string)" : "unescaped " + Describe(c) + " inside a string");
                        return null;
                    }

                    _pos++;
                    if (c == '\u0085' || c == '\u2028' || c == '\u2029')
                    {
                        NewLine();
                    }
                }
            }

            private bool ParseEscape(StringBuilder builder)
            {
                // _pos is at the backslash.
                if (_pos + 1 >= _text.Length)
                {
                    _pos++;
                    Fail("unterminated escape sequence");
                    return false;
                }

                var e = _text[_pos + 1];
                switch (e)
                {
                    case '"': builder.Append('"'); break;
                    case '\\': builder.Append('\\'); break;
                    case '/': builder.Append('/'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'u':
                        {
                            var code = 0;
                            for (var i = 0; i < 4; i++)
                            {
                                var p = _pos + 2 + i;
                                var h = p < _text.Length ? HexValue(_text[p]) : -1;
                                if (h < 0)
                                {
                                    Fail("invalid \\u escape: expected four hexadecimal digits");
                                    return false;
                                }

                                code = (code << 4) | h;
                            }

                            builder.Append((char)code);
                            _pos += 6;
                            return true;
                        }

                    default:
                        Fail("invalid escape sequence '\\" + e + "'");
                        return false;
                }

                _pos += 2;
                return true;
            }

            private static int HexValue(char c)
            {
                if (c >= '0' && c <= '9')
                {
                    return c - '0';
                }

                if (c >= 'a' && c <= 'f')
                {
                    return c - 'a' + 10;
                }

                if (c >= 'A' && c <= 'F')
                {
                    return c - 'A' + 10;
                }

                return -1;
            }

            private JsonValue? ParseArray(int depth)
            {
                var start = Here;
                if (depth > MaxDepth)
                {
                    return Fail("nesting is deeper than " + MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels");
                }

                _pos++; // [
                var items = ImmutableArray.CreateBuilder<JsonValue>();
                SkipWhitespace();
                if (_pos < _text.Length && _text[_pos] == ']')
                {
                    _pos++;
                    return JsonValue.Array(start, _pos - start.Offset, items.ToImmutable());
                }

                while (true)
                {
                    SkipWhitespace();
                    if (_pos < _text.Length && _text[_pos] == ']')
                    {
                        return Fail("trailing comma before ']'");
                    }

                    var item = ParseValue(depth);
                    if (item == null)
                    {
                        return null;
                    }

                    items.Add(item);
                    SkipWhitespace();
                    if (_pos >= _text.Length)
                    {
                        return Fail("unterminated array: expected ',' or ']'");
                    }

                    var c = _text[_pos];
                    if (c == ',')
                    {
                        _pos++;
                        continue;
                    }

                    if (c == ']')
                    {
                        _pos++;
                        return JsonValue.Array(start, _pos - start.Offset, items.ToImmutable());
                    }

                    return Fail("expected ',' or ']' but found " + Describe(c));
                }
            }

            private JsonValue? ParseObject(int depth)
            {
                var start = Here;
                if (depth > MaxDepth)
                {
                    return Fail("nesting is deeper than " + MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels");
                }

                _pos++; // {
                var members = ImmutableArray.CreateBuilder<JsonMember>();
                SkipWhitespace();
                if (_pos < _text.Length && _text[_pos] == '}')
                {
                    _pos++;
                    return JsonValue.Object(start, _pos - start.Offset, members.ToImmutable());
                }

                while (true)
                {
                    SkipWhitespace();
                    if (_pos >= _text.Length)
                    {
                        return Fail("unterminated object: expected a property name");
                    }

                    var c = _text[_pos];
                    if (c == '}')
                    {
                        return Fail("trailing comma before '}'");
                    }

                    if (c != '"')
                    {
                        return Fail(c == '/' ? "comments are not allowed in JSON" : "expected a property name in double quotes but found " + Describe(c));
                    }

                    var nameStart = Here;
                    var name = ParseString();
                    if (name == null)
                    {
                        return null;
                    }

                    var nameLength = _pos - nameStart.Offset;
                    SkipWhitespace();
                    if (_pos >= _text.Length || _text[_pos] != ':')
                    {
                        return Fail(_pos >= _text.Length ? "unterminated object: expected ':'" : "expected ':' after the property name but found " + Describe(_text[_pos]));
                    }

                    _pos++;
                    SkipWhitespace();
                    var value = ParseValue(depth);
                    if (value == null)
                    {
                        return null;
                    }

                    members.Add(new JsonMember(name, nameStart, nameLength, value));
                    SkipWhitespace();
                    if (_pos >= _text.Length)
                    {
                        return Fail("unterminated object: expected ',' or '}'");
                    }

                    c = _text[_pos];
                    if (c == ',')
                    {
                        _pos++;
                        continue;
                    }

                    if (c == '}')
                    {
                        _pos++;
                        return JsonValue.Object(start, _pos - start.Offset, members.ToImmutable());
                    }

                    return Fail("expected ',' or '}' but found " + Describe(c));
                }
            }
        }
    }
}
