namespace ClaudeCost.Analyzers.Tests.StandIns;

/// <summary>
/// Source stand-in for the community <c>Anthropic.SDK</c> 5.x package (tghamm/Anthropic.SDK), which does not restore here.
/// Shapes (namespaces, type names, constructors, property names/types, method signatures) follow the package's public
/// surface; bodies are trivial. Written for this project; it is source text, not compiled into the test assembly.
/// </summary>
internal static class AnthropicSdkStandIn
{
    public const string Source = """"
// Stand-in for the Anthropic.SDK 5.x public surface (not the real package).
#nullable disable
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace Anthropic.SDK
{
    public class APIAuthentication
    {
        public APIAuthentication(string apiKey) { ApiKey = apiKey; }
        public string ApiKey { get; set; }
        public static APIAuthentication Default { get; set; }
        public static implicit operator APIAuthentication(string key) => new APIAuthentication(key);
        public static APIAuthentication LoadFromEnv() => null;
    }

    public interface IRequestInterceptor
    {
        Task<HttpResponseMessage> InvokeAsync(
            HttpRequestMessage request,
            Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> next,
            CancellationToken cancellationToken = default);
    }

    public abstract class BaseEndpoint
    {
        protected abstract string Url { get; }
    }

    public abstract class EndpointBase : BaseEndpoint
    {
        protected readonly AnthropicClient Client;
        internal EndpointBase(AnthropicClient client) { Client = client; }
        protected abstract string Endpoint { get; }
        protected override string Url => string.Format(Client.ApiUrlFormat, Client.ApiVersion, Endpoint);
    }

    public class AnthropicClient : IDisposable
    {
        public AnthropicClient(APIAuthentication apiKeys = null, HttpClient client = null, IRequestInterceptor requestInterceptor = null)
        {
            Auth = apiKeys;
            Messages = new Anthropic.SDK.Messaging.MessagesEndpoint(this);
            Batches = new Anthropic.SDK.Batches.BatchesEndpoint(this);
        }

        public string ApiUrlFormat { get; set; } = "https://api.anthropic.com/{0}/{1}";
        public string ApiVersion { get; set; } = "v1";
        public string AnthropicVersion { get; set; } = "2023-06-01";
        public string AnthropicBetaVersion { get; set; }
        public APIAuthentication Auth { get; set; }
        public Anthropic.SDK.Messaging.MessagesEndpoint Messages { get; }
        public Anthropic.SDK.Batches.BatchesEndpoint Batches { get; }
        public void Dispose() { }
    }
}

namespace Anthropic.SDK.Constants
{
    public static class AnthropicModels
    {
        public const string Claude46Opus = "claude-opus-4-6";
        public const string Claude46Sonnet = "claude-sonnet-4-6";
        public const string Claude45Opus = "claude-opus-4-5-20251101";
        public const string Claude4Sonnet = "claude-sonnet-4-20250514";
        public const string Claude45Sonnet = "claude-sonnet-4-5-20250929";
        public const string Claude4Opus = "claude-opus-4-20250514";
        public const string Claude41Opus = "claude-opus-4-1-20250805";
        public const string Claude45Haiku = "claude-haiku-4-5-20251001";
    }
}

namespace Anthropic.SDK.Common
{
    public sealed class Function
    {
        public Function() { }
        public Function(string name, string description = null, JsonNode parameters = null) { Name = name; Description = description; Parameters = parameters; }
        public string Name { get; private set; }
        public string Type { get; private set; }
        public string Id { get; set; }
        public string Description { get; private set; }
        public JsonNode Parameters { get; set; }
        public JsonNode Arguments { get; set; }
        public Anthropic.SDK.Messaging.CacheControl CacheControl { get; set; }
    }

    public sealed class Tool
    {
        public Tool() { }
        public Tool(Function function) { Function = function; Type = "function"; }
        public static implicit operator Tool(Function function) => new Tool(function);
        public string Id { get; private set; }
        public string Type { get; private set; }
        public Function Function { get; private set; }
        public static Tool GetOrCreateTool(Type type, string methodName, string description = null) => throw null;
        public static Tool GetOrCreateTool(object instance, string methodName, string description = null) => throw null;
    }
}

namespace Anthropic.SDK.Messaging
{
    using Anthropic.SDK.Common;

    public enum RoleType { User, Assistant }

    public enum CacheControlType { ephemeral }

    public enum CacheDuration { FiveMinutes, OneHour }

    [Flags]
    public enum PromptCacheType
    {
        None = 0,
        FineGrained = 1,
        AutomaticToolsAndSystem = 2,
    }

    public enum ContentType { text, image, tool_use, tool_result, document, thinking, redacted_thinking }

    public enum SourceType { base64, text, url, content }

    public enum ThinkingType { enabled, adaptive }

    public enum ThinkingEffort { low, medium, high, max }

    public enum ToolChoiceType { Auto, Any, Tool }

    public class CacheControl
    {
        public CacheControlType Type { get; set; }
        public CacheDuration? TTL { get; set; }
    }

    public class ThinkingParameters
    {
        public ThinkingType Type { get; set; } = ThinkingType.enabled;
        public int? BudgetTokens { get; set; }
        public bool UseInterleavedThinking { get; set; }
        public ThinkingEffort? Effort { get; set; }
    }

    public class ToolChoice
    {
        public ToolChoiceType Type { get; set; } = ToolChoiceType.Auto;
        public string Name { get; set; }
        public bool? DisableParallelToolUse { get; set; }
    }

    public class SystemMessage
    {
        public SystemMessage(string text, CacheControl cacheControl = null) { Type = "text"; Text = text; CacheControl = cacheControl; }
        public string Type { get; set; }
        public string Text { get; set; }
        public CacheControl CacheControl { get; set; }
    }

    public abstract class ContentBase
    {
        public abstract ContentType Type { get; }
        public CacheControl CacheControl { get; set; }
    }

    public class TextContent : ContentBase
    {
        public override ContentType Type => ContentType.text;
        public string Text { get; set; }
        public override string ToString() => Text ?? string.Empty;
        public static implicit operator string(TextContent choice) => choice?.ToString();
    }

    public class ImageSource
    {
        public SourceType Type { get; set; }
        public string MediaType { get; set; }
        public string Url { get; set; }
        public string Data { get; set; }
    }

    public class ImageContent : ContentBase
    {
        public override ContentType Type => ContentType.image;
        public ImageSource Source { get; set; }
    }

    public class DocumentSource
    {
        public SourceType Type { get; set; }
        public List<ContentBase> Content { get; set; }
        public string MediaType { get; set; }
        public string Data { get; set; }
        public string Url { get; set; }
    }

    public class DocumentContent : ContentBase
    {
        public override ContentType Type => ContentType.document;
        public DocumentSource Source { get; set; }
        public string Context { get; set; }
        public string Title { get; set; }
    }

    public class ThinkingContent : ContentBase
    {
        public override ContentType Type => ContentType.thinking;
        public string Thinking { get; set; }
        public string Signature { get; set; }
    }

    public class ToolUseContent : ContentBase
    {
        public override ContentType Type => ContentType.tool_use;
        public string Id { get; set; }
        public string Name { get; set; }
        public JsonNode Input { get; set; }
    }

    public class ToolResultContent : ContentBase
    {
        public override ContentType Type => ContentType.tool_result;
        public string ToolUseId { get; set; }
        public List<ContentBase> Content { get; set; }
        public bool? IsError { get; set; }
    }

    public class Message
    {
        public Message() { }

        public Message(RoleType role, string text, CacheControl cacheControl = null)
        {
            Role = role;
            Content = new List<ContentBase> { new TextContent { Text = text, CacheControl = cacheControl } };
        }

        public Message(RoleType role, DocumentContent content)
        {
            Role = role;
            Content = new List<ContentBase> { content };
        }

        public Message(Function toolCall, string functionResult, bool isError = false, CacheControl cacheControl = null)
        {
            Role = RoleType.User;
            Content = new List<ContentBase>();
        }

        public RoleType Role { get; set; }
        public List<ContentBase> Content { get; set; }
        public override string ToString() => string.Empty;
        public static implicit operator string(Message textContent) => textContent?.ToString();
    }

    public class MessageCountTokenParameters
    {
        public string Model { get; set; }
        public List<Message> Messages { get; set; }
        public List<SystemMessage> System { get; set; }
        public IList<Anthropic.SDK.Common.Tool> Tools { get; set; }
        public ToolChoice ToolChoice { get; set; }
    }

    public class MessageParameters : MessageCountTokenParameters
    {
        public int MaxTokens { get; set; }
        public dynamic Metadata { get; set; }
        public string[] StopSequences { get; set; }
        public bool? Stream { get; set; }
        public decimal? Temperature { get; set; }
        public int? TopK { get; set; }
        public decimal? TopP { get; set; }
        public ThinkingParameters Thinking { get; set; }
        public PromptCacheType PromptCaching { get; set; } = PromptCacheType.None;
    }

    public class Usage
    {
        public int InputTokens { get; set; }
        public int OutputTokens { get; set; }
        public int CacheCreationInputTokens { get; set; }
        public int CacheReadInputTokens { get; set; }
    }

    public class MessageResponse
    {
        public List<ContentBase> Content { get; set; }
        public string Id { get; set; }
        public string Model { get; set; }
        public RoleType Role { get; set; }
        public string StopReason { get; set; }
        public object StopSequence { get; set; }
        public string Type { get; set; }
        public Usage Usage { get; set; }
        public List<Function> ToolCalls { get; set; } = new List<Function>();
        public TextContent FirstMessage => Content?.Count > 0 ? Content[0] as TextContent : null;
        public Message Message => new Message { Role = RoleType.Assistant, Content = Content };
    }

    public class MessageCountTokenResponse
    {
        public int InputTokens { get; set; }
    }

    public partial class MessagesEndpoint : EndpointBase, IChatClient
    {
        internal MessagesEndpoint(AnthropicClient client) : base(client) { }

        protected override string Endpoint => "messages";

        public Task<MessageResponse> GetClaudeMessageAsync(MessageParameters parameters, CancellationToken ctx = default) => throw null;

        public async IAsyncEnumerable<MessageResponse> StreamClaudeMessageAsync(MessageParameters parameters, [EnumeratorCancellation] CancellationToken ctx = default)
        {
            await Task.Yield();
            yield break;
        }

        public Task<MessageCountTokenResponse> CountMessageTokensAsync(MessageCountTokenParameters parameters, CancellationToken ctx = default) => throw null;

        Task<ChatResponse> IChatClient.GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions options, CancellationToken cancellationToken) => throw null;

        IAsyncEnumerable<ChatResponseUpdate> IChatClient.GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions options, CancellationToken cancellationToken) => throw null;

        object IChatClient.GetService(Type serviceType, object serviceKey) => null;

        void IDisposable.Dispose() { }
    }
}

namespace Anthropic.SDK.Batches
{
    using Anthropic.SDK.Messaging;

    public class BatchRequest
    {
        public string CustomId { get; set; }
        public MessageParameters MessageParameters { get; set; }
    }

    public class RequestCounts
    {
        public int Processing { get; set; }
        public int Succeeded { get; set; }
        public int Errored { get; set; }
        public int Canceled { get; set; }
        public int Expired { get; set; }
    }

    public class BatchResponse
    {
        public string Id { get; set; }
        public string Type { get; set; }
        public string ProcessingStatus { get; set; }
        public RequestCounts RequestCounts { get; set; }
        public DateTime? EndedAt { get; set; }
        public DateTime CreatedAt { get; set; }
        public DateTime ExpiresAt { get; set; }
        public string ResultsUrl { get; set; }
    }

    public class BatchesEndpoint : EndpointBase
    {
        internal BatchesEndpoint(AnthropicClient client) : base(client) { }

        protected override string Endpoint => "messages/batches";

        public Task<BatchResponse> CreateBatchAsync(List<BatchRequest> batches, CancellationToken ctx = default) => throw null;

        public Task<BatchResponse> CancelBatchAsync(string batchId, CancellationToken ctx = default) => throw null;

        public Task<BatchResponse> RetrieveBatchStatusAsync(string batchId, CancellationToken ctx = default) => throw null;
    }
}
"""";
}
