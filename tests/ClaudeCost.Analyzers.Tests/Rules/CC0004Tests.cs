using System.Threading.Tasks;
using ClaudeCost.Analyzers.Rules;
using ClaudeCost.Analyzers.Tests.Verifiers;
using Xunit;
using static ClaudeCost.Analyzers.Tests.Verifiers.DiagnosticResult;

namespace ClaudeCost.Analyzers.Tests.Rules
{
    public class CC0004Tests
    {
        private const string Usings = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Anthropic;
            using Anthropic.Exceptions;
            using Anthropic.Models.Messages;

            """;

        private static Task Verify(string source, params DiagnosticResult[] expected)
        {
            var test = new AnalyzerTest<CC0004UnboundedRetryAnalyzer> { TestCode = source };
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        private static Task VerifyWith(ReferenceSet references, StandIn[] standIns, string source)
        {
            var test = new AnalyzerTest<CC0004UnboundedRetryAnalyzer> { TestCode = source, ReferenceSet = references };
            test.StandIns.AddRange(standIns);
            return test.RunAsync();
        }

        // ---- Loops: positives on every surface ----

        [Fact]
        public Task WhileTrueWithSwallowingCatchIsReported()
            => Verify(Usings + """
                class Asker
                {
                    private readonly AnthropicClient _client = new();

                    public async Task<Message> Ask(MessageCreateParams p)
                    {
                        {|#0:while (true)|}
                        {
                            try
                            {
                                return await _client.Messages.Create(p);
                            }
                            catch (AnthropicRateLimitException)
                            {
                                // try again
                            }
                        }
                    }
                }
                """, Diagnostic("CC0004").WithLocation(0).WithMessage("Claude's Messages.Create is retried without a limit: the loop goes on after an exception with no attempt counter, deadline or timeout, and retries at once with no delay"));

        [Fact]
        public Task ForEverAndDoWhileTrueAreReported()
            => Verify(Usings + """
                class Asker
                {
                    public async Task<Message> Ask(AnthropicClient client, MessageCreateParams p)
                    {
                        [|for (;;)|]
                        {
                            try { return await client.Beta.Messages.Create(new Anthropic.Models.Beta.Messages.MessageCreateParams { Model = p.Model, MaxTokens = 64, Messages = [] }) is var m ? await client.Messages.Create(p) : null!; }
                            catch (Exception) { await Task.Delay(1000); }
                        }
                    }

                    public async Task<Message> AskAgain(AnthropicClient client, MessageCreateParams p)
                    {
                        Message? result = null;
                        [|do|]
                        {
                            try { result = await client.Messages.Create(p); break; }
                            catch (HttpRequestExceptionStandIn) { continue; }
                        } while (true);
                        return result!;
                    }
                }

                class HttpRequestExceptionStandIn : Exception { }
                """);

        [Fact]
        public Task FlagLoopWithoutBoundIsReportedAndNamesTheDelay()
            => Verify(Usings + """
                class Asker
                {
                    public async Task<Message?> Ask(AnthropicClient client, MessageCreateParams p)
                    {
                        Message? reply = null;
                        {|#0:while (reply == null)|}
                        {
                            try
                            {
                                reply = await client.Messages.Create(p);
                            }
                            catch (AnthropicException e)
                            {
                                Console.WriteLine(e.Message);
                                await Task.Delay(TimeSpan.FromSeconds(2));
                            }
                        }

                        return reply;
                    }
                }
                """, Diagnostic("CC0004").WithLocation(0).WithMessage("Claude's Messages.Create is retried without a limit: the loop goes on after an exception with no attempt counter, deadline or timeout"));

        [Fact]
        public Task BatchCreationLoopIsReported()
            => Verify(Usings + """
                using Anthropic.Models.Messages.Batches;

                class Batcher
                {
                    public async Task<MessageBatch> Submit(AnthropicClient client, BatchCreateParams batch)
                    {
                        bool done = false;
                        MessageBatch created = null!;
                        [|while (!done)|]
                        {
                            try { created = await client.Messages.Batches.Create(batch); done = true; }
                            catch { }
                        }

                        return created;
                    }
                }
                """);

        [Fact]
        public Task ChatClientLoopIsReported()
            => Verify("""
                using System.Threading.Tasks;
                using Anthropic;
                using Microsoft.Extensions.AI;

                class Chat
                {
                    private readonly IChatClient _chat = new AnthropicClient().AsIChatClient("claude-sonnet-4-6");

