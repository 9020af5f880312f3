using System.Collections.Immutable;
using System.Composition;
using System.Linq;
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
    /// <summary>CC0005 fix: add the output limit (claudecost.cc0005.default_max_tokens, 1024 by default) in the surface's own shape.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CC0005MissingOutputLimitCodeFixProvider)), Shared]
    public sealed class CC0005MissingOutputLimitCodeFixProvider : RewriteCodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.MissingOutputLimit);

        internal override DiagnosticRewrite Fix => AddLimit;

        internal override string TitleFor(Diagnostic diagnostic) => "Add max_tokens = " + diagnostic.Properties[CC0005MissingOutputLimitAnalyzer.LimitProperty];

        internal override string KeyFor(Diagnostic diagnostic) => "CC0005.AddLimit";



        private static SyntaxNode? AddLimit(SyntaxNode root, AnnotatedDiagnostic diagnostic)
        {
            var body = diagnostic.AdditionalNode(root, 0);
            var rewritten = body == null ? null : Rewrite(body, diagnostic.Diagnostic);
            return rewritten == null ? null : root.ReplaceNode(body!, rewritten);
        }

        private static SyntaxNode? Rewrite(SyntaxNode body, Diagnostic diagnostic)
        {
            diagnostic.Properties.TryGetValue(CC0005MissingOutputLimitAnalyzer.SurfaceProperty, out var surface);
            diagnostic.Properties.TryGetValue(CC0005MissingOutputLimitAnalyzer.LimitProperty, out var limit);
            if (limit == null)
            {
                return null;
            }

            switch (surface)
            {
                case "RawAnonymousObject" when body is AnonymousObjectCreationExpressionSyntax anonymous:
                    var member = SyntaxFactory.AnonymousObjectMemberDeclarator(
                        SyntaxFactory.NameEquals("max_tokens"),
                        SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(int.Parse(limit, System.Globalization.CultureInfo.InvariantCulture))));
                    return anonymous.WithInitializers(InsertAfterModel(anonymous.Initializers, member, m => (m.NameEquals?.Name.Identifier.ValueText ?? m.Expression.ToString()) == "model"));
                case "RawJsonObject" or "RawDictionary" when body is BaseObjectCreationExpressionSyntax { Initializer: { } initializer } creation:
                    var addStyle = initializer.Expressions.Count > 0 && initializer.Expressions[0] is InitializerExpressionSyntax;
                    ExpressionSyntax entry = addStyle
                        ? SyntaxFactory.InitializerExpression(SyntaxKind.ComplexElementInitializerExpression, SyntaxFactory.SeparatedList<ExpressionSyntax>(new ExpressionSyntax[]
                        {
                            SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal("max_tokens")),
                            SyntaxFactory.ParseExpression(limit),
                        }))
                        : PromptSyntax.KeyAssignment("max_tokens", SyntaxFactory.ParseExpression(limit));
                    return creation.WithInitializer(initializer.WithExpressions(InsertAfterModel(initializer.Expressions, entry, IsModelEntry)));
                case "AnthropicSdk" when body is BaseObjectCreationExpressionSyntax sdk:
                    return PromptSyntax.AddInitializerMember(sdk, SyntaxTemplates.Expression("MaxTokens = " + limit));
                case "BedrockConverse" when body is BaseObjectCreationExpressionSyntax converse:
                    var existing = converse.Initializer?.Expressions.OfType<AssignmentExpressionSyntax>()
                        .FirstOrDefault(a => a.Left is IdentifierNameSyntax { Identifier.ValueText: "InferenceConfig" });
                    if (existing != null)
                    {
                        return existing.Right is BaseObjectCreationExpressionSyntax config
                            ? converse.ReplaceNode(config, PromptSyntax.AddInitializerMember(config, SyntaxTemplates.Expression("MaxTokens = " + limit)))
                            : null;
                    }

                    return PromptSyntax.AddInitializerMember(converse, SyntaxTemplates.Expression("InferenceConfig = new Amazon.BedrockRuntime.Model.InferenceConfiguration { MaxTokens = " + limit + " }"));
                default:
                    return null;
            }
        }

        private static bool IsModelEntry(ExpressionSyntax expression) => expression switch
        {
            AssignmentExpressionSyntax { Left: ImplicitElementAccessSyntax access } => access.ArgumentList.Arguments.Count == 1 && access.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax { Token.ValueText: "model" },
            InitializerExpressionSyntax { Expressions.Count: 2 } pair => pair.Expressions[0] is LiteralExpressionSyntax { Token.ValueText: "model" },
            _ => false,
        };

        /// <summary>Inserts right after the model entry (where readers look for it), or at the end.</summary>
        private static SeparatedSyntaxList<T> InsertAfterModel<T>(SeparatedSyntaxList<T> items, T item, System.Func<T, bool> isModel)
            where T : SyntaxNode
        {
            for (var i = 0; i < items.Count; i++)
            {
                if (isModel(items[i]))
                {
                    return items.Insert(i + 1, item.WithLeadingTrivia(i + 1 < items.Count ? items[i + 1].GetLeadingTrivia() : items[i].GetLeadingTrivia()));
                }
            }

            return PromptSyntax.Append(items, item);
        }
    }
}
