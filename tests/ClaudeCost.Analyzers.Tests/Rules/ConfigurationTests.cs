using System.Threading.Tasks;
using ClaudeCost.Analyzers.Rules;
using ClaudeCost.Analyzers.Tests.Verifiers;
using Xunit;
using static ClaudeCost.Analyzers.Tests.Verifiers.DiagnosticResult;

namespace ClaudeCost.Analyzers.Tests.Rules
{
    public class ConfigurationTests
    {
        private const string Request = """
            using System;
            using System.Threading.Tasks;
            using Anthropic;
            using Anthropic.Models.Messages;

            class Support
            {
                const string Policy = POLICY;

                async Task Ask(AnthropicClient client, string question)
                {
                    await client.Messages.Create(new MessageCreateParams
                    {
                        Model = "claude-acme-custom",
                        MaxTokens = 1024,
                        System = {|#0:Policy|},
                        Messages = [new UserMessageParam(question)],
                    });
                }
            }
            """;

        [Fact]
        public Task MalformedModelTableIsReportedInTheFileAndDefaultsApply()
        {
            var test = new AnalyzerTest<CC9001ModelTableAnalyzer, CC0002LargePromptWithoutCachingAnalyzer>
            {
                TestCode = Request.Replace("POLICY", PromptText.PolicyLiteral(17000)),
            };
            test.AdditionalFiles.Add("claudecost.models.json", "{\n  \"models\": [\n    { \"id\": \"claude-x\", \"tier\": \"premium\" \n  ]\n}\n");
            test.ExpectedDiagnostics.Add(Diagnostic("CC9001").WithLocation("claudecost.models.json", 4, 3));
            test.ExpectedDiagnostics.Add(Diagnostic("CC0002").WithLocation(0).WithMessageContains("assumed: model not in the ClaudeCost table"));
            return test.RunAsync();
        }

        [Fact]
        public Task ModelTableOverrideAddsAModel()
        {
            var test = new AnalyzerTest<CC9001ModelTableAnalyzer, CC0002LargePromptWithoutCachingAnalyzer>
            {
                TestCode = Request.Replace("POLICY", PromptText.PolicyLiteral(3000)),
            };
            test.AdditionalFiles.Add("claudecost.models.json", """
                {
                  "models": [
                    {
                      "id": "claude-acme-custom",
                      "family": "sonnet",
                      "tier": "mid",
                      "tokenizer": "legacy",
                      "minCacheableTokens": 512,
                      "prices": { "input": 3, "output": 15 }
                    }
                  ]
                }
                """);
            test.ExpectedDiagnostics.Add(Diagnostic("CC0002").WithLocation(0).WithMessageContains("on claude-acme-custom"));
            return test.RunAsync();
        }

        [Fact]
        public Task InvalidOptionValuesAreNamedWithKeyAndValue()
        {
            var test = new AnalyzerTest<CC9002OptionsAnalyzer>
            {
                TestCode = "class C { }",
                EditorConfig = """
                    root = true

                    [*.cs]
                    claudecost.cc0002.minimum_prefix_tokens = lots
                    claudecost.default_model = gpt-4o
                    claudecost.cc0001.extra_volatile_members = Now()
                    """,
            };
            test.ExpectedDiagnostics.Add(Diagnostic("CC9002").WithNoLocation().WithMessage("'claudecost.cc0002.minimum_prefix_tokens = lots' is not valid: expected a positive whole number of tokens, e.g. 2048; the default is used"));
            test.ExpectedDiagnostics.Add(Diagnostic("CC9002").WithNoLocation().WithMessageContains("'claudecost.default_model = gpt-4o' is not valid"));
            test.ExpectedDiagnostics.Add(Diagnostic("CC9002").WithNoLocation().WithMessageContains("'claudecost.cc0001.extra_volatile_members = Now()' is not valid"));
            return test.RunAsync();
        }

        [Fact]
        public Task ValidOptionsAreSilent()
        {
            var test = new AnalyzerTest<CC9002OptionsAnalyzer>
            {
                TestCode = "class C { }",
                EditorConfig = """
                    root = true

                    [*.cs]
                    claudecost.cc0002.minimum_prefix_tokens = 2048
                    claudecost.default_model = claude-sonnet-4-6
                    claudecost.cc0001.extra_volatile_members = Acme.Clock.Now, Acme.Ids.Next
                    """,
            };
            return test.RunAsync();
        }
    }
}
