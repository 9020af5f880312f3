using System.Threading.Tasks;
using ClaudeCost.Analyzers.Rules;
using ClaudeCost.Analyzers.Tests.Verifiers;
using Xunit;
using static ClaudeCost.Analyzers.Tests.Verifiers.DiagnosticResult;

namespace ClaudeCost.Analyzers.Tests.Rules
{
    /// <summary>CC0001 on every surface other than the official SDK's typed requests.</summary>
    public class CC0001SurfaceTests
    {
        private static Task Verify(string source, params StandIn[] standIns)
        {
            var test = new AnalyzerTest<CC0001VolatileValueInCachedPrefixAnalyzer> { TestCode = source };
            test.StandIns.AddRange(standIns);
            return test.RunAsync();
        }

        [Fact]
        public Task RawAnonymousObjectBlocks()
            => Verify("""
                using System;
                using System.Net.Http;
                using System.Net.Http.Json;
                using System.Threading.Tasks;

                class Raw
                {
                    async Task Send(HttpClient http, string question)
                    {
                        var body = new
                        {
                            model = "claude-sonnet-4-6",
                            max_tokens = 512,
                            system = new[] { new { type = "text", text = $"You are helpful. Now: {[|DateTime.Now|]}", cache_control = new { type = "ephemeral" } } },
                            messages = new[] { new { role = "user", content = question } },
                        };
                        await http.PostAsJsonAsync("https://api.anthropic.com/v1/messages", body);
                    }
                }
                """);

        [Fact]
        public Task RawBodiesOfOtherProvidersAreSilent()
            => Verify("""
                using System;
                using System.Net.Http;
                using System.Net.Http.Json;
                using System.Threading.Tasks;

                class Raw
                {
                    async Task Send(HttpClient http, string question, string model)
                    {
                        var openAi = new { model = "gpt-4o", system = $"Now: {DateTime.Now}", cache_control = new { type = "ephemeral" }, messages = new[] { new { role = "user", content = question } } };
                        await http.PostAsJsonAsync("https://api.openai.com/v1/chat/completions", openAi);
                        var ollama = new { model, system = $"Now: {DateTime.Now}", cache_control = new { type = "ephemeral" }, messages = new[] { new { role = "user", content = question } } };
                        await http.PostAsJsonAsync("http://localhost:11434/api/chat", ollama);
                    }
                }
                """);

        [Fact]
        public Task RawBodyWithModelFromConfigNeedsTheAnthropicEndpoint()
            => Verify("""
                using System;
                using System.Net.Http;
                using System.Net.Http.Json;
                using System.Threading.Tasks;

                class Claude
                {
                    private readonly HttpClient _http = new() { BaseAddress = new Uri("https://api.anthropic.com/") };

                    async Task Send(string model, string question)
                    {
                        var body = new { model, max_tokens = 512, system = $"Now: {[|DateTime.UtcNow|]:O}", cache_control = new { type = "ephemeral" }, messages = new[] { new { role = "user", content = question } } };
                        await _http.PostAsJsonAsync("v1/messages", body);
                    }
                }
                """);

        [Fact]
        public Task JsonObjectAndDictionaryBodies()
            => Verify("""
                using System;
                using System.Collections.Generic;
                using System.Text.Json.Nodes;

                class Raw
                {
                    JsonObject Build(string question) => new JsonObject
                    {
                        ["model"] = "claude-opus-4-8",
                        ["max_tokens"] = 1024,
                        ["system"] = new JsonArray
                        {
                            new JsonObject { ["type"] = "text", ["text"] = $"Now {[|DateTime.UtcNow|]:O}", ["cache_control"] = new JsonObject { ["type"] = "ephemeral" } },
                        },
                        ["messages"] = new JsonArray(),
                    };

                    Dictionary<string, object> Dict(string question) => new Dictionary<string, object>
                    {
                        { "model", "claude-opus-4-8" },
                        { "max_tokens", 1024 },
                        { "system", $"Id {[|Guid.NewGuid()|]}" },
                        { "messages", new object[0] },
                        { "cache_control", new Dictionary<string, object> { ["type"] = "ephemeral" } },
                    };
                }
                """);

