using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace ClaudeCost.Analyzers.Tests.Robustness;

/// <summary>A mutated copy of a text and a description of the mutation (where it was cut, which tokens were removed).</summary>
internal readonly record struct Mutation(string Description, string Text);

/// <summary>
/// Broken copies of valid code, as an editor sees it while the user types: the code truncated at many points (every
/// <c>stride</c>-th character, and every token boundary inside request-like code), and the code with a few random tokens
/// deleted (fixed seeds, so every run sees the same inputs).
/// </summary>
internal static class Mutations
{
    private static readonly HashSet<string> s_requestInvocations = new(StringComparer.Ordinal)
    {
        "Create", "CreateStreaming", "GetResponseAsync", "GetStreamingResponseAsync", "PostAsJsonAsync", "PostAsync", "SendAsync",
        "GetClaudeMessageAsync", "StreamClaudeMessageAsync", "AsIChatClient", "WithCacheControl", "Append", "AppendLine", "AppendFormat",
        "Format", "Concat", "Join", "ConverseAsync", "InvokeModelAsync", "CreateAsync",
    };

    private static readonly string[] s_requestKeys = { "model", "system", "messages", "cache_control", "max_tokens" };

    /// <summary>Prefixes of <paramref name="text"/>: every <paramref name="stride"/>-th position, and at most
    /// <paramref name="maxTokenCuts"/> token boundaries inside request-like code (spread evenly).</summary>
    public static IEnumerable<Mutation> Truncations(string text, int stride, int maxTokenCuts)
    {
        var points = new SortedSet<int>();
        for (var position = stride; position < text.Length; position += stride)
        {
            points.Add(position);
        }

        var boundaries = RequestTokenBoundaries(text).Where(p => p > 0 && p < text.Length).Distinct().OrderBy(p => p).ToList();
        foreach (var point in Spread(boundaries, maxTokenCuts))
        {
            points.Add(point);
        }

        var source = SourceText.From(text);
        foreach (var point in points)
        {
            var position = source.Lines.GetLinePosition(point);
            yield return new Mutation(
                $"cut at offset {point} (line {position.Line + 1}, column {position.Character + 1}, after '{Tail(text, point)}')",
                text.Substring(0, point));
        }
    }

