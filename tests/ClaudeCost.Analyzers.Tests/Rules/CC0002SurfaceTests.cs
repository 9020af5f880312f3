using System.Threading.Tasks;
using ClaudeCost.Analyzers.Rules;
using ClaudeCost.Analyzers.Tests.Verifiers;
using Xunit;

namespace ClaudeCost.Analyzers.Tests.Rules
{
    public class CC0002SurfaceTests
    {
        private static Task Verify(string source, params StandIn[] standIns)
        {
            var test = new AnalyzerTest<CC0002LargePromptWithoutCachingAnalyzer> { TestCode = source.Replace("POLICY", PromptText.PolicyLiteral(6000)) };
            test.StandIns.AddRange(standIns);
            return test.RunAsync();
        }

        [Fact]
        public Task RawBodies()
            => Verify("""
                using System;
                using System.Collections.Generic;
                using System.Net.Http;
                using System.Net.Http.Json;
                using System.Text.Json.Nodes;
                using System.Text.Json.Serialization;
                using System.Threading.Tasks;

                class Body
                {
                    [JsonPropertyName("model")] public string Model { get; set; } = "";
                    [JsonPropertyName("system")] public string System { get; set; } = "";
                    [JsonPropertyName("messages")] public List<object> Messages { get; set; } = new();
                }

                class Raw
                {
                    const string Policy = POLICY;

                    async Task Send(HttpClient http, string question)
                    {
                        var anonymous = new { model = "claude-sonnet-4-6", max_tokens = 512, system = [|Policy|], messages = new[] { new { role = "user", content = question } } };
                        await http.PostAsJsonAsync("https://api.anthropic.com/v1/messages", anonymous);
                        var node = new JsonObject { ["model"] = "claude-sonnet-4-6", ["max_tokens"] = 512, ["system"] = [|Policy|], ["messages"] = new JsonArray() };
                        var dictionary = new Dictionary<string, object> { ["model"] = "claude-sonnet-4-6", ["system"] = [|Policy|], ["messages"] = new object[0] };
                        var dto = new Body { Model = "claude-sonnet-4-6", System = [|Policy|], Messages = new List<object>() };
                        var openAi = new { model = "gpt-4o", system = Policy, messages = new[] { new { role = "user", content = question } } };
                    }
                }
                """);

        [Fact]
        public Task RawBodyWithCacheControlKeyAddedByAStatementIsSilent()
            => Verify("""
                using System.Text.Json.Nodes;

                class Raw
                {
                    const string Policy = POLICY;

                    JsonObject Build()
                    {
                        var body = new JsonObject { ["model"] = "claude-sonnet-4-6", ["system"] = Policy, ["messages"] = new JsonArray() };
                        body["cache_control"] = new JsonObject { ["type"] = "ephemeral" };
                        return body;
                    }
                }
                """);

        [Fact]
        public Task JsonTextBody()
            => Verify(""""
                class Raw
                {
                    const string Policy = POLICY;

                    string Build(string question) => [|$$"""|]
                        {"model": "claude-sonnet-4-6", "max_tokens": 100, "system": "{{Policy}}", "messages": [{"role": "user", "content": "{{question}}"}]}
                        """;
                }
                """");

        [Fact]
        public Task ExtensionsAIWithTheOfficialAdapter()
            => Verify("""
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Anthropic;
                using Microsoft.Extensions.AI;

                class Chat
                {
                    const string Policy = POLICY;

                    async Task Ask(AnthropicClient client, IChatClient injected, string question)
                    {
                        IChatClient chat = client.AsIChatClient("claude-sonnet-4-6");
                        await chat.GetResponseAsync([[|new ChatMessage(ChatRole.System, Policy)|], new ChatMessage(ChatRole.User, question)]);

                        // An IChatClient of unknown origin may not support cache control at all: silent.
                        await injected.GetResponseAsync([new ChatMessage(ChatRole.System, Policy), new ChatMessage(ChatRole.User, question)], new ChatOptions { ModelId = "claude-sonnet-4-6" });
                    }
                }
                """);

        [Fact]
        public Task AnthropicSdk()
            => Verify("""
                using System.Threading.Tasks;
                using Anthropic.SDK;
                using Anthropic.SDK.Constants;
                using Anthropic.SDK.Messaging;

                class Community
                {
                    const string Policy = POLICY;

                    async Task Ask(AnthropicClient client, string question)
                    {
                        await client.Messages.GetClaudeMessageAsync(new MessageParameters
                        {
                            Model = AnthropicModels.Claude46Sonnet,
                            MaxTokens = 256,
                            System = [[|new SystemMessage(Policy)|]],
                            Messages = [new Message(RoleType.User, question)],
                        });
                        await client.Messages.GetClaudeMessageAsync(new MessageParameters
                        {
                            Model = AnthropicModels.Claude46Sonnet,
                            MaxTokens = 256,
                            System = [new SystemMessage(Policy)],
                            Messages = [new Message(RoleType.User, question)],
                            PromptCaching = PromptCacheType.AutomaticToolsAndSystem,
                        });
                    }
                }
                """,
                StandIn.AnthropicSdk);
    }
}
