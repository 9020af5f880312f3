using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using ClaudeCost.Analyzers.Infrastructure;
using ClaudeCost.Analyzers.Surfaces;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ClaudeCost.Analyzers.Requests
{
    /// <summary>
    /// The syntax of one file that can be a Claude request or a model id, found once per file for each rule family: text
    /// searches on the whole file first (most files of a project never mention messages or Claude and are done after
    /// them), then <c>FindToken</c> at each hit. Rules ask the semantic model only about these nodes, instead of
    /// registering a callback on every literal, field reference and invocation of the compilation.
    /// </summary>
    internal static class TreeCandidates
    {
        /// <summary>The word of chat-client calls (<c>GetResponseAsync</c>, <c>GetStreamingResponseAsync</c>), searched by the scan and the text test alike.</summary>
        private const string ChatClientCallWord = "ResponseAsync";

        /// <summary>
        /// Every request names its messages in the file that builds it (a <c>Messages</c> member, a <c>"messages"</c> key, a
        /// request type that can be filled in later), except chat-client calls (<c>GetResponseAsync</c>). The file's text is
        /// searched for those words (only the words of the client libraries the compilation references: see
        /// <see cref="RequestWords"/>) and only the syntax around each hit is looked at (<c>FindToken</c> and a short walk
        /// up), so the cost follows the number of hits, not the file's size; a file without a hit costs one search per word.
        /// </summary>
        public static ImmutableArray<SyntaxNode> ScanRequests(SyntaxTree tree, RequestWords words, CancellationToken cancellationToken)
        {
            var text = SourceSearch.FileText(tree, cancellationToken);
            SyntaxNode? root = null;
            System.Collections.Generic.List<SyntaxNode>? nodes = null;
            foreach (var word in words.Words)
            {
                foreach (var token in TokensAt(tree, ref root, text, word, StringComparison.Ordinal, cancellationToken))
                {
                    AddRequestCandidates(token, nodes ??= new System.Collections.Generic.List<SyntaxNode>());
                }
            }

            if (words.ChatClientCalls)
            {
                foreach (var token in TokensAt(tree, ref root, text, ChatClientCallWord, StringComparison.Ordinal, cancellationToken))
                {
                    if (token.IsKind(SyntaxKind.IdentifierToken) && Invocation(token) is { } invocation && ExtensionsAIAdapter.IsCandidateName(InvokedName(invocation)))
                    {
                        (nodes ??= new System.Collections.Generic.List<SyntaxNode>()).Add(invocation);
                    }
                }
            }

            return InSourceOrder(nodes);
        }

        /// <summary>
        /// Whether the file's text contains a word <see cref="ScanRequests"/> looks for. Most files contain none; asking
        /// this first lets each request rule leave such a file without touching the shared per-file caches (a search of
        /// a few kilobytes costs less than a cache entry and its lazy value).
        /// </summary>
        public static bool MayHaveRequests(SyntaxTree tree, RequestWords words, CancellationToken cancellationToken)
        {
            var text = SourceSearch.FileText(tree, cancellationToken);
            foreach (var word in words.Words)
            {
                if (text.IndexOf(word, StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }

            return words.ChatClientCalls && text.IndexOf(ChatClientCallWord, StringComparison.Ordinal) >= 0;
        }

        /// <summary>The model-id candidates of a file: every model id contains "claude" in some casing (searched like <see cref="ScanRequests"/>).</summary>
        public static ImmutableArray<SyntaxNode> ScanModelIds(SyntaxTree tree, CancellationToken cancellationToken)
        {
            var text = SourceSearch.FileText(tree, cancellationToken);
            SyntaxNode? root = null;
            System.Collections.Generic.List<SyntaxNode>? nodes = null;
            foreach (var token in TokensAt(tree, ref root, text, "laude", StringComparison.OrdinalIgnoreCase, cancellationToken))
            {
                AddModelIdCandidate(token, nodes ??= new System.Collections.Generic.List<SyntaxNode>());
            }

            return InSourceOrder(nodes);
        }

        /// <summary>
        /// The words a request's own syntax contains, for one compilation: a <c>Messages</c> member or <c>"messages"</c> key
        /// in its initializer, and the names of request types that may be created first and filled in later — only where
        /// the compilation references their library (Anthropic.SDK's <c>MessageParameters</c>, Bedrock's
        /// <c>ConverseRequest</c>); and whether chat-client calls are looked for (Microsoft.Extensions.AI referenced).
        /// </summary>
        internal sealed class RequestWords
        {
            public RequestWords(bool anthropicSdk, bool bedrock, bool chatClientCalls)
            {
                var words = new System.Collections.Generic.List<string> { "essages" };
                if (anthropicSdk)
                {
                    words.Add("MessageParameters");
                }

                if (bedrock)
                {
                    words.Add("ConverseRequest");
                    words.Add("ConverseStreamRequest");
                }

                Words = words.ToArray();
                ChatClientCalls = chatClientCalls;
            }

            public string[] Words { get; }

            public bool ChatClientCalls { get; }
        }

        /// <summary>What <see cref="TokensAt"/> returns for a word without hits (never added to).</summary>
        private static readonly System.Collections.Generic.List<SyntaxToken> NoTokens = new System.Collections.Generic.List<SyntaxToken>();

        /// <summary>
        /// The tokens (not comments or disabled text) whose text contains <paramref name="word"/>, each once, in source order;
        /// the root is asked for at the first hit only.
        /// </summary>
        private static System.Collections.Generic.List<SyntaxToken> TokensAt(SyntaxTree tree, ref SyntaxNode? root, string text, string word, StringComparison comparison, CancellationToken cancellationToken)
        {
            System.Collections.Generic.List<SyntaxToken>? tokens = null;
            var previous = default(SyntaxToken);
            var last = default(SyntaxToken);
            for (var at = text.IndexOf(word, comparison); at >= 0; at = text.IndexOf(word, at + word.Length, comparison))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (last.FullSpan.Contains(at))
                {
                    // Another hit in the same token (a long prompt literal) or its trivia: already looked at.
                    continue;
                }

                // Hits come in source order and cluster in a few members: start from the last hit's nearest ancestor
                // that contains this one instead of descending from the root every time.
                var from = last.Parent;
                while (from != null && !from.FullSpan.Contains(at))
                {
                    from = from.Parent;
                }

                var token = (from ?? (root ??= tree.GetRoot(cancellationToken))).FindToken(at);
                last = token;
                if (token.Span.Contains(at) && token != previous)
                {
                    previous = token;
                    (tokens ??= new System.Collections.Generic.List<SyntaxToken>()).Add(token);
                }
            }

            return tokens ?? NoTokens;
        }

        /// <summary>Up from a token, never past its statement or member: how many levels a request's key sits below the request.</summary>
        private const int MaxAscent = 12;

        private static void AddRequestCandidates(SyntaxToken token, System.Collections.Generic.List<SyntaxNode> nodes)
        {
            if (token.IsKind(SyntaxKind.InterpolatedStringTextToken))
            {
                if (token.Parent?.Parent is InterpolatedStringExpressionSyntax interpolated && JsonTextAdapter.LooksLikeBody(interpolated))
                {
                    nodes.Add(interpolated);
                }

                return;
            }

            if (token.Parent is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) && JsonTextAdapter.LooksLikeBody(literal))
            {
                nodes.Add(literal);
            }

            // The object the word is a key, member or type of: `Messages = …`, `["messages"] = …`, `{ "messages", … }`,
            // `new { messages = … }`, `new { model, messages }`, `new MessageParameters()`.
            SyntaxNode? child = null;
            var level = 0;
            for (var current = token.Parent; current != null && level < MaxAscent; child = current, current = current.Parent, level++)
            {
                switch (current)
                {
                    case AnonymousObjectCreationExpressionSyntax anonymous:
                        if (RawHttpAdapter.LooksLikeBody(anonymous))
                        {
                            nodes.Add(anonymous);
                        }

                        return;
                    case BaseObjectCreationExpressionSyntax creation:
                        if (child != null && (child == creation.Initializer || creation is ObjectCreationExpressionSyntax typed && child == typed.Type))
                        {
                            nodes.Add(creation);
                        }

                        return;
                    case StatementSyntax _:
                    case MemberDeclarationSyntax _:
                    case LambdaExpressionSyntax _:
                    case ArgumentListSyntax _:
                        return;
                }
            }
        }

        private static InvocationExpressionSyntax? Invocation(SyntaxToken token)
        {
            SyntaxNode? child = null;
            var level = 0;
            for (var current = token.Parent; current != null && level < 4; child = current, current = current.Parent, level++)
            {
                if (current is InvocationExpressionSyntax invocation)
                {
                    return child == invocation.Expression ? invocation : null;
                }
            }

            return null;
        }

        /// <summary>
        /// The nodes in source order (outer before inner at one position), each once (two hits can find one node). Ordered
        /// by where their full spans start (stored in each node; a span's start is computed from the leading trivia at
        /// every call). For candidates, which never start inside one another's leading trivia, both orders agree.
        /// </summary>
        private static ImmutableArray<SyntaxNode> InSourceOrder(System.Collections.Generic.List<SyntaxNode>? nodes)
        {
            if (nodes == null || nodes.Count == 0)
            {
                return ImmutableArray<SyntaxNode>.Empty;
            }

            if (!IsSorted(nodes))
            {
                nodes.Sort(SourceOrder);
            }

            var builder = ImmutableArray.CreateBuilder<SyntaxNode>(nodes.Count);
            foreach (var node in nodes)
            {
                if (!EndsWith(builder, node))
                {
                    builder.Add(node);
                }
            }

            return builder.Count == builder.Capacity ? builder.MoveToImmutable() : builder.ToImmutable();
        }

        /// <summary>Hits come in text order, so the nodes usually are in order already (one word, one node per hit).</summary>
        private static bool IsSorted(System.Collections.Generic.List<SyntaxNode> nodes)
        {
            for (var i = 1; i < nodes.Count; i++)
            {
                if (SourceOrder(nodes[i - 1], nodes[i]) > 0)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The node is among the sorted nodes that start where it starts (the only places a duplicate can be).</summary>
        private static bool EndsWith(ImmutableArray<SyntaxNode>.Builder sorted, SyntaxNode node)
        {
            for (var i = sorted.Count - 1; i >= 0 && sorted[i].FullSpan.Start == node.FullSpan.Start; i--)
            {
                if (sorted[i] == node)
                {
                    return true;
                }
            }

            return false;
        }

        private static readonly Comparison<SyntaxNode> SourceOrder = (x, y) => x.FullSpan.Start != y.FullSpan.Start ? x.FullSpan.Start.CompareTo(y.FullSpan.Start) : y.FullSpan.Length.CompareTo(x.FullSpan.Length);

        private static void AddModelIdCandidate(SyntaxToken token, System.Collections.Generic.List<SyntaxNode> nodes)
        {
            switch (token.Kind())
            {
                case SyntaxKind.StringLiteralToken:
                case SyntaxKind.SingleLineRawStringLiteralToken:
                case SyntaxKind.MultiLineRawStringLiteralToken:
                    if (token.Parent is LiteralExpressionSyntax literal && token.ValueText.IndexOf("claude", StringComparison.OrdinalIgnoreCase) >= 0)
                    {
                        nodes.Add(literal);
                    }

                    break;
                case SyntaxKind.IdentifierToken:
                    if (token.ValueText.StartsWith("Claude", StringComparison.Ordinal) && token.Parent is IdentifierNameSyntax name)
                    {
                        nodes.Add(name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : (SyntaxNode)name);
                    }

                    break;
            }
        }

        private static string InvokedName(InvocationExpressionSyntax invocation) => invocation.Expression switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            SimpleNameSyntax name => name.Identifier.ValueText,
            _ => "",
        };
    }
}
