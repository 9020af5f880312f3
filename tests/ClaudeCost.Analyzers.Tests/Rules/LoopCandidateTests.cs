using System.Threading.Tasks;
using ClaudeCost.Analyzers.Rules;
using ClaudeCost.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Xunit;
using static ClaudeCost.Analyzers.Tests.Verifiers.DiagnosticResult;

namespace ClaudeCost.Analyzers.Tests.Rules
{
    /// <summary>
    /// The loop rules (CC0004, CC0017, CC0018) look only at the loops, tries and calls that a per-file text search finds
    /// (a catch, a stop reason, a call's name): findings the search must not lose.
    /// </summary>
    public class LoopCandidateTests
    {
        private const string Usings = """
            using System;
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using Anthropic;
            using Anthropic.Exceptions;
            using Anthropic.Models.Messages;

            """;

        private static Task Verify<TAnalyzer>(string source, params DiagnosticResult[] expected)
            where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new()
        {
            var test = new AnalyzerTest<TAnalyzer> { TestCode = source };
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        // ---- CC0004 ----

        [Fact]
        public Task RetryLoopCallingAHelperInAnotherFileIsReported()
        {
            // The loop's file names no paid-call method at all: the helper in the other file makes the call.
            var test = new AnalyzerTest<CC0004UnboundedRetryAnalyzer>();
            test.Sources.Add("Gateway.cs", Usings + """
                class Gateway
                {
                    private readonly AnthropicClient _client = new();

                    public async Task<Message> AskOnce(MessageCreateParams p) => await _client.Messages.Create(p);
                }
                """);
            test.Sources.Add("Asker.cs", """
                using System.Threading.Tasks;
                using Anthropic.Models.Messages;

                class Asker
                {
                    private readonly Gateway _gateway = new();

                    public async Task<Message> Ask(MessageCreateParams p)
                    {
                        {|#0:while (true)|}
                        {
                            try { return await _gateway.AskOnce(p); }
                            catch (System.Exception) { await Task.Delay(100); }
                        }
                    }
                }
                """);
            test.ExpectedDiagnostics.Add(Diagnostic("CC0004").WithLocation(0).WithMessageContains("A paid Claude call is retried without a limit"));
            return test.RunAsync();
        }

        [Fact]
        public Task RetryLoopsInLambdasAndLocalFunctionsAreReported()
            => Verify<CC0004UnboundedRetryAnalyzer>(Usings + """
                class Asker
                {
                    private readonly AnthropicClient _client = new();

                    public Func<MessageCreateParams, Task<Message>> Lambda() => async p =>
                    {
                        {|#0:while (true)|}
                        {
                            try { return await _client.Messages.Create(p); }
                            catch (AnthropicRateLimitException) { await Task.Delay(100); }
                        }
                    };

                    public async Task<Message> Local(MessageCreateParams p)
                    {
                        return await Retry();

                        async Task<Message> Retry()
                        {
                            {|#1:for (;;)|}
                            {
                                try { return await _client.Messages.Create(p); }
                                catch (AnthropicRateLimitException) { await Task.Delay(100); }
                            }
                        }
                    }
                }
                """,
                Diagnostic("CC0004").WithLocation(0).WithMessageContains("Claude's Messages.Create is retried without a limit"),
                Diagnostic("CC0004").WithLocation(1).WithMessageContains("Claude's Messages.Create is retried without a limit"));

        [Fact]
        public Task PaidCallInALambdaInsideTheTryIsReported()
            => Verify<CC0004UnboundedRetryAnalyzer>(Usings + """
                class Asker
                {
                    private readonly AnthropicClient _client = new();

                    private static Task<T> Timed<T>(Func<Task<T>> action) => action();

                    public async Task<Message> Ask(MessageCreateParams p)
                    {
                        {|#0:do|}
                        {
                            try { return await Timed(() => _client.Messages.Create(p)); }
                            catch (AnthropicRateLimitException) { }
                        }
                        while (true);
                    }
                }
                """, Diagnostic("CC0004").WithLocation(0).WithMessageContains("Claude's Messages.Create is retried without a limit"));

        [Fact]
        public Task TheWordProcessingElsewhereInALoopDoesNotHideIt()
            => Verify<CC0004UnboundedRetryAnalyzer>(Usings + """
                class Asker
                {
                    private readonly AnthropicClient _client = new();

                    public async Task<Message> Ask(MessageCreateParams p)
                    {
                        {|#0:while (true)|}
                        {
                            try { return await _client.Messages.Create(p); }
                            catch (AnthropicRateLimitException) { Console.WriteLine("Processing failed, trying again"); }
                        }
                    }
                }
                """, Diagnostic("CC0004").WithLocation(0));

        [Fact]
        public Task RecursionFromACatchInsideALoopIsReported()
            => Verify<CC0004UnboundedRetryAnalyzer>(Usings + """
                class Asker
                {
                    public async Task<Message> Ask(AnthropicClient client, MessageCreateParams p)
                    {
                        try
                        {
                            return await client
                                .Messages
                                .Create(p);
                        }
                        catch (AnthropicRateLimitException)
                        {
                            return await {|#0:Ask(client, p)|};
                        }
                    }
                }
                """, Diagnostic("CC0004").WithLocation(0));

        [Fact]
        public Task TopLevelRetryLoopIsReported()
        {
            var test = new AnalyzerTest<CC0004UnboundedRetryAnalyzer> { OutputKind = OutputKind.ConsoleApplication };
            test.TestCode = Usings + """
                var client = new AnthropicClient();
                var p = new MessageCreateParams { Model = Model.ClaudeSonnet4_6, MaxTokens = 100, Messages = [new UserMessageParam("hi")] };
                {|#0:while (true)|}
                {
                    try { await client.Messages.Create(p); break; }
                    catch (AnthropicRateLimitException) { }
                }
                """;
            test.ExpectedDiagnostics.Add(Diagnostic("CC0004").WithLocation(0));
            return test.RunAsync();
        }

        // ---- CC0017 ----

        [Fact]
        public Task AgentLoopsInLambdasAndLocalFunctionsAreReported()
            => Verify<CC0017UncappedAgentLoopAnalyzer>(Usings + """
                class Agent
                {
                    public Func<AnthropicClient, MessageCreateParams, Task<Message>> Lambda() => async (client, p) =>
                    {
                        {|#0:while (true)|}
                        {
                            var response = await client.Messages.Create(p);
                            if (response.StopReason != StopReason.ToolUse) return response;
                        }
                    };

                    public async Task<Message> Local(AnthropicClient client, MessageCreateParams p)
                    {
                        return await Run();

                        async Task<Message> Run()
                        {
                            {|#1:while (true)|}
                            {
                                var response = await client.Messages.Create(p);
                                if (response.StopReason != StopReason.ToolUse) return response;
                            }
                        }
                    }
                }
                """,
                Diagnostic("CC0017").WithLocation(0),
                Diagnostic("CC0017").WithLocation(1));

        [Fact]
        public Task RecursionThroughThisAndGenericCallsIsReported()
            => Verify<CC0017UncappedAgentLoopAnalyzer>(Usings + """
                class Writer
                {
                    public async Task<string> Write(AnthropicClient client, MessageCreateParams p, string soFar)
                    {
                        var response = await client.Messages.Create(p);
                        var text = soFar + response.Content.Count;
                        if (response.StopReason == StopReason.MaxTokens)
                        {
                            return await {|#0:this.Write(client, p, text)|};
                        }

                        return text;
                    }

                    public async Task<T> Read<T>(AnthropicClient client, MessageCreateParams p, Func<Message, T> map)
                    {
                        var response = await client.Messages.Create(p);
                        return response.StopReason == StopReason.MaxTokens ? await {|#1:Read<T>(client, p, map)|} : map(response);
                    }

                    public async Task<string> NotARecursion(AnthropicClient client, MessageCreateParams p, Func<string, Task<string>> next)
                    {
                        var response = await client.Messages.Create(p);
                        if (response.StopReason == StopReason.MaxTokens)
                        {
                            return await next("more");
                        }

                        return "";
                    }
                }
                """,
                Diagnostic("CC0017").WithLocation(0),
                Diagnostic("CC0017").WithLocation(1));

        [Fact]
        public Task StopReasonAsAJsonKeyMakesACandidate()
            => Verify<CC0017UncappedAgentLoopAnalyzer>(Usings + """
                using System.Net.Http;
                using System.Text.Json;

                class Agent
                {
                    public async Task Run(HttpClient http, HttpContent body)
                    {
                        {|#0:while (true)|}
                        {
                            var response = await http.PostAsync("https://api.anthropic.com/v1/messages", body);
                            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                            if (json.RootElement.GetProperty("stop_reason").GetString() != "tool_use") break;
                        }
                    }
                }
                """, Diagnostic("CC0017").WithLocation(0));

        // ---- CC0018 ----

        [Fact]
        public Task BoundedRetryLoopInALambdaIsReported()
            => Verify<CC0018MultipliedRetriesAnalyzer>(Usings + """
                class Asker
                {
                    private readonly AnthropicClient _client = new();

                    public Func<MessageCreateParams, Task<Message?>> Ask() => async p =>
                    {
                        for (var attempt = 0; attempt < 4; attempt++)
                        {
                            try { return await {|#0:_client.Messages.Create(p)|}; }
                            catch (AnthropicRateLimitException) { await Task.Delay(1000); }
                        }

                        return null;
                    };
                }
                """, Diagnostic("CC0018").WithLocation(0));
    }
}
