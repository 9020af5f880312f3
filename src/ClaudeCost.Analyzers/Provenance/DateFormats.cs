namespace ClaudeCost.Analyzers.Provenance
{
    /// <summary>Decides whether a date/time format shows the time of day (and so changes within a day).</summary>
    internal static class DateFormats
    {
        /// <summary>
        /// True when the format prints hours, minutes, seconds, fractions or the AM/PM designator. Standard formats
        /// d, D, m, M, y and Y are date-only; every other standard format includes the time.
        /// </summary>
        public static bool HasTimeComponent(string format)
        {
            if (format.Length == 0)
            {
                return true;
            }

            if (format.Length == 1)
            {
                switch (format[0])
                {
                    case 'd':
                    case 'D':
                    case 'm':
                    case 'M':
                    case 'y':
                    case 'Y':
                        return false;
                    default:
                        return true;
                }
            }

            for (var i = 0; i < format.Length; i++)
            {
                var c = format[i];
                switch (c)
                {
                    case '\\':
                        i++;
                        break;
                    case '\'':
                    case '"':
                        var close = format.IndexOf(c, i + 1);
                        if (close < 0)
                        {
                            return false;
                        }

                        i = close;
                        break;
                    case '%':
                        break;
                    case 'h':
                    case 'H':
                    case 'm':
                    case 's':
                    case 'f':
                    case 'F':
                    case 't':
                        return true;
                }
            }

            return false;
        }

        /// <summary>Members of DateTime/DateTimeOffset that keep only the date.</summary>
        public static bool IsDateOnlyMember(string name)
        {
            switch (name)
            {
                case "Date":
                case "Year":
                case "Month":
                case "Day":
                case "DayOfWeek":
                case "DayOfYear":
                case "Offset":
                case "Kind":
                    return true;
                default:
                    return false;
            }
        }
    }

    /// <summary>A parsed composite format string ("Today is {0:yyyy-MM-dd}.").</summary>
    internal static class CompositeFormat
    {
        public readonly struct Item
        {
            public Item(string? literal, int index, string? format)
            {
                Literal = literal;
                Index = index;
                Format = format;
            }

            public string? Literal { get; }

            public int Index { get; }

            public string? Format { get; }
        }

        public static System.Collections.Generic.List<Item> Parse(string format)
        {
            var items = new System.Collections.Generic.List<Item>();
            var literal = new System.Text.StringBuilder();
            for (var i = 0; i < format.Length; i++)
            {
                var c = format[i];
                if (c == '{' && i + 1 < format.Length && format[i + 1] == '{')
                {
                    literal.Append('{');
                    i++;
                    continue;
                }

                if (c == '}' && i + 1 < format.Length && format[i + 1] == '}')
                {
                    literal.Append('}');
                    i++;
                    continue;
                }

                if (c != '{')
                {
                    literal.Append(c);
                    continue;
                }

                var close = format.IndexOf('}', i + 1);
                if (close < 0)
                {
                    literal.Append(format, i, format.Length - i);
                    break;
                }

                if (literal.Length > 0)
                {
                    items.Add(new Item(literal.ToString(), -1, null));
                    literal.Clear();
                }

                var body = format.Substring(i + 1, close - i - 1);
                var colon = body.IndexOf(':');
                var head = colon >= 0 ? body.Substring(0, colon) : body;
                var comma = head.IndexOf(',');
                var indexText = (comma >= 0 ? head.Substring(0, comma) : head).Trim();
                var index = int.TryParse(indexText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : -1;
                items.Add(new Item(null, index, colon >= 0 ? body.Substring(colon + 1) : null));
                i = close;
            }

            if (literal.Length > 0)
            {
                items.Add(new Item(literal.ToString(), -1, null));
            }

            return items;
        }
    }
}
