using System.Threading.Tasks;
using ClaudeCost.Analyzers.Rules;
using ClaudeCost.Analyzers.Tests.Verifiers;
using ClaudeCost.CodeFixes.Fixes;
using Xunit;
using static ClaudeCost.Analyzers.Tests.Verifiers.DiagnosticResult;

namespace ClaudeCost.Analyzers.Tests.Rules
{
    /// <summary>CC0010, CC0019, CC0015 and CC0016: model ids in value positions, judged by the model table only.</summary>
    public class ModelIdRuleTests
    {
        private static AnalyzerTest AllFour(string source)
        {
            var test = new AnalyzerTest { TestCode = source };
            test.Analyzers.Add(new CC0010RetiredModelAnalyzer());
            test.Analyzers.Add(new CC0019UnknownModelIdAnalyzer());
            test.Analyzers.Add(new CC0015ModelScheduledForRetirementAnalyzer());
            test.Analyzers.Add(new CC0016CheaperSuccessorAnalyzer());
            return test;
        }

        [Fact]
        public Task EachLiteralGetsOneDiagnosticFromTheRightRule()
            => AllFour("""
                static class Models
                {
                    public const string Retired = {|CC0010:"claude-3-opus-20240229"|};
                    public const string Typo = {|CC0019:"claude-sonnet-4-5-20250514"|};
                    public const string NeverExisted = {|CC0019:"claude-3-5-haiku-20240307"|};
                    public const string Retiring = {|CC0015:"claude-sonnet-4-5"|};
                    public const string Pricier = {|CC0016:"claude-haiku-4-5"|};
                    public const string AlsoPricier = {|CC0016:"claude-opus-4-8"|};
                    public const string Current = "claude-sonnet-5-5";
                    public const string NotCheaperAfterTokenizer = "claude-opus-4-6";
                    public const string SamePrice = "claude-sonnet-5";
                    public const string Future = "claude-opus-6";
                    public const string LaterSnapshot = "claude-sonnet-4-5-20261201";
                    public const string NotClaude = "gpt-4o";
                }
                """).RunAsync();

        [Fact]
        public Task PlatformSpellingsUseThePlatformsDates()
            => AllFour("""
                static class Models
                {
                    public const string BedrockRetired = {|#0:"us.anthropic.claude-3-haiku-20240307-v1:0"|};
                    public const string VertexRetired = {|#1:"claude-3-haiku@20240307"|};
                    // Retired on the Claude API on 2026-11-30 is ahead; Bedrock retires it later (2027-04-08).
                    public const string BedrockSonnet45 = {|CC0015:"anthropic.claude-sonnet-4-5-20250929-v1:0"|};
                }
                """)
            .With(t =>
            {
                t.ExpectedDiagnostics.Add(Diagnostic("CC0010").WithLocation(0).WithMessage("'us.anthropic.claude-3-haiku-20240307-v1:0' was retired on 2026-09-10 on Amazon Bedrock: requests with it fail; use us.anthropic.claude-haiku-5-5"));
                t.ExpectedDiagnostics.Add(Diagnostic("CC0010").WithLocation(1).WithMessage("'claude-3-haiku@20240307' was retired on 2026-08-23 on Google Cloud Vertex AI: requests with it fail; use claude-haiku-5-5"));
            }).RunAsync();

        [Fact]
        public Task NearMissesAreSilent()
            => AllFour("""
                using System;
                using System.Collections.Generic;

                class Config
                {
                    // claude-3-opus-20240229 in a comment
                    private static readonly Dictionary<string, string> Upgrades = new() { ["claude-3-opus-20240229"] = "claude-opus-5-5" };
                    private static readonly Dictionary<string, string> Upgrades2 = new() { { "claude-2.1", "claude-opus-5-5" } };

                    string Pick(string model, Action<string> log)
                    {
                        log("Falling back from claude-3-opus-20240229");
                        if (model == "claude-3-opus-20240229" || model.StartsWith("claude-3-haiku-20240307", StringComparison.Ordinal))
                        {
                            return "claude-opus-5-5";
                        }

                        switch (model)
                        {
                            case "claude-2.1":
                                return "claude-opus-5-5";
                        }

                        return model switch
                        {
                            "claude-instant-1.2" => "claude-haiku-5-5",
                            _ => model,
                        };
                    }
                }
                """).RunAsync();

        [Fact]
        public Task ValuePositionsAreChecked()
            => AllFour("""
                using System;
                using System.ComponentModel;

                class Config
                {
                    [DefaultValue({|CC0010:"claude-3-5-sonnet-20241022"|})]
                    public string Model { get; set; } = Environment.GetEnvironmentVariable("MODEL") ?? {|CC0010:"claude-3-7-sonnet-20250219"|};

                    string ForTier(int tier) => tier switch
                    {
                        0 => {|CC0010:"claude-3-haiku-20240307"|},
                        _ => "claude-sonnet-5-5",
                    };
                }
                """).RunAsync();

        [Fact]
        public Task SdkEnumMembersAndLibraryConstants()
        {
            var test = AllFour("""
                using Anthropic.Models.Messages;
                using Anthropic.SDK.Constants;

                class Config
                {
                    object Sdk = {|CC0015:Model.ClaudeSonnet4_5|};
                    string Community = {|CC0010:AnthropicModels.Claude4Opus|};
                }
                """);
            test.StandIns.Add(StandIn.AnthropicSdk);
            return test.RunAsync();
        }

