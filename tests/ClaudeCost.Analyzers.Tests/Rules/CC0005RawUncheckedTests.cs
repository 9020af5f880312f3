using System.Threading.Tasks;
using ClaudeCost.Analyzers.Rules;
using ClaudeCost.Analyzers.Tests.Verifiers;
using ClaudeCost.CodeFixes.Fixes;
using Xunit;
using static ClaudeCost.Analyzers.Tests.Verifiers.DiagnosticResult;

namespace ClaudeCost.Analyzers.Tests.Rules
{
    /// <summary>CC0005 on the official SDK's escape hatch <c>FromRawUnchecked</c>, whose body skips the required MaxTokens.</summary>
    public class CC0005RawUncheckedTests
    {
        private static Task VerifyFix(string source, string fixedSource)
            => new CodeFixTest<CC0005MissingOutputLimitAnalyzer, CC0005MissingOutputLimitCodeFixProvider> { TestCode = source, FixedCode = fixedSource }.RunAsync();

        [Fact]
        public Task InlineBodyIsReportedWithItsMessage()
            => new AnalyzerTest<CC0005MissingOutputLimitAnalyzer>
            {
                TestCode = """
                    using System.Collections.Generic;
                    using System.Text.Json;
                    using Anthropic.Models.Messages;

                    class Raw
                    {
                        MessageCreateParams Build(object[] turns) => MessageCreateParams.FromRawUnchecked(
                            new Dictionary<string, JsonElement>(),
                            new Dictionary<string, JsonElement>(),
                            {|#0:new Dictionary<string, JsonElement>|}
                            {
                                ["model"] = JsonSerializer.SerializeToElement("claude-sonnet-4-6"),
                                ["messages"] = JsonSerializer.SerializeToElement(turns),
                            });
                    }
                    """,
                ExpectedDiagnostics = { Diagnostic("CC0005").WithLocation(0).WithMessageContains("FromRawUnchecked skips the SDK's required MaxTokens") },
            }.RunAsync();

        [Fact]
        public Task BodyInALocalGetsMaxTokensAfterTheModel()
            => VerifyFix("""
                using System.Collections.Generic;
                using System.Text.Json;
                using Anthropic.Models.Messages;

                class Raw
                {
                    MessageCreateParams Build(object[] turns)
                    {
                        var body = [|new Dictionary<string, JsonElement>|]
                        {
                            ["model"] = JsonSerializer.SerializeToElement("claude-sonnet-4-6"), // the model
                            /* the conversation */ ["messages"] = JsonSerializer.SerializeToElement(turns),
                        };
                        return MessageCreateParams.FromRawUnchecked(new Dictionary<string, JsonElement>(), new Dictionary<string, JsonElement>(), body);
                    }
                }
                """, """
                using System.Collections.Generic;
                using System.Text.Json;
                using Anthropic.Models.Messages;

                class Raw
                {
                    MessageCreateParams Build(object[] turns)
                    {
                        var body = new Dictionary<string, JsonElement>
                        {
                            ["model"] = JsonSerializer.SerializeToElement("claude-sonnet-4-6"), // the model
                            ["max_tokens"] = JsonSerializer.SerializeToElement(1024),
                            /* the conversation */ ["messages"] = JsonSerializer.SerializeToElement(turns),
                        };
                        return MessageCreateParams.FromRawUnchecked(new Dictionary<string, JsonElement>(), new Dictionary<string, JsonElement>(), body);
                    }
                }
                """);

