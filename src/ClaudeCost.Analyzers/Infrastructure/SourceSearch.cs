using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace ClaudeCost.Analyzers.Infrastructure
{
    /// <summary>
    /// Finds the tokens of a node that contain a word by searching the node's source text (vectorized string search)
    /// and looking up the token only at each hit, instead of enumerating every token of the node (about 100 ns per
    /// token in Roslyn's red tree). Hits in comments and disabled code are skipped: the hit must lie inside the token.
    /// </summary>
    internal static class SourceSearch
    {
        /// <summary>Files up to this length are searched as one string (the compiler keeps them as one; no copy is made).</summary>
        private const int WholeFileLimit = 40 * 1024;

        /// <summary>Copies of files longer than <see cref="WholeFileLimit"/>, made once per text and kept as long as the text is.</summary>
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SourceText, string> LargeFiles = new System.Runtime.CompilerServices.ConditionalWeakTable<SourceText, string>();

        /// <summary>
        /// The whole file as one string, for the per-file text searches of the rules. A file the compiler read as one
        /// string is returned as it is; a longer one (the compiler keeps it in chunks) is copied once per text, not once
        /// per search: every copy of a file above 42,500 characters is a large-object allocation.
        /// </summary>
        public static string FileText(SyntaxTree tree, CancellationToken cancellationToken)
        {
            var text = tree.GetText(cancellationToken);
            return text.Length <= WholeFileLimit ? text.ToString() : LargeFiles.GetValue(text, t => t.ToString());
        }

        /// <summary>Calls <paramref name="visit"/> for each token inside <paramref name="node"/>'s span whose text contains <paramref name="word"/>, once per token, until it returns true.</summary>
        public static bool AnyToken(SyntaxNode node, string word, StringComparison comparison, Func<SyntaxToken, bool> visit, CancellationToken cancellationToken = default)
        {
            var span = node.Span;
            if (span.Length < word.Length)
            {
                return false;
            }

            var text = node.SyntaxTree.GetText(cancellationToken);
            string searched;
            int offset;
            if (text.Length <= WholeFileLimit)
            {
                searched = text.ToString();
                offset = 0;
            }
            else
            {
                searched = text.ToString(span);
                offset = span.Start;
            }

            var start = span.Start - offset;
            var end = span.End - offset;
            var previous = default(SyntaxToken);
            for (var at = IndexOf(searched, word, start, end, comparison); at >= 0; at = IndexOf(searched, word, at + word.Length, end, comparison))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var position = at + offset;
                var token = node.FindToken(position);
                if (!token.Span.Contains(position) || token == previous)
                {
                    continue;
                }

                previous = token;
                if (visit(token))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A string literal of any kind (regular, verbatim, raw, UTF-8, interpolated text).</summary>
        public static bool IsStringToken(SyntaxToken token)
            => token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.InterpolatedStringTextToken) ||
               token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken) || token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) ||
               token.IsKind(SyntaxKind.Utf8StringLiteralToken);

        private static int IndexOf(string text, string word, int start, int end, StringComparison comparison)
        {
            var count = end - start;
            return count < word.Length ? -1 : text.IndexOf(word, start, count, comparison);
        }
    }
}
