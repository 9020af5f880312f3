using System.Threading.Tasks;
using ClaudeCost.Analyzers.Rules;
using ClaudeCost.Analyzers.Tests.Verifiers;
using ClaudeCost.CodeFixes.Fixes;
using Xunit;

namespace ClaudeCost.Analyzers.Tests.Rules
{
    public class CC0001FixTests
    {
        private const string UseToday = "CC0001.UseToday";
        private const string Move = "CC0001.MoveAfterPrefix";

        private static Task VerifyFix(string source, string fixedSource, string key, string? batchFixed = null)
        {
            var policy = PromptText.PolicyLiteral(6000);
            var test = new CodeFixTest<CC0001VolatileValueInCachedPrefixAnalyzer, CC0001VolatileValueInCachedPrefixCodeFixProvider>
            {
                TestCode = source.Replace("POLICY", policy),
                FixedCode = fixedSource.Replace("POLICY", policy),
                BatchFixedCode = batchFixed?.Replace("POLICY", policy),
                CodeActionEquivalenceKey = key,
                ExpectedCodeActionTitle = key == UseToday ? CC0001VolatileValueInCachedPrefixCodeFixProvider.UseTodayTitle : CC0001VolatileValueInCachedPrefixCodeFixProvider.MoveTitle,
            };
            return test.RunAsync();
        }

        private static string Official(string system) => """
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Anthropic;
            using Anthropic.Models.Messages;

            class Support
            {
                const string Policy = POLICY;

                async Task Ask(AnthropicClient client, string question, TimeProvider time)
                {
                    await client.Messages.Create(new MessageCreateParams
                    {
                        Model = Model.ClaudeSonnet4_6,
                        MaxTokens = 1024,
                        SYSTEM
                        Messages = [new UserMessageParam(question)],
                    });
                }
            }
            """.Replace("SYSTEM", system);

        [Theory]
        [InlineData("[|DateTime.Now|]", "DateTime.Today")]
        [InlineData("[|DateTime.UtcNow|]", "DateTime.UtcNow.Date")]
        [InlineData("[|System.DateTime.UtcNow|]", "System.DateTime.UtcNow.Date")]
        [InlineData("[|DateTimeOffset.UtcNow|]", "new DateTimeOffset(DateTimeOffset.UtcNow.Date, TimeSpan.Zero)")]
        [InlineData("[|DateTimeOffset.Now|]", "new DateTimeOffset(DateTime.Today)")]
        [InlineData("[|time.GetUtcNow()|]", "new DateTimeOffset(time.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero)")]
        public Task UseTodaysDate(string before, string after)
        {
            const string system = """
                System = new List<TextBlockParam>
                        {
                            // The date keeps the prefix stable all day.
                            new($"{Policy}\nToday: {/* clock */ VALUE}.") { CacheControl = new CacheControlEphemeral() },
                        },
                """;
            return VerifyFix(Official(system.Replace("VALUE", before)), Official(system.Replace("VALUE", after)), UseToday);
        }

        [Fact]
        public Task UseTodaysDateInsideAConditionalBlockAndThroughALocal()
            => VerifyFix("""
                using System;
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Anthropic;
                using Anthropic.Models.Messages;

                class Support
                {
                    async Task Ask(AnthropicClient client, string question)
                    {
                #if DEBUG
                        var now = DateTime.Now; // local clock
                #else
                        var now = [|DateTime.UtcNow|]; // UTC clock
                #endif
                        await client.Messages.Create(new MessageCreateParams
                        {
                            Model = Model.ClaudeSonnet4_6,
                            MaxTokens = 1024,
                            System = $"Date: {now}",
                            CacheControl = new CacheControlEphemeral(),
                            Messages = [new UserMessageParam(question)],
                        });
                    }
                }
                """, """
                using System;
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Anthropic;
                using Anthropic.Models.Messages;

                class Support
                {
                    async Task Ask(AnthropicClient client, string question)
                    {
                #if DEBUG
                        var now = DateTime.Now; // local clock
                #else
                        var now = DateTime.UtcNow.Date; // UTC clock
                #endif
                        await client.Messages.Create(new MessageCreateParams
                        {
                            Model = Model.ClaudeSonnet4_6,
                            MaxTokens = 1024,
                            System = $"Date: {now}",
                            CacheControl = new CacheControlEphemeral(),
                            Messages = [new UserMessageParam(question)],
                        });
                    }
                }
                """, UseToday);

        [Fact]
        public Task MoveTheVolatileSentenceToATrailingBlock()
            => VerifyFix(Official("""
                System = new List<TextBlockParam>
                        {
                            new($"You are a support agent. It is now {[|DateTime.UtcNow|]:t}. Be brief.") { CacheControl = new CacheControlEphemeral() },
                        },
                """), Official("""
                System = new List<TextBlockParam>
                        {
                            new($"You are a support agent. Be brief.") { CacheControl = new CacheControlEphemeral() },
                            new TextBlockParam($"It is now {DateTime.UtcNow:t}."),
                        },
                """), Move);

        [Fact]
        public Task MoveTheVolatileLineOutOfARawStringAndCacheTheRest()
            => VerifyFix(Official(""""
                System = $"""
                            {Policy}
                            Current time: {[|DateTime.UtcNow|]:O}
                            Answer briefly.
                            """,
                """"), Official(""""
                System = new List<TextBlockParam> { new TextBlockParam($"""
                            {Policy}
                            Answer briefly.
                            """) { CacheControl = new CacheControlEphemeral() }, new TextBlockParam($"""Current time: {DateTime.UtcNow:O}""") },
                """"), Move);

        [Fact]
        public Task MoveInARawAnonymousBody()
            => VerifyFix("""
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
                            system = new[] { new { type = "text", text = $"You are helpful.\nRequest id: {[|Guid.NewGuid()|]}\nBe brief.", cache_control = new { type = "ephemeral" } } },
                            messages = new[] { new { role = "user", content = question } },
                        };
                        await http.PostAsJsonAsync("https://api.anthropic.com/v1/messages", body);
                    }
                }
                """, """
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
                            system = new object[] { new { type = "text", text = $"You are helpful.\nBe brief.", cache_control = new { type = "ephemeral" } }, new { type = "text", text = $"Request id: {Guid.NewGuid()}" } },
                            messages = new[] { new { role = "user", content = question } },
                        };
                        await http.PostAsJsonAsync("https://api.anthropic.com/v1/messages", body);
                    }
                }
                """, Move);

        [Fact]
        public Task GuidsAndCountersOfferOnlyTheMove()
        {
            var test = new CodeFixTest<CC0001VolatileValueInCachedPrefixAnalyzer, CC0001VolatileValueInCachedPrefixCodeFixProvider>
            {
                TestCode = Official("""
                    System = new List<TextBlockParam> { new("Id " + [|Guid.NewGuid()|]) { CacheControl = new CacheControlEphemeral() } },
                    """).Replace("POLICY", "\"p\""),
                NumberOfIncrementalIterations = 0,
            };
            return test.RunAsync();
        }

        [Fact]
        public Task FixAllUsesTodaysDateEverywhere()
            => VerifyFix(Official("""
                System = new List<TextBlockParam>
                        {
                            new($"Now {[|DateTime.Now|]}, again {[|DateTime.Now|]:T}.") { CacheControl = new CacheControlEphemeral() },
                        },
                """), Official("""
                System = new List<TextBlockParam>
                        {
                            new($"Now {DateTime.Today}, again {DateTime.Today:T}.") { CacheControl = new CacheControlEphemeral() },
                        },
                """), UseToday);
    }
}