        [Fact]
        public Task AddStyleBetaBodyGetsAnEntryAndTheUsing()
            => new CodeFixTest<CC0005MissingOutputLimitAnalyzer, CC0005MissingOutputLimitCodeFixProvider>
            {
                TestCode = """
                    using System.Collections.Generic;
                    using Beta = Anthropic.Models.Beta.Messages;

                    class Raw
                    {
                        Beta::MessageCreateParams Build(IReadOnlyDictionary<string, System.Text.Json.JsonElement> none, System.Text.Json.JsonElement turns)
                            => Beta::MessageCreateParams.FromRawUnchecked(none, none, [|new Dictionary<string, System.Text.Json.JsonElement>|]
                            {
                                { "model", System.Text.Json.JsonSerializer.SerializeToElement("claude-opus-4-6") },
                                { "messages", turns },
                            });
                    }
                    """,
                FixedCode = """
                    using System.Collections.Generic;
                    using System.Text.Json;
                    using Beta = Anthropic.Models.Beta.Messages;

                    class Raw
                    {
                        Beta::MessageCreateParams Build(IReadOnlyDictionary<string, System.Text.Json.JsonElement> none, System.Text.Json.JsonElement turns)
                            => Beta::MessageCreateParams.FromRawUnchecked(none, none, new Dictionary<string, System.Text.Json.JsonElement>
                            {
                                { "model", System.Text.Json.JsonSerializer.SerializeToElement("claude-opus-4-6") },
                                { "max_tokens", JsonSerializer.SerializeToElement(1024) },
                                { "messages", turns },
                            });
                    }
                    """,
            }.RunAsync();

        [Fact]
        public Task BatchItemsAreReportedAndFixedTogether()
            => new CodeFixTest<CC0005MissingOutputLimitAnalyzer, CC0005MissingOutputLimitCodeFixProvider>
            {
                TestCode = """
                    using System.Collections.Generic;
                    using System.Text.Json;
                    using Anthropic.Models.Messages;

                    class Raw
                    {
                        Anthropic.Models.Messages.Batches.Params[] Items(JsonElement a, JsonElement b) =>
                        [
                            Anthropic.Models.Messages.Batches.Params.FromRawUnchecked([|new Dictionary<string, JsonElement> { ["model"] = JsonSerializer.SerializeToElement(Model.ClaudeSonnet4_6), ["messages"] = a }|]),
                            Anthropic.Models.Messages.Batches.Params.FromRawUnchecked([|new Dictionary<string, JsonElement> { ["messages"] = b }|]),
                        ];
                    }
                    """,
                FixedCode = """
                    using System.Collections.Generic;
                    using System.Text.Json;
                    using Anthropic.Models.Messages;

                    class Raw
                    {
                        Anthropic.Models.Messages.Batches.Params[] Items(JsonElement a, JsonElement b) =>
                        [
                            Anthropic.Models.Messages.Batches.Params.FromRawUnchecked(new Dictionary<string, JsonElement> { ["model"] = JsonSerializer.SerializeToElement(Model.ClaudeSonnet4_6), ["max_tokens"] = JsonSerializer.SerializeToElement(1024), ["messages"] = a }),
                            Anthropic.Models.Messages.Batches.Params.FromRawUnchecked(new Dictionary<string, JsonElement> { ["messages"] = b, ["max_tokens"] = JsonSerializer.SerializeToElement(1024) }),
                        ];
                    }
                    """,
            }.RunAsync();

        [Fact]
        public Task TheFixWritesTheConfiguredLimit()
            => new CodeFixTest<CC0005MissingOutputLimitAnalyzer, CC0005MissingOutputLimitCodeFixProvider>
            {
                TestCode = """
                    using System.Collections.Generic;
                    using System.Text.Json;
                    using Anthropic.Models.Messages;

                    class Raw
                    {
                        MessageCreateParams Build(Dictionary<string, JsonElement> none, JsonElement turns)
                            => MessageCreateParams.FromRawUnchecked(none, none, [|new Dictionary<string, JsonElement> { ["model"] = JsonSerializer.SerializeToElement("claude-haiku-4-5"), ["messages"] = turns }|]);
                    }
                    """,
                FixedCode = """
                    using System.Collections.Generic;
                    using System.Text.Json;
                    using Anthropic.Models.Messages;

                    class Raw
                    {
                        MessageCreateParams Build(Dictionary<string, JsonElement> none, JsonElement turns)
                            => MessageCreateParams.FromRawUnchecked(none, none, new Dictionary<string, JsonElement> { ["model"] = JsonSerializer.SerializeToElement("claude-haiku-4-5"), ["max_tokens"] = JsonSerializer.SerializeToElement(300), ["messages"] = turns });
                    }
                    """,
                EditorConfig = "[*.cs]\nclaudecost.cc0005.default_max_tokens = 300",
                ExpectedCodeActionTitle = "Add max_tokens = 300",
            }.RunAsync();

