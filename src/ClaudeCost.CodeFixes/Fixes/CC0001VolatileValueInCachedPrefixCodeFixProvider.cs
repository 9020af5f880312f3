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
    /// <summary>
    /// CC0001 fixes, the safe one first (dotnet format applies the first): "Use today's date instead of the current
    /// time" (the prefix then stays valid all day), and "Move the volatile part after the cached prefix".
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CC0001VolatileValueInCachedPrefixCodeFixProvider)), Shared]
    public sealed class CC0001VolatileValueInCachedPrefixCodeFixProvider : CodeFixProvider
    {
        public const string UseTodayTitle = "Use today's date instead of the current time";
        public const string MoveTitle = "Move the volatile part after the cached prefix";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.VolatileValueInCachedPrefix);

        public override FixAllProvider GetFixAllProvider()
            => FixAllProvider.Create(async (context, document, diagnostics) =>
            {
                DiagnosticRewrite rewrite = context.CodeActionEquivalenceKey == EquivalenceKeys.MoveAfterPrefix ? MoveAfterPrefix : UseToday;
                return await SequentialFixer.ApplyAsync(document, diagnostics, rewrite, DocumentCleanup.RunAsync, context.CancellationToken).ConfigureAwait(false);
            });

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (SequentialFixer.Probe(root, diagnostic, UseToday))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(UseTodayTitle, ct => SequentialFixer.ApplyAsync(context.Document, new[] { diagnostic }, UseToday, DocumentCleanup.RunAsync, ct), EquivalenceKeys.UseToday),
                        diagnostic);
                }

                if (SequentialFixer.Probe(root, diagnostic, MoveAfterPrefix))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(MoveTitle, ct => SequentialFixer.ApplyAsync(context.Document, new[] { diagnostic }, MoveAfterPrefix, DocumentCleanup.RunAsync, ct), EquivalenceKeys.MoveAfterPrefix),
                        diagnostic);
                }
            }
        }

        private static SyntaxNode? UseToday(SyntaxNode root, AnnotatedDiagnostic diagnostic)
        {
            if (!(diagnostic.PrimaryNode(root) is ExpressionSyntax node))
            {
                return null;
            }

            ExpressionSyntax? replacement = diagnostic.Property(CC0001VolatileValueInCachedPrefixAnalyzer.SourceProperty) switch
            {
                "DateTime.Now" when node is MemberAccessExpressionSyntax access && access.Name.Identifier.ValueText == "Now"
                    => access.WithName(SyntaxFactory.IdentifierName("Today").WithTriviaFrom(access.Name)),
                "DateTime.UtcNow" when node is MemberAccessExpressionSyntax
                    => SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, (ExpressionSyntax)SyntaxTemplates.Inner(node), SyntaxFactory.IdentifierName("Date")),
                "DateTimeOffset.UtcNow" when node is MemberAccessExpressionSyntax
                    => SyntaxTemplates.Expression("new global::System.DateTimeOffset(__0__.Date, global::System.TimeSpan.Zero)", SyntaxTemplates.Inner(node)),
                "DateTimeOffset.Now" when node is MemberAccessExpressionSyntax
                    => SyntaxTemplates.Expression("new global::System.DateTimeOffset(global::System.DateTime.Today)"),
                "TimeProvider.GetUtcNow()" when node is InvocationExpressionSyntax
                    => SyntaxTemplates.Expression("new global::System.DateTimeOffset(__0__.UtcDateTime.Date, global::System.TimeSpan.Zero)", SyntaxTemplates.Inner(node)),
                _ => null,
            };

            if (replacement == null)
            {
                return null;
            }

            return root.ReplaceNode(node, SyntaxTemplates.WithTriviaOf(replacement, node));
        }

        private static SyntaxNode? MoveAfterPrefix(SyntaxNode root, AnnotatedDiagnostic diagnostic)
        {
            if (diagnostic.Property(CC0001VolatileValueInCachedPrefixAnalyzer.MovableProperty) != "true")
            {
                return null;
            }

            var breakpoint = diagnostic.Property(CC0001VolatileValueInCachedPrefixAnalyzer.BreakpointProperty);
            if (breakpoint != "None" && breakpoint != "System")
            {
                // A breakpoint in the messages (or automatic caching) sits after anything we could move to.
                return null;
            }

            var volatileNode = diagnostic.PrimaryNode(root);
            var textNode = diagnostic.AdditionalNode(root, 0) as InterpolatedStringExpressionSyntax;
            var block = diagnostic.AdditionalNode(root, 1);
            if (volatileNode == null || textNode == null || block == null || !textNode.Span.Contains(volatileNode.Span))
            {
                return null;
            }

            if (!InterpolatedSplit.TrySplit(textNode, volatileNode, out var remainder, out var moved))
            {
                return null;
            }

            var addBreakpoint = breakpoint == "None";
            var surface = diagnostic.Property(CC0001VolatileValueInCachedPrefixAnalyzer.SurfaceProperty);
            var shape = diagnostic.Property(CC0001VolatileValueInCachedPrefixAnalyzer.ShapeProperty);
            var beta = surface == "OfficialSdkBeta";
            remainder = (ExpressionSyntax)SyntaxTemplates.WithTriviaOf(remainder, textNode);

            switch (surface)
            {
                case "OfficialSdk":
                case "OfficialSdkBeta":
                    if (shape == "Text" && textNode == block && addBreakpoint)
                    {
                        var list = SyntaxTemplates.Expression(
                            "new global::System.Collections.Generic.List<" + PromptSyntax.TextBlockType(beta) + "> { new " + PromptSyntax.TextBlockType(beta) + "(__0__) { CacheControl = new " + PromptSyntax.CacheControlType(beta) + "() }, new " + PromptSyntax.TextBlockType(beta) + "(__1__) }",
                            SyntaxTemplates.Inner(remainder),
                            moved);
                        return root.ReplaceNode(textNode, SyntaxTemplates.WithTriviaOf(list, textNode));
                    }

                    if (shape == "BlockList" && block is BaseObjectCreationExpressionSyntax && block.Span.Contains(textNode.Span))
                    {
                        return ReplaceInList(root, block, textNode, remainder, addBreakpoint ? PromptSyntax.OfficialCacheControlAssignment(beta) : null,
                            SyntaxTemplates.Expression("new " + PromptSyntax.TextBlockType(beta) + "(__0__)", moved));
                    }

                    return null;
                case "RawAnonymousObject":
                    if (shape == "Text" && textNode == block && addBreakpoint)
                    {
                        var array = SyntaxTemplates.Expression(
                            "new object[] { new { type = \"text\", text = __0__, cache_control = new { type = \"ephemeral\" } }, new { type = \"text\", text = __1__ } }",
                            SyntaxTemplates.Inner(remainder),
                            moved);
                        return root.ReplaceNode(textNode, SyntaxTemplates.WithTriviaOf(array, textNode));
                    }

                    if (shape == "BlockList" && block is AnonymousObjectCreationExpressionSyntax)
                    {
                        return ReplaceInAnonymousArray(root, block, textNode, remainder, addBreakpoint, moved);
                    }

                    return null;
                case "AnthropicSdk":
                    if (shape == "BlockList" && block is BaseObjectCreationExpressionSyntax creation && creation.ArgumentList != null)
                    {
                        var withText = creation.ReplaceNode(textNode, remainder);
                        if (addBreakpoint && withText.ArgumentList!.Arguments.Count == 1)
                        {
                            withText = withText.WithArgumentList(withText.ArgumentList.AddArguments(SyntaxFactory.Argument(SyntaxTemplates.Expression(
                                "new Anthropic.SDK.Messaging.CacheControl { Type = Anthropic.SDK.Messaging.CacheControlType.ephemeral }"))));
                        }

                        return AppendAfter(root, block, withText, SyntaxTemplates.Expression("new Anthropic.SDK.Messaging.SystemMessage(__0__)", moved));
                    }

                    return null;
                default:
                    return null;
            }
        }

        private static SyntaxNode? ReplaceInList(SyntaxNode root, SyntaxNode block, SyntaxNode textNode, ExpressionSyntax remainder, ExpressionSyntax? cacheControl, ExpressionSyntax newBlock)
        {
            var updated = block.ReplaceNode(textNode, remainder);
            if (cacheControl != null && updated is BaseObjectCreationExpressionSyntax creation)
            {
                updated = PromptSyntax.AddInitializerMember(creation, cacheControl);
            }

            return AppendAfter(root, block, updated, newBlock);
        }

        private static SyntaxNode? AppendAfter(SyntaxNode root, SyntaxNode block, SyntaxNode updatedBlock, ExpressionSyntax newBlock)
        {
            var list = PromptSyntax.ContainingList(block);
            if (list == null)
            {
                return null;
            }

            var updatedList = PromptSyntax.AppendElement(list.ReplaceNode(block, updatedBlock), newBlock);
            return root.ReplaceNode(list, updatedList);
        }

        private static SyntaxNode? ReplaceInAnonymousArray(SyntaxNode root, SyntaxNode block, SyntaxNode textNode, ExpressionSyntax remainder, bool addBreakpoint, ExpressionSyntax moved)
        {
            if (!(block.Parent is InitializerExpressionSyntax initializer) || !(initializer.Parent is ImplicitArrayCreationExpressionSyntax || initializer.Parent is ArrayCreationExpressionSyntax))
            {
                return null;
            }

            var updated = (AnonymousObjectCreationExpressionSyntax)block.ReplaceNode(textNode, remainder);
            if (addBreakpoint)
            {
                updated = PromptSyntax.AddAnonymousCacheControl(updated);
            }

            var newBlock = SyntaxTemplates.Expression("new { type = \"text\", text = __0__ }", moved);
            var newInitializer = initializer.ReplaceNode(block, updated);
            newInitializer = newInitializer.WithExpressions(PromptSyntax.Append(newInitializer.Expressions, newBlock));
            var array = initializer.Parent!;
            SyntaxNode newArray = array is ImplicitArrayCreationExpressionSyntax implicitArray
                ? PromptSyntax.AsObjectArray(implicitArray.WithInitializer(newInitializer))
                : ((ArrayCreationExpressionSyntax)array).WithInitializer(newInitializer);
            return root.ReplaceNode(array, newArray);
        }
    }
}
