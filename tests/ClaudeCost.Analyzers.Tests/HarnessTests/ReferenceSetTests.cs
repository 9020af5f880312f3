using System;
using System.Linq;
using System.Threading.Tasks;
using ClaudeCost.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ClaudeCost.Analyzers.Tests.HarnessTests;

/// <summary>The reference sets and stand-ins: test code must compile exactly where it should.</summary>
public class ReferenceSetTests
{
    private static Task CompilesAsync(string code, ReferenceSet references, params StandIn[] standIns)
    {
        var test = new AnalyzerTest<NothingAnalyzer>
        {
            TestCode = code,
            ReferenceSet = references,
            SkipErroneousCodeCheck = true,
            OutputKind = code.Contains("class C", StringComparison.Ordinal) ? OutputKind.DynamicallyLinkedLibrary : OutputKind.ConsoleApplication,
        };
        test.StandIns.AddRange(standIns);
        return test.RunAsync();
    }

    private const string Anthropic13Code = """
        class C
        {
            object M() => new Anthropic.Models.Messages.MessageCreateParams
            {
                Model = Anthropic.Models.Messages.Model.ClaudeSonnet4_6,
                MaxTokens = 100,
                Messages = [new Anthropic.Models.Messages.UserMessageParam("hi")],
            };

            Anthropic.AnthropicClient Client() => new Anthropic.AnthropicClient();
        }
        """;

    private const string Anthropic12Code = """
        using Anthropic.Models.Messages;

        class C
        {
            MessageParam M() => new MessageParam { Role = Role.User, Content = "hi" };
        }
        """;

    private const string FrameworkCode = """
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Text.Json;
        using System.Text.Json.Nodes;
        using System.Threading.Tasks;

        class C
        {
            async Task<JsonNode?> M(HttpClient http)
            {
                var response = await http.PostAsJsonAsync("https://example.invalid", new { a = 1 });
                var json = JsonSerializer.Serialize(new JsonObject { ["model"] = "x" });
                using var document = JsonDocument.Parse(json);
                return JsonNode.Parse(await response.Content.ReadAsStringAsync());
            }
        }
        """;

    [Fact]
    public Task Anthropic13CompilesUnderDefault() => CompilesAsync(Anthropic13Code, ReferenceSets.Default);

    [Fact]
    public Task Anthropic12CompilesUnderAnthropic12() => CompilesAsync(Anthropic12Code, ReferenceSets.Anthropic12);

    [Fact]
    public async Task Anthropic13ShapeDoesNotCompileUnderAnthropic12()
    {
        var ex = await Assert.ThrowsAsync<VerificationException>(() => CompilesAsync(Anthropic13Code, ReferenceSets.Anthropic12));
        Assert.Contains("UserMessageParam", ex.Message);
    }

    [Fact]
    public async Task Anthropic12ShapeDoesNotCompileUnderDefault()
    {
        var ex = await Assert.ThrowsAsync<VerificationException>(() => CompilesAsync(Anthropic12Code, ReferenceSets.Default));
        Assert.Contains("Role", ex.Message);
    }

    [Fact]
    public async Task NoClaudeHasNoAnthropicNorExtensionsAINorPolly()
    {
        var ex = await Assert.ThrowsAsync<VerificationException>(() => CompilesAsync(
            "class C { Anthropic.AnthropicClient? a; Microsoft.Extensions.AI.IChatClient? b; Polly.ResiliencePipeline? c; }",
            ReferenceSets.NoClaude));
        Assert.Contains("'Anthropic'", ex.Message);
        Assert.Contains("'Extensions'", ex.Message);
        Assert.Contains("'Polly'", ex.Message);
    }

    [Fact]
    public Task FrameworkJsonAndHttpResolveUnderDefault() => CompilesAsync(FrameworkCode, ReferenceSets.Default);

    [Fact]
    public Task FrameworkJsonAndHttpResolveUnderNoClaude() => CompilesAsync(FrameworkCode, ReferenceSets.NoClaude);

    [Fact]
    public Task ExtensionsAIAndPollyResolveUnderDefault() => CompilesAsync(
        """
        using Microsoft.Extensions.AI;
        using Polly;

        class C
        {
            IChatClient? client;
            ResiliencePipeline pipeline = new ResiliencePipelineBuilder().AddTimeout(System.TimeSpan.FromSeconds(5)).Build();
            IAsyncPolicy legacy = Policy.NoOpAsync();
        }
        """,
        ReferenceSets.Default);

