using System.Threading.Tasks;
using ClaudeCost.Analyzers.Rules;
using ClaudeCost.Analyzers.Tests.Verifiers;
using ClaudeCost.CodeFixes.Fixes;
using Xunit;

namespace ClaudeCost.Analyzers.Tests.Rules
{
    public class CC0002FixTests
    {
        private static Task VerifyFix(string source, string fixedSource, params StandIn[] standIns)
        {
            var policy = PromptText.PolicyLiteral(6000);
            var test = new CodeFixTest<CC0002LargePromptWithoutCachingAnalyzer, CC0002LargePromptWithoutCachingCodeFixProvider>
            {
                TestCode = source.Replace("POLICY", policy),
                FixedCode = fixedSource.Replace("POLICY", policy),
                ExpectedCodeActionTitle = CC0002LargePromptWithoutCachingCodeFixProvider.Title,
            };
            test.StandIns.AddRange(standIns);
            return test.RunAsync();
        }

        [Fact]
        public Task OfficialStringSystemBecomesACachedBlock()
            => VerifyFix("""
                using System.Threading.Tasks;
                using Anthropic;
                using Anthropic.Models.Messages;

                class Support
                {
                    const string Policy = POLICY;

                    async Task Ask(AnthropicClient client, string question)
                    {
                        await client.Messages.Create(new MessageCreateParams
                        {
                            Model = Model.ClaudeSonnet4_6,
                            MaxTokens = 1024,
                            // The support policy.
                            System = [|Policy|], // kept verbatim
                            Messages = [new UserMessageParam(question)],
                        });
                    }
                }
                """, """
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Anthropic;
                using Anthropic.Models.Messages;

                class Support
                {
                    const string Policy = POLICY;

                    async Task Ask(AnthropicClient client, string question)
                    {
                        await client.Messages.Create(new MessageCreateParams
                        {
                            Model = Model.ClaudeSonnet4_6,
                            MaxTokens = 1024,
                            // The support policy.
                            System = new List<TextBlockParam> { new TextBlockParam(Policy) { CacheControl = new CacheControlEphemeral() } }, // kept verbatim
                            Messages = [new UserMessageParam(question)],
                        });
                    }
                }
                """);

        [Fact]
        public Task OfficialBlockGetsCacheControl()
            => VerifyFix("""
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Anthropic;
                using Anthropic.Models.Messages;

                class Support
                {
                    const string Policy = POLICY;

                    async Task Ask(AnthropicClient client, string question, string user)
                    {
                        await client.Messages.Create(new MessageCreateParams
                        {
                            Model = Model.ClaudeSonnet4_6,
                            MaxTokens = 1024,
                            System = new List<TextBlockParam>
                            {
                #if DEBUG
                                // debug builds keep the same policy
                #endif
                                [|new(Policy)|],
                                new($"Customer: {user}"),
                            },
                            Messages = [new UserMessageParam(question)],
                        });
                    }
                }
                """, """
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Anthropic;
                using Anthropic.Models.Messages;

                class Support
                {
                    const string Policy = POLICY;

                    async Task Ask(AnthropicClient client, string question, string user)
                    {
                        await client.Messages.Create(new MessageCreateParams
                        {
                            Model = Model.ClaudeSonnet4_6,
                            MaxTokens = 1024,
                            System = new List<TextBlockParam>
                            {
                #if DEBUG
                                // debug builds keep the same policy
                #endif
                                new(Policy) { CacheControl = new CacheControlEphemeral() },
                                new($"Customer: {user}"),
                            },
                            Messages = [new UserMessageParam(question)],
                        });
                    }
                }
                """);

