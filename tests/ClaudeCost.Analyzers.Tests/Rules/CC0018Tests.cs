using System.Threading.Tasks;
using ClaudeCost.Analyzers.Rules;
using ClaudeCost.Analyzers.Tests.Verifiers;
using ClaudeCost.CodeFixes.Fixes;
using Xunit;
using static ClaudeCost.Analyzers.Tests.Verifiers.DiagnosticResult;

namespace ClaudeCost.Analyzers.Tests.Rules
{
    public class CC0018Tests
    {
        private const string Usings = """
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;
            using Anthropic;
            using Anthropic.Exceptions;
            using Anthropic.Models.Messages;

            """;

        private static Task Verify(string source, params DiagnosticResult[] expected)
        {
            var test = new AnalyzerTest<CC0018MultipliedRetriesAnalyzer> { TestCode = source };
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        private static Task VerifyFix(string source, string fixedSource)
            => new CodeFixTest<CC0018MultipliedRetriesAnalyzer, CC0018MultipliedRetriesCodeFixProvider> { TestCode = source, FixedCode = fixedSource }.RunAsync();

        [Fact]
        public Task CountedLoopAroundTheDefaultClientGivesTheProduct()
            => Verify(Usings + """
                class Asker
                {
                    private readonly AnthropicClient _client = new();

                    public async Task<Message?> Ask(MessageCreateParams p)
                    {
                        for (var attempt = 0; attempt < 4; attempt++)
                        {
                            try { return await {|#0:_client.Messages.Create(p)|}; }
                            catch (AnthropicRateLimitException) { await Task.Delay(1000); }
                        }

                        return null;
                    }
                }
                """, Diagnostic("CC0018").WithLocation(0).WithMessage("Retries multiply: Messages.Create already retries inside the SDK (MaxRetries 2, the SDK default), and the retry loop around it retries again: up to 4 × 3 = 12 requests per failure"));

        [Fact]
        public Task ConfiguredRetriesAndCatchFilterCounter()
            => Verify(Usings + """
                class Asker
                {
                    private readonly AnthropicClient _client = new() { MaxRetries = 5 };

                    public async Task<Message> Ask(MessageCreateParams p)
                    {
                        var attempt = 1;
                        while (true)
                        {
                            try { return await {|#0:_client.Messages.Create(p)|}; }
                            catch (HttpRequestException) when (attempt++ < 3) { await Task.Delay(1000); }
                        }
                    }
                }
                """, Diagnostic("CC0018").WithLocation(0).WithMessage("Retries multiply: Messages.Create already retries inside the SDK (MaxRetries = 5), and the retry loop around it retries again: up to 3 × 6 = 18 requests per failure"));

        [Fact]
        public Task DeadlineLoopWithUnknownCount()
            => Verify(Usings + """
                class Asker
                {
                    public async Task<Message> Ask(IAnthropicClient client, MessageCreateParams p)
                    {
                        var deadline = DateTime.UtcNow.AddSeconds(30);
                        while (true)
                        {
                            try { return await {|#0:client.Beta.Messages.Create(new Anthropic.Models.Beta.Messages.MessageCreateParams { Model = p.Model, MaxTokens = 8, Messages = [] })|} is { } ? null! : null!; }
                            catch (Exception) when (DateTime.UtcNow < deadline) { await Task.Delay(1000); }
                        }
                    }
                }
                """, Diagnostic("CC0018").WithLocation(0).WithMessage("Retries multiply: Beta.Messages.Create already retries inside the SDK (MaxRetries 2, the SDK default), and the retry loop around it retries again: up to 3 requests for each of its attempts"));

        [Fact]
        public Task PollyPoliciesAndPipelinesAreReported()
            => Verify(Usings + """
                using Polly;
                using Polly.Retry;

                class Resilient
                {
                    private readonly AnthropicClient _client = new();
                    private readonly IAsyncPolicy _retry = Policy.Handle<AnthropicRateLimitException>().Or<HttpRequestException>().WaitAndRetryAsync(3, n => TimeSpan.FromSeconds(n));
                    private readonly ResiliencePipeline _pipeline = new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions()).Build();

                    public Task<Message> A(MessageCreateParams p) => _retry.ExecuteAsync(() => {|#0:_client.Messages.Create(p)|});

                    public async Task<Message> B(MessageCreateParams p) => await _pipeline.ExecuteAsync(async ct => await {|#1:_client.Messages.Create(p, ct)|});
                }
                """,
                Diagnostic("CC0018").WithLocation(0).WithMessage("Retries multiply: Messages.Create already retries inside the SDK (MaxRetries 2, the SDK default), and the Polly retry policy around it retries again: up to 4 × 3 = 12 requests per failure"),
                Diagnostic("CC0018").WithLocation(1).WithMessage("Retries multiply: Messages.Create already retries inside the SDK (MaxRetries 2, the SDK default), and the Polly retry pipeline around it retries again: up to 4 × 3 = 12 requests per failure"));

        [Fact]
        public Task PipelineBuiltFromABuilderLocal()
            => Verify(Usings + """
                using Polly;
                using Polly.Retry;

                class Resilient
                {
                    public async Task<Message> Ask(AnthropicClient client, MessageCreateParams p)
                    {
                        var builder = new ResiliencePipelineBuilder();
                        builder.AddRetry(new RetryStrategyOptions { MaxRetryAttempts = 2, ShouldHandle = new PredicateBuilder().Handle<AnthropicRateLimitException>() });
                        var pipeline = builder.Build();
                        return await pipeline.ExecuteAsync(async ct => await {|#0:client.Messages.Create(p, ct)|});
                    }

                    public async Task<Message> Content(AnthropicClient client, MessageCreateParams p)
                    {
                        var pipeline = new ResiliencePipelineBuilder<Message>()
                            .AddRetry(new RetryStrategyOptions<Message> { ShouldHandle = new PredicateBuilder<Message>().HandleResult(m => m.Content.Count == 0) })
                            .Build();
                        return await pipeline.ExecuteAsync(async ct => await client.Messages.Create(p, ct));
                    }
                }
                """, Diagnostic("CC0018").WithLocation(0).WithMessage("Retries multiply: Messages.Create already retries inside the SDK (MaxRetries 2, the SDK default), and the Polly retry pipeline around it retries again: up to 3 × 3 = 9 requests per failure"));

        [Fact]
        public Task ChatClientOverTheOfficialAdapterIsReported()
            => Verify("""
                using System.Threading.Tasks;
                using Anthropic;
                using Microsoft.Extensions.AI;

                class Chat
                {
                    private readonly IChatClient _chat = new AnthropicClient { MaxRetries = 3 }.AsIChatClient("claude-sonnet-4-6");

                    public async Task<string> Ask(string q)
                    {
                        for (var i = 0; i < 2; i++)
                        {
                            try { return (await {|#0:_chat.GetResponseAsync(q)|}).Text; }
                            catch (System.Net.Http.HttpRequestException) { }
                        }

                        return "";
                    }
                }
                """, Diagnostic("CC0018").WithLocation(0).WithMessage("Retries multiply: GetResponseAsync (through AsIChatClient) already retries inside the SDK (MaxRetries = 3), and the retry loop around it retries again: up to 2 × 4 = 8 requests per failure"));

        [Fact]
        public Task NearMissesAreSilent()
            => Verify(Usings + """
                using System.Text.Json;
                using Polly;

                class Quiet
                {
                    private readonly AnthropicClient _client = new();
                    private readonly AnthropicClient _noRetries = new() { MaxRetries = 0 };
                    private readonly IAsyncPolicy<Message> _reask = Policy.HandleResult<Message>(m => m.Content.Count == 0).RetryAsync(2);

                    // Re-ask on the reply's content: not a transport retry.
                    public async Task<string?> Parse(MessageCreateParams p)
                    {
                        for (var attempt = 0; attempt < 3; attempt++)
                        {
                            var reply = await _client.Messages.Create(p);
                            try { return JsonSerializer.Deserialize<string>(reply.Content.Count.ToString()); }
                            catch (JsonException) { }
                        }

                        return null;
                    }

                    // A non-transport exception (400 Bad Request) is not retried by the SDK either.
                    public async Task<Message?> BadRequest(MessageCreateParams p)
                    {
                        for (var attempt = 0; attempt < 3; attempt++)
                        {
                            try { return await _client.Messages.Create(p); }
                            catch (AnthropicBadRequestException) { }
                        }

                        return null;
                    }

                    // The SDK's retries are already off.
                    public async Task<Message?> Off(MessageCreateParams p)
                    {
                        for (var attempt = 0; attempt < 3; attempt++)
                        {
                            try { return await _noRetries.Messages.Create(p); }
                            catch (AnthropicException) { }
                        }

                        return null;
                    }

                    public async Task<Message?> OffPerCall(MessageCreateParams p)
                    {
                        for (var attempt = 0; attempt < 3; attempt++)
                        {
                            try { return await _client.WithOptions(o => o with { MaxRetries = 0 }).Messages.Create(p); }
                            catch (AnthropicException) { }
                        }

                        return null;
                    }

                    // Result-triggered policy: content, not transport.
                    public Task<Message> Reask(MessageCreateParams p) => _reask.ExecuteAsync(() => _client.Messages.Create(p));

                    // Free calls.
                    public async Task<long> Count(MessageCountTokensParams p)
                    {
                        for (var attempt = 0; attempt < 3; attempt++)
                        {
                            try { return (await _client.Messages.CountTokens(p)).InputTokens; }
                            catch (AnthropicException) { }
                        }

                        return 0;
                    }
                }
                """);

        [Fact]
        public Task AnthropicSdkAndRawHttpDoNotRetryInside()
            => Verify("""
                using System.Net.Http;
                using System.Net.Http.Json;
                using System.Threading.Tasks;
                using Anthropic;

                class Raw
                {
                    private readonly HttpClient _http = new();
                    private readonly AnthropicClient _unused = new();

                    public async Task<HttpResponseMessage?> Send(object body)
                    {
                        for (var attempt = 0; attempt < 3; attempt++)
                        {
                            try { return await _http.PostAsJsonAsync("https://api.anthropic.com/v1/messages", body); }
                            catch (HttpRequestException) { await Task.Delay(500); }
                        }

                        return null;
                    }
                }
                """);

        [Fact]
        public Task AnthropicSdkDoesNotRetryInside()
        {
            var test = new AnalyzerTest<CC0018MultipliedRetriesAnalyzer>
            {
                TestCode = """
                    using System.Threading.Tasks;
                    using Anthropic.SDK;
                    using Anthropic.SDK.Messaging;

                    class Community
                    {
                        public async Task<MessageResponse?> Ask(AnthropicClient client, MessageParameters p)
                        {
                            for (var attempt = 0; attempt < 3; attempt++)
                            {
                                try { return await client.Messages.GetClaudeMessageAsync(p); }
                                catch (System.Net.Http.HttpRequestException) { await Task.Delay(500); }
                            }

                            return null;
                        }
                    }
                    """,
                ReferenceSet = ReferenceSets.NoOfficialAnthropic,
            };
            test.StandIns.Add(StandIn.AnthropicSdk);
            return test.RunAsync();
        }

        [Fact]
        public Task UnboundedLoopsAreLeftToCC0004()
            => Verify(Usings + """
                class Asker
                {
                    public async Task<Message> Ask(AnthropicClient client, MessageCreateParams p)
                    {
                        while (true)
                        {
                            try { return await client.Messages.Create(p); }
                            catch (AnthropicException) { await Task.Delay(1000); }
                        }
                    }
                }
                """);

        [Fact]
        public Task FixTurnsTheSdkRetriesOffForTheCall()
            => VerifyFix(Usings + """
                class Asker
                {
                    private readonly AnthropicClient _client = new();

                    public async Task<Message?> Ask(MessageCreateParams p, IAnthropicClient other)
                    {
                        for (var attempt = 0; attempt < 4; attempt++)
                        {
                            try
                            {
                                var first = await [|_client.Messages.Create(p)|]; // first
                                return await [|other.Messages.WithOptions(o => o with { MaxRetries = 4 }).Create(p)|];
                            }
                            catch (AnthropicRateLimitException) { await Task.Delay(1000); }
                        }

                        return null;
                    }
                }
                """, Usings + """
                class Asker
                {
                    private readonly AnthropicClient _client = new();

                    public async Task<Message?> Ask(MessageCreateParams p, IAnthropicClient other)
                    {
                        for (var attempt = 0; attempt < 4; attempt++)
                        {
                            try
                            {
                                var first = await _client.WithOptions(o => o with { MaxRetries = 0 }).Messages.Create(p); // first
                                return await other.Messages.WithOptions(o => o with { MaxRetries = 4 }).WithOptions(o => o with { MaxRetries = 0 }).Create(p);
                            }
                            catch (AnthropicRateLimitException) { await Task.Delay(1000); }
                        }

                        return null;
                    }
                }
                """);

        [Fact]
        public Task ChatClientCallsAreReportedWithoutAFix()
        {
            var test = new CodeFixTest<CC0018MultipliedRetriesAnalyzer, CC0018MultipliedRetriesCodeFixProvider>
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
                            for (var i = 0; i < 2; i++)
                            {
                                try { return (await [|_chat.GetResponseAsync(q)|]).Text; }
                                catch (System.Exception) { }
                            }

                            return "";
                        }
                    }
                    """,
                NumberOfIncrementalIterations = 0,
            };
            test.FixedCode = test.TestCode;
            return test.RunAsync();
        }

        [Fact]
        public Task UntracedClientIsSkippedWhenTheProjectMakesAClientWithoutRetries()
            => Verify(Usings + """
                class Setup
                {
                    public static IAnthropicClient Quiet() => new AnthropicClient { MaxRetries = 0 };
                }

                class Asker
                {
                    public async Task<Message?> Ask(IAnthropicClient injected, MessageCreateParams p)
                    {
                        for (var attempt = 0; attempt < 3; attempt++)
                        {
                            try { return await injected.Messages.Create(p); }
                            catch (AnthropicException) { }
                        }

                        return null;
                    }
                }
                """);

        [Fact]
        public Task PerCallWithOptionsElsewhereDoesNotHideUntracedClients()
            => Verify(Usings + """
                class Asker
                {
                    public async Task<Message?> Ask(IAnthropicClient injected, MessageCreateParams p)
                    {
                        for (var attempt = 0; attempt < 3; attempt++)
                        {
                            try { return await {|#0:injected.Messages.Create(p)|}; }
                            catch (AnthropicException) { }
                        }

                        return null;
                    }

                    public Task<Message> Once(IAnthropicClient injected, MessageCreateParams p) => injected.WithOptions(o => o with { MaxRetries = 0 }).Messages.Create(p);
                }
                """, Diagnostic("CC0018").WithLocation(0).WithMessage("Retries multiply: Messages.Create already retries inside the SDK (MaxRetries 2, the SDK default), and the retry loop around it retries again: up to 3 × 3 = 9 requests per failure"));
    }
}
