using System.Collections.Immutable;
using ClaudeCost.Analyzers.Requests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ClaudeCost.Analyzers.Rules
{
    /// <summary>Measurements of a request's cacheable prefix shared by the caching rules.</summary>
    internal static class PromptPrefix
    {
        /// <summary>
        /// The leading stable run of tools + system: its length in characters, the last block that is stable as a
        /// whole (where a breakpoint can go), and whether the run ends inside a block.
        /// </summary>
        public static (int Characters, PromptPart? LastStableBlock, PromptPart? BlockWhereRunEnds) LeadingStableRun(ClaudeRequest request)
        {
            var characters = 0L;
            PromptPart? lastStable = null;
            foreach (var part in request.PrefixParts)
            {
                var text = part.Text;
                if (text.IsStable)
                {
                    characters += text.StableLength;
                    lastStable = part;
                    continue;
                }

                characters += text.LeadingStableLength;
                return (Clamp(characters), lastStable, part);
            }

            return (Clamp(characters), lastStable, null);
        }

        /// <summary>Stable characters of all prefix blocks up to and including <paramref name="through"/> (or all).</summary>
        public static int StableCharacters(ClaudeRequest request, PromptPosition? through = null)
        {
            var characters = 0L;
            foreach (var part in request.PrefixParts)
            {
                if (through is { } limit && !limit.IsAtOrAfter(part.Position))
                {
                    break;
                }

                characters += part.Text.StableLength;
            }

            return Clamp(characters);
        }

        /// <summary>Stable characters of the leading blocks strictly before <paramref name="position"/> that are stable as a whole.</summary>
        public static int StableCharactersBefore(ClaudeRequest request, PromptPosition position)
        {
            var characters = 0L;
            foreach (var part in request.PrefixParts)
            {
                if (part.Position.IsAtOrAfter(position) || !part.Text.IsStable)
                {
                    break;
                }

                characters += part.Text.StableLength;
            }

            return Clamp(characters);
        }

        /// <summary>The first breakpoint at or after a position.</summary>
        public static PromptPosition? FirstBreakpointAtOrAfter(ClaudeRequest request, PromptPosition position)
        {
            PromptPosition? best = null;
            foreach (var breakpoint in request.Breakpoints)
            {
                if (breakpoint.IsAtOrAfter(position) && (best == null || best.Value.IsAtOrAfter(breakpoint)))
                {
                    best = breakpoint;
                }
            }

            return best;
        }

        /// <summary>A location on the first line of a node only: a 300-line prompt literal gets a one-line squiggle.</summary>
        public static Location FirstLine(SyntaxNode node)
        {
            var text = node.SyntaxTree.GetText();
            var span = node.Span;
            var line = text.Lines.GetLineFromPosition(span.Start);
            var end = System.Math.Min(span.End, line.End);
            if (end <= span.Start)
            {
                end = span.End;
            }

            return Location.Create(node.SyntaxTree, TextSpan.FromBounds(span.Start, end));
        }

        public static string Describe(PromptSegment segment) => segment == PromptSegment.Tools ? "tool definitions" : "system prompt";

        private static int Clamp(long value) => value > int.MaxValue ? int.MaxValue : (int)value;
    }
}
