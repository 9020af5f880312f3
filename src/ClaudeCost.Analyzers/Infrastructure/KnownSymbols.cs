using Microsoft.CodeAnalysis;

namespace ClaudeCost.Analyzers.Infrastructure
{
    /// <summary>Types resolved once per compilation. A null member means the library is not referenced.</summary>
    internal sealed class KnownSymbols
    {
        public KnownSymbols(Compilation compilation)
        {
            Types = new TypeLookup(compilation);
            var libraries = Types;
            String = compilation.GetSpecialType(SpecialType.System_String);
            Object = compilation.GetSpecialType(SpecialType.System_Object);
            DateTime = compilation.GetSpecialType(SpecialType.System_DateTime);
            DateTimeOffset = Types.Find("System.DateTimeOffset");
            DateOnly = Types.Find("System.DateOnly");
            TimeOnly = Types.Find("System.TimeOnly");
            TimeProvider = Types.Find("System.TimeProvider");
            Guid = Types.Find("System.Guid");
            Random = Types.Find("System.Random");
            Environment = Types.Find("System.Environment");
            Stopwatch = Types.Find("System.Diagnostics.Stopwatch");
            StringBuilder = Types.Find("System.Text.StringBuilder");
            JsonObject = Types.Find("System.Text.Json.Nodes.JsonObject");
            JsonArray = Types.Find("System.Text.Json.Nodes.JsonArray");
            JsonNode = Types.Find("System.Text.Json.Nodes.JsonNode");
            JsonPropertyNameAttribute = Types.Find("System.Text.Json.Serialization.JsonPropertyNameAttribute");
            NewtonsoftJsonPropertyAttribute = libraries.FindInLibrary("Newtonsoft.Json", "Newtonsoft.Json.JsonPropertyAttribute");
            JObject = libraries.FindInLibrary("Newtonsoft.Json", "Newtonsoft.Json.Linq.JObject");
            Dictionary = Types.Find("System.Collections.Generic.Dictionary`2");
            IDictionary = Types.Find("System.Collections.Generic.IDictionary`2");
            List = Types.Find("System.Collections.Generic.List`1");

            // Official SDK (assembly "Anthropic", 12.x and 13.x).
            MessageCreateParams = libraries.FindInLibrary("Anthropic", "Anthropic.Models.Messages.MessageCreateParams");
            BatchParams = libraries.FindInLibrary("Anthropic", "Anthropic.Models.Messages.Batches.Params");
            CountTokensParams = libraries.FindInLibrary("Anthropic", "Anthropic.Models.Messages.MessageCountTokensParams");
            BetaMessageCreateParams = libraries.FindInLibrary("Anthropic", "Anthropic.Models.Beta.Messages.MessageCreateParams");
            BetaBatchParams = libraries.FindInLibrary("Anthropic", "Anthropic.Models.Beta.Messages.Batches.Params");
            BetaCountTokensParams = libraries.FindInLibrary("Anthropic", "Anthropic.Models.Beta.Messages.MessageCountTokensParams");
            BetaThreadCreateParams = libraries.FindInLibrary("Anthropic", "Anthropic.Models.Beta.Messages.ThreadCreateParams");
            TextBlockParam = libraries.FindInLibrary("Anthropic", "Anthropic.Models.Messages.TextBlockParam");
            BetaTextBlockParam = libraries.FindInLibrary("Anthropic", "Anthropic.Models.Beta.Messages.BetaTextBlockParam");
            CacheControlEphemeral = libraries.FindInLibrary("Anthropic", "Anthropic.Models.Messages.CacheControlEphemeral");
            BetaCacheControlEphemeral = libraries.FindInLibrary("Anthropic", "Anthropic.Models.Beta.Messages.BetaCacheControlEphemeral");
            ModelEnum = libraries.FindInLibrary("Anthropic", "Anthropic.Models.Messages.Model");
            UserMessageParam = libraries.FindInLibrary("Anthropic", "Anthropic.Models.Messages.UserMessageParam");
            MessageParam = libraries.FindInLibrary("Anthropic", "Anthropic.Models.Messages.MessageParam");

            // Microsoft.Extensions.AI
            ChatClient = libraries.FindInLibrary("Microsoft.Extensions.AI.Abstractions", "Microsoft.Extensions.AI.IChatClient");
            ChatClientExtensions = libraries.FindInLibrary("Microsoft.Extensions.AI.Abstractions", "Microsoft.Extensions.AI.ChatClientExtensions");
            ChatMessage = libraries.FindInLibrary("Microsoft.Extensions.AI.Abstractions", "Microsoft.Extensions.AI.ChatMessage");
            ChatRole = libraries.FindInLibrary("Microsoft.Extensions.AI.Abstractions", "Microsoft.Extensions.AI.ChatRole");
            ChatOptions = libraries.FindInLibrary("Microsoft.Extensions.AI.Abstractions", "Microsoft.Extensions.AI.ChatOptions");
            TextContent = libraries.FindInLibrary("Microsoft.Extensions.AI.Abstractions", "Microsoft.Extensions.AI.TextContent");
            AIContent = libraries.FindInLibrary("Microsoft.Extensions.AI.Abstractions", "Microsoft.Extensions.AI.AIContent");

            // Community Anthropic.SDK
            SdkMessageParameters = libraries.FindInLibrary("Anthropic.SDK", "Anthropic.SDK.Messaging.MessageParameters");
            SdkCountTokenParameters = libraries.FindInLibrary("Anthropic.SDK", "Anthropic.SDK.Messaging.MessageCountTokenParameters");
            SdkSystemMessage = libraries.FindInLibrary("Anthropic.SDK", "Anthropic.SDK.Messaging.SystemMessage");
            SdkMessagesEndpoint = libraries.FindInLibrary("Anthropic.SDK", "Anthropic.SDK.Messaging.MessagesEndpoint");

            // AWS Bedrock Runtime (Converse API)
            ConverseRequest = libraries.FindInLibrary("AWSSDK.BedrockRuntime", "Amazon.BedrockRuntime.Model.ConverseRequest");
            ConverseStreamRequest = libraries.FindInLibrary("AWSSDK.BedrockRuntime", "Amazon.BedrockRuntime.Model.ConverseStreamRequest");
        }

