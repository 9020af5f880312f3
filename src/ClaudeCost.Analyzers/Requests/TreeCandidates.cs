using System;
using System.Collections.Immutable;
using System.Threading;
using ClaudeCost.Analyzers.Surfaces;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ClaudeCost.Analyzers.Requests
{
    /// <summary>
    /// The syntax of one file that can be a Claude request or a model id, found once per file for every rule: a text test
    /// on the whole file first (most files of a project never mention messages or Claude and are done after it), then at
    /// most one iterative walk. Rules ask the semantic model only about these nodes, instead of registering a callback
    /// on every literal, field reference and invocation of the compilation.
    /// </summary>
    internal sealed class TreeCandidates
    {
        public static readonly TreeCandidates None = new TreeCandidates(ImmutableArray<SyntaxNode>.Empty, ImmutableArray<SyntaxNode>.Empty);

        private TreeCandidates(ImmutableArray<SyntaxNode> requestNodes, ImmutableArray<SyntaxNode> modelIdNodes)
        {
            RequestNodes = requestNodes;
            ModelIdNodes = modelIdNodes;
        }

        /// <summary>Object creations, anonymous bodies, JSON text bodies and chat-client calls that may be requests.</summary>
        public ImmutableArray<SyntaxNode> RequestNodes { get; }

        /// <summary>String literals that mention Claude and member accesses of <c>Claude…</c> members (SDK enum members, library constants).</summary>
        public ImmutableArray<SyntaxNode> ModelIdNodes { get; }

        /// <summary>
        /// Every request names its messages in the file that builds it (a <c>Messages</c> member, a <c>"messages"</c> key),
        /// except chat-client calls (<c>GetResponseAsync</c>); every model id contains "claude" in some casing.
        /// </summary>
        public static TreeCandidates Scan(SyntaxTree tree, bool chatClientCalls, CancellationToken cancellationToken)
        {
            var text = tree.GetText(cancellationToken).ToString();
            var requests = text.IndexOf("essages", StringComparison.Ordinal) >= 0 ||
                           chatClientCalls && text.IndexOf("ResponseAsync", StringComparison.Ordinal) >= 0;
            var models = text.IndexOf("laude", StringComparison.OrdinalIgnoreCase) >= 0;
            if (!requests && !models)
            {
                return None;
            }

            var requestNodes = ImmutableArray.CreateBuilder<SyntaxNode>();
            var modelIdNodes = ImmutableArray.CreateBuilder<SyntaxNode>();
            foreach (var item in tree.GetRoot(cancellationToken).DescendantNodesAndTokens())
            {
                if (item.IsToken)
                {
                    if (models)
                    {
                        AddModelIdCandidate(item.AsToken(), modelIdNodes);
                    }

                    continue;
                }

                if (!requests)
                {
                    continue;
                }

                switch (item.AsNode())
                {
                    case BaseObjectCreationExpressionSyntax creation:
                        requestNodes.Add(creation);
                        break;
                    case AnonymousObjectCreationExpressionSyntax anonymous when RawHttpAdapter.LooksLikeBody(anonymous):
                        requestNodes.Add(anonymous);
                        break;
                    case InvocationExpressionSyntax invocation when chatClientCalls && ExtensionsAIAdapter.IsCandidateName(InvokedName(invocation)):
                        requestNodes.Add(invocation);
                        break;
                    case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) && JsonTextAdapter.LooksLikeBody(literal):
                        requestNodes.Add(literal);
                        break;
                    case InterpolatedStringExpressionSyntax interpolated when JsonTextAdapter.LooksLikeBody(interpolated):
                        requestNodes.Add(interpolated);
                        break;
                }
            }

            return new TreeCandidates(requestNodes.ToImmutable(), modelIdNodes.ToImmutable());
        }

        private static void AddModelIdCandidate(SyntaxToken token, ImmutableArray<SyntaxNode>.Builder nodes)
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
