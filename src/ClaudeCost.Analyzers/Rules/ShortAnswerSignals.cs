using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ClaudeCost.Analyzers.Configuration;
using ClaudeCost.Analyzers.Requests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ClaudeCost.Analyzers.Rules
{
    /// <summary>
    /// Independent signals that a request's job is a short answer (classification, extraction, tagging, routing,
    /// sentiment, moderation, yes/no). Each kind counts once; rules require at least two kinds and name them.
    /// A JSON-shaped answer alone is deliberately not a signal.
    /// </summary>
    internal static class ShortAnswerSignals
    {
        private static readonly string[] s_nameWords =
        {
            "classify", "classifier", "classification", "categorize", "categorise", "categorizer", "categoriser", "categorization",
            "tag", "tagger", "tagging", "label", "labeler", "labeller", "labeling", "labelling", "route", "router", "routing",
            "sentiment", "moderate", "moderation", "moderator", "extract", "extractor", "extraction", "triage", "intent",
            "spam", "toxicity", "yesno",
        };

        private static readonly string[] s_phrases =
        {
            "classify", "categorize", "categorise", "respond with only", "reply with only", "answer with only", "respond only with",
            "reply only with", "answer only with", "answer yes or no", "answer with yes or no", "reply yes or no", "respond with yes or no",
            "one of the following", "one of these labels", "exactly one label", "only the label", "only the category",
            "single word", "one word", "sentiment",
        };

        public static List<string> Find(ClaudeRequest request, ClaudeCostOptions options, SemanticModel? model)
        {
            var signals = new List<string>();
            var name = NameSignal(request.Anchor);
            if (name != null)
            {
                signals.Add(name);
            }

            var wording = WordingSignal(request);
            if (wording != null)
            {
                signals.Add(wording);
            }

            if (request.MaxTokens is long max && max > 0 && max <= options.ShortAnswerMaxTokens)
            {
                signals.Add("MaxTokens = " + max.ToString(CultureInfo.InvariantCulture));
            }

            var answer = AnswerShapeSignal(request.Anchor, model);
            if (answer != null)
            {
                signals.Add(answer);
            }

            return signals;
        }

        private static string? NameSignal(SyntaxNode anchor)
        {
            foreach (var ancestor in anchor.Ancestors())
            {
                var (kind, identifier) = ancestor switch
                {
                    MethodDeclarationSyntax m => ("method", m.Identifier.ValueText),
                    LocalFunctionStatementSyntax l => ("method", l.Identifier.ValueText),
                    TypeDeclarationSyntax t => ("type", t.Identifier.ValueText),
                    _ => (null, null),
                };

                if (identifier != null && Words(identifier).Any(w => s_nameWords.Contains(w)))
                {
                    return kind + " name '" + identifier + "'";
                }
            }

            return null;
        }

        private static IEnumerable<string> Words(string identifier)
        {
            var start = 0;
            for (var i = 1; i <= identifier.Length; i++)
            {
                if (i == identifier.Length || char.IsUpper(identifier[i]) && !char.IsUpper(identifier[i - 1]) || identifier[i] == '_')
                {
                    var word = identifier.Substring(start, i - start).Trim('_').ToLowerInvariant();
                    if (word.Length > 0)
                    {
                        yield return word;
                    }

                    start = i;
                }
            }

            yield return identifier.ToLowerInvariant().Replace("_", "");
        }

        private static string? WordingSignal(ClaudeRequest request)
        {
            var texts = new List<string>();
            foreach (var part in request.System)
            {
                if (part.Text.ConstantText != null)
                {
                    texts.Add(part.Text.ConstantText);
                }
                else if (part.TextSyntax != null)
                {
                    texts.AddRange(StringTokens(part.TextSyntax));
                }
            }

            if (request.FirstUserMessageSyntax != null)
            {
                texts.AddRange(StringTokens(request.FirstUserMessageSyntax));
            }

            foreach (var text in texts)
            {
                var lower = text.ToLowerInvariant();
                foreach (var phrase in s_phrases)
                {
                    if (lower.IndexOf(phrase, StringComparison.Ordinal) >= 0)
                    {
                        return "prompt says '" + phrase + "'";
                    }
                }
            }

            return null;
        }

        private static IEnumerable<string> StringTokens(SyntaxNode node)
        {
            foreach (var token in node.DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.InterpolatedStringTextToken) ||
                    token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken) || token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken))
                {
                    yield return token.ValueText;
                }
            }
        }

        /// <summary>The enclosing method answers with an enum or a bool, or parses the reply into an enum.</summary>
        private static string? AnswerShapeSignal(SyntaxNode anchor, SemanticModel? model)
        {
            var method = anchor.Ancestors().OfType<MethodDeclarationSyntax>().FirstOrDefault();
            if (method == null)
            {
                return null;
            }

            foreach (var token in method.DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.IdentifierToken) && (token.ValueText == "TryParse" || token.ValueText == "Parse") &&
                    token.Parent?.Parent is MemberAccessExpressionSyntax { Expression: var target } && target.ToString() is "Enum" or "System.Enum")
                {
                    return "reply parsed as an enum";
                }
            }

            if (model == null || model.SyntaxTree != method.SyntaxTree || model.GetDeclaredSymbol(method) is not IMethodSymbol symbol)
            {
                return null;
            }

            var returned = symbol.ReturnType;
            if (returned is INamedTypeSymbol { IsGenericType: true, Name: "Task" or "ValueTask" } task && task.TypeArguments.Length == 1)
            {
                returned = task.TypeArguments[0];
            }

            if (returned is INamedTypeSymbol { IsGenericType: true, Name: "Nullable" } nullable)
            {
                returned = nullable.TypeArguments[0];
            }

            if (returned.TypeKind == TypeKind.Enum)
            {
                return "returns an enum (" + returned.Name + ")";
            }

            return returned.SpecialType == SpecialType.System_Boolean ? "returns a yes/no (bool)" : null;
        }
    }
}
