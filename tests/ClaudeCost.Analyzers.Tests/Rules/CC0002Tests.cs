using System.Threading.Tasks;
using ClaudeCost.Analyzers.Rules;
using ClaudeCost.Analyzers.Tests.Verifiers;
using Xunit;
using static ClaudeCost.Analyzers.Tests.Verifiers.DiagnosticResult;

namespace ClaudeCost.Analyzers.Tests.Rules
{
    public class CC0002Tests
    {
        private const string Usings = """
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Threading.Tasks;
            using Anthropic;
            using Anthropic.Models.Messages;

            """;

        private static Task Verify(string source, params DiagnosticResult[] expected)
        {
            var test = new AnalyzerTest<CC0002LargePromptWithoutCachingAnalyzer> { TestCode = source };
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        private static string Official(string model, string system, int policyCharacters = 6000, string extraMembers = "", string extraInitializer = "") => Usings + """
            class Support
            {
                const string Policy = POLICY;

                async Task Ask(AnthropicClient client, string question, string userName, string configuredModel)
                {
                    await client.Messages.Create(new MessageCreateParams
                    {
                        Model = MODEL,
                        MaxTokens = 1024,
                        System = SYSTEM,
                        Messages = [new UserMessageParam(question)],EXTRA
                    });
                }
            }
            """.Replace("POLICY", PromptText.PolicyLiteral(policyCharacters)).Replace("MODEL", model).Replace("SYSTEM", system).Replace("EXTRA", extraInitializer);

        [Fact]
        public Task LongConstantSystemPromptWithoutBreakpoint()
            => Verify(
                Official("Model.ClaudeSonnet4_6", "{|#0:Policy|}"),
                Diagnostic("CC0002").WithLocation(0).WithMessage("≈1,500-token system prompt is re-sent at full price on every call (≈$0.0045/call on claude-sonnet-4-6; ≈$0.00045 when read from cache; pays off from the second call within 5 minutes)"));

        [Fact]
        public Task StringModelIdAndTheNewTokenizer()
            => Verify(
                Official("\"claude-haiku-5-5\"", "{|#0:Policy|}", policyCharacters: 2000),
                Diagnostic("CC0002").WithLocation(0).WithMessageContains("on claude-haiku-5-5"));

        [Fact]
        public Task UnknownModelUsesTheLargestMinimumAndSaysWhichPricesItAssumes()
            => Verify(
                Official("configuredModel", "{|#0:Policy|}", policyCharacters: 17000),
                Diagnostic("CC0002").WithLocation(0).WithMessageContains("claude-sonnet-4-6 (assumed: model not a constant)"));

        [Fact]
        public Task UnknownModelBelowTheLargestMinimumIsSilent()
            => Verify(Official("configuredModel", "Policy", policyCharacters: 6000));

        [Fact]
        public Task BelowTheModelMinimumIsSilent()
            => Verify(Official("Model.ClaudeHaiku4_5", "Policy", policyCharacters: 6000));

        [Theory]
        [InlineData("", "", "new List<TextBlockParam> { new(Policy) { CacheControl = new CacheControlEphemeral() } }")]
        [InlineData("", "\n            CacheControl = new CacheControlEphemeral(),", "Policy")]
        public Task AnyBreakpointSilencesTheRule(string members, string extraInitializer, string system)
            => Verify(Official("Model.ClaudeSonnet4_6", system, extraMembers: members, extraInitializer: extraInitializer));

        [Fact]
        public Task BreakpointInTheMessagesOrAddedLaterWithWithIsSilent()
            => Verify(Usings + """
                class Support
                {
                    const string Policy = POLICY;

                    async Task Ask(AnthropicClient client, string question)
                    {
                        await client.Messages.Create(new MessageCreateParams
                        {
                            Model = Model.ClaudeSonnet4_6,
                            MaxTokens = 1024,
                            System = Policy,
                            Messages = [new UserMessageParam { Content = new List<ContentBlockParam> { new TextBlockParam(question) { CacheControl = new CacheControlEphemeral() } } }],
                        });
                        var request = new MessageCreateParams
                        {
                            Model = Model.ClaudeSonnet4_6,
                            MaxTokens = 1024,
                            System = Policy,
                            Messages = [new UserMessageParam(question)],
                        };
                        await client.Messages.Create(request with { CacheControl = new CacheControlEphemeral() });
                    }
                }
                """.Replace("POLICY", PromptText.PolicyLiteral(6000)));

        [Fact]
        public Task PerRequestValueBeforeTheConstantTextEndsTheRun()
            => Verify(Official("Model.ClaudeSonnet4_6", "$\"Customer: {userName}\\n{Policy}\""));

        [Fact]
        public Task PromptReadFromAFileIsNotMeasured()
            => Verify(Official("Model.ClaudeSonnet4_6", "File.ReadAllText(\"prompt.txt\")"));

        [Fact]
        public Task CountTokensIsFree()
            => Verify(Usings + """
                class Support
                {
                    const string Policy = POLICY;

                    async Task Count(AnthropicClient client) => await client.Messages.CountTokens(new MessageCountTokensParams
                    {
                        Model = Model.ClaudeSonnet4_6,
                        System = Policy,
                        Messages = [new UserMessageParam("hi")],
                    });
                }
                """.Replace("POLICY", PromptText.PolicyLiteral(6000)));

        [Fact]
        public Task BlockListReportsTheLastStableBlock()
            => Verify(Official("Model.ClaudeSonnet4_6", "new List<TextBlockParam> { {|#0:new(Policy)|}, new($\"Customer: {userName}\") }"),
                Diagnostic("CC0002").WithLocation(0));

        [Fact]
        public Task LargeToolDefinitionsAreReportedAtTheLastTool()
            => Verify(Usings + """
                class Support
                {
                    const string Policy = POLICY;

                    async Task Ask(AnthropicClient client, string question, string userName)
                    {
                        await client.Messages.Create(new MessageCreateParams
                        {
                            Model = Model.ClaudeSonnet4_6,
                            MaxTokens = 1024,
                            Tools =
                            [
                                new Tool { Name = "a", Description = Policy, InputSchema = new InputSchema() },
                                {|#0:new Tool { Name = "b", Description = "Look up an order.", InputSchema = new InputSchema() }|},
                            ],
                            System = $"Customer: {userName}",
                            Messages = [new UserMessageParam(question)],
                        });
                    }
                }
                """.Replace("POLICY", PromptText.PolicyLiteral(6000)),
                Diagnostic("CC0002").WithLocation(0).WithMessageContains("-token tool definitions is re-sent"));

        [Fact]
        public Task OptionsLowerTheThresholdAndSetTheDefaultModel()
        {
            var test = new AnalyzerTest<CC0002LargePromptWithoutCachingAnalyzer>
            {
                TestCode = Official("configuredModel", "{|#0:Policy|}", policyCharacters: 3000),
                EditorConfig = """
                    root = true

                    [*.cs]
                    claudecost.default_model = claude-haiku-5-5
                    """,
            };
            test.ExpectedDiagnostics.Add(Diagnostic("CC0002").WithLocation(0).WithMessageContains("on claude-haiku-5-5 (claudecost.default_model)"));
            return test.RunAsync();
        }

        [Fact]
        public Task MinimumPrefixTokensOption()
        {
            var test = new AnalyzerTest<CC0002LargePromptWithoutCachingAnalyzer>
            {
                TestCode = Official("Model.ClaudeHaiku4_5", "{|#0:Policy|}", policyCharacters: 1000),
                EditorConfig = """
                    root = true

                    [*.cs]
                    claudecost.cc0002.minimum_prefix_tokens = 200
                    """,
            };
            test.ExpectedDiagnostics.Add(Diagnostic("CC0002").WithLocation(0).WithMessageContains("on claude-haiku-4-5"));
            return test.RunAsync();
        }
    }
}
