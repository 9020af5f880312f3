using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace ClaudeCost.CodeFixes.Infrastructure
{
    /// <summary>Per-surface syntax for cache breakpoints and text blocks, shared by the caching fixes.</summary>
    internal static class PromptSyntax
    {
        public static string TextBlockType(bool beta) => beta ? "Anthropic.Models.Beta.Messages.BetaTextBlockParam" : "Anthropic.Models.Messages.TextBlockParam";

        public static string CacheControlType(bool beta) => beta ? "Anthropic.Models.Beta.Messages.BetaCacheControlEphemeral" : "Anthropic.Models.Messages.CacheControlEphemeral";

        /// <summary><c>CacheControl = new CacheControlEphemeral()</c> for an official-SDK initializer.</summary>
        public static ExpressionSyntax OfficialCacheControlAssignment(bool beta)
            => SyntaxTemplates.Expression("CacheControl = new " + CacheControlType(beta) + "()");

        /// <summary>Adds an assignment to an object creation's initializer (creating the initializer when absent), following its layout.</summary>
        public static BaseObjectCreationExpressionSyntax AddInitializerMember(BaseObjectCreationExpressionSyntax creation, ExpressionSyntax assignment)
        {
            if (creation.Initializer == null)
            {
                var trailing = creation.GetTrailingTrivia();
                var initializer = SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression, SyntaxFactory.SingletonSeparatedList(assignment))
                    .WithAdditionalAnnotations(Formatter.Annotation);
                return creation.WithoutTrailingTrivia().WithInitializer(initializer).WithTrailingTrivia(trailing);
            }

            return creation.WithInitializer(creation.Initializer.WithExpressions(Append(creation.Initializer.Expressions, assignment)));
        }

        /// <summary><c>["key"] = value</c> for a JsonObject or dictionary initializer (built, not parsed: parsed alone it would be a collection expression).</summary>
        public static ExpressionSyntax KeyAssignment(string key, ExpressionSyntax value)
            => SyntaxFactory.AssignmentExpression(
                SyntaxKind.SimpleAssignmentExpression,
                SyntaxFactory.ImplicitElementAccess(SyntaxFactory.BracketedArgumentList(SyntaxFactory.SingletonSeparatedList(
                    SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(key)))))),
                value);

        /// <summary>Adds <c>cache_control = new { type = "ephemeral" }</c> to an anonymous object.</summary>
        public static AnonymousObjectCreationExpressionSyntax AddAnonymousCacheControl(AnonymousObjectCreationExpressionSyntax anonymous)
        {
            var member = SyntaxFactory.AnonymousObjectMemberDeclarator(
                SyntaxFactory.NameEquals("cache_control"),
                SyntaxTemplates.Expression("new { type = \"ephemeral\" }"));
            return anonymous.WithInitializers(anonymous.Initializers.Add(member));
        }

        /// <summary>
        /// An array of anonymous objects whose elements now differ in shape must be <c>new object[] { … }</c>:
        /// <c>new[] { … }</c> infers one anonymous type for all elements.
        /// </summary>
        public static ExpressionSyntax AsObjectArray(ImplicitArrayCreationExpressionSyntax array)
        {
            var type = SyntaxFactory.ArrayType(
                SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.ObjectKeyword)),
                SyntaxFactory.SingletonList(SyntaxFactory.ArrayRankSpecifier(SyntaxFactory.SingletonSeparatedList<ExpressionSyntax>(SyntaxFactory.OmittedArraySizeExpression()))));
            return SyntaxFactory.ArrayCreationExpression(
                    array.NewKeyword.WithTrailingTrivia(SyntaxFactory.Space),
                    type.WithTrailingTrivia(array.CloseBracketToken.TrailingTrivia),
                    array.Initializer)
                .WithLeadingTrivia(array.GetLeadingTrivia());
        }

        /// <summary>The expression list a block sits in (collection initializer, array initializer or collection expression) and the list node.</summary>
        public static SyntaxNode? ContainingList(SyntaxNode block)
        {
            var parent = block.Parent;
            if (parent is ExpressionElementSyntax element)
            {
                return element.Parent as CollectionExpressionSyntax;
            }

            return parent as InitializerExpressionSyntax;
        }

        /// <summary>Appends an element to a list node (initializer or collection expression), following the list's layout.</summary>
        public static SyntaxNode AppendElement(SyntaxNode list, ExpressionSyntax element)
        {
            switch (list)
            {
                case InitializerExpressionSyntax initializer:
                    return initializer.WithExpressions(Append(initializer.Expressions, element));
                case CollectionExpressionSyntax collection:
                    return collection.WithElements(Append(collection.Elements, (CollectionElementSyntax)SyntaxFactory.ExpressionElement(element)));
                default:
                    return list;
            }
        }

        /// <summary>
        /// Appends to a separated list: one element per line stays one per line (with the previous element's
        /// indentation, and a trailing comma when the list had one); a one-line list gets ", element".
        /// </summary>
        public static SeparatedSyntaxList<T> Append<T>(SeparatedSyntaxList<T> items, T element)
            where T : SyntaxNode
        {
            if (items.Count == 0)
            {
                return items.Add(element);
            }

            var last = items[items.Count - 1];
            var hasTrailingSeparator = items.SeparatorCount == items.Count;
            var nodesAndTokens = items.GetWithSeparators();
            var builder = new System.Collections.Generic.List<SyntaxNodeOrToken>();
            if (hasTrailingSeparator)
            {
                var trailing = items.GetSeparator(items.Count - 1);
                builder.AddRange(nodesAndTokens);
                builder.Add(element.WithLeadingTrivia(last.GetLeadingTrivia()).WithTrailingTrivia(last.GetTrailingTrivia()));
                builder.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(trailing.TrailingTrivia));
                return SyntaxFactory.SeparatedList<T>(builder);
            }

            var multiLine = last.GetTrailingTrivia().Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            for (var i = 0; i < nodesAndTokens.Count - 1; i++)
            {
                builder.Add(nodesAndTokens[i]);
            }

            if (multiLine)
            {
                builder.Add(last.WithoutTrailingTrivia());
                builder.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(last.GetTrailingTrivia()));
                builder.Add(element.WithLeadingTrivia(last.GetLeadingTrivia()).WithTrailingTrivia(last.GetTrailingTrivia()));
            }
            else
            {
                // The space before a closing brace moves to the new last element; a comment stays where it was.
                var onlySpace = last.GetTrailingTrivia().All(t => t.IsKind(SyntaxKind.WhitespaceTrivia));
                builder.Add(onlySpace ? last.WithoutTrailingTrivia() : last);
                builder.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space));
                builder.Add(onlySpace ? element.WithTrailingTrivia(last.GetTrailingTrivia()) : element);
            }

            return SyntaxFactory.SeparatedList<T>(builder);
        }
    }
}
