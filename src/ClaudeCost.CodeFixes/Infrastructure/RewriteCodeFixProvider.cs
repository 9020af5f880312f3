using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ClaudeCost.CodeFixes.Infrastructure
{
    /// <summary>
    /// A code fix that is one syntax rewrite per diagnostic: validated before it is offered, applied through the
    /// sequential fixer (so FixAll equals fixing one by one), then cleaned up (usings, simplification, formatting of
    /// what the fix wrote only).
    /// </summary>
    public abstract class RewriteCodeFixProvider : CodeFixProvider
    {
        /// <summary>The rewrite; returns null when it does not apply.</summary>
        internal abstract DiagnosticRewrite Fix { get; }

        internal abstract string TitleFor(Diagnostic diagnostic);

        internal abstract string KeyFor(Diagnostic diagnostic);

        /// <summary>Adds usings and simplifies/format annotated code; override for rewrites that need none.</summary>
        internal virtual Task<Document> FinishAsync(Document document, CancellationToken cancellationToken)
            => DocumentCleanup.RunAsync(document, cancellationToken);

        public sealed override FixAllProvider GetFixAllProvider() => SequentialFixer.Create(Fix, FinishAsync);

        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (!SequentialFixer.Probe(root, diagnostic, Fix))
                {
                    continue;
                }

                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(TitleFor(diagnostic), ct => SequentialFixer.ApplyAsync(document, new[] { diagnostic }, Fix, FinishAsync, ct), KeyFor(diagnostic)),
                    diagnostic);
            }
        }
    }
}
