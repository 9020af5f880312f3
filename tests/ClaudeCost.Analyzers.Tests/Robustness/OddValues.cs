using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ClaudeCost.Analyzers.Tests.Robustness;

/// <summary>
/// The rule tests' sources with the prompt of a request (the value of <c>System =</c>, <c>system =</c>,
/// <c>["system"] =</c>, <c>Instructions =</c>, or the text argument of a system block or message) replaced by odd values:
/// null and default in every spelling, throw expressions, lambdas and method groups, empty and nested interpolations,
/// verbatim and raw interpolations with line breaks, composite and date format strings that .NET itself rejects,
/// comments in holes, collection expressions, target-typed new. Each seed gets a few of them, taking turns, so that
/// every value is used with several request surfaces.
/// </summary>
internal static class OddValues
{
    private const string Now = "global::System.DateTime.Now";

    public static readonly string[] Values =
    {
        "null",
        "default",
        "null!",
        "default(string)!",
        "throw new global::System.InvalidOperationException()",
        "(x => x)",
        "ToString",
        "$\"\"",
        "$\"{" + Now + "}\"",
        "$\"{" + Now + "}{" + Now + ":}{" + Now + ",}\"",
        "$\"{" + Now + ":'unterminated}\"",
        Now + ".ToString(\"\\\\\")",
        Now + ".ToString(\"'\")",
        Now + ".ToString(\"%\")",
        "string.Format(\"{0\", " + Now + ")",
        "string.Format(\"{99}{x}{0:}{-1}{0,}{ 0 }{0:{1}}\", " + Now + ")",
        "string.Format(\"{0:yyyy'}\", " + Now + ")",
        "string.Format(null!, " + Now + ")",
        "$@\"{{x}} {" + Now + ",-20:yyyy'-'MM\\:HH} \\n {\"a\"}\"",
        "$$\"\"\"{{" + Now + ":O}} {not a hole}\"\"\"",
        "$\"\"\"\n    Line one.\n    Now {" + Now + "}.\n    Line three.\n    \"\"\"",
        "$\"Line one.\\nNow {" + Now + "}.\\nLast.\"",
        "@$\"Multi\nline {" + Now + "}\ntext\"",
        "$\"A. {$\"{" + Now + "}\"} B. {(true ? " + Now + " : default)} C.\"",
        "$\"Start. {" + Now + "}\"",
        "$\"{" + Now + "} end.\"",
        "$\"{/* c */ " + Now + " /* d */}. Tail.\"",
        "$\"Now {" + Now + ":HH\\\\:mm\\\\:ss}. Then.\"",
        "\"\" + " + Now + " + null + default(string) + 'c' + 1.5m",
        "new string('x', 5000) + " + Now,
        "(global::System.String)(object)" + Now + ".ToString()",
        Now + " is var d ? $\"{d}\" : \"x\"",
        "nameof(global::System.DateTime.Now) + typeof(global::System.DateTime)",
        "[]",
        "[.. new[] { \"a\" }, $\"{" + Now + "}\"]",
        "new()",
        "await global::System.Threading.Tasks.Task.FromResult($\"{" + Now + "}\")",
        "global::System.Environment.GetEnvironmentVariable(\"X\") ?? $\"{global::System.Guid.NewGuid()}\"",
        "string.Concat()",
        "string.Join(\",\", (string[])null!)",
        "global::System.Text.Encoding.UTF8.GetString(\"x\"u8)",
        "(string)(object)1",
        "$\"{{{" + Now + "}}}\"",
    };

    /// <summary>Per seed, this many values are tried.</summary>
    public const int PerSeed = 8;

    /// <summary>The seed with one of its prompt slots replaced by <see cref="PerSeed"/> values, taking turns over <see cref="Values"/>.</summary>
    public static IEnumerable<Mutation> Substitutions(string text, int seedIndex)
    {
        var root = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Preview)).GetRoot();
        var slots = root.DescendantNodes().Select(PromptSlot).OfType<ExpressionSyntax>().ToList();
        if (slots.Count == 0)
        {
            yield break;
        }

        for (var i = 0; i < PerSeed; i++)
        {
            var slot = slots[(seedIndex + i) % slots.Count];
            var value = Values[(seedIndex * PerSeed + i) % Values.Length];
            yield return new Mutation(
                $"prompt '{SeedCatalog.Abbreviate(slot.ToString())}' replaced by {SeedCatalog.Abbreviate(value)}",
                text.Substring(0, slot.SpanStart) + value + text.Substring(slot.Span.End));
        }
    }

    private static ExpressionSyntax? PromptSlot(SyntaxNode node) => node switch
    {
        AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "System" or "system" or "Instructions" } } assignment
            when assignment.Parent is InitializerExpressionSyntax => assignment.Right,
        AssignmentExpressionSyntax { Left: ImplicitElementAccessSyntax access } assignment
            when access.ArgumentList.Arguments.Count == 1 && access.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax { Token.ValueText: "system" } => assignment.Right,
        AnonymousObjectMemberDeclaratorSyntax { NameEquals.Name.Identifier.ValueText: "system" } member => member.Expression,
        BaseObjectCreationExpressionSyntax { ArgumentList.Arguments: [var role, var content] }
            when role.Expression.ToString() == "ChatRole.System" => content.Expression,
        BaseObjectCreationExpressionSyntax { ArgumentList.Arguments: [var first, ..] } creation
            when creation is ObjectCreationExpressionSyntax { Type: var type } && type.ToString() is "TextBlockParam" or "SystemMessage" or "TextContent"
            => first.Expression,
        ImplicitObjectCreationExpressionSyntax { ArgumentList.Arguments: [var only], Initializer: { } initializer }
            when initializer.ToString().Contains("CacheControl", StringComparison.Ordinal) => only.Expression,
        _ => null,
    };
}