                    public async Task<string> Ask(string q)
                    {
                        [|while (true)|]
                        {
                            try { return (await _chat.GetResponseAsync(q)).Text; }
                            catch (System.Exception) { }
                        }
                    }
                }
                """);

        [Fact]
        public Task AnthropicSdkLoopIsReported()
            => VerifyWith(ReferenceSets.NoOfficialAnthropic, new[] { StandIn.AnthropicSdk }, """
                using System.Threading.Tasks;
                using Anthropic.SDK;
                using Anthropic.SDK.Messaging;

                class Community
                {
                    public async Task<MessageResponse> Ask(AnthropicClient client, MessageParameters p)
                    {
                        [|while (true)|]
                        {
                            try { return await client.Messages.GetClaudeMessageAsync(p); }
                            catch (System.Net.Http.HttpRequestException) { await Task.Delay(500); }
                        }
                    }
                }
                """);

        [Fact]
        public Task RawHttpLoopIsReported()
            => Verify("""
                using System.Net.Http;
                using System.Net.Http.Json;
                using System.Threading.Tasks;

                class Raw
                {
                    private readonly HttpClient _http = new();

                    public async Task<HttpResponseMessage> Send(object body)
                    {
                        [|while (true)|]
                        {
                            try
                            {
                                var response = await _http.PostAsJsonAsync("https://api.anthropic.com/v1/messages", body);
                                response.EnsureSuccessStatusCode();
                                return response;
                            }
                            catch (HttpRequestException) { await Task.Delay(1000); }
                        }
                    }
                }
                """);

        [Fact]
        public Task HelperThatCallsClaudeCounts()
            => Verify(Usings + """
                class Asker
                {
                    private readonly AnthropicClient _client = new();

                    private async Task<string> AskOnce(MessageCreateParams p) => (await _client.Messages.Create(p)).Content.Count.ToString();

                    public async Task<string> Ask(MessageCreateParams p)
                    {
                        {|#0:while (true)|}
                        {
                            try { return await AskOnce(p); }
                            catch (AnthropicException) { await Task.Delay(100); }
                        }
                    }
                }
                """, Diagnostic("CC0004").WithLocation(0).WithMessageContains("A paid Claude call is retried without a limit"));

        // ---- Loops: near-misses ----

        [Fact]
        public Task BoundedLoopsAreNotReported()
            => Verify(Usings + """
                using System.Diagnostics;

                class Asker
                {
                    public async Task<Message> Counter(AnthropicClient client, MessageCreateParams p)
                    {
                        var attempt = 0;
                        while (true)
                        {
                            try { return await client.Messages.Create(p); }
                            catch (AnthropicRateLimitException) when (attempt++ < 3) { await Task.Delay(1000); }
                        }
                    }

                    public async Task<Message> CounterInCatch(AnthropicClient client, MessageCreateParams p)
                    {
                        var failures = 0;
                        while (true)
                        {
                            try { return await client.Messages.Create(p); }
                            catch (AnthropicException)
                            {
                                failures++;
                                if (failures >= 5) throw;
                            }
                        }
                    }

                    public async Task<Message?> For(AnthropicClient client, MessageCreateParams p)
                    {
                        for (var i = 0; i < 3; i++)
                        {
                            try { return await client.Messages.Create(p); }
                            catch (AnthropicException) { await Task.Delay(1000 * (i + 1)); }
                        }

                        return null;
                    }

                    public async Task<Message> Deadline(AnthropicClient client, MessageCreateParams p)
                    {
                        var deadline = DateTime.UtcNow.AddMinutes(1);
                        while (true)
                        {
                            try { return await client.Messages.Create(p); }
                            catch (AnthropicException) when (DateTime.UtcNow < deadline) { await Task.Delay(1000); }
                        }
                    }

                    public async Task<Message> Stopwatch(AnthropicClient client, MessageCreateParams p)
                    {
                        var watch = System.Diagnostics.Stopwatch.StartNew();
                        while (watch.Elapsed < TimeSpan.FromSeconds(30))
                        {
                            try { return await client.Messages.Create(p); }
                            catch (AnthropicException) { await Task.Delay(1000); }
                        }

                        throw new TimeoutException();
                    }

                    public async Task<Message> Timeout(AnthropicClient client, MessageCreateParams p)
                    {
                        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                        while (true)
                        {
                            cts.Token.ThrowIfCancellationRequested();
                            try { return await client.Messages.Create(p, cts.Token); }
                            catch (AnthropicException) { await Task.Delay(1000); }
                        }
                    }