    [Fact]
    public void DefaultReferencesExcludeRoslynAndTestAssemblies()
    {
        var names = ReferenceSets.Default.References.Select(r => System.IO.Path.GetFileNameWithoutExtension(r.Display ?? "")).ToList();
        Assert.Contains("System.Runtime", names);
        Assert.Contains("System.Net.Http.Json", names);
        Assert.Contains("Anthropic", names);
        Assert.Contains("Polly.Core", names);
        Assert.DoesNotContain(names, n => n.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
        Assert.DoesNotContain(names, n => n.StartsWith("xunit", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(names, n => n.StartsWith("Microsoft.TestPlatform", StringComparison.Ordinal));
        Assert.Same(ReferenceSets.Default.References.First(), ReferenceSets.NoClaude.References.First()); // shared, cached
    }

    [Fact]
    public Task AnthropicSdkStandInCompiles() => CompilesAsync(
        """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Anthropic.SDK;
        using Anthropic.SDK.Batches;
        using Anthropic.SDK.Constants;
        using Anthropic.SDK.Messaging;
        using Microsoft.Extensions.AI;

        class C
        {
            async Task M()
            {
                var client = new AnthropicClient("key");
                var parameters = new MessageParameters
                {
                    Model = AnthropicModels.Claude46Sonnet,
                    MaxTokens = 1024,
                    Temperature = 0.5m,
                    Stream = false,
                    PromptCaching = PromptCacheType.FineGrained | PromptCacheType.AutomaticToolsAndSystem,
                    Thinking = new ThinkingParameters { BudgetTokens = 2048 },
                    System = new List<SystemMessage>
                    {
                        new SystemMessage("You are helpful", new CacheControl { Type = CacheControlType.ephemeral, TTL = CacheDuration.OneHour }),
                    },
                    Messages = new List<Message> { new Message(RoleType.User, "hi", new CacheControl { Type = CacheControlType.ephemeral }) },
                    Tools = new List<Anthropic.SDK.Common.Tool>(),
                };
                MessageResponse response = await client.Messages.GetClaudeMessageAsync(parameters);
                int cached = response.Usage.CacheReadInputTokens;
                await foreach (var part in client.Messages.StreamClaudeMessageAsync(parameters)) { }
                var count = await client.Messages.CountMessageTokensAsync(parameters);
                IChatClient chat = client.Messages;
                await client.Batches.CreateBatchAsync(new List<BatchRequest> { new BatchRequest { CustomId = "1", MessageParameters = parameters } });
                var content = new Anthropic.SDK.Messaging.TextContent { Text = "x", CacheControl = new CacheControl() }; // TextContent alone is ambiguous with M.E.AI, as in real code
            }
        }
        """,
        ReferenceSets.Default,
        StandIn.AnthropicSdk);

    [Fact]
    public Task ClaudiaStandInCompiles() => CompilesAsync(
        """
        using System;
        using Claudia;

        var anthropic = new Anthropic { ApiKey = "key", MaxRetries = 3, Timeout = TimeSpan.FromSeconds(30) };
        var message = await anthropic.Messages.CreateAsync(new()
        {
            Model = Models.Claude3_5Sonnet,
            MaxTokens = 1024,
            System = "You are helpful",
            Temperature = 0.7,
            Messages = [new() { Role = Roles.User, Content = "Hello" }],
        });
        Console.WriteLine(message.Content[0].Text);
        """,
        ReferenceSets.NoOfficialAnthropic,
        StandIn.Claudia);

    [Fact]
    public Task ClaudiaStandInCompilesUnderDefault() => new AnalyzerTest<NothingAnalyzer>
    {
        TestCode = "class C { object M() => new Claudia.MessageRequest { Model = Claudia.Models.Claude3Haiku, MaxTokens = 10, Messages = [] }; }",
        StandIns = { StandIn.Claudia },
        SkipErroneousCodeCheck = true,
    }.RunAsync();

    [Fact]
    public Task BedrockRuntimeStandInCompiles() => CompilesAsync(
        """
        using System.Collections.Generic;
        using System.IO;
        using System.Threading.Tasks;
        using Amazon;
        using Amazon.BedrockRuntime;
        using Amazon.BedrockRuntime.Model;

        class C
        {
            async Task M()
            {
                var client = new AmazonBedrockRuntimeClient(RegionEndpoint.USEast1);
                var response = await client.ConverseAsync(new ConverseRequest
                {
                    ModelId = "anthropic.claude-sonnet-4-5-20250929-v1:0",
                    System = new List<SystemContentBlock>
                    {
                        new SystemContentBlock { Text = "You are helpful" },
                        new SystemContentBlock { CachePoint = new CachePointBlock { Type = CachePointType.Default } },
                    },
                    Messages = new List<Message>
                    {
                        new Message { Role = ConversationRole.User, Content = new List<ContentBlock> { new ContentBlock { Text = "hi" } } },
                    },
                    InferenceConfig = new InferenceConfiguration { MaxTokens = 512, Temperature = 0.5f },
                });
                int? cacheRead = response.Usage.CacheReadInputTokens;
                var invoke = await client.InvokeModelAsync(new InvokeModelRequest
                {
                    ModelId = "anthropic.claude-3-haiku-20240307-v1:0",
                    Body = new MemoryStream(),
                    ContentType = "application/json",
                });
            }
        }
        """,
        ReferenceSets.Default,
        StandIn.BedrockRuntime);

    [Fact]
    public async Task StandInCompileErrorsFailTheTest()
    {
        // Anthropic.SDK's MessagesEndpoint implements IChatClient, which NoClaude does not have.
        var ex = await Assert.ThrowsAsync<VerificationException>(() => CompilesAsync("class C { }", ReferenceSets.NoClaude, StandIn.AnthropicSdk));
        Assert.Contains("stand-in", ex.Message);
    }

    [Fact]
    public async Task StandInDiagnosticsAreNeverCompared()
    {
        // BadNameAnalyzer would report on identifiers named Bad inside the stand-in; there are none, so use a
        // stand-in-like extra source through a custom StandIn to prove exclusion.
        var standIn = new StandIn("Toy", "Toy.cs", "static class Helper { public static void Bad() { } public static void M() { Bad(); } }");
        await new AnalyzerTest<BadNameAnalyzer>
        {
            TestCode = "class C { void M() { Helper.[|Bad|](); } }",
            StandIns = { standIn },
        }.RunAsync();
    }
}
