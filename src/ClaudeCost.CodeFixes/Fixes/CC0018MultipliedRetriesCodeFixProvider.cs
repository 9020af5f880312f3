using System.Collections.Immutable;
using System.Composition;
using ClaudeCost.Analyzers.Infrastructure;
using ClaudeCost.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ClaudeCost.CodeFixes.Fixes
{
    /// <summary>
    /// CC0018 fix: turn the SDK's retries off for this call only, <c>client.WithOptions(o =&gt; o with { MaxRetries = 0 })</c>
    /// (a new client view; the shared client is never changed, and <c>MaxRetries</c> is init-only anyway). Offered for
    /// official SDK calls; a call through <c>IChatClient</c> is reported without a fix.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CC0018MultipliedRetriesCodeFixProvider)), Shared]
    public sealed class CC0018MultipliedRetriesCodeFixProvider : RewriteCodeFixProvider
    {
        public const string Title = "Turn the SDK's retries off for this call (WithOptions MaxRetries = 0)";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.MultipliedRetries);

        internal override DiagnosticRewrite Fix => TurnOff;

        internal override string TitleFor(Diagnostic diagnostic) => Title;

        internal override string KeyFor(Diagnostic diagnostic) => "CC0018.TurnOffSdkRetries";

        private static SyntaxNode? TurnOff(SyntaxNode root, AnnotatedDiagnostic diagnostic)
        {
            var call = diagnostic.PrimaryNode(root);
            if (!(diagnostic.AdditionalNode(root, 0) is ExpressionSyntax target) || call == null || !call.Span.Contains(target.Span))
            {
                return null;
            }

            return root.ReplaceNode(target, RetrySyntax.WithoutSdkRetries(target));
        }
    }
}
