using System.Threading.Tasks;
using ClaudeCost.Analyzers.Rules;
using ClaudeCost.Analyzers.Tests.Verifiers;
using ClaudeCost.CodeFixes.Fixes;
using Xunit;
using static ClaudeCost.Analyzers.Tests.Verifiers.DiagnosticResult;

namespace ClaudeCost.Analyzers.Tests.Rules
{
    /// <summary>CC0003 (premium model on a short-answer path) and CC0014 (thinking there).</summary>
    public class ShortAnswerRuleTests
    {
        private const string Usings = """
            using System;
            using System.Threading.Tasks;
            using Anthropic;
            using Anthropic.Models.Messages;

            enum TicketCategory { Billing, Bug, Other }

            """;

        [Fact]
        public Task EnumModelWithNameAndSmallLimitIsFixedToTheSmallModel()
            => new CodeFixTest<CC0003PremiumModelOnShortAnswerAnalyzer, CC0003PremiumModelOnShortAnswerCodeFixProvider>
            {
                TestCode = Usings + """
                    class TicketService
                    {
                        Task<Message> ClassifyTicketAsync(AnthropicClient client, string ticket) => client.Messages.Create(new MessageCreateParams
                        {
                            Model = {|#0:Model.ClaudeOpus4_8|}, // chosen long ago
                            MaxTokens = 16,
                            Messages = [new UserMessageParam(ticket)],
                        });
                    }
                    """,
                FixedCode = Usings + """
                    class TicketService
                    {
                        Task<Message> ClassifyTicketAsync(AnthropicClient client, string ticket) => client.Messages.Create(new MessageCreateParams
                        {
                            Model = Model.ClaudeHaiku5_5, // chosen long ago
                            MaxTokens = 16,
                            Messages = [new UserMessageParam(ticket)],
                        });
                    }
                    """,
                ExpectedDiagnostics =
                {
                    Diagnostic("CC0003").WithLocation(0).WithMessage("claude-opus-4-8 on a short-answer path (method name 'ClassifyTicketAsync', MaxTokens = 16): claude-haiku-5-5 costs ≈50x less per request (claude-opus-4-8 at $5.00/$25.00 vs claude-haiku-5-5 at $0.10/$0.50 per MTok)"),
                },
            }.RunAsync();

        [Fact]
        public Task SharedConstantIsFixedAtTheShortCallOnly()
            => new CodeFixTest<CC0003PremiumModelOnShortAnswerAnalyzer, CC0003PremiumModelOnShortAnswerCodeFixProvider>
            {
                TestCode = Usings + """
                    class Assistant
                    {
                        private const string PrimaryModel = "claude-opus-5-5";

                        async Task<TicketCategory> RouteAsync(AnthropicClient client, string ticket)
                        {
                            var reply = await client.Messages.Create(new MessageCreateParams
                            {
                                Model = [|PrimaryModel|],
                                MaxTokens = 400,
                                System = "Respond with only one of: billing, bug, other.",
                                Messages = [new UserMessageParam(ticket)],
                            });
                            return Enum.Parse<TicketCategory>(reply.Content[0].ToString(), true);
                        }

                        Task<Message> DraftContractAsync(AnthropicClient client, string brief) => client.Messages.Create(new MessageCreateParams
                        {
                            Model = PrimaryModel,
                            MaxTokens = 8000,
                            System = "Draft a complete services contract from the brief, section by section.",
                            Messages = [new UserMessageParam(brief)],
                        });
                    }
                    """,
                FixedCode = Usings + """
                    class Assistant
                    {
                        private const string PrimaryModel = "claude-opus-5-5";

                        async Task<TicketCategory> RouteAsync(AnthropicClient client, string ticket)
                        {
                            var reply = await client.Messages.Create(new MessageCreateParams
                            {
                                Model = "claude-haiku-5-5",
                                MaxTokens = 400,
                                System = "Respond with only one of: billing, bug, other.",
                                Messages = [new UserMessageParam(ticket)],
                            });
                            return Enum.Parse<TicketCategory>(reply.Content[0].ToString(), true);
                        }

                        Task<Message> DraftContractAsync(AnthropicClient client, string brief) => client.Messages.Create(new MessageCreateParams
                        {
                            Model = PrimaryModel,
                            MaxTokens = 8000,
                            System = "Draft a complete services contract from the brief, section by section.",
                            Messages = [new UserMessageParam(brief)],
                        });
                    }
                    """,
            }.RunAsync();

