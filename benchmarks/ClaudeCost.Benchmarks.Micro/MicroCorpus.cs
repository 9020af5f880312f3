using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using ClaudeCost.Benchmarks.Corpus;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ClaudeCost.Benchmarks.Micro
{
    /// <summary>The synthetic sources of a micro-benchmark.</summary>
    public enum CorpusKind
    {
        /// <summary>N caller files, each with the findings of <see cref="MicroCorpus.FindingsPerFile"/> (official SDK, IChatClient, raw HTTP); a bad models.json and option.</summary>
        Findings,

        /// <summary>The same N caller files written so nothing is reported (breakpoints in place, volatile values after them, current models, bounded loops).</summary>
        Clean,

        /// <summary>N ordinary business files from the end-to-end generator's no-Claude variant, compiled without the Anthropic SDK.</summary>
        NoClaude,
    }

    /// <summary>Builds compilations and analyzer options for the micro-benchmarks and the profiler.</summary>
    public static class MicroCorpus
    {
        /// <summary>
        /// Findings per caller file of the <see cref="CorpusKind.Findings"/> corpus, by rule. CC0016 counts every
        /// claude-sonnet-4-6 and the Opus 4.8 of the classifier (which CC0003 reports too).
        /// </summary>
        public static readonly IReadOnlyDictionary<string, int> FindingsPerFile = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["CC0001"] = 3,
            ["CC0002"] = 3,
            ["CC0003"] = 1,
            ["CC0004"] = 1,
            ["CC0005"] = 1,
            ["CC0010"] = 1,
            ["CC0014"] = 1,
            ["CC0015"] = 1,
            ["CC0016"] = 7,
            ["CC0017"] = 1,
            ["CC0018"] = 1,
            ["CC0019"] = 1,
        };

        private static readonly Lazy<ImmutableArray<MetadataReference>> s_frameworkReferences = new(() => FrameworkReferences());
        private static readonly Lazy<ImmutableArray<MetadataReference>> s_claudeReferences = new(() => ClientLibraryReferences());

        private const string GlobalUsings = """
            global using System;
            global using System.Collections.Generic;
            global using System.IO;
            global using System.Linq;
            global using System.Net.Http;
            global using System.Threading;
            global using System.Threading.Tasks;
            """;

        /// <summary>Expected diagnostics of one rule on a corpus of <paramref name="files"/> files.</summary>
        public static int Expected(string id, CorpusKind corpus, int files) => (id, corpus) switch
        {
            (_, CorpusKind.Findings) when FindingsPerFile.TryGetValue(id, out var perFile) => perFile * files,
            ("CC9001", CorpusKind.Findings) => 1,
            ("CC9002", CorpusKind.Findings) => 1,
            _ => 0,
        };

        public static CSharpCompilation Compilation(CorpusKind corpus, int files)
        {
            var texts = new List<(string Path, string Text)> { ("GlobalUsings.cs", GlobalUsings) };
            if (corpus == CorpusKind.NoClaude)
            {
                // The validation files use [GeneratedRegex], whose source generator does not run here.
                texts.AddRange(CorpusGenerator.Generate(CorpusVariant.NoClaude, Math.Max(10, files + (files / 4) + 2))
                    .Where(f => f.Kind != FileKind.Validation)
                    .Take(files)
                    .Select(f => (f.RelativePath, f.Text)));
            }
            else
            {
                texts.Add(("Prompts/SupportPolicy.cs", CorpusGenerator.PolicySource("SupportPolicy", "Support", 22000, new Random(7))));
                for (var i = 0; i < files; i++)
                {
                    texts.Add(($"Callers/Caller{i:D4}.cs", corpus == CorpusKind.Findings ? FindingsFile(i) : CleanFile(i)));
                }
            }

            return Compile(texts, withClaudeLibraries: corpus != CorpusKind.NoClaude);
        }

        /// <summary>The end-to-end generator's project, in memory (validation files left out: no source generators run here).</summary>
        public static CSharpCompilation EndToEndCompilation(CorpusVariant variant, int files)
        {
            var texts = new List<(string Path, string Text)> { ("GlobalUsings.cs", GlobalUsings) };
            texts.AddRange(CorpusGenerator.Generate(variant, files).Where(f => f.Kind != FileKind.Validation).Select(f => (f.RelativePath, f.Text)));
            return Compile(texts, withClaudeLibraries: variant == CorpusVariant.Claude);
        }

        /// <summary>Analyzer options: with findings, a malformed claudecost.models.json and an invalid option value.</summary>
        public static AnalyzerOptions Options(CorpusKind corpus)
        {
            if (corpus != CorpusKind.Findings)
            {
                return new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new OptionsProvider(ImmutableDictionary<string, string>.Empty));
            }

            var models = new InMemoryAdditionalText("/bench/claudecost.models.json", "{ \"models\": [ { \"id\": \"claude-bench-1\", \"minimum_cacheable_tokens\": \"many\" } ] ");
            var global = ImmutableDictionary<string, string>.Empty.Add("claudecost.cc0002.minimum_prefix_tokens", "lots");
            return new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(models), new OptionsProvider(global));
        }

        public static void AssertCompiles(Compilation compilation)
        {
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0)
            {
                throw new InvalidOperationException($"The synthetic corpus does not compile ({errors.Count} errors), first: " + string.Join(Environment.NewLine, errors.Take(5)));
            }
        }

        private static CSharpCompilation Compile(List<(string Path, string Text)> texts, bool withClaudeLibraries)
        {
            var parse = new CSharpParseOptions(LanguageVersion.Latest);
            var trees = texts.Select(t => CSharpSyntaxTree.ParseText(SourceText.From(t.Text, System.Text.Encoding.UTF8), parse, "/bench/" + t.Path)).ToList();
            var references = withClaudeLibraries ? s_frameworkReferences.Value.AddRange(s_claudeReferences.Value) : s_frameworkReferences.Value;
            return CSharpCompilation.Create(
                "Bench",
                trees,
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: true));
        }

        /// <summary>The shared framework's assemblies (the folder of System.Private.CoreLib).</summary>
        private static ImmutableArray<MetadataReference> FrameworkReferences()
        {
            var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            return ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
                .Split(Path.PathSeparator)
                .Where(p => p.Length > 0 && string.Equals(Path.GetDirectoryName(p), framework, StringComparison.Ordinal))
                .Where(p => !Path.GetFileName(p).StartsWith("Microsoft.VisualBasic", StringComparison.Ordinal))
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
                .ToImmutableArray();
        }

        /// <summary>The Anthropic SDK, Microsoft.Extensions.AI.Abstractions and what they reference, from this program's own folder.</summary>
        private static ImmutableArray<MetadataReference> ClientLibraryReferences()
        {
            var roots = new[] { typeof(Anthropic.AnthropicClient).Assembly, typeof(Microsoft.Extensions.AI.IChatClient).Assembly };
            var files = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var assembly in roots)
            {
                files.Add(assembly.Location);
                foreach (var reference in assembly.GetReferencedAssemblies())
                {
                    var candidate = Path.Combine(AppContext.BaseDirectory, reference.Name + ".dll");
                    if (File.Exists(candidate))
                    {
                        files.Add(candidate);
                    }
                }
            }

            return files.Select(f => (MetadataReference)MetadataReference.CreateFromFile(f)).ToImmutableArray();
        }

        private static string FindingsFile(int i) => $$"""
            using System.Net.Http.Json;
            using Anthropic;
            using Anthropic.Models.Messages;
            using Contoso.Commerce.Prompts;
            using Microsoft.Extensions.AI;

            namespace Bench.Callers;

            public sealed class Caller{{i}}
            {
                private readonly IAnthropicClient _client;
                private readonly HttpClient _http;

                public Caller{{i}}(IAnthropicClient client, HttpClient http)
                {
                    _client = client;
                    _http = http;
                }

                // CC0002: the long policy as a plain string, no breakpoint.
                public Task<Message> PlainAsync(string question) => _client.Messages.Create(new MessageCreateParams
                {
                    Model = Model.ClaudeSonnet4_6,
                    MaxTokens = 1024,
                    System = SupportPolicy.Text,
                    Messages = [new UserMessageParam(question)],
                });

                // CC0001: the clock inside the cached block.
                public Task<Message> ClockAsync(string question) => _client.Messages.Create(new MessageCreateParams
                {
                    Model = Model.ClaudeSonnet4_6,
                    MaxTokens = 1024,
                    System = new List<TextBlockParam>
                    {
                        new($"Current time: {DateTime.Now:yyyy-MM-dd HH:mm}.\n\n{SupportPolicy.Text}") { CacheControl = new CacheControlEphemeral() },
                    },
                    Messages = [new UserMessageParam(question)],
                });

                // CC0002 through IChatClient.
                public Task<ChatResponse> ChatPlainAsync(string question)
                {
                    IChatClient chat = _client.AsIChatClient("claude-sonnet-4-6");
                    return chat.GetResponseAsync([new ChatMessage(ChatRole.System, SupportPolicy.Text), new ChatMessage(ChatRole.User, question)]);
                }

                // CC0001 through IChatClient: a conversation id ahead of the cached policy.
                public Task<ChatResponse> ChatConversationAsync(string question)
                {
                    IChatClient chat = _client.AsIChatClient("claude-sonnet-4-6");
                    var id = Guid.NewGuid();
                    return chat.GetResponseAsync(
                    [
                        new ChatMessage(ChatRole.System, [new TextContent($"Conversation {id:N}.\n\n{SupportPolicy.Text}").WithCacheControl(Ttl.Ttl5m)]),
                        new ChatMessage(ChatRole.User, question),
                    ]);
                }

                // CC0002 over raw HTTP.
                public Task<HttpResponseMessage> RawPlainAsync(string question) => SendAsync(new
                {
                    model = "claude-sonnet-4-6",
                    max_tokens = 1024,
                    system = SupportPolicy.Text,
                    messages = new[] { new { role = "user", content = question } },
                });

                // CC0001 over raw HTTP: the time in the block with cache_control.
                public Task<HttpResponseMessage> RawClockAsync(string question) => SendAsync(new
                {
                    model = "claude-sonnet-4-6",
                    max_tokens = 1024,
                    system = new[] { new { type = "text", text = SupportPolicy.Text + "\n\nNow: " + DateTime.UtcNow.ToString("O"), cache_control = new { type = "ephemeral" } } },
                    messages = new[] { new { role = "user", content = question } },
                });

                // CC0003: Opus labels a ticket with one word (method name, small MaxTokens, closed label list).
                public Task<Message> ClassifyTicketAsync(string ticket) => _client.Messages.Create(new MessageCreateParams
                {
                    Model = Model.ClaudeOpus4_8,
                    MaxTokens = 8,
                    System = "Respond with only one of: billing, shipping, returns, other.",
                    Messages = [new UserMessageParam(ticket)],
                });

                // CC0014: thinking for a yes/no answer.
                public Task<Message> ClassifyUrgencyAsync(string ticket) => _client.Messages.Create(new MessageCreateParams
                {
                    Model = Model.ClaudeHaiku5_5,
                    MaxTokens = 2048,
                    Thinking = new ThinkingConfigEnabled(1024),
                    System = "Answer yes or no: does the customer report a safety issue?",
                    Messages = [new UserMessageParam(ticket)],
                });

                // CC0010, CC0019, CC0015: a retired, a malformed and a scheduled id.
                public const string ReportsModel = "claude-3-opus-20240229";
                public const string DraftModel = "claude-sonnet-4-5-20250514";
                public const string ReviewModel = "claude-sonnet-4-5";

                // CC0005: a raw body without max_tokens.
                public Task<HttpResponseMessage> RawUnlimitedAsync(string question) => SendAsync(new
                {
                    model = "claude-haiku-5-5",
                    messages = new[] { new { role = "user", content = question } },
                });

                // CC0004: retried until the API answers.
                public async Task<Message> AskUntilAnsweredAsync(string question)
                {
                    while (true)
                    {
                        try
                        {
                            return await _client.Messages.Create(new MessageCreateParams { Model = Model.ClaudeHaiku5_5, MaxTokens = 256, Messages = [new UserMessageParam(question)] });
                        }
                        catch (HttpRequestException)
                        {
                            await Task.Delay(1000);
                        }
                    }
                }

                // CC0018: three attempts around a call that retries twice by itself.
                public async Task<Message> AskWithRetryAsync(string question)
                {
                    for (var attempt = 1; ; attempt++)
                    {
                        try
                        {
                            return await _client.Messages.Create(new MessageCreateParams { Model = Model.ClaudeHaiku5_5, MaxTokens = 256, Messages = [new UserMessageParam(question)] });
                        }
                        catch (HttpRequestException) when (attempt < 3)
                        {
                            await Task.Delay(TimeSpan.FromSeconds(attempt));
                        }
                    }
                }

                // CC0017: tools for as long as Claude asks.
                public async Task<Message> SettleAsync(string request, Func<Message, IEnumerable<MessageParam>> runTools)
                {
                    var messages = new List<MessageParam> { new UserMessageParam(request) };
                    while (true)
                    {
                        var response = await _client.Messages.Create(new MessageCreateParams { Model = Model.ClaudeHaiku5_5, MaxTokens = 1024, Messages = messages });
                        if (response.StopReason != StopReason.ToolUse)
                        {
                            return response;
                        }

                        messages.AddRange(runTools(response));
                    }
                }

                private Task<HttpResponseMessage> SendAsync<T>(T body)
                {
                    var request = new HttpRequestMessage(HttpMethod.Post, "https://api.anthropic.com/v1/messages") { Content = JsonContent.Create(body) };
                    request.Headers.Add("anthropic-version", "2023-06-01");
                    return _http.SendAsync(request);
                }
            }

            """;

        private static string CleanFile(int i) => $$"""
            using System.Net.Http.Json;
            using Anthropic;
            using Anthropic.Models.Messages;
            using Contoso.Commerce.Prompts;
            using Microsoft.Extensions.AI;

            namespace Bench.Callers;

            public sealed class Caller{{i}}
            {
                private readonly IAnthropicClient _client;
                private readonly HttpClient _http;

                public Caller{{i}}(IAnthropicClient client, HttpClient http)
                {
                    _client = client;
                    _http = http;
                }

                public Task<Message> PlainAsync(string question) => _client.Messages.Create(new MessageCreateParams
                {
                    Model = Model.ClaudeSonnet5_5,
                    MaxTokens = 1024,
                    System = new List<TextBlockParam> { new(SupportPolicy.Text) { CacheControl = new CacheControlEphemeral() } },
                    Messages = [new UserMessageParam(question)],
                });

                public Task<Message> ClockAsync(string question) => _client.Messages.Create(new MessageCreateParams
                {
                    Model = Model.ClaudeSonnet5_5,
                    MaxTokens = 1024,
                    System = new List<TextBlockParam>
                    {
                        new(SupportPolicy.Text) { CacheControl = new CacheControlEphemeral() },
                        new($"Current time: {DateTime.Now:yyyy-MM-dd HH:mm}."),
                    },
                    Messages = [new UserMessageParam(question)],
                });

                public Task<ChatResponse> ChatPlainAsync(string question)
                {
                    IChatClient chat = _client.AsIChatClient("claude-sonnet-5-5");
                    return chat.GetResponseAsync([new ChatMessage(ChatRole.System, [new TextContent(SupportPolicy.Text).WithCacheControl(Ttl.Ttl5m)]), new ChatMessage(ChatRole.User, question)]);
                }

                public Task<ChatResponse> ChatConversationAsync(string question)
                {
                    IChatClient chat = _client.AsIChatClient("claude-sonnet-5-5");
                    var id = Guid.NewGuid();
                    return chat.GetResponseAsync(
                    [
                        new ChatMessage(ChatRole.System, [new TextContent(SupportPolicy.Text).WithCacheControl(Ttl.Ttl5m)]),
                        new ChatMessage(ChatRole.User, $"Conversation {id:N}: {question}"),
                    ]);
                }

                public Task<HttpResponseMessage> RawPlainAsync(string question) => SendAsync(new
                {
                    model = "claude-sonnet-5-5",
                    max_tokens = 1024,
                    system = new[] { new { type = "text", text = SupportPolicy.Text, cache_control = new { type = "ephemeral" } } },
                    messages = new[] { new { role = "user", content = question } },
                });

                public Task<HttpResponseMessage> RawClockAsync(string question) => SendAsync(new
                {
                    model = "claude-sonnet-5-5",
                    max_tokens = 1024,
                    system = new[] { new { type = "text", text = SupportPolicy.Text + "\n\nToday: " + DateTime.UtcNow.ToString("yyyy-MM-dd"), cache_control = new { type = "ephemeral" } } },
                    messages = new[] { new { role = "user", content = question } },
                });

                public Task<Message> ClassifyTicketAsync(string ticket) => _client.Messages.Create(new MessageCreateParams
                {
                    Model = Model.ClaudeHaiku5_5,
                    MaxTokens = 8,
                    System = "Respond with only one of: billing, shipping, returns, other.",
                    Messages = [new UserMessageParam(ticket)],
                });

                public const string ReportsModel = "claude-opus-5-5";

                public Task<HttpResponseMessage> RawLimitedAsync(string question) => SendAsync(new
                {
                    model = "claude-haiku-5-5",
                    max_tokens = 512,
                    messages = new[] { new { role = "user", content = question } },
                });

                public async Task<Message> ResolveAsync(string request, Func<Message, IEnumerable<MessageParam>> runTools)
                {
                    var messages = new List<MessageParam> { new UserMessageParam(request) };
                    for (var turn = 0; turn < 8; turn++)
                    {
                        var response = await _client.Messages.Create(new MessageCreateParams { Model = Model.ClaudeHaiku5_5, MaxTokens = 1024, Messages = messages });
                        if (response.StopReason != StopReason.ToolUse)
                        {
                            return response;
                        }

                        messages.AddRange(runTools(response));
                    }

                    throw new InvalidOperationException("Stopped after 8 turns.");
                }

                private Task<HttpResponseMessage> SendAsync<T>(T body)
                {
                    var request = new HttpRequestMessage(HttpMethod.Post, "https://api.anthropic.com/v1/messages") { Content = JsonContent.Create(body) };
                    request.Headers.Add("anthropic-version", "2023-06-01");
                    return _http.SendAsync(request);
                }
            }

            """;

        private sealed class InMemoryAdditionalText : AdditionalText
        {
            private readonly SourceText _text;

            public InMemoryAdditionalText(string path, string text)
            {
                Path = path;
                _text = SourceText.From(text);
            }

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
        }

        private sealed class OptionsProvider : AnalyzerConfigOptionsProvider
        {
            private static readonly AnalyzerConfigOptions s_empty = new DictionaryOptions(ImmutableDictionary<string, string>.Empty);

            public OptionsProvider(ImmutableDictionary<string, string> global) => GlobalOptions = new DictionaryOptions(global);

            public override AnalyzerConfigOptions GlobalOptions { get; }

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => s_empty;

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => s_empty;
        }

        private sealed class DictionaryOptions : AnalyzerConfigOptions
        {
            private readonly ImmutableDictionary<string, string> _values;

            public DictionaryOptions(ImmutableDictionary<string, string> values) => _values = values;

            public override IEnumerable<string> Keys => _values.Keys;

            public override bool TryGetValue(string key, out string value)
            {
                if (_values.TryGetValue(key, out var found))
                {
                    value = found;
                    return true;
                }

                value = string.Empty;
                return false;
            }
        }
    }
}
