using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace ClaudeCost.Analyzers.Tests.Robustness;

/// <summary>
/// Generated inputs whose nesting depth or length the source controls: long concatenations, deep parentheses, huge
/// interpolations, nested lambdas and initializers, deep ternaries, long StringBuilder sequences, call chains and
/// recursion that build a prompt, deep JSON text. Each flows into the system prompt of Claude requests of several
/// client surfaces. They run on a small stack as well (<see cref="RobustInput.SmallStack"/>).
/// </summary>
internal static class DeepInputs
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Text;
        using System.Text.Json.Nodes;
        using System.Threading.Tasks;
        using Anthropic;
        using Anthropic.Models.Messages;
        using Microsoft.Extensions.AI;

        """;

    public static IEnumerable<RobustInput> All()
    {
        // Each expression is used as the system prompt of every request surface below.
        var expressions = new List<(string Name, string Expression, string Members)>
        {
            ("5,000-part string concatenation", Concatenation(5000), ""),
            ("5,000-part concatenation, right-nested by parentheses at every 10th part", RightNestedConcatenation(5000), ""),
            ("500 nested parentheses", new string('(', 500) + "\"You are a support agent. \" + DateTime.UtcNow" + new string(')', 500), ""),
            ("2,000-hole interpolated string", Interpolation(2000), ""),
            ("1,000-level nested ternary (right)", Ternary(1000), ""),
            ("1,000-level nested ternary (left, in the condition)", LeftTernary(1000), ""),
            ("300 nested lambdas invoked in place", NestedLambdas(300), ""),
            ("60 nested anonymous-object initializers", NestedAnonymous(60), ""),
            ("5,000 fluent StringBuilder.Append calls", FluentAppends(5000), ""),
            ("200-deep helper call chain", "Prompt0()", CallChain(200)),
            ("recursive and mutually recursive prompt builders", "Recursive(50) + Ping(10)", Recursion()),
            ("5,000 locals each built from the previous one", "Chain()", LocalChain(5000)),
            ("StringBuilder with 5,000 Append statements", "Built()", AppendStatements(5000)),
            ("200 nested string.Format calls", NestedFormat(200), ""),
            ("2,000-argument string.Concat", "string.Concat(" + string.Join(", ", Enumerable.Range(0, 2000).Select(i => i % 97 == 0 ? "DateTime.Now.ToString()" : Literal(i))) + ")", ""),
            ("200 nested null-coalescing operators", string.Concat(Enumerable.Range(0, 200).Select(i => "(Maybe" + (i % 3) + "() ?? ")) + "\"policy\"" + new string(')', 200), Maybes()),
        };

        // Every expression before a cache breakpoint of an official SDK request (the richest path: CC0001 and CC0002 and
        // both fixes), and in one more surface, taking turns (the surfaces differ in how they find the prompt, not in how
        // they evaluate it).
        for (var i = 0; i < expressions.Count; i++)
        {
            var (name, expression, members) = expressions[i];
            yield return Deep(name + " in an official SDK request, before a cache breakpoint", Usings + Official(expression, members, cached: true));
            yield return (i % 3) switch
            {
                0 => Deep(name + " in an official SDK request", Usings + Official(expression, members, cached: false)),
                1 => Deep(name + " in a raw HTTP anonymous body", Usings + RawBody(expression, members)),
                _ => Deep(name + " in a Microsoft.Extensions.AI chat", Usings + ExtensionsAI(expression, members)),
            };
        }

        yield return Deep("300 nested object initializers of a JsonObject body", Usings + Wrap("JsonObject Build() => " + NestedJsonObject(300) + ";"));
        yield return Deep("200 nested collection expressions in the system blocks", Usings + Wrap(
            "object Build(AnthropicClient client) => client.Messages.Create(new MessageCreateParams { Model = Model.ClaudeSonnet4_6, MaxTokens = 10, " +
            "System = new List<TextBlockParam> { new(\"policy\") { CacheControl = new CacheControlEphemeral() } }, Messages = [new UserMessageParam(\"q\")], " +
            "Metadata = null, StopSequences = " + new string('[', 200) + "\"x\"" + new string(']', 200) + " });"));
        yield return Deep("5,000-deep JSON text body", Usings + Wrap(
            "string Build() => \"{\\\"model\\\": \\\"claude-sonnet-4-6\\\", \\\"system\\\": \\\"policy\\\", \\\"messages\\\": " +
            string.Concat(Enumerable.Repeat("[", 5000)) + string.Concat(Enumerable.Repeat("]", 5000)) + "}\";"));
        yield return Deep("5,000-deep JSON object nesting in a raw string body", Usings + Wrap(
            "string Build() => \"\"\"\n{\"model\": \"claude-sonnet-4-6\", \"system\": [{\"type\": \"text\", \"text\": \"policy\", \"cache_control\": " +
            string.Concat(Enumerable.Repeat("{\"a\": ", 5000)) + "1" + new string('}', 5000) + "}], \"messages\": []}\n\"\"\";"));
        yield return Deep("1,000-hole interpolated JSON text body", Usings + Wrap(
            "string Build(string q) => $$\"\"\"\n{\"model\": \"claude-sonnet-4-6\", \"system\": [{\"type\": \"text\", \"text\": \"" +
            string.Concat(Enumerable.Range(0, 1000).Select(i => i % 50 == 0 ? "{{DateTime.UtcNow}}" : "p" + i.ToString(CultureInfo.InvariantCulture) + "{{q}}")) +
            "\", \"cache_control\": {\"type\": \"ephemeral\"}}], \"messages\": []}\n\"\"\";"));
        yield return Deep("500 nested blocks around the request", Usings + Wrap(
            "async Task Ask(AnthropicClient client, bool c) {" + string.Concat(Enumerable.Repeat(" if (c) {", 500)) +
            " await client.Messages.Create(new MessageCreateParams { Model = Model.ClaudeSonnet4_6, MaxTokens = 10, System = $\"Now {DateTime.Now}\", Messages = [] });" +
            new string('}', 500) + " }"));
        yield return Deep("1,000 requests in one method", Usings + Wrap(
            "async Task Ask(AnthropicClient client, string q) {\n" + string.Concat(Enumerable.Range(0, 1000).Select(i =>
                $"    await client.Messages.Create(new MessageCreateParams {{ Model = Model.ClaudeSonnet4_6, MaxTokens = {i + 1}, System = $\"Rule {i}: now {{DateTime.UtcNow}}\", Messages = [new UserMessageParam(q)] }});\n")) +
            "}"));
    }

    private static RobustInput Deep(string name, string text) => new("deep", name, text) { SmallStack = true };

    private static string Wrap(string members) => "partial class Deep\n{\n" + members + "\n}\n";

    private static string Official(string expression, string members, bool cached)
    {
        var system = cached
            ? $"new List<TextBlockParam> {{ new({expression}) {{ CacheControl = new CacheControlEphemeral() }} }}"
            : expression;
        return Wrap(members + $$"""
                async Task Ask(AnthropicClient client, string question, bool c0, bool c1, string user)
                {
                    await client.Messages.Create(new MessageCreateParams
                    {
                        Model = Model.ClaudeSonnet4_6,
                        MaxTokens = 1024,
                        System = {{system}},
                        Messages = [new UserMessageParam(question)],
                    });
                }
            """);
    }

    private static string RawBody(string expression, string members) => Wrap(members + $$"""
            async Task Send(HttpClient http, string question, bool c0, bool c1, string user)
            {
                var body = new { model = "claude-sonnet-4-6", max_tokens = 512, system = {{expression}}, messages = new[] { new { role = "user", content = question } } };
                await http.PostAsJsonAsync("https://api.anthropic.com/v1/messages", body);
            }
        """);

    private static string ExtensionsAI(string expression, string members) => Wrap(members + $$"""
            async Task Chat(AnthropicClient client, string question, bool c0, bool c1, string user)
            {
                IChatClient chat = client.AsIChatClient("claude-sonnet-4-6");
                await chat.GetResponseAsync([new ChatMessage(ChatRole.System, {{expression}}), new ChatMessage(ChatRole.User, question)]);
            }
        """);

    private static string Literal(int i) => "\"Rule " + i.ToString(CultureInfo.InvariantCulture) + ": be brief. \"";

    /// <summary>Literals, the clock, a parameter and a GUID, joined by +.</summary>
    private static string Concatenation(int parts)
        => string.Join(" + ", Enumerable.Range(0, parts).Select(i => (i % 7) switch
        {
            3 when i % 700 == 3 => "DateTime.UtcNow",
            5 => "user",
            6 when i % 1400 == 6 => "Guid.NewGuid()",
            _ => Literal(i),
        }));

    private static string RightNestedConcatenation(int parts)
    {
        var builder = new StringBuilder();
        var open = 0;
        for (var i = 0; i < parts; i++)
        {
            if (i > 0)
            {
                builder.Append(" + ");
            }

            if (i % 10 == 0 && i < parts - 1)
            {
                builder.Append('(');
                open++;
            }

            builder.Append(i % 1000 == 999 ? "DateTime.Now" : Literal(i));
        }

        return builder.Append(')', open).ToString();
    }

    private static string Interpolation(int holes)
    {
        var builder = new StringBuilder("$\"");
        for (var i = 0; i < holes; i++)
        {
            builder.Append("Part ").Append(i.ToString(CultureInfo.InvariantCulture)).Append(' ');
            builder.Append((i % 5) switch
            {
                0 => "{user}",
                1 => "{DateTime.UtcNow:HH:mm}",
                2 => "{42,-10:D}",
                3 => "{(c0 ? \"a\" : \"b\")}",
                _ => "{DateTime.Today:yyyy-MM-dd}",
            });
        }

        return builder.Append('"').ToString();
    }

    private static string Ternary(int depth)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            builder.Append(i % 2 == 0 ? "c0" : "c1").Append(" ? ").Append(i % 100 == 0 ? "$\"Now {DateTime.Now}\"" : Literal(i)).Append(" : ");
        }

        return builder.Append("\"last\"").ToString();
    }

    private static string LeftTernary(int depth)
    {
        var builder = new StringBuilder();
        builder.Append('(', depth);
        builder.Append("c0");
        for (var i = 0; i < depth; i++)
        {
            builder.Append(" ? c1 : c0)");
        }

        return "(" + builder + " ? \"yes\" + DateTime.UtcNow : \"no\")";
    }

    private static string NestedLambdas(int depth)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            builder.Append("((Func<string>)(() => ");
        }

        builder.Append("$\"Deep {DateTime.UtcNow}\"");
        for (var i = 0; i < depth; i++)
        {
            builder.Append("))()");
        }

        return builder.ToString();
    }

    private static string NestedAnonymous(int depth)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            builder.Append("new { model = \"claude-sonnet-4-6\", messages = default(object), system = ");
        }

        builder.Append("\"policy\" + DateTime.Now");
        for (var i = 0; i < depth; i++)
        {
            builder.Append(" }");
        }

        return builder + ".ToString()";
    }

    private static string NestedJsonObject(int depth)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            builder.Append("new JsonObject { [\"model\"] = \"claude-sonnet-4-6\", [\"messages\"] = new JsonArray(), [\"system\"] = ");
        }

        builder.Append("\"policy \" + DateTime.UtcNow");
        for (var i = 0; i < depth; i++)
        {
            builder.Append(" }");
        }

        return builder.ToString();
    }

    private static string FluentAppends(int count)
    {
        var builder = new StringBuilder("new StringBuilder()");
        for (var i = 0; i < count; i++)
        {
            builder.Append(i % 1000 == 500 ? ".Append(DateTime.Now)" : ".Append(" + Literal(i) + ")");
        }

        return builder.Append(".ToString()").ToString();
    }

    private static string CallChain(int depth)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            builder.Append("    static string Prompt").Append(i).Append("() => ").Append(Literal(i)).Append(" + Prompt").Append(i + 1).Append("();\n");
        }

        builder.Append("    static string Prompt").Append(depth).Append("() => $\"Now {DateTime.UtcNow}\";\n");
        return builder.ToString();
    }

    private static string Recursion() => """
            static string Recursive(int n) => n == 0 ? $"Now {DateTime.UtcNow}" : "Rule " + n + ". " + Recursive(n - 1);
            static string Ping(int n) => n <= 0 ? "done" : "ping " + Pong(n - 1);
            static string Pong(int n) => "pong " + Ping(n - 1) + Self;
            static string Self => Self + "x";
            static string Loop() { var s = Loop(); return s + DateTime.Now; }
            static readonly string A = B + "a";
            static readonly string B = A + "b" + DateTime.Now;

        """;

    private static string LocalChain(int count)
    {
        var builder = new StringBuilder("    static string Chain()\n    {\n        var s0 = \"You are a support agent. \";\n");
        for (var i = 1; i < count; i++)
        {
            builder.Append("        var s").Append(i).Append(" = s").Append(i - 1).Append(" + ").Append(i % 1000 == 0 ? "DateTime.UtcNow" : Literal(i)).Append(";\n");
        }

        return builder.Append("        return s").Append(count - 1).Append(";\n    }\n").ToString();
    }

    private static string AppendStatements(int count)
    {
        var builder = new StringBuilder("    static string Built()\n    {\n        var sb = new StringBuilder();\n");
        for (var i = 0; i < count; i++)
        {
            builder.Append(i % 1000 == 10 ? "        sb.Append(DateTime.Now);\n" : i % 3 == 0 ? "        sb.AppendLine(" + Literal(i) + ");\n" : "        sb.Append(" + Literal(i) + ");\n");
        }

        return builder.Append("        return sb.ToString();\n    }\n").ToString();
    }

    private static string NestedFormat(int depth)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            builder.Append("string.Format(\"{0} rule ").Append(i).Append(" {1:HH}\", ");
        }

        builder.Append("\"core\"");
        for (var i = 0; i < depth; i++)
        {
            builder.Append(", DateTime.Now)");
        }

        return builder.ToString();
    }

    private static string Maybes() => """
            static string? Maybe0() => null;
            static string? Maybe1() => DateTime.Now.ToString();
            static string? Maybe2() => "x";

        """;
}