        [Fact]
        public Task LimitsThatArePresentLaterOrOutOfSightAreSilent()
            => new AnalyzerTest<CC0005MissingOutputLimitAnalyzer>
            {
                TestCode = """
                    using System.Collections.Generic;
                    using System.Text.Json;
                    using Anthropic.Models.Messages;

                    static class Limits
                    {
                        public static void Apply(Dictionary<string, JsonElement> body) { }
                    }

                    class Silent
                    {
                        static readonly Dictionary<string, JsonElement> None = new();

                        MessageCreateParams Present(JsonElement turns) => MessageCreateParams.FromRawUnchecked(None, None, new Dictionary<string, JsonElement>
                        {
                            ["model"] = JsonSerializer.SerializeToElement("claude-sonnet-4-6"),
                            ["max_tokens"] = JsonSerializer.SerializeToElement(512),
                            ["messages"] = turns,
                        });

                        MessageCreateParams Later(JsonElement turns, bool brief)
                        {
                            var body = new Dictionary<string, JsonElement> { ["model"] = JsonSerializer.SerializeToElement("claude-sonnet-4-6"), ["messages"] = turns };
                            if (brief)
                            {
                                body["max_tokens"] = JsonSerializer.SerializeToElement(256);
                            }

                            return MessageCreateParams.FromRawUnchecked(None, None, body);
                        }

                        MessageCreateParams HandedToAHelper(JsonElement turns)
                        {
                            var body = new Dictionary<string, JsonElement> { ["model"] = JsonSerializer.SerializeToElement("claude-sonnet-4-6"), ["messages"] = turns };
                            Limits.Apply(body);
                            return MessageCreateParams.FromRawUnchecked(None, None, body);
                        }

                        MessageCreateParams FromElsewhere(Dictionary<string, JsonElement> body) => MessageCreateParams.FromRawUnchecked(None, None, body);

                        MessageCreateParams FromAFactory(JsonElement turns) => MessageCreateParams.FromRawUnchecked(None, None, Body(turns));

                        static Dictionary<string, JsonElement> Body(JsonElement turns) => new Dictionary<string, JsonElement> { ["model"] = JsonSerializer.SerializeToElement("claude-sonnet-4-6"), ["messages"] = turns };

                        // Token counting is free and takes no max_tokens.
                        MessageCountTokensParams Count(JsonElement turns) => MessageCountTokensParams.FromRawUnchecked(None, None, new Dictionary<string, JsonElement>
                        {
                            ["model"] = JsonSerializer.SerializeToElement("claude-sonnet-4-6"),
                            ["messages"] = turns,
                        });

                        // Header and query dictionaries are not bodies; a body without request keys is not read.
                        MessageCreateParams Headers(JsonElement turns, Dictionary<string, JsonElement> body) => MessageCreateParams.FromRawUnchecked(
                            new Dictionary<string, JsonElement> { ["model"] = JsonSerializer.SerializeToElement("claude-sonnet-4-6"), ["messages"] = turns },
                            None,
                            body);

                        MessageCreateParams NoRequestKeys(JsonElement metadata) => MessageCreateParams.FromRawUnchecked(None, None, new Dictionary<string, JsonElement> { ["metadata"] = metadata });

                        MessageCreateParams NotClaude(JsonElement metadata) => MessageCreateParams.FromRawUnchecked(None, None, new Dictionary<string, JsonElement> { ["model"] = JsonSerializer.SerializeToElement("gpt-4o") });
                    }
                    """,
            }.RunAsync();
    }
}
