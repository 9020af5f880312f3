using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ClaudeCost.Analyzers.Provenance
{
    /// <summary>What makes a value change between calls.</summary>
    public enum VolatileKind
    {
        Clock,
        Guid,
        Random,
        TickCount,
        Custom,
    }

    /// <summary>A place where a value that changes on every call enters a prompt.</summary>
    public sealed class VolatileSource
    {
        public VolatileSource(VolatileKind kind, string description, SyntaxNode syntax)
        {
            Kind = kind;
            Description = description;
            Syntax = syntax;
        }

        public VolatileKind Kind { get; }

        /// <summary>How the message names it: "DateTime.UtcNow", "Guid.NewGuid()".</summary>
        public string Description { get; }

        /// <summary>The expression that reads the clock (or GUID, random…): where the diagnostic and the date fix go.</summary>
        public SyntaxNode Syntax { get; }
    }

    /// <summary>
    /// The provenance of a value: whether it is constant, changes daily, on every call (volatile) or per request
    /// (parameters, input), and how many characters of it are known to be stable.
    /// </summary>
    public sealed class TextValue
    {
        private TextValue(bool isStable, int leadingStableLength, int stableLength, bool isDaily, ImmutableArray<VolatileSource> volatiles, string? constantText)
        {
            IsStable = isStable;
            LeadingStableLength = leadingStableLength;
            StableLength = stableLength;
            IsDaily = isDaily;
            Volatiles = volatiles;
            ConstantText = constantText;
        }

        public static TextValue Empty { get; } = new TextValue(true, 0, 0, false, ImmutableArray<VolatileSource>.Empty, "");

        /// <summary>A value nothing is known about: it ends the stable run but is not volatile.</summary>
        public static TextValue Dynamic { get; } = new TextValue(false, 0, 0, false, ImmutableArray<VolatileSource>.Empty, null);

        /// <summary>A stable value of unknown length (a constant number, an enum, a date that changes once a day).</summary>
        public static TextValue StableUnknownLength { get; } = new TextValue(true, 0, 0, false, ImmutableArray<VolatileSource>.Empty, null);

        public static TextValue Daily { get; } = new TextValue(true, 0, 0, true, ImmutableArray<VolatileSource>.Empty, null);

        /// <summary>True when every part of the value is the same on every call (within a day).</summary>
        public bool IsStable { get; }

        /// <summary>Characters known to be stable before the first per-request or volatile part.</summary>
        public int LeadingStableLength { get; }

        /// <summary>All stable characters known (constant text), wherever they stand.</summary>
        public int StableLength { get; }

        /// <summary>Contains a part that changes once a day (a date): stable for caching purposes.</summary>
        public bool IsDaily { get; }

        public ImmutableArray<VolatileSource> Volatiles { get; }

        public bool IsVolatile => !Volatiles.IsEmpty;

        /// <summary>The text when the whole value is a known constant; else null.</summary>
        public string? ConstantText { get; }

        public static TextValue Constant(string text)
            => new TextValue(true, text.Length, text.Length, false, ImmutableArray<VolatileSource>.Empty, text);

        public static TextValue FromVolatile(VolatileSource source)
            => new TextValue(false, 0, 0, false, ImmutableArray.Create(source), null);

        /// <summary>The text of <paramref name="first"/> followed by <paramref name="second"/>.</summary>
        public static TextValue Concat(TextValue first, TextValue second)
        {
            if (first.ConstantText is { Length: 0 })
            {
                return second;
            }

            if (second.ConstantText is { Length: 0 })
            {
                return first;
            }

            var constant = first.ConstantText != null && second.ConstantText != null && first.ConstantText.Length + second.ConstantText.Length <= MaxKeptConstantLength
                ? first.ConstantText + second.ConstantText
                : null;
            return new TextValue(
                first.IsStable && second.IsStable,
                first.IsStable ? first.LeadingStableLength + second.LeadingStableLength : first.LeadingStableLength,
                Saturate(first.StableLength + (long)second.StableLength),
                first.IsDaily || second.IsDaily,
                MergeVolatiles(first.Volatiles, second.Volatiles),
                constant);
        }

        /// <summary>A value that is one of several (branches, several assignments): stable only if all are.</summary>
        public static TextValue Either(TextValue first, TextValue second)
        {
            return new TextValue(
                first.IsStable && second.IsStable,
                System.Math.Min(first.LeadingStableLength, second.LeadingStableLength),
                System.Math.Min(first.StableLength, second.StableLength),
                first.IsDaily || second.IsDaily,
                MergeVolatiles(first.Volatiles, second.Volatiles),
                first.ConstantText != null && first.ConstantText == second.ConstantText ? first.ConstantText : null);
        }

        /// <summary>Keeps volatility but forgets the text (a value derived from this one: formatted, hashed…).</summary>
        public TextValue AsDerivedOpaque()
        {
            if (IsVolatile)
            {
                return new TextValue(false, 0, 0, IsDaily, Volatiles, null);
            }

            return IsStable ? (IsDaily ? Daily : StableUnknownLength) : Dynamic;
        }

        private const int MaxKeptConstantLength = 1024;

        private const int MaxVolatilesKept = 8;

        private static int Saturate(long value) => value > int.MaxValue ? int.MaxValue : (int)value;

        private static ImmutableArray<VolatileSource> MergeVolatiles(ImmutableArray<VolatileSource> a, ImmutableArray<VolatileSource> b)
        {
            if (b.IsEmpty)
            {
                return a;
            }

            if (a.IsEmpty)
            {
                return b;
            }

            var builder = ImmutableArray.CreateBuilder<VolatileSource>(a.Length + b.Length);
            builder.AddRange(a);
            foreach (var source in b)
            {
                if (builder.Count >= MaxVolatilesKept)
                {
                    break;
                }

                var seen = false;
                foreach (var existing in builder)
                {
                    if (existing.Syntax == source.Syntax)
                    {
                        seen = true;
                        break;
                    }
                }

                if (!seen)
                {
                    builder.Add(source);
                }
            }

            return builder.ToImmutable();
        }
    }
}
