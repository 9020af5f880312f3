using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace ClaudeCost.CodeFixes.Infrastructure
{
    /// <summary>
    /// Builds new code from a C# template with fully qualified names and placeholders (<c>__0__</c>, <c>__1__</c>…)
    /// that are replaced by the user's own expressions, unchanged (comments, trivia and directives inside them kept).
    /// Qualified names get the simplifier and add-imports annotations, so the result reads like hand-written code.
    /// </summary>
    internal static class SyntaxTemplates
    {
        public static ExpressionSyntax Expression(string template, params SyntaxNode[] holes)
        {
            var parsed = SyntaxFactory.ParseExpression(template);
            // Outermost qualified names (types) and namespace-qualified member accesses (enum members, statics).
            var names = parsed.DescendantNodesAndSelf()
                .Where(n => n is QualifiedNameSyntax && !(n.Parent is QualifiedNameSyntax) ||
                            n is MemberAccessExpressionSyntax access && !(n.Parent is MemberAccessExpressionSyntax) && IsNamespaceQualified(access))
                .ToList();
            var annotated = parsed.ReplaceNodes(names, (_, rewritten) => rewritten.WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation));

            if (holes.Length > 0)
            {
                var placeholders = annotated.DescendantNodes().OfType<IdentifierNameSyntax>()
                    .Where(i => i.Identifier.ValueText.StartsWith("__", System.StringComparison.Ordinal) && i.Identifier.ValueText.EndsWith("__", System.StringComparison.Ordinal))
                    .ToList();
                annotated = annotated.ReplaceNodes(placeholders, (original, _) =>
                {
                    var index = int.Parse(original.Identifier.ValueText.Trim('_'), System.Globalization.CultureInfo.InvariantCulture);
                    return holes[index];
                });
            }

            return annotated.WithAdditionalAnnotations(Formatter.Annotation);
        }

        private static bool IsNamespaceQualified(MemberAccessExpressionSyntax access)
        {
            ExpressionSyntax current = access;
            while (current is MemberAccessExpressionSyntax inner)
            {
                current = inner.Expression;
            }

            return current is AliasQualifiedNameSyntax ||
                current is IdentifierNameSyntax { Identifier.ValueText: "Anthropic" or "System" or "Microsoft" };
        }

        /// <summary>Replaces <paramref name="original"/> with <paramref name="replacement"/>, moving the original's outer trivia onto it.</summary>
        public static SyntaxNode WithTriviaOf(SyntaxNode replacement, SyntaxNode original)
            => replacement.WithLeadingTrivia(original.GetLeadingTrivia()).WithTrailingTrivia(original.GetTrailingTrivia());

        /// <summary>The user's expression without its outer trivia (the trivia moves to the enclosing new node).</summary>
        public static SyntaxNode Inner(SyntaxNode node) => node.WithoutLeadingTrivia().WithoutTrailingTrivia();
    }
}
