using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using ClaudeCost.Analyzers.Tests.EndToEnd;

namespace ClaudeCost.Analyzers.Tests.Robustness;

/// <summary>
/// The inputs of each robustness test. The knobs below set how many mutated copies are made; they are tuned so the
/// whole robustness suite stays within about three minutes on two cores (the tests print how many inputs ran and how
/// long they took). Everything is deterministic: fixed strides, fixed random seeds.
/// </summary>
internal static class RobustnessInputs
{
    /// <summary>Seeds are cut at every <c>SeedStride</c>-th character…</summary>
    public const int SeedStride = 79;

    /// <summary>…and at up to this many token boundaries inside request-like code per seed.</summary>
    public const int SeedTokenCuts = 28;

    /// <summary>Copies of each seed with 1–3 random tokens deleted.</summary>
    public const int SeedDeletions = 6;

    public const int CorpusStride = 211;

    public const int CorpusTokenCuts = 40;

    public const int CorpusDeletions = 8;

    public const int ConfigStride = 17;

    /// <summary>The rule tests' sources, whole: each alone, and all of a test file together.</summary>
    public static IEnumerable<RobustInput> Seeds()
        => SeedCatalog.Seeds.Select(s => new RobustInput("seed", s.Name, s.Text)).Concat(SeedCatalog.PerFile);

    /// <summary>The rule tests' sources truncated as if typed.</summary>
    public static IEnumerable<RobustInput> TruncatedSeeds()
        => SeedCatalog.Seeds.SelectMany(s => Mutations.Truncations(s.Text, SeedStride, SeedTokenCuts)
            .Select(m => new RobustInput("truncated seed", s.Name + ", " + m.Description, m.Text)));

    /// <summary>The rule tests' sources with random tokens deleted.</summary>
    public static IEnumerable<RobustInput> TokenDeletedSeeds()
        => SeedCatalog.Seeds.SelectMany(s => Mutations.TokenDeletions(s.Text, SeedDeletions, Mutations.StableHash(s.Name))
            .Select(m => new RobustInput("token-deleted seed", s.Name + ", " + m.Description, m.Text)));

    /// <summary>The rule tests' sources with a prompt replaced by odd values (<see cref="OddValues"/>).</summary>
    public static IEnumerable<RobustInput> OddValueSeeds()
        => SeedCatalog.Seeds.SelectMany((s, i) => OddValues.Substitutions(s.Text, i)
            .Select(m => new RobustInput("odd-value seed", s.Name + ", " + m.Description, m.Text)));

    /// <summary>The models.json and .editorconfig texts of the rule tests, whole and truncated, next to a request.</summary>
    public static IEnumerable<RobustInput> Configurations()
    {
        foreach (var config in SeedCatalog.Configs)
        {
            var texts = new List<(string Description, string Text)> { ("whole", config.Text) };
            texts.AddRange(Mutations.Truncations(config.Text, ConfigStride, maxTokenCuts: 0).Select(m => (m.Description, m.Text)));
            foreach (var (description, text) in texts)
            {
                var name = $"{(config.IsJson ? "claudecost.models.json" : ".editorconfig")} from {config.Name}, {description}";
                yield return config.IsJson
                    ? new RobustInput("configuration", name, ConfigurationProbe) { AdditionalFiles = ImmutableArray.Create(new InputDocument("claudecost.models.json", text)) }
                    : new RobustInput("configuration", name, ConfigurationProbe) { EditorConfig = text.Contains("is_global", StringComparison.Ordinal) ? text : "root = true\n" + text };
            }
        }

        // The built-in table itself as an override, whole and cut at 24 points.
        var table = File.ReadAllText(Path.Combine(RepositoryLayout.AnalyzerProjectDirectory, "Knowledge", "models.json"));
        foreach (var mutation in new[] { new Mutation("whole", table) }.Concat(Mutations.Truncations(table, table.Length / 24 + 1, maxTokenCuts: 0)))
        {
            yield return new RobustInput("configuration", "claudecost.models.json = the built-in table, " + mutation.Description, ConfigurationProbe)
            {
                AdditionalFiles = ImmutableArray.Create(new InputDocument("claudecost.models.json", mutation.Text)),
            };
        }

        foreach (var (name, json) in OddModelTables())
        {
            yield return new RobustInput("configuration", "claudecost.models.json: " + name, ConfigurationProbe) { AdditionalFiles = ImmutableArray.Create(new InputDocument("claudecost.models.json", json)) };
        }

        foreach (var (name, editorConfig) in OddEditorConfigs())
        {
            yield return new RobustInput("configuration", ".editorconfig: " + name, ConfigurationProbe) { EditorConfig = editorConfig };
        }
    }

    /// <summary>Generated deep and long inputs (replayed on a small stack too).</summary>
    public static IEnumerable<RobustInput> Deep() => DeepInputs.All();

