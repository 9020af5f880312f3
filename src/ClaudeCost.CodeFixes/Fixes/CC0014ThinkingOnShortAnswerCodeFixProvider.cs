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
    public sealed class CC0014ThinkingOnShortAnswerCodeFixProvider : CodeFixProvider
    {
        public const string Title = "Remove extended thinking from this request (answer quality may change)";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.ThinkingOnShortAnswerPath);

        public override FixAllProvider GetFixAllProvider() => SequentialFixer.Create(Remove, (d, _) => Task.FromResult(d));

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                var node = SequentialFixer.FindNode(root, diagnostic.Location);
                if (node == null || !IsRemovable(node))
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => SequentialFixer.ApplyAsync(context.Document, new[] { diagnostic }, Remove, (d, _) => Task.FromResult(d), ct), "CC0014.RemoveThinking"),
                    diagnostic);
            }
        }

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
