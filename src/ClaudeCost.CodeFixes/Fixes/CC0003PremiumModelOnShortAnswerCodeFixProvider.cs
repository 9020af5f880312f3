using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using ClaudeCost.Analyzers.Infrastructure;
using ClaudeCost.Analyzers.Rules;
using ClaudeCost.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ClaudeCost.CodeFixes.Fixes
{
    /// <summary>
    /// CC0003 fix: this call's model expression becomes the small-tier model, keeping the form (an SDK enum member
    /// becomes the small model's member; anything else a string literal). Declined when the request sets temperature,
    /// top_p or top_k (they fail with HTTP 400 on 4.7-and-later models such as Haiku 5.5).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CC0003PremiumModelOnShortAnswerCodeFixProvider)), Shared]
    public sealed class CC0003PremiumModelOnShortAnswerCodeFixProvider : RewriteCodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.PremiumModelOnShortAnswerPath);

        internal override DiagnosticRewrite Fix => Replace;

        internal override string TitleFor(Diagnostic diagnostic)
            => "Use " + diagnostic.Properties[CC0003PremiumModelOnShortAnswerAnalyzer.ReplacementProperty] + " for this call (answers may change)";

        internal override string KeyFor(Diagnostic diagnostic) => "CC0003.UseSmallModel";

        internal override Task<Document> FinishAsync(Document document, System.Threading.CancellationToken cancellationToken) => Task.FromResult(document);



        private static SyntaxNode? Replace(SyntaxNode root, AnnotatedDiagnostic diagnostic)
        {
            var node = diagnostic.PrimaryNode(root);
            var rewritten = node == null ? null : Rewrite(node, diagnostic.Diagnostic);
            return rewritten == null ? null : root.ReplaceNode(node!, rewritten);
        }

        private static SyntaxNode? Rewrite(SyntaxNode node, Diagnostic diagnostic)
        {
            if (diagnostic.Properties.ContainsKey(CC0003PremiumModelOnShortAnswerAnalyzer.SamplingProperty) ||
                !diagnostic.Properties.TryGetValue(CC0003PremiumModelOnShortAnswerAnalyzer.ReplacementProperty, out var replacement) || replacement == null ||
                !(node is ExpressionSyntax expression))
            {
                return null;
            }

            if (diagnostic.Properties.TryGetValue(CC0003PremiumModelOnShortAnswerAnalyzer.ReplacementMemberProperty, out var member) && member != null)
            {
                return expression is MemberAccessExpressionSyntax access
                    ? access.WithName(SyntaxFactory.IdentifierName(member).WithTriviaFrom(access.Name))
                    : null;
            }

            var literal = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(replacement));
            return SyntaxTemplates.WithTriviaOf(literal, expression);
        }
    }
}
