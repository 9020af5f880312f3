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
    /// CC0002 fix: a cache breakpoint on the last stable block, in the surface's own shape. Never the top-level
    /// automatic breakpoint: on a single-turn request it lands on the unique last block and is written every call.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CC0002LargePromptWithoutCachingCodeFixProvider)), Shared]
    public sealed class CC0002LargePromptWithoutCachingCodeFixProvider : RewriteCodeFixProvider
    {
        public const string Title = "Add a cache breakpoint after the stable prompt prefix";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.LargePromptWithoutCaching);

        internal override DiagnosticRewrite Fix => AddBreakpoint;

        internal override string TitleFor(Diagnostic diagnostic) => Title;

        internal override string KeyFor(Diagnostic diagnostic) => EquivalenceKeys.AddBreakpoint;



        private static SyntaxNode? AddBreakpoint(SyntaxNode root, AnnotatedDiagnostic diagnostic)
        {
            if (!diagnostic.Diagnostic.Properties.ContainsKey(CC0002LargePromptWithoutCachingAnalyzer.FixKindProperty))
            {
                return null;
            }

            var target = diagnostic.AdditionalNode(root, 0);
            if (target == null)
            {
                return null;
            }

            var replacement = Rewrite(target, diagnostic.Diagnostic);
            if (replacement == null)
            {
                return null;
            }

            return root.ReplaceNode(replacement.Value.Old, replacement.Value.New);
        }

        /// <summary>The node to replace and its replacement; null when no safe fix exists for the shape.</summary>
        private static (SyntaxNode Old, SyntaxNode New)? Rewrite(SyntaxNode target, Diagnostic diagnostic)
        {
            diagnostic.Properties.TryGetValue(CC0002LargePromptWithoutCachingAnalyzer.SurfaceProperty, out var surface);
            diagnostic.Properties.TryGetValue(CC0002LargePromptWithoutCachingAnalyzer.ShapeProperty, out var shape);
            var beta = surface == "OfficialSdkBeta";

            switch (surface)
            {
                case "OfficialSdk":
                case "OfficialSdkBeta":
                    if (shape == "Text" && target is ExpressionSyntax text && text.Parent is AssignmentExpressionSyntax)
                    {
                        var list = SyntaxTemplates.Expression(
                            "new global::System.Collections.Generic.List<" + PromptSyntax.TextBlockType(beta) + "> { new " + PromptSyntax.TextBlockType(beta) + "(__0__) { CacheControl = new " + PromptSyntax.CacheControlType(beta) + "() } }",
                            SyntaxTemplates.Inner(text));
                        return (text, SyntaxTemplates.WithTriviaOf(list, text));
                    }

                    if (shape == "BlockList" && target is BaseObjectCreationExpressionSyntax creation)
                    {
                        return (creation, PromptSyntax.AddInitializerMember(creation, PromptSyntax.OfficialCacheControlAssignment(beta)));
                    }

                    return null;
                case "RawAnonymousObject":
                    if (shape == "Text" && target is ExpressionSyntax rawText && rawText.Parent is AnonymousObjectMemberDeclaratorSyntax)
                    {
                        var array = SyntaxTemplates.Expression(
                            "new[] { new { type = \"text\", text = __0__, cache_control = new { type = \"ephemeral\" } } }",
                            SyntaxTemplates.Inner(rawText));
                        return (rawText, SyntaxTemplates.WithTriviaOf(array, rawText));
                    }

                    if (shape == "BlockList" && target is AnonymousObjectCreationExpressionSyntax anonymous)
                    {
                        var updated = PromptSyntax.AddAnonymousCacheControl(anonymous);
                        if (anonymous.Parent is InitializerExpressionSyntax initializer && initializer.Parent is ImplicitArrayCreationExpressionSyntax implicitArray && initializer.Expressions.Count > 1)
                        {
                            var newArray = PromptSyntax.AsObjectArray(implicitArray.WithInitializer(initializer.ReplaceNode(anonymous, updated)));
                            return (implicitArray, newArray);
                        }

                        return (anonymous, updated);
                    }

                    return null;
                case "RawJsonObject":
                    if (shape == "Text" && target is ExpressionSyntax jsonText && jsonText.Parent is AssignmentExpressionSyntax)
                    {
                        var array = SyntaxTemplates.Expression(
                            "new System.Text.Json.Nodes.JsonArray { new System.Text.Json.Nodes.JsonObject { [\"type\"] = \"text\", [\"text\"] = __0__, [\"cache_control\"] = new System.Text.Json.Nodes.JsonObject { [\"type\"] = \"ephemeral\" } } }",
                            SyntaxTemplates.Inner(jsonText));
                        return (jsonText, SyntaxTemplates.WithTriviaOf(array, jsonText));
                    }

                    if (shape == "BlockList" && target is BaseObjectCreationExpressionSyntax jsonBlock && jsonBlock.Initializer != null)
                    {
                        return (jsonBlock, PromptSyntax.AddInitializerMember(jsonBlock, PromptSyntax.KeyAssignment("cache_control", SyntaxTemplates.Expression("new System.Text.Json.Nodes.JsonObject { [\"type\"] = \"ephemeral\" }"))));
                    }

                    return null;
                case "AnthropicSdk":
                    if (shape == "BlockList" && target is BaseObjectCreationExpressionSyntax systemMessage && systemMessage.ArgumentList is { Arguments: { Count: 1 } } arguments)
                    {
                        var cache = SyntaxTemplates.Expression("new Anthropic.SDK.Messaging.CacheControl { Type = Anthropic.SDK.Messaging.CacheControlType.ephemeral }");
                        return (systemMessage, systemMessage.WithArgumentList(arguments.AddArguments(SyntaxFactory.Argument(cache))));
                    }

                    return null;
                case "MicrosoftExtensionsAI":
                    if (target is BaseObjectCreationExpressionSyntax chatMessage && chatMessage.ArgumentList is { Arguments: { Count: 2 } } chatArguments)
                    {
                        var content = chatArguments.Arguments[1].Expression;
                        if (content is CollectionExpressionSyntax || content is BaseObjectCreationExpressionSyntax || content is ArrayCreationExpressionSyntax)
                        {
                            return null;
                        }

                        var contents = SyntaxTemplates.Expression(
                            "new global::System.Collections.Generic.List<Microsoft.Extensions.AI.AIContent> { new Microsoft.Extensions.AI.TextContent(__0__).WithCacheControl(new Anthropic.Models.Messages.CacheControlEphemeral()) }",
                            SyntaxTemplates.Inner(content));
                        return (content, SyntaxTemplates.WithTriviaOf(contents, content));
                    }

                    return null;
                default:
                    return null;
            }
        }
    }
}
