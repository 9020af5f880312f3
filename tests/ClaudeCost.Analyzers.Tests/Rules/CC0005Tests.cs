using System.Threading.Tasks;
using ClaudeCost.Analyzers.Rules;
using ClaudeCost.Analyzers.Tests.Verifiers;
using ClaudeCost.CodeFixes.Fixes;
using Xunit;
using static ClaudeCost.Analyzers.Tests.Verifiers.DiagnosticResult;

namespace ClaudeCost.Analyzers.Tests.Rules
{
    public class CC0005Tests
    {
        private static Task VerifyFix(string source, string fixedSource, params StandIn[] standIns)
        {
            var test = new CodeFixTest<CC0005MissingOutputLimitAnalyzer, CC0005MissingOutputLimitCodeFixProvider> { TestCode = source, FixedCode = fixedSource };
            test.StandIns.AddRange(standIns);
            return test.RunAsync();
        }

        [Fact]
        public Task RawAnonymousBodyGetsMaxTokensAfterTheModel()
            => VerifyFix("""
                class Raw
                {
                    object Body(string q) => [|new { model = "claude-sonnet-4-6", /* no limit */ messages = new[] { new { role = "user", content = q } } }|];
                }
                """, """
                class Raw
                {
                    object Body(string q) => new { model = "claude-sonnet-4-6", max_tokens = 1024, /* no limit */ messages = new[] { new { role = "user", content = q } } };
                }
                """);

        [Fact]
        public Task JsonObjectBodyGetsMaxTokens()
            => VerifyFix("""
                using System.Text.Json.Nodes;

                class Raw
                {
                    JsonObject Body() => [|new JsonObject|]
                    {
                        ["model"] = "claude-sonnet-4-6",
                        ["messages"] = new JsonArray(),
                    };
                }
                """, """
                using System.Text.Json.Nodes;

                class Raw
                {
                    JsonObject Body() => new JsonObject
                    {
                        ["model"] = "claude-sonnet-4-6",
                        ["max_tokens"] = 1024,
                        ["messages"] = new JsonArray(),
                    };
                }
                """);

        [Fact]
        public Task AnthropicSdkParametersGetMaxTokens()
            => VerifyFix("""
                using Anthropic.SDK.Constants;
                using Anthropic.SDK.Messaging;

                class Community
                {
                    MessageParameters Build(string q) => [|new MessageParameters|]
                    {
                        Model = AnthropicModels.Claude46Sonnet,
                        Messages = [new Message(RoleType.User, q)],
                    };
                }
                """, """
                using Anthropic.SDK.Constants;
                using Anthropic.SDK.Messaging;

                class Community
                {
                    MessageParameters Build(string q) => new MessageParameters
                    {
                        Model = AnthropicModels.Claude46Sonnet,
                        Messages = [new Message(RoleType.User, q)],
                        MaxTokens = 1024,
                    };
                }
                """, StandIn.AnthropicSdk);

        [Fact]
        public Task BedrockConverseGetsAnInferenceConfig()
            => VerifyFix("""
                using System.Collections.Generic;
                using Amazon.BedrockRuntime.Model;

                class Bedrock
                {
                    ConverseRequest Build() => [|new ConverseRequest|]
                    {
                        ModelId = "anthropic.claude-sonnet-4-5-20250929-v1:0",
                        Messages = new List<Message>(),
                    };
                }
                """, """
                using System.Collections.Generic;
                using Amazon.BedrockRuntime.Model;

                class Bedrock
                {
                    ConverseRequest Build() => new ConverseRequest
                    {
                        ModelId = "anthropic.claude-sonnet-4-5-20250929-v1:0",
                        Messages = new List<Message>(),
                        InferenceConfig = new InferenceConfiguration { MaxTokens = 1024 },
                    };
                }
                """, StandIn.BedrockRuntime);

