using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using ClaudeCost.Analyzers.Infrastructure;
using ClaudeCost.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ClaudeCost.CodeFixes.Fixes
{
    /// <summary>CC0014 fix: remove the thinking / reasoning member from the request's initializer (directives kept).</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CC0014ThinkingOnShortAnswerCodeFixProvider)), Shared]
    public sealed class CC0014ThinkingOnShortAnswerCodeFixProvider : RewriteCodeFixProvider
    {
        public const string Title = "Remove extended thinking from this request (answer quality may change)";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.ThinkingOnShortAnswerPath);

        internal override DiagnosticRewrite Fix => Remove;

        internal override string TitleFor(Diagnostic diagnostic) => Title;

        internal override string KeyFor(Diagnostic diagnostic) => "CC0014.RemoveThinking";

        internal override Task<Document> FinishAsync(Document document, System.Threading.CancellationToken cancellationToken) => Task.FromResult(document);



        private static bool IsRemovable(SyntaxNode node)
            => node is AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax } || node is AnonymousObjectMemberDeclaratorSyntax;

        private static SyntaxNode? Remove(SyntaxNode root, AnnotatedDiagnostic diagnostic)
        {
            var node = diagnostic.PrimaryNode(root);
            if (node == null || !IsRemovable(node))
            {
                return null;
            }

            return root.RemoveNode(node, SyntaxRemoveOptions.KeepDirectives | SyntaxRemoveOptions.KeepUnbalancedDirectives);
        }
    }
}
