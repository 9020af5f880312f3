using Microsoft.CodeAnalysis;

namespace ClaudeCost.Analyzers.Infrastructure
{
    /// <summary>Types resolved once per compilation. A null member means the library is not referenced.</summary>
    internal sealed class KnownSymbols
    {
        public KnownSymbols(Compilation compilation)
        {
            var libraries = new Libraries(compilation);
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
            NewtonsoftJsonPropertyAttribute = libraries.Get("Newtonsoft.Json", "Newtonsoft.Json.JsonPropertyAttribute");
            JObject = libraries.Get("Newtonsoft.Json", "Newtonsoft.Json.Linq.JObject");
            Dictionary = Get(compilation, "System.Collections.Generic.Dictionary`2");
            IDictionary = Get(compilation, "System.Collections.Generic.IDictionary`2");
            List = Get(compilation, "System.Collections.Generic.List`1");

            // Official SDK (assembly "Anthropic", 12.x and 13.x).
            MessageCreateParams = libraries.Get("Anthropic", "Anthropic.Models.Messages.MessageCreateParams");
            BatchParams = libraries.Get("Anthropic", "Anthropic.Models.Messages.Batches.Params");
            CountTokensParams = libraries.Get("Anthropic", "Anthropic.Models.Messages.MessageCountTokensParams");
            BetaMessageCreateParams = libraries.Get("Anthropic", "Anthropic.Models.Beta.Messages.MessageCreateParams");
            BetaBatchParams = libraries.Get("Anthropic", "Anthropic.Models.Beta.Messages.Batches.Params");
            BetaCountTokensParams = libraries.Get("Anthropic", "Anthropic.Models.Beta.Messages.MessageCountTokensParams");
            BetaThreadCreateParams = libraries.Get("Anthropic", "Anthropic.Models.Beta.Messages.ThreadCreateParams");
            TextBlockParam = libraries.Get("Anthropic", "Anthropic.Models.Messages.TextBlockParam");
            BetaTextBlockParam = libraries.Get("Anthropic", "Anthropic.Models.Beta.Messages.BetaTextBlockParam");
            CacheControlEphemeral = libraries.Get("Anthropic", "Anthropic.Models.Messages.CacheControlEphemeral");
            BetaCacheControlEphemeral = libraries.Get("Anthropic", "Anthropic.Models.Beta.Messages.BetaCacheControlEphemeral");
            ModelEnum = libraries.Get("Anthropic", "Anthropic.Models.Messages.Model");
            UserMessageParam = libraries.Get("Anthropic", "Anthropic.Models.Messages.UserMessageParam");
            MessageParam = libraries.Get("Anthropic", "Anthropic.Models.Messages.MessageParam");

            // Microsoft.Extensions.AI
            ChatClient = libraries.Get("Microsoft.Extensions.AI.Abstractions", "Microsoft.Extensions.AI.IChatClient");
            ChatClientExtensions = libraries.Get("Microsoft.Extensions.AI.Abstractions", "Microsoft.Extensions.AI.ChatClientExtensions");
            ChatMessage = libraries.Get("Microsoft.Extensions.AI.Abstractions", "Microsoft.Extensions.AI.ChatMessage");
            ChatRole = libraries.Get("Microsoft.Extensions.AI.Abstractions", "Microsoft.Extensions.AI.ChatRole");
            ChatOptions = libraries.Get("Microsoft.Extensions.AI.Abstractions", "Microsoft.Extensions.AI.ChatOptions");
            TextContent = libraries.Get("Microsoft.Extensions.AI.Abstractions", "Microsoft.Extensions.AI.TextContent");
            AIContent = libraries.Get("Microsoft.Extensions.AI.Abstractions", "Microsoft.Extensions.AI.AIContent");

            // Community Anthropic.SDK
            SdkMessageParameters = libraries.Get("Anthropic.SDK", "Anthropic.SDK.Messaging.MessageParameters");
            SdkCountTokenParameters = libraries.Get("Anthropic.SDK", "Anthropic.SDK.Messaging.MessageCountTokenParameters");
            SdkSystemMessage = libraries.Get("Anthropic.SDK", "Anthropic.SDK.Messaging.SystemMessage");
            SdkMessagesEndpoint = libraries.Get("Anthropic.SDK", "Anthropic.SDK.Messaging.MessagesEndpoint");

            // AWS Bedrock Runtime (Converse API)
            ConverseRequest = libraries.Get("AWSSDK.BedrockRuntime", "Amazon.BedrockRuntime.Model.ConverseRequest");
            ConverseStreamRequest = libraries.Get("AWSSDK.BedrockRuntime", "Amazon.BedrockRuntime.Model.ConverseStreamRequest");
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

        /// <summary>
        /// Client-library types, looked up only in the assembly of that name (and in source, for code that declares its
        /// own copies): <c>Compilation.GetTypeByMetadataName</c> searches every reference for every name, which costs
        /// milliseconds per compilation for libraries most projects do not reference. Requiring the assembly name also
        /// keeps tryAGI's community SDK, whose assembly is also named "Anthropic" but has other types, apart from the
        /// official SDK (its types have the official names only in the official assembly).
        /// </summary>
        private sealed class Libraries
        {
            private readonly Compilation _compilation;
            private readonly System.Collections.Generic.Dictionary<string, IAssemblySymbol> _byName = new System.Collections.Generic.Dictionary<string, IAssemblySymbol>(System.StringComparer.Ordinal);

            public Libraries(Compilation compilation)
            {
                _compilation = compilation;
                foreach (var reference in compilation.References)
                {
                    if (compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly && !_byName.ContainsKey(assembly.Identity.Name))
                    {
                        _byName.Add(assembly.Identity.Name, assembly);
                    }
                }
            }

            public INamedTypeSymbol? Get(string assemblyName, string metadataName)
            {
                if (_byName.TryGetValue(assemblyName, out var assembly) && assembly.GetTypeByMetadataName(metadataName) is { } referenced)
                {
                    return referenced;
                }

                // Source stand-ins and projects that compile a client library's sources into themselves.
                return _compilation.Assembly.GetTypeByMetadataName(metadataName);
            }
        }
    }
}
