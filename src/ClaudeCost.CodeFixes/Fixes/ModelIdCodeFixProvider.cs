using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using ClaudeCost.Analyzers.Infrastructure;
using ClaudeCost.Analyzers.Knowledge;
using ClaudeCost.Analyzers.Rules;
using ClaudeCost.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace ClaudeCost.CodeFixes.Fixes
{
    /// <summary>
    /// The model-id rules' fix: the replacement id in the same form (a string stays a string in the same literal kind;
    /// an SDK enum member becomes the replacement's member when the SDK has one). Declined when the request sets
    /// temperature, top_p or top_k and the replacement is a 4.7-or-later model (those fail with HTTP 400 there).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ModelIdCodeFixProvider)), Shared]
    public sealed class ModelIdCodeFixProvider : RewriteCodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(
            DiagnosticIds.RetiredModel, DiagnosticIds.UnknownModelId, DiagnosticIds.ModelScheduledForRetirement, DiagnosticIds.CheaperSuccessorModel);


        internal override DiagnosticRewrite Fix => Replace;

        internal override string TitleFor(Diagnostic diagnostic) => Title(diagnostic.Id, diagnostic.Properties[ModelIdAnalyzer.ReplacementProperty] ?? "");

        internal override string KeyFor(Diagnostic diagnostic) => diagnostic.Id + ".UseReplacement";

        internal override Task<Document> FinishAsync(Document document, System.Threading.CancellationToken cancellationToken) => Task.FromResult(document);

        public static string Title(string diagnosticId, string replacement) => diagnosticId switch
        {
            "CC0016" => "Use " + replacement + " (cheaper; behaviour may change)",
            "CC0019" => "Use " + replacement,
            _ => "Use " + replacement + " (the successor; behaviour may change)",
        };


        private static SyntaxNode? Replace(SyntaxNode root, AnnotatedDiagnostic diagnostic)
        {
            var replacement = diagnostic.Property(ModelIdAnalyzer.ReplacementProperty);
            var node = diagnostic.PrimaryNode(root);
            if (replacement == null || node == null)
            {
                return null;
            }

            var rewritten = Rewrite(node, replacement, diagnostic.Diagnostic);
            return rewritten == null ? null : root.ReplaceNode(node, rewritten);
        }

        private static SyntaxNode? Rewrite(SyntaxNode node, string replacement, Diagnostic? diagnostic = null)
        {
            if (diagnostic != null &&
                diagnostic.Properties.ContainsKey(ModelIdAnalyzer.SamplingProperty) &&
                diagnostic.Properties.ContainsKey(ModelIdAnalyzer.ReplacementRejectsSamplingProperty))
            {
                return null;
            }

            switch (node)
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                    var token = literal.Token;
                    var text = token.Text.Replace(token.ValueText, replacement);
                    if (text == token.Text)
                    {
                        return null;
                    }

                    var newToken = SyntaxFactory.Token(token.LeadingTrivia, token.Kind(), text, replacement, token.TrailingTrivia);
                    return literal.WithToken(newToken);
                case MemberAccessExpressionSyntax access when diagnostic == null || diagnostic.Properties.ContainsKey(ModelIdAnalyzer.ReplacementMemberProperty):
                    var member = diagnostic?.Properties[ModelIdAnalyzer.ReplacementMemberProperty] ?? access.Name.Identifier.ValueText;
                    return access.WithName(SyntaxFactory.IdentifierName(member!).WithTriviaFrom(access.Name));
                default:
                    return null;
            }
        }
    }
}
