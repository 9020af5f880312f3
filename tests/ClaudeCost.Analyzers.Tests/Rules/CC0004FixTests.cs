using System.Threading.Tasks;
using ClaudeCost.Analyzers.Rules;
using ClaudeCost.Analyzers.Tests.Verifiers;
using ClaudeCost.CodeFixes.Fixes;
using Xunit;

namespace ClaudeCost.Analyzers.Tests.Rules
{
    public class CC0004FixTests
    {
        private const string Usings = """
            using System;
            using System.Threading.Tasks;
            using Anthropic;
            using Anthropic.Exceptions;
            using Anthropic.Models.Messages;

            """;

        private static Task VerifyFix(string source, string fixedSource, string? batchFixed = null, string? editorConfig = null, bool checkMultiplied = true)
        {
            var test = new CodeFixTest<CC0004UnboundedRetryAnalyzer, CC0004UnboundedRetryCodeFixProvider> { TestCode = source, FixedCode = fixedSource, BatchFixedCode = batchFixed, EditorConfig = editorConfig };
            if (checkMultiplied)
            {
                // The fixed loop turns the SDK's own retries off for the call, so it never multiplies them (CC0018).
                test.Analyzers.Add(new CC0018MultipliedRetriesAnalyzer());
            }

            return test.RunAsync();
        }

        [Fact]
        public Task WhileTrueGetsACounterBackoffAndNoSdkRetries()
            => VerifyFix(Usings + """
                class Asker
                {
                    private readonly AnthropicClient _client = new();

                    public async Task<Message> Ask(MessageCreateParams p)
                    {
                        // Keep asking until Claude answers.
                        {|CC0004:while (true)|}
                        {
                            try
                            {
                                return await _client.Messages.Create(p); // the call
                            }
                            catch (AnthropicRateLimitException e)
                            {
                                Console.WriteLine(e.Message); // log it
                                // and try again
                            }
                        }
                    }
                }
                """, Usings + """
                class Asker
                {
                    private readonly AnthropicClient _client = new();

                    public async Task<Message> Ask(MessageCreateParams p)
                    {
                        // Keep asking until Claude answers.
                        for (var attempt = 1; ; attempt++)
                        {
                            try
                            {
                                return await _client.WithOptions(o => o with { MaxRetries = 0 }).Messages.Create(p); // the call
                            }
                            catch (AnthropicRateLimitException e) when (attempt < 4)
                            {
                                Console.WriteLine(e.Message); // log it
                                // and try again
                                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(8000, 500 * Math.Pow(2, attempt - 1)) * (0.75 + 0.25 * Random.Shared.NextDouble())));
                            }
                        }
                    }
                }
                """);

        [Fact]
        public Task ExistingFilterAndDelayAreKeptAndFlagConditionStays()
            => VerifyFix(Usings + """
                class Asker
                {
                    public async Task<Message?> Ask(AnthropicClient client, MessageCreateParams p, Func<Exception, bool> transient)
                    {
                        Message? reply = null;
                        {|CC0004:while (reply == null)|}
                        {
                            try { reply = await client.Messages.WithOptions(o => o with { MaxRetries = 0 }).Create(p); }
                            catch (Exception e) when (transient(e) || e is TimeoutException) { await Task.Delay(1000); }
                        }

                        return reply;
                    }
                }
                """, Usings + """
                class Asker
                {
                    public async Task<Message?> Ask(AnthropicClient client, MessageCreateParams p, Func<Exception, bool> transient)
                    {
                        Message? reply = null;
                        for (var attempt = 1; reply == null; attempt++)
                        {
                            try { reply = await client.Messages.WithOptions(o => o with { MaxRetries = 0 }).Create(p); }
                            catch (Exception e) when ((transient(e) || e is TimeoutException) && attempt < 4) { await Task.Delay(1000); }
                        }

                        return reply;
                    }
                }
                """);

        [Fact]
        public Task DoWhileTrueWithContinueAndSyncMethod()
            => VerifyFix(Usings + """
                class Asker
                {
                    public Message Ask(AnthropicClient client, MessageCreateParams p)
                    {
                        var attempt = "first";
                        {|CC0004:do|}
                        {
                            try { return client.Messages.Create(p).GetAwaiter().GetResult(); }
                            catch
                            {
                                attempt = "again";
                                continue;
                            }
                        } while (true); // forever
                    }
                }
                """, Usings.Replace("using System;\n", "using System;\nusing System.Threading;\n") + """
                class Asker
                {
                    public Message Ask(AnthropicClient client, MessageCreateParams p)
                    {
                        var attempt = "first";
                        for (var attempt2 = 1; ; attempt2++)
                        {
                            try { return client.WithOptions(o => o with { MaxRetries = 0 }).Messages.Create(p).GetAwaiter().GetResult(); }
                            catch when (attempt2 < 4)
                            {
                                attempt = "again";
                                Thread.Sleep(TimeSpan.FromMilliseconds(Math.Min(8000, 500 * Math.Pow(2, attempt2 - 1)) * (0.75 + 0.25 * Random.Shared.NextDouble())));
                                continue;
                            }
                        } // forever
                    }
                }
                """);

