using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ClaudeCost.CodeFixes.Infrastructure
{
    /// <summary>Syntax shared by the retry fixes (CC0004, CC0018).</summary>
    internal static class RetrySyntax
    {
        /// <summary>
        /// <c>client</c> → <c>client.WithOptions(o =&gt; o with { MaxRetries = 0 })</c>: a new client for this call only, with
        /// the SDK's retries off (<c>MaxRetries</c> is init-only and clients are shared, so the client itself is never changed).
        /// </summary>
        public static ExpressionSyntax WithoutSdkRetries(ExpressionSyntax target)
        {
            var parameter = FreeLambdaName(target);
            var inner = (ExpressionSyntax)SyntaxTemplates.Inner(target);
            if (!(inner is IdentifierNameSyntax || inner is MemberAccessExpressionSyntax || inner is InvocationExpressionSyntax ||
                  inner is ElementAccessExpressionSyntax || inner is ThisExpressionSyntax || inner is ParenthesizedExpressionSyntax ||
                  inner is BaseObjectCreationExpressionSyntax || inner is GenericNameSyntax))
            {
                inner = SyntaxFactory.ParenthesizedExpression(inner);
            }

            var lambda = SyntaxFactory.ParseExpression(parameter + " => " + parameter + " with { MaxRetries = 0 }");
            var call = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, inner, SyntaxFactory.IdentifierName("WithOptions")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(lambda))));
            return call.WithLeadingTrivia(target.GetLeadingTrivia()).WithTrailingTrivia(target.GetTrailingTrivia());
        }

        /// <summary>A lambda parameter name that no local, parameter or range variable of the enclosing member declares (other lambdas' parameters do not clash).</summary>
        private static string FreeLambdaName(SyntaxNode node)
        {
            var member = node.AncestorsAndSelf().FirstOrDefault(n => n is MemberDeclarationSyntax || n is GlobalStatementSyntax) ?? node.SyntaxTree.GetRoot();
            if (member is GlobalStatementSyntax)
            {
                member = member.SyntaxTree.GetRoot();
            }

            var used = member.DescendantNodesAndSelf().Select(DeclaredName).Where(n => n != null).Select(n => n!).ToImmutableHashSetOrdinal();
            foreach (var candidate in new[] { "o", "options", "clientOptions", "sdkOptions" })
            {
                if (!used.Contains(candidate))
                {
                    return candidate;
                }
            }

            return "noRetryOptions";
        }

        private static string? DeclaredName(SyntaxNode node) => node switch
        {
            VariableDeclaratorSyntax declarator => declarator.Identifier.ValueText,
            ParameterSyntax parameter when !(parameter.Parent is SimpleLambdaExpressionSyntax) && !(parameter.Parent?.Parent is ParenthesizedLambdaExpressionSyntax) => parameter.Identifier.ValueText,
            SingleVariableDesignationSyntax designation => designation.Identifier.ValueText,
            ForEachStatementSyntax forEach => forEach.Identifier.ValueText,
            CatchDeclarationSyntax catchDeclaration => catchDeclaration.Identifier.ValueText,
            FromClauseSyntax from => from.Identifier.ValueText,
            LetClauseSyntax let => let.Identifier.ValueText,
            LocalFunctionStatementSyntax local => local.Identifier.ValueText,
            _ => null,
        };

        private static System.Collections.Generic.HashSet<string> ToImmutableHashSetOrdinal(this System.Collections.Generic.IEnumerable<string> items)
            => new System.Collections.Generic.HashSet<string>(items, System.StringComparer.Ordinal);
    }
}
