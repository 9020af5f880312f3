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
                    // Parsed, not built: built tokens carry elastic trivia, around which the code action reformats
                    // (moving comments on the neighbouring entries).
                    var member = ((AnonymousObjectCreationExpressionSyntax)SyntaxFactory.ParseExpression("new { max_tokens = " + limit + " }")).Initializers[0];
                    return anonymous.WithInitializers(InsertAfterModel(anonymous.Initializers, member, m => (m.NameEquals?.Name.Identifier.ValueText ?? m.Expression.ToString()) == "model"));
                case "RawJsonObject" or "RawDictionary" or "OfficialSdkRawBody" when body is BaseObjectCreationExpressionSyntax { Initializer: { } initializer } creation:
                    var addStyle = initializer.Expressions.Count > 0 && initializer.Expressions[0] is InitializerExpressionSyntax;
                    var parsed = (ObjectCreationExpressionSyntax)SyntaxFactory.ParseExpression(addStyle
                        ? "new D { { \"max_tokens\", " + limit + " } }"
                        : "new D { [\"max_tokens\"] = " + limit + " }");
                    var entry = parsed.Initializer!.Expressions[0].WithoutTrivia();
                    if (surface == "OfficialSdkRawBody")
                    {
                        // FromRawUnchecked bodies hold JsonElement values (the template's qualified name is simplified).
                        var number = entry.DescendantNodes().OfType<LiteralExpressionSyntax>().Last();
                        var element = SyntaxTemplates.Expression("System.Text.Json.JsonSerializer.SerializeToElement(" + limit + ")")
                            .WithoutAnnotations(Microsoft.CodeAnalysis.Formatting.Formatter.Annotation);
                        entry = entry.ReplaceNode(number, element.WithTriviaFrom(number));
                    }

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

        /// <summary>
        /// Inserts right after the model entry (where readers look for it), or at the end. The new entry takes the next
        /// entry's indentation only (its comments stay with it) and a separator that ends its line when the list is
        /// written one entry per line.
        /// </summary>
        private static SeparatedSyntaxList<T> InsertAfterModel<T>(SeparatedSyntaxList<T> items, T item, System.Func<T, bool> isModel)
            where T : SyntaxNode
        {
            for (var i = 0; i < items.Count; i++)
            {
                if (!isModel(items[i]))
                {
                    continue;
                }

                if (i + 1 >= items.Count || i >= items.SeparatorCount)
                {
                    break;
                }

                var separator = items.GetSeparator(i);
                var endOfLine = separator.TrailingTrivia.LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
                var onePerLine = endOfLine.IsKind(SyntaxKind.EndOfLineTrivia);
                var list = items.GetWithSeparators();
                var index = list.IndexOf(separator);

                SyntaxNodeOrToken[] inserted;
                if (onePerLine)
                {
                    // The model line keeps its comment; the new line takes the next entry's indentation.
                    var indentation = items[i + 1].GetLeadingTrivia().TakeWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia));
                    inserted = new SyntaxNodeOrToken[] { item.WithLeadingTrivia(indentation), SyntaxFactory.Token(default, SyntaxKind.CommaToken, SyntaxFactory.TriviaList(endOfLine)) };
                }
                else
                {
                    // One line: what followed the model's comma (a comment) now follows the new entry's.
                    list = list.Replace(separator, separator.WithTrailingTrivia(SyntaxFactory.Space));
                    inserted = new SyntaxNodeOrToken[] { item.WithoutTrivia(), SyntaxFactory.Token(default, SyntaxKind.CommaToken, separator.TrailingTrivia) };
                }

                list = list.InsertRange(index + 1, inserted);
                return SyntaxFactory.SeparatedList<T>(list);
            }

            return PromptSyntax.Append(items, item);
        }
    }
}