        [Fact]
        public Task OneSignalOrASmallModelOrJsonAloneIsSilent()
            => new AnalyzerTest<CC0003PremiumModelOnShortAnswerAnalyzer>
            {
                TestCode = Usings + """
                    class Service
                    {
                        // Name only: one signal.
                        Task<Message> ClassifyAsync(AnthropicClient client, string text) => client.Messages.Create(new MessageCreateParams
                        {
                            Model = Model.ClaudeOpus4_8,
                            MaxTokens = 4000,
                            Messages = [new UserMessageParam(text)],
                        });

                        // A small model with every signal.
                        Task<Message> TagAsync(AnthropicClient client, string text) => client.Messages.Create(new MessageCreateParams
                        {
                            Model = Model.ClaudeHaiku5_5,
                            MaxTokens = 8,
                            System = "Classify the text.",
                            Messages = [new UserMessageParam(text)],
                        });

                        // A JSON answer on a hard task: not a short-answer path.
                        Task<Message> AnalyzeContractAsync(AnthropicClient client, string text) => client.Messages.Create(new MessageCreateParams
                        {
                            Model = Model.ClaudeOpus4_8,
                            MaxTokens = 16000,
                            System = "Review the contract and return a JSON report of every risky clause with reasoning.",
                            Messages = [new UserMessageParam(text)],
                        });
                    }
                    """,
            }.RunAsync();

        [Fact]
        public Task NoFixWhenTheBodySetsSampling()
            => new CodeFixTest<CC0003PremiumModelOnShortAnswerAnalyzer, CC0003PremiumModelOnShortAnswerCodeFixProvider>
            {
                TestCode = """
                    class Moderation
                    {
                        object ModerateBody(string text) => new
                        {
                            model = [|"claude-opus-4-8"|],
                            max_tokens = 5,
                            temperature = 0,
                            system = "Answer yes or no: is the message abusive?",
                            messages = new[] { new { role = "user", content = text } },
                        };
                    }
                    """,
                NumberOfIncrementalIterations = 0,
            }.RunAsync();

        [Fact]
        public Task ThinkingOnAShortAnswerPathIsRemoved()
            => new CodeFixTest<CC0014ThinkingOnShortAnswerAnalyzer, CC0014ThinkingOnShortAnswerCodeFixProvider>
            {
                TestCode = Usings + """
                    class Sentiment
                    {
                        Task<Message> ClassifySentimentAsync(AnthropicClient client, string review) => client.Messages.Create(new MessageCreateParams
                        {
                            Model = Model.ClaudeSonnet5_5,
                            MaxTokens = 4096,
                            {|#0:Thinking = new ThinkingConfigEnabled(2048)|},
                            System = "Reply with only one word: positive, negative or neutral.",
                            Messages = [new UserMessageParam(review)],
                        });
                    }
                    """,
                FixedCode = Usings + """
                    class Sentiment
                    {
                        Task<Message> ClassifySentimentAsync(AnthropicClient client, string review) => client.Messages.Create(new MessageCreateParams
                        {
                            Model = Model.ClaudeSonnet5_5,
                            MaxTokens = 4096,
                            System = "Reply with only one word: positive, negative or neutral.",
                            Messages = [new UserMessageParam(review)],
                        });
                    }
                    """,
                ExpectedDiagnostics = { Diagnostic("CC0014").WithLocation(0).WithMessageContains("method name 'ClassifySentimentAsync', prompt says 'reply with only'") },
            }.RunAsync();

        [Fact]
        public Task LargeMaxTokensAloneAndThinkingOnHardWorkAreSilent()
            => new AnalyzerTest<CC0014ThinkingOnShortAnswerAnalyzer>
            {
                TestCode = Usings + """
                    class Planner
                    {
                        Task<Message> PlanMigrationAsync(AnthropicClient client, string spec) => client.Messages.Create(new MessageCreateParams
                        {
                            Model = Model.ClaudeOpus5_5,
                            MaxTokens = 32000,
                            Thinking = new ThinkingConfigAdaptive(),
                            Messages = [new UserMessageParam(spec)],
                        });

                        Task<Message> ClassifyAsync(AnthropicClient client, string text) => client.Messages.Create(new MessageCreateParams
                        {
                            Model = Model.ClaudeHaiku5_5,
                            MaxTokens = 16000,
                            Messages = [new UserMessageParam(text)],
                        });
                    }
                    """,
            }.RunAsync();
    }
}