        [Fact]
        public Task RawHttpLoopNeedsNoSdkOptionAndMaxAttemptsIsConfigurable()
            => VerifyFix("""
                using System.Net.Http;
                using System.Net.Http.Json;
                using System.Threading.Tasks;

                class Raw
                {
                    private readonly HttpClient _http = new();

                    public async Task<HttpResponseMessage> Send(object body)
                    {
                        {|CC0004:for (;;)|}
                        {
                            try { return await _http.PostAsJsonAsync("https://api.anthropic.com/v1/messages", body); }
                            catch (HttpRequestException) { await Task.Delay(500); }
                        }
                    }
                }
                """, """
                using System.Net.Http;
                using System.Net.Http.Json;
                using System.Threading.Tasks;

                class Raw
                {
                    private readonly HttpClient _http = new();

                    public async Task<HttpResponseMessage> Send(object body)
                    {
                        for (var attempt = 1; ; attempt++)
                        {
                            try { return await _http.PostAsJsonAsync("https://api.anthropic.com/v1/messages", body); }
                            catch (HttpRequestException) when (attempt < 6) { await Task.Delay(500); }
                        }
                    }
                }
                """, editorConfig: "root = true\n[*.cs]\nclaudecost.cc0004.max_attempts = 6\n");

        [Fact]
        public Task FixAllFixesEveryLoopOfTheDocument()
            => VerifyFix(Usings + """
                class Asker
                {
                    public async Task<Message> A(IAnthropicClient client, MessageCreateParams p)
                    {
                        {|CC0004:while (true)|}
                        {
                            try { return await client.Messages.Create(p); }
                            catch (AnthropicException) { await Task.Delay(100); }
                        }
                    }

                    public async Task<Message> B(IAnthropicClient client, MessageCreateParams p)
                    {
                        {|CC0004:while (true)|}
                        {
                            try { return await client.Beta.Messages.Create(new Anthropic.Models.Beta.Messages.MessageCreateParams { Model = p.Model, MaxTokens = 8, Messages = [] }) is { } ? await client.Messages.Create(p) : null!; }
                            catch (AnthropicException) { await Task.Delay(100); }
                        }
                    }
                }
                """, Usings + """
                class Asker
                {
                    public async Task<Message> A(IAnthropicClient client, MessageCreateParams p)
                    {
                        for (var attempt = 1; ; attempt++)
                        {
                            try { return await client.WithOptions(o => o with { MaxRetries = 0 }).Messages.Create(p); }
                            catch (AnthropicException) when (attempt < 4) { await Task.Delay(100); }
                        }
                    }

                    public async Task<Message> B(IAnthropicClient client, MessageCreateParams p)
                    {
                        for (var attempt = 1; ; attempt++)
                        {
                            try { return await client.WithOptions(o => o with { MaxRetries = 0 }).Beta.Messages.Create(new Anthropic.Models.Beta.Messages.MessageCreateParams { Model = p.Model, MaxTokens = 8, Messages = [] }) is { } ? await client.WithOptions(o => o with { MaxRetries = 0 }).Messages.Create(p) : null!; }
                            catch (AnthropicException) when (attempt < 4) { await Task.Delay(100); }
                        }
                    }
                }
                """);

        [Fact]
        public Task ChatClientLoopOverTheOfficialAdapterIsReportedWithoutAFix()
        {
            var test = new CodeFixTest<CC0004UnboundedRetryAnalyzer, CC0004UnboundedRetryCodeFixProvider>
            {
                TestCode = """
                    using System.Threading.Tasks;
                    using Anthropic;
                    using Microsoft.Extensions.AI;

                    class Chat
                    {
                        private readonly IChatClient _chat = new AnthropicClient().AsIChatClient("claude-sonnet-4-6");

                        public async Task<string> Ask(string q)
                        {
                            {|CC0004:while (true)|}
                            {
                                try { return (await _chat.GetResponseAsync(q)).Text; }
                                catch (System.Exception) { await Task.Delay(100); }
                            }
                        }
                    }
                    """,
                NumberOfIncrementalIterations = 0,
            };
            test.FixedCode = test.TestCode;
            return test.RunAsync();
        }