        [Fact]
        public Task RawAnonymousObjectSystemBecomesABlockArray()
            => VerifyFix("""
                using System.Net.Http;
                using System.Net.Http.Json;
                using System.Threading.Tasks;

                class Raw
                {
                    const string Policy = POLICY;

                    async Task Send(HttpClient http, string question)
                    {
                        var body = new
                        {
                            model = "claude-sonnet-4-6",
                            max_tokens = 512,
                            system = [|Policy|],
                            messages = new[] { new { role = "user", content = question } },
                        };
                        await http.PostAsJsonAsync("https://api.anthropic.com/v1/messages", body);
                    }
                }
                """, """
                using System.Net.Http;
                using System.Net.Http.Json;
                using System.Threading.Tasks;

                class Raw
                {
                    const string Policy = POLICY;

                    async Task Send(HttpClient http, string question)
                    {
                        var body = new
                        {
                            model = "claude-sonnet-4-6",
                            max_tokens = 512,
                            system = new[] { new { type = "text", text = Policy, cache_control = new { type = "ephemeral" } } },
                            messages = new[] { new { role = "user", content = question } },
                        };
                        await http.PostAsJsonAsync("https://api.anthropic.com/v1/messages", body);
                    }
                }
                """);

        [Fact]
        public Task RawAnonymousBlocksOfMixedShapeBecomeAnObjectArray()
            => VerifyFix("""
                using System.Net.Http;
                using System.Net.Http.Json;
                using System.Threading.Tasks;

                class Raw
                {
                    const string Policy = POLICY;

                    async Task Send(HttpClient http, string question, string user)
                    {
                        var body = new
                        {
                            model = "claude-sonnet-4-6",
                            max_tokens = 512,
                            system = new[] { [|new { type = "text", text = Policy }|], new { type = "text", text = "Customer: " + user } },
                            messages = new[] { new { role = "user", content = question } },
                        };
                        await http.PostAsJsonAsync("https://api.anthropic.com/v1/messages", body);
                    }
                }
                """, """
                using System.Net.Http;
                using System.Net.Http.Json;
                using System.Threading.Tasks;

                class Raw
                {
                    const string Policy = POLICY;

                    async Task Send(HttpClient http, string question, string user)
                    {
                        var body = new
                        {
                            model = "claude-sonnet-4-6",
                            max_tokens = 512,
                            system = new object[] { new { type = "text", text = Policy, cache_control = new { type = "ephemeral" } }, new { type = "text", text = "Customer: " + user } },
                            messages = new[] { new { role = "user", content = question } },
                        };
                        await http.PostAsJsonAsync("https://api.anthropic.com/v1/messages", body);
                    }
                }
                """);

        [Fact]
        public Task JsonObjectSystemBecomesABlockArray()
            => VerifyFix("""
                using System.Text.Json.Nodes;

                class Raw
                {
                    const string Policy = POLICY;

                    JsonObject Build() => new JsonObject { ["model"] = "claude-sonnet-4-6", ["system"] = [|Policy|], ["messages"] = new JsonArray() };
                }
                """, """
                using System.Text.Json.Nodes;

                class Raw
                {
                    const string Policy = POLICY;

                    JsonObject Build() => new JsonObject { ["model"] = "claude-sonnet-4-6", ["system"] = new JsonArray { new JsonObject { ["type"] = "text", ["text"] = Policy, ["cache_control"] = new JsonObject { ["type"] = "ephemeral" } } }, ["messages"] = new JsonArray() };
                }
                """);

        [Fact]
        public Task ExtensionsAISystemMessageGetsWithCacheControl()
            => VerifyFix("""
                using System.Threading.Tasks;
                using Anthropic;
                using Microsoft.Extensions.AI;

                class Chat
                {
                    const string Policy = POLICY;

                    async Task Ask(AnthropicClient client, string question)
                    {
                        IChatClient chat = client.AsIChatClient("claude-sonnet-4-6");
                        await chat.GetResponseAsync([[|new ChatMessage(ChatRole.System, Policy)|], new ChatMessage(ChatRole.User, question)]);
                    }
                }
                """, """
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Anthropic;
                using Anthropic.Models.Messages;
                using Microsoft.Extensions.AI;

                class Chat
                {
                    const string Policy = POLICY;

                    async Task Ask(AnthropicClient client, string question)
                    {
                        IChatClient chat = client.AsIChatClient("claude-sonnet-4-6");
                        await chat.GetResponseAsync([new ChatMessage(ChatRole.System, new List<AIContent> { new TextContent(Policy).WithCacheControl(new CacheControlEphemeral()) }), new ChatMessage(ChatRole.User, question)]);
                    }
                }
                """);