        [Fact]
        public Task RequestTypesFilledInLaterAreFoundByTheirTypeName()
        {
            // No Messages member in the initializers: only the request type's name finds these (searched only where
            // the compilation references the library).
            var test = new AnalyzerTest<CC0005MissingOutputLimitAnalyzer>
            {
                TestCode = """
                    using System.Collections.Generic;
                    using Amazon.BedrockRuntime.Model;
                    using Anthropic.SDK.Constants;
                    using Anthropic.SDK.Messaging;

                    class Later
                    {
                        ConverseRequest Bedrock(List<Amazon.BedrockRuntime.Model.Message> messages)
                        {
                            var request = [|new ConverseRequest { ModelId = "anthropic.claude-sonnet-4-5-20250929-v1:0" }|];
                            request.Messages = messages;
                            return request;
                        }

                        MessageParameters Community()
                        {
                            var parameters = [|new MessageParameters()|];
                            parameters.Model = AnthropicModels.Claude46Sonnet;
                            return parameters;
                        }
                    }
                    """,
            };
            test.StandIns.Add(StandIn.BedrockRuntime);
            test.StandIns.Add(StandIn.AnthropicSdk);
            return test.RunAsync();
        }

        [Fact]
        public Task LimitsSetLaterOrByDefaultsAreSilent()
        {
            var test = new AnalyzerTest<CC0005MissingOutputLimitAnalyzer>
            {
                TestCode = """
                    using System.Collections.Generic;
                    using System.Text.Json.Nodes;
                    using System.Text.Json.Serialization;
                    using System.Threading.Tasks;
                    using Amazon.BedrockRuntime.Model;
                    using Anthropic.SDK.Messaging;
                    using Microsoft.Extensions.AI;

                    class Body
                    {
                        [JsonPropertyName("model")] public string Model { get; set; } = "";
                        [JsonPropertyName("max_tokens")] public int MaxTokens { get; set; } = 1024;
                        [JsonPropertyName("messages")] public List<object> Messages { get; set; } = new();
                    }

                    class Silent
                    {
                        JsonObject Later(bool brief)
                        {
                            var body = new JsonObject { ["model"] = "claude-sonnet-4-6", ["messages"] = new JsonArray() };
                            if (brief)
                            {
                                body["max_tokens"] = 256;
                            }

                            return body;
                        }

                        MessageParameters SetAfterwards()
                        {
                            var parameters = new MessageParameters { Model = "claude-sonnet-4-6", Messages = new List<Anthropic.SDK.Messaging.Message>() };
                            parameters.MaxTokens = 512;
                            return parameters;
                        }

                        Body Dto() => new Body { Model = "claude-sonnet-4-6", Messages = new List<object>() };

                        ConverseRequest PromptArn() => new ConverseRequest { ModelId = "arn:aws:bedrock:us-east-1:123456789012:prompt/PROMPT12345", Messages = new List<Amazon.BedrockRuntime.Model.Message>() };

                        object OpenAi(string q) => new { model = "gpt-4o", messages = new[] { new { role = "user", content = q } } };

                        Task<ChatResponse> Chat(IChatClient chat, string q) => chat.GetResponseAsync(q, new ChatOptions { ModelId = "claude-sonnet-4-6" });

                        object Count(string q)
                        {
                            // POST https://api.anthropic.com/v1/messages/count_tokens: free, and takes no max_tokens.
                            return new { model = "claude-sonnet-4-6", messages = new[] { new { role = "user", content = q } }, url = "v1/messages/count_tokens" };
                        }
                    }
                    """,
            };
            test.StandIns.Add(StandIn.AnthropicSdk);
            test.StandIns.Add(StandIn.BedrockRuntime);
            return test.RunAsync();
        }

        [Fact]
        public Task JsonTextAndDtoWithoutTheKeyAreReportedWithoutAFix()
            => new CodeFixTest<CC0005MissingOutputLimitAnalyzer, CC0005MissingOutputLimitCodeFixProvider>
            {
                TestCode = """"
                    class Raw
                    {
                        string Json(string q) => [|$$"""|]
                            {"model": "claude-haiku-5-5", "messages": [{"role": "user", "content": "{{q}}"}]}
                            """;
                    }
                    """",
                NumberOfIncrementalIterations = 0,
            }.RunAsync();
    }
}