    /// <summary>Every .cs file of the repository's src/, tests/ and samples/ (not obj/ or bin/), one input each.</summary>
    public static IEnumerable<RobustInput> OwnSource()
    {
        foreach (var top in new[] { "src", "tests", "samples" })
        {
            var directory = Path.Combine(RepositoryLayout.Root, top);
            if (!Directory.Exists(directory))
            {
                continue;
            }

            foreach (var path in Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(RepositoryLayout.Root, path).Replace('\\', '/');
                if (relative.Split('/').Any(part => part is "obj" or "bin"))
                {
                    continue;
                }

                yield return new RobustInput("own source", relative, File.ReadAllText(path), Path.GetFileName(path));
            }
        }
    }

    /// <summary>The odd-but-legal corpus (Robustness/Corpus/*.cs.txt), whole, with DEBUG/RELEASE defined, truncated and with tokens deleted.</summary>
    public static IEnumerable<RobustInput> Corpus()
    {
        foreach (var (name, text) in CorpusFiles())
        {
            yield return new RobustInput("corpus", name, text, name.Replace(".txt", "", StringComparison.Ordinal));
            if (text.Contains("#if", StringComparison.Ordinal))
            {
                yield return new RobustInput("corpus", name + " with DEBUG defined", text) { PreprocessorSymbols = ImmutableArray.Create("DEBUG") };
                yield return new RobustInput("corpus", name + " with RELEASE defined", text) { PreprocessorSymbols = ImmutableArray.Create("RELEASE") };
            }

            foreach (var mutation in Mutations.Truncations(text, CorpusStride, CorpusTokenCuts))
            {
                yield return new RobustInput("truncated corpus", name + ", " + mutation.Description, mutation.Text);
            }

            foreach (var mutation in Mutations.TokenDeletions(text, CorpusDeletions, Mutations.StableHash(name)))
            {
                yield return new RobustInput("token-deleted corpus", name + ", " + mutation.Description, mutation.Text);
            }
        }

        yield return new RobustInput("corpus", "all corpus files in one compilation", CorpusFiles()
            .Where(f => !f.Name.StartsWith("TopLevel", StringComparison.Ordinal))
            .Select(f => new InputDocument(f.Name.Replace(".txt", "", StringComparison.Ordinal), f.Text))
            .ToImmutableArray());
    }

    public static string CorpusDirectory => Path.Combine(RepositoryLayout.Root, "tests", "ClaudeCost.Analyzers.Tests", "Robustness", "Corpus");

