using System.Threading.Tasks;
using ClaudeCost.Analyzers.Rules;
using ClaudeCost.Analyzers.Tests.Verifiers;
using ClaudeCost.CodeFixes.Fixes;
using Xunit;

namespace ClaudeCost.Analyzers.Tests.Rules
{
    /// <summary>The 12.x official SDK (MessageParam with Role/Content), compiled against the real 12.36.0 assembly.</summary>
    public class OfficialSdk12Tests
    {
        private const string Source = """
            using System;
            using System.Collections.Generic;
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
                        Model = Model.ClaudeSonnet4_6,
                        MaxTokens = 1024,
                        System = new List<TextBlockParam> { new($"{Policy} Now: {[|DateTime.UtcNow|]:O}") { CacheControl = new CacheControlEphemeral() } },
                        Messages = [new MessageParam { Role = Role.User, Content = question }],
                    });
                }
            }
            """;

        [Fact]
        public Task VolatileValueOn12x()
            => new AnalyzerTest<CC0001VolatileValueInCachedPrefixAnalyzer>
            {
                TestCode = Source.Replace("POLICY", "\"You are a support agent.\""),
                ReferenceSet = ReferenceSets.Anthropic12,
            }.RunAsync();

        [Fact]
        public Task LargePromptFixOn12x()
            => new CodeFixTest<CC0002LargePromptWithoutCachingAnalyzer, CC0002LargePromptWithoutCachingCodeFixProvider>
            {
                TestCode = """
                    using System.Threading.Tasks;
                    using Anthropic;
                    using Anthropic.Models.Messages;

                    class Support
                    {
                        const string Policy = POLICY;

                        Task<Message> Ask(AnthropicClient client, string question) => client.Messages.Create(new MessageCreateParams
                        {
                            Model = Model.ClaudeSonnet4_6,
                            MaxTokens = 1024,
                            System = [|Policy|],
                            Messages = [new MessageParam { Role = Role.User, Content = question }],
                        });
                    }
                    """.Replace("POLICY", PromptText.PolicyLiteral(6000)),
                FixedCode = """
                    using System.Collections.Generic;
                    using System.Threading.Tasks;
                    using Anthropic;
                    using Anthropic.Models.Messages;

                    class Support
                    {
                        const string Policy = POLICY;

                        Task<Message> Ask(AnthropicClient client, string question) => client.Messages.Create(new MessageCreateParams
                        {
                            Model = Model.ClaudeSonnet4_6,
                            MaxTokens = 1024,
                            System = new List<TextBlockParam> { new TextBlockParam(Policy) { CacheControl = new CacheControlEphemeral() } },
                            Messages = [new MessageParam { Role = Role.User, Content = question }],
                        });
                    }
                    """.Replace("POLICY", PromptText.PolicyLiteral(6000)),
                ReferenceSet = ReferenceSets.Anthropic12,
            }.RunAsync();
    }
}