        /// <summary>
        /// Type lookups for the rules (once per name); client-library types only from the assembly of that name, which
        /// also keeps tryAGI's community SDK, whose assembly is also named "Anthropic" but has other types, apart from the
        /// official SDK.
        /// </summary>
        public TypeLookup Types { get; }

        public INamedTypeSymbol? ConverseRequest { get; }
        public INamedTypeSymbol? ConverseStreamRequest { get; }

        public bool HasBedrockRuntime => ConverseRequest != null;

        public INamedTypeSymbol String { get; }
        public INamedTypeSymbol Object { get; }
        public INamedTypeSymbol DateTime { get; }
        public INamedTypeSymbol? DateTimeOffset { get; }
        public INamedTypeSymbol? DateOnly { get; }
        public INamedTypeSymbol? TimeOnly { get; }
        public INamedTypeSymbol? TimeProvider { get; }
        public INamedTypeSymbol? Guid { get; }
        public INamedTypeSymbol? Random { get; }
        public INamedTypeSymbol? Environment { get; }
        public INamedTypeSymbol? Stopwatch { get; }
        public INamedTypeSymbol? StringBuilder { get; }
        public INamedTypeSymbol? JsonObject { get; }
        public INamedTypeSymbol? JsonArray { get; }
        public INamedTypeSymbol? JsonNode { get; }
        public INamedTypeSymbol? JsonPropertyNameAttribute { get; }
        public INamedTypeSymbol? NewtonsoftJsonPropertyAttribute { get; }
        public INamedTypeSymbol? JObject { get; }
        public INamedTypeSymbol? Dictionary { get; }
        public INamedTypeSymbol? IDictionary { get; }
        public INamedTypeSymbol? List { get; }

        public INamedTypeSymbol? MessageCreateParams { get; }
        public INamedTypeSymbol? BatchParams { get; }
        public INamedTypeSymbol? CountTokensParams { get; }
        public INamedTypeSymbol? BetaMessageCreateParams { get; }
        public INamedTypeSymbol? BetaBatchParams { get; }
        public INamedTypeSymbol? BetaCountTokensParams { get; }
        public INamedTypeSymbol? BetaThreadCreateParams { get; }
        public INamedTypeSymbol? TextBlockParam { get; }
        public INamedTypeSymbol? BetaTextBlockParam { get; }
        public INamedTypeSymbol? CacheControlEphemeral { get; }
        public INamedTypeSymbol? BetaCacheControlEphemeral { get; }
        public INamedTypeSymbol? ModelEnum { get; }
        public INamedTypeSymbol? UserMessageParam { get; }
        public INamedTypeSymbol? MessageParam { get; }

        public INamedTypeSymbol? ChatClient { get; }
        public INamedTypeSymbol? ChatClientExtensions { get; }
        public INamedTypeSymbol? ChatMessage { get; }
        public INamedTypeSymbol? ChatRole { get; }
        public INamedTypeSymbol? ChatOptions { get; }
        public INamedTypeSymbol? TextContent { get; }
        public INamedTypeSymbol? AIContent { get; }

        public INamedTypeSymbol? SdkMessageParameters { get; }
        public INamedTypeSymbol? SdkCountTokenParameters { get; }
        public INamedTypeSymbol? SdkSystemMessage { get; }
        public INamedTypeSymbol? SdkMessagesEndpoint { get; }

        /// <summary>The official SDK is referenced.</summary>
        public bool HasOfficialSdk => MessageCreateParams != null || BatchParams != null;

        public bool HasExtensionsAI => ChatClient != null && ChatMessage != null;

        public bool HasAnthropicSdk => SdkMessageParameters != null;

        public bool IsOfficialCacheControl(ITypeSymbol? type)
            => type != null && (SymbolEqualityComparer.Default.Equals(type, CacheControlEphemeral) || SymbolEqualityComparer.Default.Equals(type, BetaCacheControlEphemeral));

        public bool IsOfficialTextBlock(ITypeSymbol? type)
            => type != null && (SymbolEqualityComparer.Default.Equals(type, TextBlockParam) || SymbolEqualityComparer.Default.Equals(type, BetaTextBlockParam));
    }
}
