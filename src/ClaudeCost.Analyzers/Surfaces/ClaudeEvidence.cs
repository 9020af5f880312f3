using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using ClaudeCost.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ClaudeCost.Analyzers.Surfaces
{
    /// <summary>
    /// Text evidence that code talks to Anthropic's API: the endpoint host, the <c>anthropic-version</c> header, a
    /// platform body version. Looked up once per type declaration (cached), in the text of its string literals only.
    /// </summary>
    internal sealed class ClaudeEvidence
    {
        [Flags]
        private enum Marks
        {
            None = 0,
            Anthropic = 1,
            OtherProvider = 2,
            CountTokens = 4,
            CacheControl = 8,
            MaxTokens = 16,
        }

        private readonly ConcurrentDictionary<SyntaxNode, Marks> _byContainer = SharedCache.Create<SyntaxNode, Marks>();
        private readonly ConcurrentDictionary<SyntaxTree, Marks> _byFile = SharedCache.Create<SyntaxTree, Marks>();

        /// <summary>The enclosing type (or file, for top-level statements) names the Anthropic API.</summary>
        public bool MentionsAnthropic(SyntaxNode node) => FileMayHave(node, Marks.Anthropic) && (MarksOf(Container(node)) & Marks.Anthropic) != 0;

        /// <summary>The enclosing type also talks to another provider (OpenAI, Ollama…): only a Claude model id decides then.</summary>
        public bool MentionsOtherProvider(SyntaxNode node) => FileMayHave(node, Marks.OtherProvider) && (MarksOf(Container(node)) & Marks.OtherProvider) != 0;

        /// <summary>The enclosing member posts to <c>count_tokens</c>, which is free.</summary>
        public bool IsCountTokens(SyntaxNode node) => FileMayHave(node, Marks.CountTokens) && (MarksOf(Member(node)) & Marks.CountTokens) != 0;

        /// <summary>The file's text names the Anthropic API ("anthropic", "v1/messages") anywhere (once per file).</summary>
        public bool FileMentionsAnthropic(SyntaxTree tree) => (_byFile.GetOrAdd(tree, ScanText) & Marks.Anthropic) != 0;

        /// <summary>
        /// Whether the file's text contains the words of a mark at all (once per file, a plain text search): most files
        /// never mention count_tokens or another provider, and then no syntax is walked to find out.
        /// </summary>
        private bool FileMayHave(SyntaxNode node, Marks mark) => (_byFile.GetOrAdd(node.SyntaxTree, ScanText) & mark) != 0;

        private static Marks ScanText(SyntaxTree tree)
        {
            var text = SourceSearch.FileText(tree, System.Threading.CancellationToken.None);
            var marks = Marks.None;
            if (text.IndexOf("anthropic", StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf("v1/messages", StringComparison.Ordinal) >= 0)
            {
                marks |= Marks.Anthropic;
            }

            if (text.IndexOf("openai", StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf("ollama", StringComparison.OrdinalIgnoreCase) >= 0 ||
                text.IndexOf("chat/completions", StringComparison.Ordinal) >= 0 || text.IndexOf("generativelanguage", StringComparison.Ordinal) >= 0)
            {
                marks |= Marks.OtherProvider;
            }

            if (text.IndexOf("count_tokens", StringComparison.Ordinal) >= 0)
            {
                marks |= Marks.CountTokens;
            }

            if (text.IndexOf("cache_control", StringComparison.Ordinal) >= 0)
            {
                marks |= Marks.CacheControl;
            }

            if (text.IndexOf("max_tokens", StringComparison.Ordinal) >= 0)
            {
                marks |= Marks.MaxTokens;
            }

            return marks;
        }

        /// <summary>The enclosing member writes a "cache_control" key (a literal that is exactly that key) outside <paramref name="body"/>.</summary>
        public bool HasCacheControlOutside(SyntaxNode body) => WritesKeyOutside(body, "cache_control");

        /// <summary>The enclosing member names <paramref name="key"/> as an exact string literal outside <paramref name="body"/> (a key set later).</summary>
        public bool WritesKeyOutside(SyntaxNode body, string key)
        {
            var mark = key == "cache_control" ? Marks.CacheControl : key == "max_tokens" ? Marks.MaxTokens : Marks.None;
            if (mark != Marks.None && !FileMayHave(body, mark))
            {
                return false;
            }

            // body["cache_control"] = …, dict.Add("cache_control", …): a key written by a statement.
            var bodySpan = body.Span;
            return SourceSearch.AnyToken(Member(body), key, StringComparison.Ordinal,
                token => token.IsKind(SyntaxKind.StringLiteralToken) && !token.Span.IntersectsWith(bodySpan) && token.ValueText == key);
        }

        private Marks MarksOf(SyntaxNode container)
            => _byContainer.GetOrAdd(container, Scan);

        /// <summary>What the string literals of a container name (the words are searched in its text, the literal is looked up at each hit).</summary>
        private static Marks Scan(SyntaxNode container)
        {
            var marks = Marks.None;
            if (InString(container, "anthropic", StringComparison.OrdinalIgnoreCase) || InString(container, "v1/messages", StringComparison.Ordinal))
            {
                marks |= Marks.Anthropic;
            }

            if (InString(container, "openai", StringComparison.OrdinalIgnoreCase) || InString(container, "ollama", StringComparison.OrdinalIgnoreCase) ||
                InString(container, "chat/completions", StringComparison.Ordinal) || InString(container, "generativelanguage", StringComparison.Ordinal))
            {
                marks |= Marks.OtherProvider;
            }

            if (InString(container, "count_tokens", StringComparison.Ordinal))
            {
                marks |= Marks.CountTokens;
            }

            return marks;
        }

        private static bool InString(SyntaxNode container, string word, StringComparison comparison)
            => SourceSearch.AnyToken(container, word, comparison, token => SourceSearch.IsStringToken(token) && token.ValueText.IndexOf(word, comparison) >= 0);

        private static SyntaxNode Container(SyntaxNode node)
        {
            SyntaxNode? type = null;
            for (var current = node; current != null; current = current.Parent)
            {
                if (current is TypeDeclarationSyntax)
                {
                    type = current;
                }
            }

            // The outermost type: nested helper classes share the evidence of the class they live in.
            return type ?? node.SyntaxTree.GetRoot();
        }

        private static SyntaxNode Member(SyntaxNode node)
        {
            for (var current = node; current != null; current = current.Parent)
            {
                if (current is BaseMethodDeclarationSyntax || current is LocalFunctionStatementSyntax || current is PropertyDeclarationSyntax || current is GlobalStatementSyntax || current is AccessorDeclarationSyntax)
                {
                    return current is GlobalStatementSyntax ? current.SyntaxTree.GetRoot() : current;
                }
            }

            return node.SyntaxTree.GetRoot();
        }
    }
}