    /// <summary><paramref name="variants"/> copies with 1–3 random tokens deleted, half of them inside request-like code.</summary>
    public static IEnumerable<Mutation> TokenDeletions(string text, int variants, int seed)
    {
        var root = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Preview)).GetRoot();
        var tokens = root.DescendantTokens(descendIntoTrivia: false).Where(t => t.Span.Length > 0).ToList();
        if (tokens.Count == 0)
        {
            yield break;
        }

        var regions = RequestNodes(root).Select(n => n.Span).ToList();
        var inRequests = tokens.Where(t => regions.Any(r => r.Contains(t.Span))).ToList();
        var source = SourceText.From(text);
        for (var variant = 0; variant < variants; variant++)
        {
            var random = new Random(unchecked(seed * 7919 + variant));
            var count = 1 + variant % 3;
            var chosen = new SortedDictionary<int, SyntaxToken>();
            for (var i = 0; i < count; i++)
            {
                var pool = inRequests.Count > 0 && random.Next(2) == 0 ? inRequests : tokens;
                var token = pool[random.Next(pool.Count)];
                chosen[token.SpanStart] = token;
            }

            var builder = new StringBuilder(text);
            foreach (var token in chosen.Values.Reverse())
            {
                builder.Remove(token.SpanStart, token.Span.Length);
            }

            var described = string.Join(", ", chosen.Values.Select(t =>
            {
                var position = source.Lines.GetLinePosition(t.SpanStart);
                return $"'{SeedCatalog.Abbreviate(t.Text)}' at line {position.Line + 1}, column {position.Character + 1}";
            }));
            yield return new Mutation($"random seed {seed}/{variant}: deleted {described}", builder.ToString());
        }
    }

    /// <summary>Token starts and ends inside request-like nodes (requests, bodies, prompt builders).</summary>
    private static IEnumerable<int> RequestTokenBoundaries(string text)
    {
        var root = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Preview)).GetRoot();
        foreach (var node in RequestNodes(root))
        {
            foreach (var token in node.DescendantTokens())
            {
                yield return token.SpanStart;
                yield return token.Span.End;
            }
        }
    }

    /// <summary>The outermost request-like nodes: request objects, anonymous/JSON bodies, SDK calls, prompt building.</summary>
    private static List<SyntaxNode> RequestNodes(SyntaxNode root)
    {
        var result = new List<SyntaxNode>();
        foreach (var node in root.DescendantNodes(n => !result.Any(r => r.Span.Contains(n.Span))))
        {
            if (result.Any(r => r.Span.Contains(node.Span)))
            {
                continue;
            }

            if (IsRequestLike(node))
            {
                result.Add(node);
            }
        }

        return result;
    }

    private static bool IsRequestLike(SyntaxNode node) => node switch
    {
        ObjectCreationExpressionSyntax creation => IsRequestTypeName(creation.Type.ToString()) || creation.Initializer is not null && MentionsKeys(creation.Initializer),
        ImplicitObjectCreationExpressionSyntax implicitCreation => implicitCreation.Initializer is not null && MentionsKeys(implicitCreation.Initializer),
        AnonymousObjectCreationExpressionSyntax anonymous => anonymous.Initializers.Any(i => i.NameEquals is not null && s_requestKeys.Contains(i.NameEquals.Name.Identifier.ValueText)),
        InvocationExpressionSyntax invocation => invocation.Expression switch
        {
            MemberAccessExpressionSyntax member => s_requestInvocations.Contains(member.Name.Identifier.ValueText),
            IdentifierNameSyntax name => s_requestInvocations.Contains(name.Identifier.ValueText),
            _ => false,
        },
        InterpolatedStringExpressionSyntax interpolated => interpolated.ToString().Contains("model", StringComparison.Ordinal),
        LiteralExpressionSyntax literal => literal.Token.ValueText.Contains("\"model\"", StringComparison.Ordinal),
        _ => false,
    };

    private static bool IsRequestTypeName(string name)
    {
        var simple = name.Split('.').Last();
        return simple.EndsWith("Params", StringComparison.Ordinal)
            || simple.EndsWith("Parameters", StringComparison.Ordinal)
            || simple.EndsWith("Request", StringComparison.Ordinal)
            || simple is "ChatOptions" or "ChatMessage" or "TextContent" or "JsonObject" or "SystemMessage" or "TextBlockParam" or "StringBuilder"
            || simple.StartsWith("Dictionary", StringComparison.Ordinal)
            || simple.StartsWith("List<TextBlockParam", StringComparison.Ordinal);
    }

    private static bool MentionsKeys(InitializerExpressionSyntax initializer)
    {
        var text = initializer.ToString();
        return s_requestKeys.Any(k => text.Contains("\"" + k + "\"", StringComparison.Ordinal))
            || text.Contains("Model", StringComparison.Ordinal) && text.Contains("Messages", StringComparison.Ordinal);
    }

    private static IEnumerable<int> Spread(List<int> points, int max)
    {
        if (points.Count <= max)
        {
            return points;
        }

        return Enumerable.Range(0, max).Select(i => points[(int)((long)i * points.Count / max)]);
    }

    private static string Tail(string text, int point)
    {
        var start = Math.Max(0, point - 24);
        return SeedCatalog.Abbreviate(text.Substring(start, point - start)).Replace("'", "’", StringComparison.Ordinal);
    }

    /// <summary>A stable (not per-process randomized) hash for fixed random seeds.</summary>
    public static int StableHash(string text)
    {
        unchecked
        {
            var hash = (int)2166136261;
            foreach (var c in text)
            {
                hash = (hash ^ c) * 16777619;
            }

            return hash & 0x7FFFFFFF;
        }
    }

    public static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
