using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ClaudeCost.Analyzers.Requests;
using ClaudeCost.Analyzers.Surfaces;
using ClaudeCost.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace ClaudeCost.Analyzers.Tests.Surfaces
{
    /// <summary>
    /// The shared recognizer of paid calls: each invocation in the snippet is classified, and the result is compared with
    /// the comment at the end of its line (<c>// paid OfficialSdk Message</c>, <c>// free</c>, <c>// retries 2</c>…).
    /// </summary>
    public class PaidCallsTests
    {
        private static List<(string Line, PaidCall? Call, SdkRetries Retries)> Classify(string source, ReferenceSet? references = null, params StandIn[] standIns)
        {
            var trees = new List<SyntaxTree> { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview), path: "Test0.cs") };
            trees.AddRange(standIns.Select(s => CSharpSyntaxTree.ParseText(s.Source, new CSharpParseOptions(LanguageVersion.Preview), path: s.FileName)));
            var compilation = CSharpCompilation.Create("T", trees, (references ?? ReferenceSets.Default).References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
            var context = ClaudeCompilationContext.Get(compilation, new AnalyzerOptions(System.Collections.Immutable.ImmutableArray<AdditionalText>.Empty), CancellationToken.None);
            var tree = trees[0];
            var model = compilation.GetSemanticModel(tree);
            var text = tree.GetText();
            var results = new List<(string, PaidCall?, SdkRetries)>();
            foreach (var syntax in tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (model.GetOperation(syntax) is IInvocationOperation invocation && PaidCalls.IsCandidateName(invocation.TargetMethod.Name))
                {
                    var call = context.PaidCalls.Recognize(invocation, CancellationToken.None);
                    var retries = call == null ? SdkRetries.None : context.PaidCalls.InnerRetries(call, CancellationToken.None);
                    results.Add((text.Lines.GetLineFromPosition(syntax.SpanStart).ToString(), call, retries));
                }
            }

            return results;
        }

        private static void AssertExpectations(List<(string Line, PaidCall? Call, SdkRetries Retries)> results)
        {
            Assert.NotEmpty(results);
            foreach (var (line, call, retries) in results)
            {
                var comment = line.Substring(line.LastIndexOf("//", System.StringComparison.Ordinal) + 2).Trim();
                var parts = comment.Split(' ');
                if (parts[0] == "free")
                {
                    Assert.True(call == null, $"expected free: {line}");
                    continue;
                }

                Assert.True(call != null, $"expected paid: {line}");
                Assert.Equal(parts[1], call!.Surface.ToString());
                Assert.Equal(parts[2], call.Kind.ToString());
                var expectedRetries = parts.Length > 3 ? parts[3] : "none";
                var actual = retries.Kind switch
                {
                    InnerRetryKind.None => "none",
                    InnerRetryKind.Unknown => "unknown",
                    _ => retries.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                };
                Assert.True(expectedRetries == actual, $"retries {actual}, expected {expectedRetries}: {line}");
            }
        }

        [Fact]
        public void OfficialSdkCallsAndTheirRetries()
        {
            AssertExpectations(Classify("""
                using System.Threading.Tasks;
                using Anthropic;
                using Anthropic.Core;
                using Anthropic.Models.Messages;
                using Anthropic.Models.Messages.Batches;

                class Calls
                {
                    private readonly AnthropicClient _shared = new AnthropicClient { MaxRetries = 5 };
                    private static readonly IAnthropicClient s_quiet = new AnthropicClient(new ClientOptions { MaxRetries = 0 });

                    async Task Run(AnthropicClient injected, MessageCreateParams p, MessageCountTokensParams c, BatchCreateParams b)
                    {
                        var client = new AnthropicClient();
                        await client.Messages.Create(p); // paid OfficialSdk Message 2
                        await foreach (var e in client.Messages.CreateStreaming(p)) { } // paid OfficialSdk StreamingMessage 2
                        await client.Messages.CountTokens(c); // free
                        await client.Messages.Batches.Create(b); // paid OfficialSdk Batch 2
                        await client.Messages.Batches.Retrieve("id"); // free
                        await _shared.Messages.Create(p); // paid OfficialSdk Message 5
                        await s_quiet.Messages.Create(p); // paid OfficialSdk Message none
                        await _shared.WithOptions(o => o with { MaxRetries = 1 }).Messages.Create(p); // paid OfficialSdk Message 1
                        await client.Messages.WithOptions(o => o with { MaxRetries = 0 }).Create(p); // paid OfficialSdk Message none
                        await injected.Messages.Create(p); // paid OfficialSdk Message unknown
                    }
                }
                """));
        }

        [Fact]
        public void OfficialSdk12CallsAreRecognizedToo()
        {
            AssertExpectations(Classify("""
                using System.Threading.Tasks;
                using Anthropic;
                using Anthropic.Models.Messages;

                class Calls
                {
                    async Task Run(MessageCreateParams p, MessageCountTokensParams c)
                    {
                        var client = new AnthropicClient { MaxRetries = 3 };
                        await client.Messages.Create(p); // paid OfficialSdk Message 3
                        await client.Messages.CountTokens(c); // free
                    }
                }
                """, ReferenceSets.Anthropic12));
        }

        [Fact]
        public void UntracedClientHasTheDefaultWhenNothingTurnsRetriesOff()
        {
            AssertExpectations(Classify("""
                using System.Threading.Tasks;
                using Anthropic;
                using Anthropic.Models.Messages;
                using Anthropic.Services;

                class Calls
                {
                    Task Run(IAnthropicClient injected, MessageCreateParams p) => injected.Beta.Messages.Create(new Anthropic.Models.Beta.Messages.MessageCreateParams { Model = p.Model, MaxTokens = 1, Messages = [] }); // paid OfficialSdk Message 2
                    Task Ga(IAnthropicClient injected, MessageCreateParams p) => injected.Messages.Create<Answer>(p); // paid OfficialSdk Message 2
                }

                class Answer { public string? Text { get; set; } }
                """));
        }

        [Fact]
        public void ChatClientCallsAreClaudeOnlyWhenTraced()
        {
            AssertExpectations(Classify("""
                using System.Threading.Tasks;
                using Anthropic;
                using Microsoft.Extensions.AI;

                class Chat
                {
                    async Task Run(IChatClient unknown, string q)
                    {
                        IChatClient claude = new AnthropicClient { MaxRetries = 4 }.AsIChatClient("claude-sonnet-4-6");
                        await claude.GetResponseAsync(q); // paid ExtensionsAI Message 4
                        await unknown.GetResponseAsync(q); // free
                        await unknown.GetResponseAsync(q, new ChatOptions { ModelId = "claude-haiku-4-5" }); // paid ExtensionsAI Message none
                        await foreach (var u in claude.GetStreamingResponseAsync(q)) { } // paid ExtensionsAI StreamingMessage 4
                    }
                }
                """));
        }

        [Fact]
        public void AnthropicSdkCalls()
        {
            AssertExpectations(Classify("""
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Anthropic.SDK;
                using Anthropic.SDK.Batches;
                using Anthropic.SDK.Messaging;

                class Community
                {
                    async Task Run(AnthropicClient client, MessageParameters p, MessageCountTokenParameters c)
                    {
                        await client.Messages.GetClaudeMessageAsync(p); // paid AnthropicSdk Message
                        await foreach (var r in client.Messages.StreamClaudeMessageAsync(p)) { } // paid AnthropicSdk StreamingMessage
                        await client.Messages.CountMessageTokensAsync(c);
                        await client.Batches.CreateBatchAsync(new List<BatchRequest>()); // paid AnthropicSdk Batch
                    }
                }
                """, ReferenceSets.NoOfficialAnthropic, StandIn.AnthropicSdk));
        }

        [Fact]
        public void RawHttpNeedsEvidenceAndAPostToMessages()
        {
            AssertExpectations(Classify("""
                using System.Net.Http;
                using System.Net.Http.Json;
                using System.Threading.Tasks;

                class Raw
                {
                    private readonly HttpClient _http = new HttpClient();

                    async Task Run(object body, HttpContent content, string id)
                    {
                        _http.DefaultRequestHeaders.Add("anthropic-version", "2023-06-01");
                        await _http.PostAsJsonAsync("https://api.anthropic.com/v1/messages", body); // paid RawHttp Message
                        await _http.PostAsync("v1/messages", content); // paid RawHttp Message
                        await _http.PostAsync("v1/messages/count_tokens", content); // free
                        await _http.PostAsync("https://hooks.example.com/notify", content); // free
                        await _http.PostAsJsonAsync("https://api.anthropic.com/v1/messages/batches", body); // paid RawHttp Batch
                        await _http.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"v1/messages/batches/{id}")); // free
                        await _http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "v1/messages") { Content = content }); // paid RawHttp Message
                    }
                }

                class NoEvidence
                {
                    Task Run(HttpClient http, HttpContent content, string url) => http.PostAsync(url, content); // free
                }
                """));
        }
    }
}