        [Fact]
        public Task AnthropicSdkSystemMessageGetsCacheControl()
            => VerifyFix("""
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
                    }
                }
                """, """
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
                            System = [new SystemMessage(Policy, new CacheControl { Type = CacheControlType.ephemeral })],
                            Messages = [new Message(RoleType.User, question)],
                        });
                    }
                }
                """,
                StandIn.AnthropicSdk);

        [Fact]
        public Task DictionaryBodiesAreReportedWithoutAFix()
        {
            var test = new CodeFixTest<CC0002LargePromptWithoutCachingAnalyzer, CC0002LargePromptWithoutCachingCodeFixProvider>
            {
                TestCode = """
                    using System.Collections.Generic;

                    class Raw
                    {
                        const string Policy = POLICY;

                        Dictionary<string, object> Build() => new Dictionary<string, object> { ["model"] = "claude-sonnet-4-6", ["system"] = [|Policy|], ["messages"] = new object[0] };
                    }
                    """.Replace("POLICY", PromptText.PolicyLiteral(6000)),
                NumberOfIncrementalIterations = 0,
            };
            return test.RunAsync();
        }

        [Fact]
        public Task FixAllAcrossTwoDocumentsMatchesFixingOneByOne()
        {
            var policy = PromptText.PolicyLiteral(6000);
            const string first = """
                using System.Threading.Tasks;
                using Anthropic;
                using Anthropic.Models.Messages;

                static class Prompts { public const string Policy = POLICY; }

                class A
                {
                    Task Ask(AnthropicClient client, string q) => client.Messages.Create(new MessageCreateParams { Model = Model.ClaudeSonnet4_6, MaxTokens = 10, System = [|Prompts.Policy|], Messages = [new UserMessageParam(q)] });
                    Task Ask2(AnthropicClient client, string q) => client.Messages.Create(new MessageCreateParams { Model = Model.ClaudeSonnet4_6, MaxTokens = 20, System = [|Prompts.Policy|], Messages = [new UserMessageParam(q)] });
                }
                """;
            const string second = """
                using System.Threading.Tasks;
                using Anthropic;
                using Anthropic.Models.Messages;

                class B
                {
                    Task Ask(AnthropicClient client, string q) => client.Messages.Create(new MessageCreateParams { Model = Model.ClaudeSonnet4_6, MaxTokens = 10, System = [|Prompts.Policy|], Messages = [new UserMessageParam(q)] });
                }
                """;
            var test = new CodeFixTest<CC0002LargePromptWithoutCachingAnalyzer, CC0002LargePromptWithoutCachingCodeFixProvider>();
            test.Sources.Add("A.cs", first.Replace("POLICY", policy));
            test.Sources.Add("B.cs", second);
            var fixedFirst = first.Replace("POLICY", policy).Replace("using System.Threading", "using System.Collections.Generic;\nusing System.Threading")
                .Replace("System = [|Prompts.Policy|]", "System = new List<TextBlockParam> { new TextBlockParam(Prompts.Policy) { CacheControl = new CacheControlEphemeral() } }");
            var fixedSecond = second.Replace("using System.Threading", "using System.Collections.Generic;\nusing System.Threading")
                .Replace("System = [|Prompts.Policy|]", "System = new List<TextBlockParam> { new TextBlockParam(Prompts.Policy) { CacheControl = new CacheControlEphemeral() } }");
            test.FixedSources.Add("A.cs", fixedFirst);
            test.FixedSources.Add("B.cs", fixedSecond);
            return test.RunAsync();
        }
    }
}
