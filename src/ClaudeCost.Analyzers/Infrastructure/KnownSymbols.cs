using Microsoft.CodeAnalysis;

namespace ClaudeCost.Analyzers.Infrastructure
{
    /// <summary>Types resolved once per compilation. A null member means the library is not referenced.</summary>
    internal sealed class KnownSymbols
    {
        public KnownSymbols(Compilation compilation)
        {
            String = compilation.GetSpecialType(SpecialType.System_String);
            Object = compilation.GetSpecialType(SpecialType.System_Object);
            DateTime = compilation.GetSpecialType(SpecialType.System_DateTime);
            DateTimeOffset = Get(compilation, "System.DateTimeOffset");
            DateOnly = Get(compilation, "System.DateOnly");
            TimeOnly = Get(compilation, "System.TimeOnly");
            TimeProvider = Get(compilation, "System.TimeProvider");
            Guid = Get(compilation, "System.Guid");
            Random = Get(compilation, "System.Random");
            Environment = Get(compilation, "System.Environment");
            Stopwatch = Get(compilation, "System.Diagnostics.Stopwatch");
            StringBuilder = Get(compilation, "System.Text.StringBuilder");
            JsonObject = Get(compilation, "System.Text.Json.Nodes.JsonObject");
            JsonArray = Get(compilation, "System.Text.Json.Nodes.JsonArray");
            JsonNode = Get(compilation, "System.Text.Json.Nodes.JsonNode");
            JsonPropertyNameAttribute = Get(compilation, "System.Text.Json.Serialization.JsonPropertyNameAttribute");
            NewtonsoftJsonPropertyAttribute = Get(compilation, "Newtonsoft.Json.JsonPropertyAttribute");
            JObject = Get(compilation, "Newtonsoft.Json.Linq.JObject");
            Dictionary = Get(compilation, "System.Collections.Generic.Dictionary`2");
            IDictionary = Get(compilation, "System.Collections.Generic.IDictionary`2");
            List = Get(compilation, "System.Collections.Generic.List`1");

            // Official SDK (assembly "Anthropic", 12.x and 13.x).
            MessageCreateParams = GetOfficial(compilation, "Anthropic.Models.Messages.MessageCreateParams");
            BatchParams = GetOfficial(compilation, "Anthropic.Models.Messages.Batches.Params");
            CountTokensParams = GetOfficial(compilation, "Anthropic.Models.Messages.MessageCountTokensParams");
            BetaMessageCreateParams = GetOfficial(compilation, "Anthropic.Models.Beta.Messages.MessageCreateParams");
            BetaBatchParams = GetOfficial(compilation, "Anthropic.Models.Beta.Messages.Batches.Params");
            BetaCountTokensParams = GetOfficial(compilation, "Anthropic.Models.Beta.Messages.MessageCountTokensParams");
            BetaThreadCreateParams = GetOfficial(compilation, "Anthropic.Models.Beta.Messages.ThreadCreateParams");
            TextBlockParam = GetOfficial(compilation, "Anthropic.Models.Messages.TextBlockParam");
            BetaTextBlockParam = GetOfficial(compilation, "Anthropic.Models.Beta.Messages.BetaTextBlockParam");
            CacheControlEphemeral = GetOfficial(compilation, "Anthropic.Models.Messages.CacheControlEphemeral");
            BetaCacheControlEphemeral = GetOfficial(compilation, "Anthropic.Models.Beta.Messages.BetaCacheControlEphemeral");
            ModelEnum = GetOfficial(compilation, "Anthropic.Models.Messages.Model");
            UserMessageParam = GetOfficial(compilation, "Anthropic.Models.Messages.UserMessageParam");
            MessageParam = GetOfficial(compilation, "Anthropic.Models.Messages.MessageParam");

            // Microsoft.Extensions.AI
            ChatClient = Get(compilation, "Microsoft.Extensions.AI.IChatClient");
            ChatClientExtensions = Get(compilation, "Microsoft.Extensions.AI.ChatClientExtensions");
            ChatMessage = Get(compilation, "Microsoft.Extensions.AI.ChatMessage");
            ChatRole = Get(compilation, "Microsoft.Extensions.AI.ChatRole");
            ChatOptions = Get(compilation, "Microsoft.Extensions.AI.ChatOptions");
            TextContent = Get(compilation, "Microsoft.Extensions.AI.TextContent");
            AIContent = Get(compilation, "Microsoft.Extensions.AI.AIContent");

            // Community Anthropic.SDK
            SdkMessageParameters = Get(compilation, "Anthropic.SDK.Messaging.MessageParameters");
            SdkCountTokenParameters = Get(compilation, "Anthropic.SDK.Messaging.MessageCountTokenParameters");
            SdkSystemMessage = Get(compilation, "Anthropic.SDK.Messaging.SystemMessage");
            SdkMessagesEndpoint = Get(compilation, "Anthropic.SDK.Messaging.MessagesEndpoint");

            // AWS Bedrock Runtime (Converse API)
            ConverseRequest = Get(compilation, "Amazon.BedrockRuntime.Model.ConverseRequest");
            ConverseStreamRequest = Get(compilation, "Amazon.BedrockRuntime.Model.ConverseStreamRequest");
        }

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

        private static INamedTypeSymbol? Get(Compilation compilation, string metadataName)
            => compilation.GetTypeByMetadataName(metadataName);

        /// <summary>The official SDK's types; tryAGI's community SDK also ships an assembly named "Anthropic", without these types.</summary>
        private static INamedTypeSymbol? GetOfficial(Compilation compilation, string metadataName)
        {
            var type = compilation.GetTypeByMetadataName(metadataName);
            return type?.ContainingAssembly?.Name == "Anthropic" ? type : null;
        }
    }
}