        [Fact]
        public Task ExtensionsAIAndClaudiaSpellings()
        {
            var test = AllFour("""
                using Anthropic;
                using Microsoft.Extensions.AI;

                class Chat
                {
                    IChatClient Make(AnthropicClient client) => client.AsIChatClient({|CC0010:"claude-3-5-haiku-20241022"|});
                    ChatOptions Options() => new ChatOptions { ModelId = {|CC0015:"claude-sonnet-4-5-20250929"|} };
                }
                """);
            return test.RunAsync();
        }

        [Fact]
        public Task ClaudiaConstantsAreReportedWhereUsed()
        {
            var test = new AnalyzerTest<CC0010RetiredModelAnalyzer>
            {
                TestCode = """
                    class Config
                    {
                        string Model = {|CC0010:Claudia.Models.Claude3Haiku|};
                    }
                    """,
                ReferenceSet = ReferenceSets.NoOfficialAnthropic,
            };
            test.StandIns.Add(StandIn.Claudia);
            return test.RunAsync();
        }

        [Fact]
        public Task AppSettingsJsonIsChecked()
        {
            var test = AllFour("class C { }");
            test.AdditionalFiles.Add("appsettings.json", "{\n  \"Claude\": {\n    \"Model\": \"claude-3-opus-20240229\",\n    \"claude-3-opus-20240229\": \"a key, not a value\"\n  }\n}\n");
            test.ExpectedDiagnostics.Add(Diagnostic("CC0010").WithSpan("appsettings.json", 3, 14, 3, 38));
            return test.RunAsync();
        }

        [Theory]
        [InlineData("CC0010", "\"claude-3-opus-20240229\"", "\"claude-opus-5-5\"")]
        [InlineData("CC0010", "@\"us.anthropic.claude-3-haiku-20240307-v1:0\"", "@\"us.anthropic.claude-haiku-5-5\"")]
        [InlineData("CC0019", "\"claude-opus-4-5-20250101\"", "\"claude-opus-4-5-20251101\"")]
        [InlineData("CC0015", "\"claude-sonnet-4-5\"", "\"claude-sonnet-5-5\"")]
        [InlineData("CC0016", "\"claude-haiku-4-5\"", "\"claude-haiku-5-5\"")]
        public Task LiteralFixKeepsTheForm(string id, string before, string after)
        {
            var test = new CodeFixTest { TestCode = "static class M { /* model */ public const string Id = {|" + id + ":" + before + "|}; // kept\n}", FixedCode = "static class M { /* model */ public const string Id = " + after + "; // kept\n}" };
            test.Analyzers.Add(new CC0010RetiredModelAnalyzer());
            test.Analyzers.Add(new CC0019UnknownModelIdAnalyzer());
            test.Analyzers.Add(new CC0015ModelScheduledForRetirementAnalyzer());
            test.Analyzers.Add(new CC0016CheaperSuccessorAnalyzer());
            test.CodeFixProviders.Add(new ModelIdCodeFixProvider());
            return test.RunAsync();
        }

        [Fact]
        public Task EnumMemberFixKeepsTheForm()
            => new CodeFixTest<CC0015ModelScheduledForRetirementAnalyzer, ModelIdCodeFixProvider>
            {
                TestCode = """
                    using System.Threading.Tasks;
                    using Anthropic;
                    using Anthropic.Models.Messages;

                    class C
                    {
                        Task<Message> Ask(AnthropicClient client, string q) => client.Messages.Create(new MessageCreateParams
                        {
                            Model = [|Model.ClaudeSonnet4_5|],
                            MaxTokens = 100,
                            Messages = [new UserMessageParam(q)],
                        });
                    }
                    """,
                FixedCode = """
                    using System.Threading.Tasks;
                    using Anthropic;
                    using Anthropic.Models.Messages;

                    class C
                    {
                        Task<Message> Ask(AnthropicClient client, string q) => client.Messages.Create(new MessageCreateParams
                        {
                            Model = Model.ClaudeSonnet5_5,
                            MaxTokens = 100,
                            Messages = [new UserMessageParam(q)],
                        });
                    }
                    """,
                ExpectedCodeActionTitle = "Use claude-sonnet-5-5 (the successor; behaviour may change)",
            }.RunAsync();

        [Fact]
        public Task NoFixWhenTheRequestSetsSamplingAndTheSuccessorRejectsIt()
            => new CodeFixTest<CC0010RetiredModelAnalyzer, ModelIdCodeFixProvider>
            {
                TestCode = """
                    class C
                    {
                        object Body(string q) => new { model = [|"claude-3-opus-20240229"|], max_tokens = 100, temperature = 0.2, messages = new[] { new { role = "user", content = q } } };
                    }
                    """,
                NumberOfIncrementalIterations = 0,
            }.RunAsync();

        [Fact]
        public Task FixAllReplacesEveryRetiredId()
        {
            var test = new CodeFixTest<CC0010RetiredModelAnalyzer, ModelIdCodeFixProvider>();
            test.Sources.Add("A.cs", "static class A { public const string X = [|\"claude-2.1\"|]; public const string Y = [|\"claude-3-opus-20240229\"|]; }");
            test.Sources.Add("B.cs", "static class B { public const string X = [|\"claude-3-haiku-20240307\"|]; }");
            test.FixedSources.Add("A.cs", "static class A { public const string X = \"claude-opus-5-5\"; public const string Y = \"claude-opus-5-5\"; }");
            test.FixedSources.Add("B.cs", "static class B { public const string X = \"claude-haiku-5-5\"; }");
            return test.RunAsync();
        }
    }

    internal static class AnalyzerTestExtensions
    {
        public static T With<T>(this T test, System.Action<T> configure)
        {
            configure(test);
            return test;
        }
    }
}
