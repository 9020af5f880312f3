using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using ClaudeCost.Benchmarks.Corpus;
using Microsoft.CodeAnalysis;

namespace ClaudeCost.Benchmarks.Micro
{
    /// <summary>
    /// Times the 43 type lookups the ClaudeCost analyzers make once per compilation (Infrastructure/KnownSymbols.cs),
    /// on fresh clones of the end-to-end compilation whose declarations are already bound, as in a build.
    /// </summary>
    public static class TypeLookups
    {
        private static readonly string[] Names =
        {
            "System.DateTimeOffset", "System.DateOnly", "System.TimeOnly", "System.TimeProvider", "System.Guid", "System.Random", "System.Environment",
            "System.Diagnostics.Stopwatch", "System.Text.StringBuilder", "System.Text.Json.Nodes.JsonObject", "System.Text.Json.Nodes.JsonArray",
            "System.Text.Json.Nodes.JsonNode", "System.Text.Json.Serialization.JsonPropertyNameAttribute", "Newtonsoft.Json.JsonPropertyAttribute",
            "Newtonsoft.Json.Linq.JObject", "System.Collections.Generic.Dictionary`2", "System.Collections.Generic.IDictionary`2", "System.Collections.Generic.List`1",
            "Anthropic.Models.Messages.MessageCreateParams", "Anthropic.Models.Messages.Batches.Params", "Anthropic.Models.Messages.MessageCountTokensParams",
            "Anthropic.Models.Beta.Messages.MessageCreateParams", "Anthropic.Models.Beta.Messages.Batches.Params", "Anthropic.Models.Beta.Messages.MessageCountTokensParams",
            "Anthropic.Models.Beta.Messages.ThreadCreateParams", "Anthropic.Models.Messages.TextBlockParam", "Anthropic.Models.Beta.Messages.BetaTextBlockParam",
            "Anthropic.Models.Messages.CacheControlEphemeral", "Anthropic.Models.Beta.Messages.BetaCacheControlEphemeral", "Anthropic.Models.Messages.Model",
            "Anthropic.Models.Messages.UserMessageParam", "Anthropic.Models.Messages.MessageParam", "Microsoft.Extensions.AI.IChatClient",
            "Microsoft.Extensions.AI.ChatClientExtensions", "Microsoft.Extensions.AI.ChatMessage", "Microsoft.Extensions.AI.ChatRole", "Microsoft.Extensions.AI.ChatOptions",
            "Microsoft.Extensions.AI.TextContent", "Microsoft.Extensions.AI.AIContent", "Anthropic.SDK.Messaging.MessageParameters",
            "Anthropic.SDK.Messaging.MessageCountTokenParameters", "Anthropic.SDK.Messaging.SystemMessage", "Anthropic.SDK.Messaging.MessagesEndpoint",
        };

        public static int Run(string[] args)
        {
            var variant = args.Contains("noclaude") ? CorpusVariant.NoClaude : CorpusVariant.Claude;
            var compilation = MicroCorpus.EndToEndCompilation(variant, 1500);
            Console.WriteLine($"{variant}: {compilation.References.Count()} metadata references");
            for (var i = 0; i < 4; i++)
            {
                var clone = compilation.Clone();
                _ = clone.GetDeclarationDiagnostics();
                _ = clone.GetSpecialType(SpecialType.System_String);
                var stopwatch = Stopwatch.StartNew();
                var found = Names.Count(n => clone.GetTypeByMetadataName(n) != null);
                stopwatch.Stop();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  clone {i}: {Names.Length} lookups ({found} found) in {stopwatch.Elapsed.TotalMilliseconds:0.0} ms"));
            }

            return 0;
        }
    }
}