        [Fact]
        public Task PollyForeverBecomesBounded()
            => VerifyFix(Usings + """
                using Polly;

                class Resilient
                {
                    private readonly AnthropicClient _client = new();
                    private readonly IAsyncPolicy _a = Policy.Handle<AnthropicRateLimitException>().{|CC0004:RetryForeverAsync|}(); // forever
                    private readonly IAsyncPolicy _b = Policy.Handle<AnthropicRateLimitException>().{|CC0004:WaitAndRetryForeverAsync|}(n => TimeSpan.FromSeconds(n) /* grows */);

                    public Task<Message> A(MessageCreateParams p) => _a.ExecuteAsync(() => _client.Messages.Create(p));

                    public Task<Message> B(MessageCreateParams p) => _b.ExecuteAsync(() => _client.Messages.Create(p));
                }
                """, Usings + """
                using Polly;

                class Resilient
                {
                    private readonly AnthropicClient _client = new();
                    private readonly IAsyncPolicy _a = Policy.Handle<AnthropicRateLimitException>().RetryAsync(3); // forever
                    private readonly IAsyncPolicy _b = Policy.Handle<AnthropicRateLimitException>().WaitAndRetryAsync(3, n => TimeSpan.FromSeconds(n) /* grows */);

                    public Task<Message> A(MessageCreateParams p) => _a.ExecuteAsync(() => _client.Messages.Create(p));

                    public Task<Message> B(MessageCreateParams p) => _b.ExecuteAsync(() => _client.Messages.Create(p));
                }
                """, checkMultiplied: false);

        [Fact]
        public Task Polly8AndSdkOptionsGetBoundedValues()
            => VerifyFix(Usings + """
                using Polly;
                using Polly.Retry;

                class Pipelines
                {
                    private readonly AnthropicClient _client = new() { {|CC0004:MaxRetries = 100|} };
                    private readonly ResiliencePipeline _pipeline = new ResiliencePipelineBuilder()
                        .AddRetry(new RetryStrategyOptions { {|CC0004:MaxRetryAttempts = int.MaxValue|} /* forever */ })
                        .Build();

                    public async Task<Message> Ask(MessageCreateParams p) => await _pipeline.ExecuteAsync(async ct => await _client.Messages.Create(p, ct));
                }
                """, Usings + """
                using Polly;
                using Polly.Retry;

                class Pipelines
                {
                    private readonly AnthropicClient _client = new() { MaxRetries = 3 };
                    private readonly ResiliencePipeline _pipeline = new ResiliencePipelineBuilder()
                        .AddRetry(new RetryStrategyOptions { MaxRetryAttempts = 3 /* forever */ })
                        .Build();

                    public async Task<Message> Ask(MessageCreateParams p) => await _pipeline.ExecuteAsync(async ct => await _client.Messages.Create(p, ct));
                }
                """, checkMultiplied: false);

        [Fact]
        public Task DirectivesAndCommentsInTheLoopAreKept()
            => VerifyFix(Usings + """
                class Asker
                {
                    public async Task<Message> Ask(IAnthropicClient client, MessageCreateParams p)
                    {
                        /* retry */ {|CC0004:while (true)|} // until it works
                        {
                #if DEBUG
                            Console.WriteLine("asking");
                #endif
                            try
                            {
                                return await client.Messages.Create(p);
                            }
                            catch (AnthropicException e)
                            {
                #if DEBUG
                                Console.WriteLine(e);
                #endif
                                await Task.Delay(250);
                            }
                        }
                    }
                }
                """, Usings + """
                class Asker
                {
                    public async Task<Message> Ask(IAnthropicClient client, MessageCreateParams p)
                    {
                        /* retry */ for (var attempt = 1; ; attempt++) // until it works
                        {
                #if DEBUG
                            Console.WriteLine("asking");
                #endif
                            try
                            {
                                return await client.WithOptions(o => o with { MaxRetries = 0 }).Messages.Create(p);
                            }
                            catch (AnthropicException e) when (attempt < 4)
                            {
                #if DEBUG
                                Console.WriteLine(e);
                #endif
                                await Task.Delay(250);
                            }
                        }
                    }
                }
                """);

        [Fact]
        public Task PollyOverloadWithoutACountedTwinHasNoFix()
        {
            var test = new CodeFixTest<CC0004UnboundedRetryAnalyzer, CC0004UnboundedRetryCodeFixProvider>
            {
                TestCode = Usings + """
                    using Polly;

                    class Resilient
                    {
                        private readonly AnthropicClient _client = new();
                        private readonly ISyncPolicy _a = Policy.Handle<AnthropicRateLimitException>().[|RetryForever|]((Exception e) => Console.WriteLine(e.Message));

                        public Message A(MessageCreateParams p) => _a.Execute(() => _client.Messages.Create(p).Result);
                    }
                    """,
                NumberOfIncrementalIterations = 0,
            };
            test.FixedCode = test.TestCode;
            return test.RunAsync();
        }
    }
}
