using System.Threading.Tasks;
using ClaudeCost.Analyzers.Rules;
using ClaudeCost.Analyzers.Tests.Verifiers;
using Xunit;
using static ClaudeCost.Analyzers.Tests.Verifiers.DiagnosticResult;

namespace ClaudeCost.Analyzers.Tests.Rules
{
    public class CC0001Tests
    {
        private const string Usings = """
            using System;
            using System.Collections.Generic;
            using System.Diagnostics;
            using System.Text;
            using System.Threading.Tasks;
            using Anthropic;
            using Anthropic.Models.Messages;

            """;

        private static Task Verify(string source, params DiagnosticResult[] expected)
        {
            var test = new AnalyzerTest<CC0001VolatileValueInCachedPrefixAnalyzer> { TestCode = source };
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        private static string OfficialWithBreakpoint(string systemText, string members = "") => Usings + """
            class Support
            {
            MEMBERS
                async Task<Message> Ask(AnthropicClient client, string question)
                {
                    return await client.Messages.Create(new MessageCreateParams
                    {
                        Model = Model.ClaudeSonnet4_6,
                        MaxTokens = 1024,
                        System = new List<TextBlockParam>
                        {
                            new(SYSTEM) { CacheControl = new CacheControlEphemeral() },
                        },
                        Messages = [new UserMessageParam(question)],
                    });
                }
            }
            """.Replace("SYSTEM", systemText).Replace("MEMBERS", members);

        [Theory]
        [InlineData("$\"You are a support agent. Current time: {[|DateTime.UtcNow|]}.\"")]
        [InlineData("$\"You are a support agent. Current time: {[|DateTime.Now|]:HH:mm}.\"")]
        [InlineData("$\"Session {[|Guid.NewGuid()|]:N}\"")]
        [InlineData("$\"Seed {[|Random.Shared.Next()|]}\"")]
        [InlineData("\"Ticks \" + [|Environment.TickCount64|]")]
        [InlineData("\"Ts \" + [|Stopwatch.GetTimestamp()|]")]
        [InlineData("\"Now: \" + [|DateTimeOffset.UtcNow|].ToString(\"O\")")]
        [InlineData("$\"Today is {[|DateTime.Now|].ToString()}\"")]
        [InlineData("string.Format(\"Now {0:t}\", [|DateTime.Now|])")]
        [InlineData("string.Concat(\"Now \", [|DateTime.UtcNow|].AddDays(1).ToString(\"yyyy-MM-dd HH:mm\"))")]
        public Task VolatileValueBeforeTheBreakpointIsReported(string systemText)
            => Verify(OfficialWithBreakpoint(systemText));

        [Theory]
        [InlineData("$\"You are a support agent. Today is {DateTime.Today}.\"")]
        [InlineData("$\"Today is {DateTime.Now:yyyy-MM-dd}.\"")]
        [InlineData("$\"Today is {DateTime.Now:dddd, MMMM d} ('at' is a literal here).\"")]
        [InlineData("$\"Today is {DateTime.UtcNow.Date}.\"")]
        [InlineData("$\"Today is {DateOnly.FromDateTime(DateTime.Now)}.\"")]
        [InlineData("$\"Today is {DateTime.Now.ToShortDateString()}.\"")]
        [InlineData("$\"Tomorrow is {DateTime.Now.AddDays(1).ToString(\"D\")}.\"")]
        [InlineData("$\"Year {DateTime.UtcNow.Year}, day {DateTime.UtcNow.DayOfWeek}.\"")]
        [InlineData("string.Format(\"Date {0:d}\", DateTime.Now)")]
        [InlineData("\"A constant prompt with the word DateTime.Now in it.\"")]
        public Task DateOnlyOrConstantValuesAreSilent(string systemText)
            => Verify(OfficialWithBreakpoint(systemText));

        [Fact]
        public Task ValueFollowedThroughLocalsFieldsAndStringBuilder()
            => Verify(Usings + """
                class Support
                {
                    private static readonly string Header = "You are a support agent.";
                    private readonly string _stamp = $"Started {[|DateTime.UtcNow|]:O}";

                    async Task Ask(AnthropicClient client, string question)
                    {
                        var now = [|DateTime.Now|];
                        var sb = new StringBuilder();
                        sb.AppendLine(Header);
                        sb.AppendLine($"Local time: {now:HH:mm}");
                        sb.Append(_stamp);
                        await client.Messages.Create(new MessageCreateParams
                        {
                            Model = Model.ClaudeSonnet4_6,
                            MaxTokens = 1024,
                            System = sb.ToString(),
                            Messages = [new UserMessageParam(question)],
                            CacheControl = new CacheControlEphemeral(),
                        });
                    }
                }
                """);

        [Fact]
        public Task FieldsAndPropertiesSetInConstructorsAreFollowed()
            => Verify(Usings + """
                class Support
                {
                    private const string Role = "You are a support agent.";
                    private static readonly string Started;
                    private readonly string _greeting;

                    static Support() => Started = $"Started {[|DateTime.UtcNow|]:O}";

                    public Support() => this._greeting = "Hello.";

                    public Support(string name)
                    {
                        // The stamp written to the console never reaches the prompt.
                        var stamp = DateTime.Now.ToString("O");
                        Console.WriteLine(name + stamp);
                        _greeting = $"Hello {name}, it is {[|DateTime.Now|]:t}.";
                    }

                    // Names none of the prompt's fields: not bound at all.
                    public Support(int unused) : this() => Console.WriteLine(DateTime.Now);

                    private string Prompt { get; } = Role;

                    async Task Ask(AnthropicClient client, string question)
                        => await client.Messages.Create(new MessageCreateParams
                        {
                            Model = Model.ClaudeSonnet4_6,
                            MaxTokens = 1024,
                            System = new List<TextBlockParam> { new(Prompt + Started + _greeting) { CacheControl = new CacheControlEphemeral() } },
                            Messages = [new UserMessageParam(question)],
                        });
                }
                """);

        [Fact]
        public Task HelperInAnotherFileIsReportedAtTheClock()
        {
            var test = new AnalyzerTest<CC0001VolatileValueInCachedPrefixAnalyzer>();
            test.Sources.Add("Prompts.cs", """
                using System;

                static class PromptBuilder
                {
                    public static string Build(string product) => $"You answer questions about {product}. It is {{|#0:DateTime.UtcNow|}:HH:mm} UTC.";
                }
                """);
            test.Sources.Add("Client.cs", Usings + """
                class Support
                {
                    async Task Ask(AnthropicClient client, string question)
                    {
                        await client.Messages.Create(new MessageCreateParams
                        {
                            Model = Model.ClaudeHaiku4_5,
                            MaxTokens = 256,
                            System = new List<TextBlockParam> { new(PromptBuilder.Build("Acme")) { CacheControl = new CacheControlEphemeral() } },
                            Messages = [new UserMessageParam(question)],
                        });
                    }
                }
                """);
            test.ExpectedDiagnostics.Add(Diagnostic("CC0001").WithLocation(0)
                .WithMessage("DateTime.UtcNow in the system prompt changes the cached prefix on every call, so the prefix can never be read from the cache"));
            return test.RunAsync();
        }

        [Fact]
        public Task OnlyInTheUserTurnIsSilent()
            => Verify(Usings + """
                class Support
                {
                    async Task Ask(AnthropicClient client, string question)
                    {
                        await client.Messages.Create(new MessageCreateParams
                        {
                            Model = Model.ClaudeSonnet4_6,
                            MaxTokens = 1024,
                            System = new List<TextBlockParam> { new("You are a support agent.") { CacheControl = new CacheControlEphemeral() } },
                            Messages = [new UserMessageParam($"{question} (sent at {DateTime.Now:O})")],
                        });
                        Console.WriteLine($"Asked at {DateTime.Now}");
                    }
                }
                """);

        [Fact]
        public Task AfterTheLastBreakpointIsSilent()
            => Verify(Usings + """
                class Support
                {
                    async Task Ask(AnthropicClient client, string question)
                    {
                        await client.Messages.Create(new MessageCreateParams
                        {
                            Model = Model.ClaudeSonnet4_6,
                            MaxTokens = 1024,
                            System = new List<TextBlockParam>
                            {
                                new("You are a support agent.") { CacheControl = new CacheControlEphemeral { Ttl = Ttl.Ttl1h } },
                                new($"Current time: {DateTime.UtcNow:O}"),
                            },
                            Messages = [new UserMessageParam(question)],
                        });
                    }
                }
                """);

        [Fact]
        public Task NoBreakpointAndTooShortToCacheIsSilent()
            => Verify(Usings + """
                class Support
                {
                    async Task Ask(AnthropicClient client, string question)
                    {
                        await client.Messages.Create(new MessageCreateParams
                        {
                            Model = Model.ClaudeSonnet4_6,
                            MaxTokens = 1024,
                            System = $"You are a support agent. Current time: {DateTime.UtcNow:O}",
                            Messages = [new UserMessageParam(question)],
                        });
                    }
                }
                """);

        [Fact]
        public Task NoBreakpointButLongEnoughToCacheIsReported()
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
                            System = $"Current time: {{|#0:DateTime.UtcNow|}:O}\n{Policy}",
                            Messages = [new UserMessageParam(question)],
                        });
                    }
                }
                """.Replace("POLICY", PromptText.PolicyLiteral(6000)),
                Diagnostic("CC0001").WithLocation(0).WithMessageContains("keeps the ≈1,500-token prompt from ever being cached: ≈$0.0045/call at full price on claude-sonnet-4-6 instead of ≈$0.00045 from cache"));

        [Fact]
        public Task CountTokensIsFree()
            => Verify(Usings + """
                class Support
                {
                    async Task Count(AnthropicClient client)
                    {
                        await client.Messages.CountTokens(new MessageCountTokensParams
                        {
                            Model = Model.ClaudeSonnet4_6,
                            System = $"Now {DateTime.UtcNow:O}",
                            CacheControl = new CacheControlEphemeral(),
                            Messages = [new UserMessageParam("hi")],
                        });
                    }
                }
                """);

        [Fact]
        public Task ToolDescriptionsBeforeATheToolBreakpoint()
            => Verify(Usings + """
                class Support
                {
                    async Task Ask(AnthropicClient client, string question)
                    {
                        await client.Messages.Create(new MessageCreateParams
                        {
                            Model = Model.ClaudeSonnet4_6,
                            MaxTokens = 1024,
                            Tools =
                            [
                                new Tool
                                {
                                    Name = "lookup_order",
                                    Description = $"Find an order. Session {{|#0:Guid.NewGuid()|}}.",
                                    InputSchema = new InputSchema { Required = ["id"] },
                                    CacheControl = new CacheControlEphemeral(),
                                },
                            ],
                            Messages = [new UserMessageParam(question)],
                        });
                    }
                }
                """,
                Diagnostic("CC0001").WithLocation(0).WithMessageContains("Guid.NewGuid() in the tool definitions"));

        [Fact]
        public Task BetaAndBatchRequests()
            => Verify(Usings + """
                using Beta = Anthropic.Models.Beta.Messages;
                using Batches = Anthropic.Models.Messages.Batches;

                class Support
                {
                    async Task Ask(AnthropicClient client, string question)
                    {
                        await client.Beta.Messages.Create(new Beta.MessageCreateParams
                        {
                            Model = Model.ClaudeSonnet5,
                            MaxTokens = 512,
                            System = new List<Beta.BetaTextBlockParam> { new($"Now {[|DateTime.UtcNow|]:O}") { CacheControl = new Beta.BetaCacheControlEphemeral() } },
                            Messages = [new Beta.BetaUserMessageParam(question)],
                        });
                        var item = new Batches.Params
                        {
                            Model = Model.ClaudeHaiku4_5,
                            MaxTokens = 64,
                            System = new List<TextBlockParam> { new($"Batch {[|Guid.NewGuid()|]}") { CacheControl = new CacheControlEphemeral() } },
                            Messages = [new UserMessageParam(question)],
                        };
                    }
                }
                """);

        [Fact]
        public Task TimeProviderAndCustomVolatileMembers()
        {
            var test = new AnalyzerTest<CC0001VolatileValueInCachedPrefixAnalyzer>
            {
                TestCode = Usings + """
                    namespace Acme { static class Clock { public static string Stamp => "x"; } }

                    class Support
                    {
                        async Task Ask(AnthropicClient client, TimeProvider time, string question)
                        {
                            await client.Messages.Create(new MessageCreateParams
                            {
                                Model = Model.ClaudeSonnet4_6,
                                MaxTokens = 1024,
                                System = $"Now {[|time.GetUtcNow()|]:O}, stamp {[|Acme.Clock.Stamp|]}",
                                Messages = [new UserMessageParam(question)],
                                CacheControl = new CacheControlEphemeral(),
                            });
                        }
                    }
                    """,
                EditorConfig = """
                    root = true

                    [*.cs]
                    claudecost.cc0001.extra_volatile_members = Acme.Clock.Stamp
                    """,
            };
            return test.RunAsync();
        }
    }
}