    public static IEnumerable<(string Name, string Text)> CorpusFiles()
        => Directory.GetFiles(CorpusDirectory, "*.cs.txt")
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (Path.GetFileName(p), File.ReadAllText(p)));

    /// <summary>Drops inputs identical to an earlier one (truncations of seeds that share a prefix often coincide).</summary>
    public static List<RobustInput> Distinct(IEnumerable<RobustInput> inputs)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<RobustInput>();
        foreach (var input in inputs)
        {
            var key = string.Join("\u0001", input.Documents.Select(d => d.Name + "\u0002" + d.Text))
                + "\u0003" + input.EditorConfig + "\u0003" + string.Join("\u0001", input.AdditionalFiles.Select(a => a.Text))
                + "\u0003" + string.Join(",", input.PreprocessorSymbols) + "\u0003" + input.SmallStack;
            if (seen.Add(key))
            {
                result.Add(input);
            }
        }

        return result;
    }

    /// <summary>A request for each surface, so that the model table and options are actually used.</summary>
    private const string ConfigurationProbe = """
        using System;
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading.Tasks;
        using Anthropic;
        using Anthropic.Models.Messages;
        using Microsoft.Extensions.AI;

        class Probe
        {
            const string Policy = "You are a support agent. Answer briefly and politely, in the customer's language.";

            async Task Ask(AnthropicClient client, HttpClient http, string question)
            {
                await client.Messages.Create(new MessageCreateParams
                {
                    Model = Model.ClaudeSonnet4_6,
                    MaxTokens = 1024,
                    System = new List<TextBlockParam> { new($"{Policy} Now {DateTime.UtcNow}") { CacheControl = new CacheControlEphemeral() } },
                    Messages = [new UserMessageParam(question)],
                });
                await client.Messages.Create(new MessageCreateParams { Model = "claude-x", MaxTokens = 10, System = Policy, Messages = [] });
                await http.PostAsJsonAsync("https://api.anthropic.com/v1/messages", new { model = "claude-custom-1", system = Policy, messages = new object[0] });
                await client.AsIChatClient("claude-opus-4-1").GetResponseAsync([new ChatMessage(ChatRole.System, Policy + Acme.Clock.Now)]);
            }
        }

        namespace Acme { static class Clock { public static string Now => DateTime.Now.ToString(); } }
        """;

    private static IEnumerable<(string Name, string Json)> OddModelTables()
    {
        yield return ("empty", "");
        yield return ("whitespace", " \n\t ");
        yield return ("null", "null");
        yield return ("array", "[]");
        yield return ("models null", "{\"models\": null}");
        yield return ("models not an array", "{\"models\": {\"id\": \"claude-x\"}}");
        yield return ("model entries of every type", "{\"models\": [null, 1, true, \"s\", [], {}, {\"id\": null}, {\"id\": 1}, {\"id\": \"\"}, {\"id\": \"claude-x\", \"tier\": {}}]}");
        yield return ("huge numbers", "{\"models\": [{\"id\": \"claude-x\", \"family\": \"sonnet\", \"tier\": \"mid\", \"tokenizer\": \"legacy\", \"minCacheableTokens\": 1e400, \"contextTokens\": 123456789012345678901234567890, \"prices\": {\"input\": 1e400, \"output\": -1e400, \"cacheWrite5m\": 1e-400, \"cacheWrite1h\": -0, \"cacheRead\": 1.7976931348623157e308}}]}");
        yield return ("negative, zero and fractional limits", "{\"models\": [{\"id\": \"claude-x\", \"minCacheableTokens\": -1.5, \"minCacheableTokensUpper\": 0, \"contextTokens\": 0.1, \"maxOutputTokens\": -2147483649, \"prices\": {\"input\": 0, \"output\": 0}}]}");
        yield return ("wrong types everywhere", "{\"tableDate\": 5, \"defaultPricingModel\": [], \"sources\": {}, \"models\": [{\"id\": \"claude-x\", \"family\": 1, \"version\": {}, \"tier\": [], \"tokenizer\": null, \"aliases\": \"claude-y\", \"prices\": [1, 2], \"retirements\": \"soon\", \"deprecated\": \"yes\", \"successor\": 3, \"highBand\": \"x\", \"provisionalFrom\": \"claude-x\", \"released\": \"not a date\", \"uncertain\": 7}]}");
        yield return ("self and circular references", "{\"defaultPricingModel\": \"claude-a\", \"models\": [{\"id\": \"claude-a\", \"provisionalFrom\": \"claude-b\", \"successor\": \"claude-a\", \"aliases\": [\"claude-b\", \"claude-a\"]}, {\"id\": \"claude-b\", \"provisionalFrom\": \"claude-a\"}, {\"id\": \"claude-sonnet-4-6\", \"provisionalFrom\": \"claude-sonnet-4-6\"}]}");
        yield return ("escapes and surrogates", "{\"models\": [{\"id\": \"claude-\\u0000\\ud800\\udc00\\ud800\\\"x\", \"aliases\": [\"\\uZZZZ\", \"\\\\\"]}]}");
        yield return ("deep nesting", "{\"models\": " + new string('[', 10000) + new string(']', 10000) + "}");
        yield return ("deep object nesting", string.Concat(Enumerable.Repeat("{\"a\":", 10000)) + "1" + new string('}', 10000));
        yield return ("unterminated string", "{\"models\": [{\"id\": \"claude-x");
        yield return ("duplicate keys", "{\"models\": [], \"models\": [{\"id\": \"claude-x\"}], \"models\": 3}");
        yield return ("byte order mark and comments", "\uFEFF// comment\n{/* c */\"models\": [],}");
        yield return ("long id", "{\"models\": [{\"id\": \"" + new string('x', 100_000) + "\"}]}");
        yield return ("many models", "{\"models\": [" + string.Join(",", Enumerable.Range(0, 5000).Select(i => $"{{\"id\": \"claude-{i}\", \"family\": \"sonnet\", \"tier\": \"mid\", \"minCacheableTokens\": {i}, \"prices\": {{\"input\": {i}, \"output\": 1}}}}")) + "]}");
    }

    private static IEnumerable<(string Name, string EditorConfig)> OddEditorConfigs()
    {
        const string Header = "root = true\n[*.cs]\n";
        yield return ("empty values", Header + "claudecost.default_model =\nclaudecost.cc0001.extra_volatile_members =\nclaudecost.cc0002.minimum_prefix_tokens =\n");
        yield return ("bad values", Header + "claudecost.default_model = gpt-4o\nclaudecost.cc0001.extra_volatile_members = ,,, ;;; Acme..Clock.\nclaudecost.cc0002.minimum_prefix_tokens = -99999999999999999999\n");
        yield return ("zero and huge", Header + "claudecost.cc0002.minimum_prefix_tokens = 0\nclaudecost.default_model = " + new string('c', 10_000) + "\n");
        yield return ("int max", Header + "claudecost.cc0002.minimum_prefix_tokens = 2147483647\n");
        yield return ("extra volatile members", Header + "claudecost.cc0001.extra_volatile_members = Acme.Clock.Now, System.DateTime.Today, Probe.Policy, System.String.Concat, ,\n");
        yield return ("unicode and quotes", Header + "claudecost.default_model = \"claude-sonnet-4-6\"\nclaudecost.cc0001.extra_volatile_members = Ünï.Cödé, \u0000\n");
        yield return ("global config", "is_global = true\nclaudecost.default_model = claude-nope\nclaudecost.cc0002.minimum_prefix_tokens = x\n");
        yield return ("section for other files only", "root = true\n[*.vb]\nclaudecost.cc0002.minimum_prefix_tokens = 1\n");
    }
}