        [Fact]
        public Task DtoBodyWithJsonPropertyNames()
            => Verify("""
                using System;
                using System.Collections.Generic;
                using System.Text.Json.Serialization;

                class ClaudeRequest
                {
                    [JsonPropertyName("model")] public string Model { get; set; } = "";
                    [JsonPropertyName("max_tokens")] public int MaxTokens { get; set; }
                    [JsonPropertyName("system")] public List<SystemBlock> System { get; set; } = new();
                    [JsonPropertyName("messages")] public List<object> Messages { get; set; } = new();
                }

                class SystemBlock
                {
                    [JsonPropertyName("type")] public string Type { get; set; } = "text";
                    [JsonPropertyName("text")] public string Text { get; set; } = "";
                    [JsonPropertyName("cache_control")] public object? CacheControl { get; set; }
                }

                class Raw
                {
                    ClaudeRequest Build() => new ClaudeRequest
                    {
                        Model = "claude-sonnet-4-6",
                        MaxTokens = 100,
                        System = new List<SystemBlock> { new SystemBlock { Text = $"Now {[|DateTime.Now|]}", CacheControl = new { type = "ephemeral" } } },
                        Messages = new List<object>(),
                    };
                }
                """);

        [Fact]
        public Task JsonTextBody()
            => Verify(""""
                using System;

                class Raw
                {
                    string Build(string question) => $$$"""
                        {"model": "claude-sonnet-4-6", "max_tokens": 100,
                         "system": [{"type": "text", "text": "Now {{{[|DateTime.UtcNow|]}}}", "cache_control": {"type": "ephemeral"}}],
                         "messages": [{"role": "user", "content": "{{{question}}}"}]}
                        """;

                    string After(string question) => $$$"""
                        {"model": "claude-sonnet-4-6", "max_tokens": 100,
                         "system": [{"type": "text", "text": "Policy", "cache_control": {"type": "ephemeral"}}, {"type": "text", "text": "Now {{{DateTime.UtcNow}}}"}],
                         "messages": [{"role": "user", "content": "{{{question}}}"}]}
                        """;
                }
                """");

        [Fact]
        public Task ExtensionsAIChatClient()
            => Verify("""
                using System;
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Anthropic;
                using Anthropic.Models.Messages;
                using Microsoft.Extensions.AI;

                class Chat
                {
                    async Task Ask(AnthropicClient client, string question)
                    {
                        IChatClient chat = client.AsIChatClient("claude-sonnet-4-6");
                        List<ChatMessage> history =
                        [
                            new(ChatRole.System, [new TextContent($"Policy. Now {[|DateTime.Now|]}").WithCacheControl(Ttl.Ttl1h)]),
                            new(ChatRole.User, question),
                        ];
                        await chat.GetResponseAsync(history, new ChatOptions { MaxOutputTokens = 200 });

                        // Instructions follow the cached system blocks: after the breakpoint, silent.
                        List<ChatMessage> second =
                        [
                            new(ChatRole.System, [new TextContent("Policy.").WithCacheControl(Ttl.Ttl1h)]),
                            new(ChatRole.User, question),
                        ];
                        await chat.GetResponseAsync(second, new ChatOptions { Instructions = $"Now {DateTime.Now}" });
                    }
                }
                """);

        [Fact]
        public Task AnthropicSdkSystemMessages()
            => Verify("""
                using System;
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Anthropic.SDK;
                using Anthropic.SDK.Constants;
                using Anthropic.SDK.Messaging;

                class Community
                {
                    async Task Ask(AnthropicClient client, string question)
                    {
                        await client.Messages.GetClaudeMessageAsync(new MessageParameters
                        {
                            Model = AnthropicModels.Claude46Sonnet,
                            MaxTokens = 256,
                            System = [new SystemMessage($"Policy. Now {[|DateTime.UtcNow|]:T}", new CacheControl { Type = CacheControlType.ephemeral })],
                            Messages = [new Message(RoleType.User, question)],
                        });
                        await client.Messages.GetClaudeMessageAsync(new MessageParameters
                        {
                            Model = AnthropicModels.Claude46Sonnet,
                            MaxTokens = 256,
                            System = [new SystemMessage("Policy."), new SystemMessage($"Now {[|DateTime.UtcNow|]:T}")],
                            Messages = [new Message(RoleType.User, question)],
                            PromptCaching = PromptCacheType.AutomaticToolsAndSystem,
                        });
                    }
                }
                """,
                StandIn.AnthropicSdk);
    }
}