                    public async Task<Message> TimeoutTokenPassedOn(AnthropicClient client, MessageCreateParams p)
                    {
                        var cts = new CancellationTokenSource();
                        cts.CancelAfter(30_000);
                        while (true)
                        {
                            try { return await client.Messages.Create(p, cts.Token); }
                            catch (AnthropicRateLimitException) { await Task.Delay(1000, cts.Token); }
                        }
                    }
                }
                """);

        [Fact]
        public Task CallerTokenIsNotABound()
            => Verify(Usings + """
                class Asker
                {
                    public async Task<Message> Ask(AnthropicClient client, MessageCreateParams p, CancellationToken ct)
                    {
                        [|while (!ct.IsCancellationRequested)|]
                        {
                            try { return await client.Messages.Create(p, ct); }
                            catch (AnthropicRateLimitException) { await Task.Delay(1000, ct); }
                        }

                        throw new OperationCanceledException();
                    }
                }
                """);

        [Fact]
        public Task FreeCallsAndPollingAreNotReported()
            => Verify(Usings + """
                using Anthropic.Models.Messages.Batches;

                class Free
                {
                    public async Task<long> Count(AnthropicClient client, MessageCountTokensParams p)
                    {
                        while (true)
                        {
                            try { return (await client.Messages.CountTokens(p)).InputTokens; }
                            catch (AnthropicException) { }
                        }
                    }

                    public async Task<MessageBatch> Poll(AnthropicClient client, string id)
                    {
                        while (true)
                        {
                            try
                            {
                                var batch = await client.Messages.Batches.Retrieve(id);
                                if (batch.ProcessingStatus.Raw() == "ended") return batch;
                            }
                            catch (AnthropicException) { }

                            await Task.Delay(30_000);
                        }
                    }

                    public async Task Models(AnthropicClient client)
                    {
                        while (true)
                        {
                            try { await client.Models.List(); return; }
                            catch (AnthropicException) { }
                        }
                    }
                }
                """);

        [Fact]
        public Task ConsumerLoopsAreNotRetries()
            => Verify(Usings + """
                using System.Threading.Channels;

                class Worker
                {
                    public async Task Run(AnthropicClient client, ChannelReader<MessageCreateParams> reader, CancellationToken ct)
                    {
                        // One call per message; a failure moves on to the next message.
                        while (true)
                        {
                            var p = await reader.ReadAsync(ct);
                            try { await client.Messages.Create(p, ct); }
                            catch (AnthropicException e) { Console.WriteLine(e); }
                        }
                    }

                    public async Task RunUntilFailure(AnthropicClient client, ChannelReader<MessageCreateParams> reader)
                    {
                        while (true)
                        {
                            var p = await reader.ReadAsync();
                            try { await client.Messages.Create(p); return; }
                            catch (AnthropicException) { throw; }
                        }
                    }

                    public async Task StopOnError(AnthropicClient client, ChannelReader<MessageCreateParams> reader)
                    {
                        while (true)
                        {
                            try { await client.Messages.Create(await reader.ReadAsync()); return; }
                            catch (AnthropicException) { break; }
                        }
                    }
                }
                """);

        [Fact]
        public Task UntracedChatClientIsNotClaude()
            => Verify("""
                using System.Threading.Tasks;
                using Microsoft.Extensions.AI;

                class Chat
                {
                    public async Task<string> Ask(IChatClient chat, string q)
                    {
                        while (true)
                        {
                            try { return (await chat.GetResponseAsync(q)).Text; }
                            catch (System.Exception) { }
                        }
                    }
                }
                """);

        [Fact]
        public Task RawHttpWithoutEvidenceIsNotReported()
            => Verify("""
                using System.Net.Http;
                using System.Threading.Tasks;

