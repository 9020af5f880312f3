using System.Threading.Tasks;
using ClaudeCost.Analyzers.Rules;
using ClaudeCost.Analyzers.Tests.Verifiers;
using ClaudeCost.CodeFixes.Fixes;
using Xunit;
using static ClaudeCost.Analyzers.Tests.Verifiers.DiagnosticResult;

namespace ClaudeCost.Analyzers.Tests.Rules
{
    public class CC0017Tests
    {
        private const string Usings = """
            using System;
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using Anthropic;
            using Anthropic.Models.Messages;

            """;

        private static Task Verify(string source, params DiagnosticResult[] expected)
        {
            var test = new AnalyzerTest<CC0017UncappedAgentLoopAnalyzer> { TestCode = source };
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        private static Task VerifyFix(string source, string fixedSource, string? editorConfig = null)
            => new CodeFixTest<CC0017UncappedAgentLoopAnalyzer, CC0017UncappedAgentLoopCodeFixProvider> { TestCode = source, FixedCode = fixedSource, EditorConfig = editorConfig }.RunAsync();

        // ---- Positives ----

        [Fact]
        public Task WhileTrueBreakingOnAnotherStopReasonIsReported()
            => Verify(Usings + """
                class Agent
                {
                    public async Task<Message> Run(AnthropicClient client, List<MessageParam> messages)
                    {
                        {|#0:while (true)|}
                        {
                            var response = await client.Messages.Create(new MessageCreateParams { Model = Model.ClaudeSonnet4_6, MaxTokens = 1024, Messages = messages });
                            if (response.StopReason != StopReason.ToolUse)
                            {
                                return response;
                            }

                            Tools.AddResults(messages, response);
                        }
                    }
                }

                static class Tools
                {
                    public static void AddResults(List<MessageParam> messages, Message response) { }
                }
                """, Diagnostic("CC0017").WithLocation(0).WithMessage("Agent loop without an iteration cap: it calls Messages.Create again on stop_reason tool_use, and no iteration counter, deadline or token budget ends it; each turn re-sends the whole, growing conversation"));

        [Fact]
        public Task DoWhileAndWhileOnTheStopReasonAreReportedOnBeta()
            => Verify(Usings + """
                using Beta = Anthropic.Models.Beta.Messages;

                class Agent
                {
                    public async Task Run(AnthropicClient client, Beta::MessageCreateParams p)
                    {
                        Beta::BetaMessage response;
                        [|do|]
                        {
                            response = await client.Beta.Messages.Create(p);
                        }
                        while (response.StopReason == Beta::BetaStopReason.ToolUse);
                    }

                    public async Task Continue(AnthropicClient client, MessageCreateParams p)
                    {
                        var response = await client.Messages.Create(p);
                        [|while (response.StopReason == StopReason.MaxTokens)|]
                        {
                            // "continue": ask for the rest.
                            response = await client.Messages.Create(p);
                        }
                    }
                }
                """);

        [Fact]
        public Task AFlagSetFromTheStopReasonIsReported()
            => Verify(Usings + """
                class Agent
                {
                    public async Task Run(AnthropicClient client, MessageCreateParams p)
                    {
                        var done = false;
                        [|while (!done)|]
                        {
                            var response = await client.Messages.Create(p);
                            done = response.StopReason == StopReason.EndTurn;
                        }
                    }
                }
                """);

        [Fact]
        public Task RawJsonAndCommunitySdkLoopsAreReported()
        {
            var test = new AnalyzerTest<CC0017UncappedAgentLoopAnalyzer>
            {
                TestCode = """
                    using System.Net.Http;
                    using System.Text.Json;
                    using System.Threading.Tasks;
                    using Anthropic.SDK;
                    using Anthropic.SDK.Messaging;

                    class Raw
                    {
                        public async Task Run(HttpClient http, HttpContent body)
                        {
                            [|while (true)|]
                            {
                                var reply = await http.PostAsync("https://api.anthropic.com/v1/messages", body);
                                using var json = JsonDocument.Parse(await reply.Content.ReadAsStringAsync());
                                if (json.RootElement.GetProperty("stop_reason").GetString() != "tool_use")
                                {
                                    break;
                                }
                            }
                        }
                    }

                    class Community
                    {
                        public async Task Run(AnthropicClient client, MessageParameters parameters)
                        {
                            var response = await client.Messages.GetClaudeMessageAsync(parameters);
                            [|while (response.StopReason == "tool_use")|]
                            {
                                response = await client.Messages.GetClaudeMessageAsync(parameters);
                            }
                        }
                    }
                    """,
                ReferenceSet = ReferenceSets.NoOfficialAnthropic,
            };
            test.StandIns.Add(StandIn.AnthropicSdk);
            return test.RunAsync();
        }

        [Fact]
        public Task ALoopEndedOnlyByTheCallersTokenIsReported()
            => Verify(Usings + """
                class Agent
                {
                    public async Task Run(AnthropicClient client, MessageCreateParams p, CancellationToken cancellationToken)
                    {
                        [|while (!cancellationToken.IsCancellationRequested)|]
                        {
                            var response = await client.Messages.Create(p, cancellationToken);
                            if (response.StopReason == StopReason.EndTurn) break;
                        }
                    }
                }
                """);

        [Fact]
        public Task CappedAndUntracedLoopsOnOtherSurfacesAreSilent()
        {
            var test = new AnalyzerTest<CC0017UncappedAgentLoopAnalyzer>
            {
                TestCode = """
                    using System.Collections.Generic;
                    using System.Net.Http;
                    using System.Text.Json;
                    using System.Threading.Tasks;
                    using Microsoft.Extensions.AI;

                    class Raw
                    {
                        public async Task Run(HttpClient http, HttpContent body)
                        {
                            for (var turn = 0; turn < 12; turn++)
                            {
                                var reply = await http.PostAsync("https://api.anthropic.com/v1/messages", body);
                                using var json = JsonDocument.Parse(await reply.Content.ReadAsStringAsync());
                                if (json.RootElement.GetProperty("stop_reason").GetString() != "tool_use") break;
                            }
                        }

                        // Another provider's endpoint: not a Claude call.
                        public async Task Other(HttpClient http, HttpContent body)
                        {
                            while (true)
                            {
                                var reply = await http.PostAsync("https://example.com/v1/chat/completions", body);
                                using var json = JsonDocument.Parse(await reply.Content.ReadAsStringAsync());
                                if (json.RootElement.GetProperty("stop_reason").GetString() != "tool_use") break;
                            }
                        }
                    }

                    class Chat
                    {
                        // An IChatClient from elsewhere with no Claude model id: any provider's.
                        public async Task Run(IChatClient chat, List<ChatMessage> history)
                        {
                            while (true)
                            {
                                var response = await chat.GetResponseAsync(history);
                                if (response.FinishReason != ChatFinishReason.ToolCalls) break;
                            }
                        }

                        public async Task Capped(IChatClient chat, List<ChatMessage> history)
                        {
                            var options = new ChatOptions { ModelId = "claude-sonnet-4-6" };
                            for (var i = 0; i < 8; i++)
                            {
                                var response = await chat.GetResponseAsync(history, options);
                                if (response.FinishReason != ChatFinishReason.ToolCalls) break;
                            }
                        }
                    }
                    """,
                ReferenceSet = ReferenceSets.NoOfficialAnthropic,
            };
            return test.RunAsync();
        }

        [Fact]
        public Task ChatClientLoopOnToolCallsIsReported()
            => Verify(Usings + """
                using Microsoft.Extensions.AI;

                class Agent
                {
                    private readonly IChatClient _chat = new AnthropicClient().AsIChatClient("claude-sonnet-4-6");

                    public async Task Run(List<ChatMessage> history)
                    {
                        [|while (true)|]
                        {
                            var response = await _chat.GetResponseAsync(history);
                            history.AddMessages(response);
                            if (response.FinishReason != ChatFinishReason.ToolCalls)
                            {
                                break;
                            }
                        }
                    }
                }
                """);

        [Fact]
        public Task ToolRunnerWithoutMaxIterationsIsReported()
            => Verify(Usings + """
                using Anthropic.Helpers.Beta;
                using Beta = Anthropic.Models.Beta.Messages;

                class Agent
                {
                    public Task<Beta::BetaMessage> Run(AnthropicClient client, Beta::MessageCreateParams p, IReadOnlyList<IBetaRunnableTool> tools)
                        => client.Beta.Messages.{|#0:ToolRunner|}(p, tools).RunUntilDoneAsync();

                    public Task<Beta::BetaMessage> RunNull(AnthropicClient client, Beta::MessageCreateParams p, IReadOnlyList<IBetaRunnableTool> tools)
                        => client.Beta.Messages.[|ToolRunner|](p, tools, maxIterations: null).RunUntilDoneAsync();

                    public Task<Beta::BetaMessage> Capped(AnthropicClient client, Beta::MessageCreateParams p, IReadOnlyList<IBetaRunnableTool> tools, int? max)
                        => Task.WhenAll(
                            client.Beta.Messages.ToolRunner(p, tools, maxIterations: 10).RunUntilDoneAsync(),
                            client.Beta.Messages.ToolRunner(p, tools, max).RunUntilDoneAsync()).ContinueWith(t => t.Result[0]);
                }
                """, Diagnostic("CC0017").WithLocation(0).WithMessage("Agent loop without an iteration cap: ToolRunner runs with maxIterations omitted, which means no limit; each iteration is a paid call that re-sends the whole, growing conversation"));

        [Fact]
        public Task RecursionOnMaxTokensIsReported()
            => Verify(Usings + """
                class Writer
                {
                    public async Task<string> Write(AnthropicClient client, MessageCreateParams p, string soFar)
                    {
                        var response = await client.Messages.Create(p);
                        var text = soFar + response.Content.Count;
                        if (response.StopReason == StopReason.MaxTokens)
                        {
                            return await {|#0:Write(client, p, text)|};
                        }

                        return text;
                    }
                }
                """, Diagnostic("CC0017").WithLocation(0).WithMessage("Agent loop without an iteration cap: Write calls itself on stop_reason max_tokens with no depth limit, and each call makes a paid Messages.Create call that re-sends the conversation"));

        // ---- Near misses ----

        [Fact]
        public Task CapsDeadlinesAndBudgetsAreSilent()
            => Verify(Usings + """
                using System.Diagnostics;

                class Agent
                {
                    public async Task Counter(AnthropicClient client, MessageCreateParams p)
                    {
                        var turns = 0;
                        while (true)
                        {
                            if (++turns > 8) throw new InvalidOperationException("too many turns");
                            var response = await client.Messages.Create(p);
                            if (response.StopReason != StopReason.ToolUse) break;
                        }
                    }

                    public async Task For(AnthropicClient client, MessageCreateParams p)
                    {
                        for (var i = 0; i < 10; i++)
                        {
                            var response = await client.Messages.Create(p);
                            if (response.StopReason != StopReason.ToolUse) return;
                        }
                    }

                    public async Task Deadline(AnthropicClient client, MessageCreateParams p)
                    {
                        var clock = Stopwatch.StartNew();
                        while (clock.Elapsed < TimeSpan.FromMinutes(2))
                        {
                            var response = await client.Messages.Create(p);
                            if (response.StopReason != StopReason.ToolUse) return;
                        }
                    }

                    public async Task Timeout(AnthropicClient client, MessageCreateParams p)
                    {
                        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
                        while (true)
                        {
                            var response = await client.Messages.Create(p, cts.Token);
                            if (response.StopReason != StopReason.ToolUse) return;
                        }
                    }

                    public async Task Budget(AnthropicClient client, MessageCreateParams p)
                    {
                        long spent = 0;
                        while (true)
                        {
                            var response = await client.Messages.Create(p);
                            spent += response.Usage.InputTokens + response.Usage.OutputTokens;
                            if (response.StopReason != StopReason.ToolUse || spent > 200_000) return;
                        }
                    }

                    public async Task<string> Depth(AnthropicClient client, MessageCreateParams p, int depth)
                    {
                        var response = await client.Messages.Create(p);
                        if (response.StopReason == StopReason.MaxTokens && depth < 3)
                        {
                            return await Depth(client, p, depth + 1);
                        }

                        return "";
                    }
                }
                """);

        [Fact]
        public Task ChatsPollingLoggingAndFreeCallsAreSilent()
            => Verify(Usings + """
                using Anthropic.Models.Messages.Batches;

                class Silent
                {
                    // A chat: each turn waits for the user.
                    public async Task Chat(AnthropicClient client, List<MessageParam> messages)
                    {
                        while (true)
                        {
                            var line = Console.ReadLine();
                            if (line == null || line == "exit") break;
                            var response = await client.Messages.Create(new MessageCreateParams { Model = Model.ClaudeSonnet4_6, MaxTokens = 1024, Messages = messages });
                            if (response.StopReason == StopReason.MaxTokens) continue;
                        }
                    }

                    // Polling a batch: Retrieve is free.
                    public async Task Poll(AnthropicClient client, string id)
                    {
                        var batch = await client.Messages.Batches.Retrieve(new BatchRetrieveParams { MessageBatchID = id });
                        while (batch.ProcessingStatus != ProcessingStatus.Ended)
                        {
                            await Task.Delay(60_000);
                            batch = await client.Messages.Batches.Retrieve(new BatchRetrieveParams { MessageBatchID = id });
                        }
                    }

                    // The stop reason is only logged: the loop is not driven by it.
                    public async Task Log(AnthropicClient client, MessageCreateParams p, Queue<string> questions)
                    {
                        while (questions.Count > 0)
                        {
                            var response = await client.Messages.Create(p);
                            if (response.StopReason == StopReason.MaxTokens)
                            {
                                Console.WriteLine("truncated");
                            }
                        }
                    }

                    // A loop over work items that skips a truncated answer: the queue ends it, not the stop reason.
                    public async Task Queue(AnthropicClient client, Queue<MessageCreateParams> work, List<Message> done)
                    {
                        while (work.TryDequeue(out var p))
                        {
                            var response = await client.Messages.Create(p);
                            if (response.StopReason == StopReason.MaxTokens) continue;
                            done.Add(response);
                        }
                    }

                    // Counting tokens is free.
                    public async Task Count(AnthropicClient client, MessageCountTokensParams p, Message last)
                    {
                        while (last.StopReason == StopReason.ToolUse)
                        {
                            await client.Messages.CountTokens(p);
                        }
                    }
                }
                """);

        // ---- Fixes ----

        [Fact]
        public Task TheFixCountsTurnsAndKeepsComments()
            => VerifyFix(Usings + """
                class Agent
                {
                    public async Task<Message> Run(AnthropicClient client, MessageCreateParams p)
                    {
                        // The agent loop.
                        [|while (true)|] // until the model is done
                        {
                            // Ask again with the tool results.
                            var response = await client.Messages.Create(p);
                            if (response.StopReason != StopReason.ToolUse) return response;
                        }
                    }
                }
                """, Usings + """
                class Agent
                {
                    public async Task<Message> Run(AnthropicClient client, MessageCreateParams p)
                    {
                        var turns = 0;
                        // The agent loop.
                        while (true) // until the model is done
                        {
                            if (++turns > 10)
                            {
                                throw new InvalidOperationException("The agent loop stopped after 10 iterations without finishing.");
                            }

                            // Ask again with the tool results.
                            var response = await client.Messages.Create(p);
                            if (response.StopReason != StopReason.ToolUse) return response;
                        }
                    }
                }
                """);

        [Fact]
        public Task FixAllNamesEachCounterAndUsesTheOption()
            => VerifyFix("""
                using System.Threading.Tasks;
                using Anthropic;
                using Anthropic.Models.Messages;

                class Agent
                {
                    public async Task Run(AnthropicClient client, MessageCreateParams p, bool twice)
                    {
                        Message response;
                        [|do|]
                            response = await client.Messages.Create(p);
                        while (response.StopReason == StopReason.ToolUse);

                        if (twice)
                            [|while (response.StopReason == StopReason.MaxTokens)|]
                                response = await client.Messages.Create(p);
                    }
                }
                """, """
                using System;
                using System.Threading.Tasks;
                using Anthropic;
                using Anthropic.Models.Messages;

                class Agent
                {
                    public async Task Run(AnthropicClient client, MessageCreateParams p, bool twice)
                    {
                        Message response;
                        var turns = 0;
                        do
                        {
                            if (++turns > 5)
                            {
                                throw new InvalidOperationException("The agent loop stopped after 5 iterations without finishing.");
                            }

                            response = await client.Messages.Create(p);
                        }
                        while (response.StopReason == StopReason.ToolUse);

                        if (twice)
                        {
                            var turns2 = 0;
                            while (response.StopReason == StopReason.MaxTokens)
                            {
                                if (++turns2 > 5)
                                {
                                    throw new InvalidOperationException("The agent loop stopped after 5 iterations without finishing.");
                                }

                                response = await client.Messages.Create(p);
                            }
                        }
                    }
                }
                """, "[*.cs]\nclaudecost.cc0017.max_iterations = 5");

        [Fact]
        public Task ToolRunnerGetsMaxIterations()
            => VerifyFix(Usings + """
                using Anthropic.Helpers.Beta;
                using Beta = Anthropic.Models.Beta.Messages;

                class Agent
                {
                    public Task<Beta::BetaMessage> Run(AnthropicClient client, Beta::MessageCreateParams p, IReadOnlyList<IBetaRunnableTool> tools)
                        => client.Beta.Messages.[|ToolRunner|](p, tools /* all of them */).RunUntilDoneAsync();

                    public Task<Beta::BetaMessage> RunNull(AnthropicClient client, Beta::MessageCreateParams p, IReadOnlyList<IBetaRunnableTool> tools)
                        => client.Beta.Messages.[|ToolRunner|](p, tools, maxIterations: null).RunUntilDoneAsync();
                }
                """, Usings + """
                using Anthropic.Helpers.Beta;
                using Beta = Anthropic.Models.Beta.Messages;

                class Agent
                {
                    public Task<Beta::BetaMessage> Run(AnthropicClient client, Beta::MessageCreateParams p, IReadOnlyList<IBetaRunnableTool> tools)
                        => client.Beta.Messages.ToolRunner(p, tools /* all of them */, maxIterations: 10).RunUntilDoneAsync();

                    public Task<Beta::BetaMessage> RunNull(AnthropicClient client, Beta::MessageCreateParams p, IReadOnlyList<IBetaRunnableTool> tools)
                        => client.Beta.Messages.ToolRunner(p, tools, maxIterations: 10).RunUntilDoneAsync();
                }
                """);

        [Fact]
        public Task RecursionHasNoFix()
            => new CodeFixTest<CC0017UncappedAgentLoopAnalyzer, CC0017UncappedAgentLoopCodeFixProvider>
            {
                TestCode = Usings + """
                    class Writer
                    {
                        public async Task<Message> Write(AnthropicClient client, MessageCreateParams p)
                        {
                            var response = await client.Messages.Create(p);
                            return response.StopReason == StopReason.MaxTokens ? await [|Write(client, p)|] : response;
                        }
                    }
                    """,
                NumberOfIncrementalIterations = 0,
            }.RunAsync();
    }
}