                class Webhook
                {
                    public async Task Notify(HttpClient http, HttpContent content)
                    {
                        while (true)
                        {
                            try { await http.PostAsync("https://hooks.example.com/notify", content); return; }
                            catch (HttpRequestException) { }
                        }
                    }
                }
                """);

        // ---- Recursion ----

        [Fact]
        public Task RecursionFromACatchIsReported()
            => Verify(Usings + """
                class Asker
                {
                    public async Task<Message> Ask(AnthropicClient client, MessageCreateParams p)
                    {
                        try { return await client.Messages.Create(p); }
                        catch (AnthropicOverloadedException) { return await {|#0:Ask(client, p)|}; }
                    }

                    public async Task<Message> Bounded(AnthropicClient client, MessageCreateParams p, int attempt = 0)
                    {
                        try { return await client.Messages.Create(p); }
                        catch (AnthropicOverloadedException) when (attempt < 3) { return await Bounded(client, p, attempt + 1); }
                    }
                }
                """, Diagnostic("CC0004").WithLocation(0).WithMessage("Claude's Messages.Create is retried without a limit: the catch calls Ask again with no attempt counter or deadline passed on"));

        // ---- Polly ----

        [Fact]
        public Task PollyRetryForeverAroundAPaidCallIsReported()
            => Verify(Usings + """
                using Polly;

                class Resilient
                {
                    private readonly AnthropicClient _client = new();
                    private readonly IAsyncPolicy _forever = Policy.Handle<Exception>().{|#0:RetryForeverAsync|}();
                    private readonly IAsyncPolicy _bounded = Policy.Handle<Exception>().RetryAsync(3);

                    public Task<Message> Ask(MessageCreateParams p) => _forever.ExecuteAsync(() => _client.Messages.Create(p));

                    public Task<Message> Again(MessageCreateParams p) => _bounded.ExecuteAsync(() => _client.Messages.Create(p));

                    public Task<Message> Inline(MessageCreateParams p)
                        => Policy.Handle<AnthropicRateLimitException>().{|#1:WaitAndRetryForeverAsync|}(n => TimeSpan.FromSeconds(n)).ExecuteAsync(() => _client.Messages.Create(p));
                }
                """,
                Diagnostic("CC0004").WithLocation(0).WithMessage("Claude's Messages.Create is retried without a limit: the Polly policy RetryForeverAsync retries every failure forever, with no delay"),
                Diagnostic("CC0004").WithLocation(1).WithMessage("Claude's Messages.Create is retried without a limit: the Polly policy WaitAndRetryForeverAsync retries every failure forever"));

        [Fact]
        public Task PollyForeverWithoutClaudeIsNotReported()
            => Verify("""
                using System;
                using System.Threading.Tasks;
                using Polly;

                class Db
                {
                    private readonly IAsyncPolicy _forever = Policy.Handle<TimeoutException>().RetryForeverAsync();

                    public Task Save() => _forever.ExecuteAsync(() => Task.CompletedTask);
                }
                """);

        [Fact]
        public Task PollyForeverHandlingAnthropicExceptionsIsReported()
            => Verify(Usings + """
                using Polly;

                class Policies
                {
                    public static readonly IAsyncPolicy Claude = Policy.Handle<AnthropicRateLimitException>().[|WaitAndRetryForeverAsync|](n => TimeSpan.FromSeconds(n));
                }
                """);

        [Fact]
        public Task Polly8MaxRetryAttemptsIntMaxValueIsReported()
            => Verify(Usings + """
                using Polly;
                using Polly.Retry;

                class Pipelines
                {
                    private readonly AnthropicClient _client = new();
                    private readonly ResiliencePipeline _pipeline = new ResiliencePipelineBuilder()
                        .AddRetry(new RetryStrategyOptions { {|#0:MaxRetryAttempts = int.MaxValue|}, Delay = TimeSpan.FromSeconds(1) })
                        .Build();
                    private readonly ResiliencePipeline _bounded = new ResiliencePipelineBuilder()
                        .AddRetry(new RetryStrategyOptions { MaxRetryAttempts = 3 })
                        .Build();

                    public async Task<Message> Ask(MessageCreateParams p) => await _pipeline.ExecuteAsync(async ct => await _client.Messages.Create(p, ct));

                    public async Task<Message> Again(MessageCreateParams p) => await _bounded.ExecuteAsync(async ct => await _client.Messages.Create(p, ct));
                }
                """, Diagnostic("CC0004").WithLocation(0).WithMessage("Claude's Messages.Create is retried without a limit: MaxRetryAttempts = int.MaxValue retries every failure forever"));

        [Fact]
        public Task Polly8OptionsInALocalAddedToABuilderLocal()
            => Verify(Usings + """
                using Polly;
                using Polly.Retry;

                class Pipelines
                {
                    public async Task<Message> Ask(AnthropicClient client, MessageCreateParams p)
                    {
                        var options = new RetryStrategyOptions { [|MaxRetryAttempts = int.MaxValue|] };
                        var builder = new ResiliencePipelineBuilder();
                        builder.AddRetry(options);
                        var pipeline = builder.Build();
                        return await pipeline.ExecuteAsync(async ct => await client.Messages.Create(p, ct));
                    }

                    public async Task<int> NotClaude()
                    {
                        var options = new RetryStrategyOptions { MaxRetryAttempts = int.MaxValue };
                        var pipeline = new ResiliencePipelineBuilder().AddRetry(options).Build();
                        return await pipeline.ExecuteAsync(async ct => await Task.FromResult(1));
                    }
                }
                """);

        // ---- SDK MaxRetries ----

        [Fact]
        public Task SdkMaxRetriesAboveTheCeilingIsReported()
            => Verify(Usings + """
                using Anthropic.Core;

                class Clients
                {
                    private readonly AnthropicClient _patient = new() { {|#0:MaxRetries = 50|} };
                    private readonly AnthropicClient _fine = new() { MaxRetries = 5 };
                    private readonly AnthropicClient _options = new(new ClientOptions { [|MaxRetries = int.MaxValue|] });

                    public IAnthropicClient Patient(IAnthropicClient client) => client.WithOptions(o => o with { [|MaxRetries = 11|] });
                }
                """, Diagnostic("CC0004").WithLocation(0).WithMessage("Every Claude call of this client is retried without a limit: MaxRetries = 50 sends each failing call up to 51 times, each retry waiting as long as the server's Retry-After asks (ceiling 10, claudecost.cc0004.max_sdk_retries)"));

        [Fact]
        public Task CeilingIsConfigurable()
        {
            var test = new AnalyzerTest<CC0004UnboundedRetryAnalyzer>
            {
                TestCode = Usings + """
                    class Clients
                    {
                        private readonly AnthropicClient _a = new() { MaxRetries = 20 };
                        private readonly AnthropicClient _b = new() { [|MaxRetries = 21|] };
                    }
                    """,
                EditorConfig = "root = true\n[*.cs]\nclaudecost.cc0004.max_sdk_retries = 20\n",
            };
            return test.RunAsync();
        }

        [Fact]
        public Task NoClaudeLibraryNoFinding()
        {
            var test = new AnalyzerTest<CC0004UnboundedRetryAnalyzer>
            {
                TestCode = """
                    using System.Threading.Tasks;

                    class Plain
                    {
                        public async Task<int> Run()
                        {
                            while (true)
                            {
                                try { return await Task.FromResult(1); }
                                catch { }
                            }
                        }
                    }
                    """,
                ReferenceSet = ReferenceSets.NoClaude,
            };
            return test.RunAsync();
        }

        [Fact]
        public Task InvalidOptionValuesAreReportedAndDefaultsApply()
        {
            var test = new AnalyzerTest<CC9002OptionsAnalyzer, CC0004UnboundedRetryAnalyzer>
            {
                TestCode = Usings + """
                    class Clients
                    {
                        private readonly AnthropicClient _a = new() { MaxRetries = 10 };
                        private readonly AnthropicClient _b = new() { {|CC0004:MaxRetries = 11|} };
                    }
                    """,
                GlobalConfig = "is_global = true\nclaudecost.cc0004.max_sdk_retries = many\nclaudecost.cc0004.max_attempts = 1\n",
            };
            test.ExpectedDiagnostics.Add(Diagnostic("CC9002").WithNoLocation().WithMessage("'claudecost.cc0004.max_sdk_retries = many' is not valid: expected a whole number of retries (0 or more), e.g. 10; the default is used"));
            test.ExpectedDiagnostics.Add(Diagnostic("CC9002").WithNoLocation().WithMessage("'claudecost.cc0004.max_attempts = 1' is not valid: expected a whole number of attempts from 2 to 100, e.g. 4; the default is used"));
            return test.RunAsync();
        }

        [Fact]
        public Task AnthropicSdkBatchAndStreamingLoopsAreReportedButCountingIsNot()
            => VerifyWith(ReferenceSets.NoOfficialAnthropic, new[] { StandIn.AnthropicSdk }, """
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Anthropic.SDK;
                using Anthropic.SDK.Batches;
                using Anthropic.SDK.Messaging;

                class Community
                {
                    public async Task<BatchResponse> Submit(AnthropicClient client, List<BatchRequest> requests)
                    {
                        [|while (true)|]
                        {
                            try { return await client.Batches.CreateBatchAsync(requests); }
                            catch (System.Exception) { await Task.Delay(500); }
                        }
                    }

                    public async Task<int> Count(AnthropicClient client, MessageCountTokenParameters p)
                    {
                        while (true)
                        {
                            try { await client.Messages.CountMessageTokensAsync(p); return 1; }
                            catch (System.Exception) { }
                        }
                    }
                }
                """);
    }
}
