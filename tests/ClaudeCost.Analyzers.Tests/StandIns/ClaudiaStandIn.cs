namespace ClaudeCost.Analyzers.Tests.StandIns;

/// <summary>
/// Source stand-in for the <c>Claudia</c> package (Cysharp/Claudia), which does not restore here. Shapes follow the
/// package's public surface; bodies are trivial. Written for this project; source text only.
/// Note: Claudia's <c>Claudia.Anthropic</c> class is hidden by the official SDK's <c>Anthropic</c> namespace in code
/// outside <c>namespace Claudia</c>; use <see cref="Verifiers.ReferenceSets.NoOfficialAnthropic"/> for such tests.
/// </summary>
internal static class ClaudiaStandIn
{
    public const string Source = """"
// Stand-in for the Claudia public surface (not the real package).
#nullable enable
using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using System.Net.Http;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

namespace Claudia
{
    public interface IMessages
    {
        Task<MessageResponse> CreateAsync(MessageRequest request, RequestOptions? overrideOptions = null, CancellationToken cancellationToken = default);
        IAsyncEnumerable<IMessageStreamEvent> CreateStreamAsync(MessageRequest request, RequestOptions? overrideOptions = null, CancellationToken cancellationToken = default);
    }

    public interface IMessageStreamEvent
    {
    }

    public class RequestOptions
    {
        public TimeSpan? Timeout { get; set; }
        public int? MaxRetries { get; set; }
        public Dictionary<string, string>? Headers { get; set; }
    }

    public class Anthropic : IMessages, IDisposable
    {
        public Anthropic() : this(new HttpClientHandler(), true) { }
        public Anthropic(HttpMessageHandler handler) : this(handler, true) { }
        public Anthropic(HttpMessageHandler handler, bool disposeHandler) { HttpClient = new HttpClient(handler, disposeHandler); }

        public string ApiKey { get; init; } = "";
        public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);
        public int MaxRetries { get; init; } = 2;
        public bool IncludeRequestJsonOnInvalidRequestError { get; init; }
        public bool ConfigureAwait { get; set; }
        public HttpClient HttpClient { get; }
        public IMessages Messages => this;

        Task<MessageResponse> IMessages.CreateAsync(MessageRequest request, RequestOptions? overrideOptions, CancellationToken cancellationToken) => throw null!;
        IAsyncEnumerable<IMessageStreamEvent> IMessages.CreateStreamAsync(MessageRequest request, RequestOptions? overrideOptions, CancellationToken cancellationToken) => throw null!;

        public void Dispose() { }
    }

    public static class Models
    {
        public const string Claude3Opus = "claude-3-opus-20240229";
        public const string Claude3Sonnet = "claude-3-sonnet-20240229";
        public const string Claude3Haiku = "claude-3-haiku-20240307";
        public const string Claude3_5Sonnet = "claude-3-5-sonnet-20240620";
        public const string Claude3_7Sonnet = "claude-3-7-sonnet-20250219";
        public const string Claude2_1 = "claude-2.1";
        public const string Claude2_0 = "claude-2.0";
        public const string Claude1_2 = "claude-instant-1.2";
    }

    public static class Roles
    {
        public const string User = "user";
        public const string Assistant = "assistant";
    }

    public static class ContentTypes
    {
        public const string Text = "text";
        public const string Image = "image";
        public const string ToolUse = "tool_use";
        public const string ToolResult = "tool_result";
    }

    public static class StopReasons
    {
        public const string EndTurn = "end_turn";
        public const string MaxTokens = "max_tokens";
        public const string StopSequence = "stop_sequence";
        public const string ToolUse = "tool_use";
    }

    public record class MessageRequest
    {
        [JsonPropertyName("model")]
        public required string Model { get; set; }

        [JsonPropertyName("max_tokens")]
        public required int MaxTokens { get; set; }

        [JsonPropertyName("messages")]
        public required Message[] Messages { get; set; }

        [JsonPropertyName("system")]
        public string? System { get; set; }

        [JsonPropertyName("metadata")]
        public Metadata? Metadata { get; set; }

        [JsonPropertyName("stop_sequences")]
        public string[]? StopSequences { get; set; }

        [JsonPropertyName("stream")]
        [JsonInclude]
        internal bool? Stream { get; set; }

        [JsonPropertyName("temperature")]
        public double? Temperature { get; set; }

        [JsonPropertyName("top_p")]
        public double? TopP { get; set; }

        [JsonPropertyName("top_k")]
        public double? TopK { get; set; }

        [JsonPropertyName("tools")]
        public Tool[]? Tools { get; set; }
    }

    public record class Message
    {
        [JsonPropertyName("role")]
        public required string Role { get; set; }

        [JsonPropertyName("content")]
        public required Contents Content { get; set; }
    }

    public class Contents : Collection<Content>
    {
        public static implicit operator Contents(string text) => new Contents { new Content(text) };
    }

    public record class Content
    {
        public Content() { }

        [SetsRequiredMembers]
        public Content(string text) { Type = ContentTypes.Text; Text = text; }

        [SetsRequiredMembers]
        public Content(ReadOnlyMemory<byte> data, string mediaType) { Type = ContentTypes.Image; }

        [JsonPropertyName("type")]
        public required string Type { get; set; }

        [JsonPropertyName("text")]
        public string? Text { get; set; }

        [JsonPropertyName("source")]
        public Source? Source { get; set; }

        [JsonPropertyName("id")]
        public string? ToolUseId { get; set; }

        [JsonPropertyName("name")]
        public string? ToolUseName { get; set; }

        [JsonPropertyName("content")]
        public Contents? ToolResultContent { get; set; }

        [JsonPropertyName("tool_use_id")]
        public string? ToolResultId { get; set; }

        [JsonPropertyName("is_error")]
        public bool? ToolResultIsError { get; set; }

        public static implicit operator Content(string text) => new Content(text);
    }

    public record class Metadata
    {
        [JsonPropertyName("user_id")]
        public required string UserId { get; set; }
    }

    public record class Source
    {
        [JsonPropertyName("type")]
        public string Type { get; set; } = "base64";

        [JsonPropertyName("media_type")]
        public required string MediaType { get; set; }

        [JsonPropertyName("data")]
        public required ReadOnlyMemory<byte> Data { get; set; }
    }

    public record class Tool
    {
        [JsonPropertyName("name")]
        public required string Name { get; set; }

        [JsonPropertyName("description")]
        public required string Description { get; set; }

        [JsonPropertyName("input_schema")]
        public InputSchema? InputSchema { get; set; }
    }

    public record class InputSchema
    {
        [JsonPropertyName("type")]
        public required string Type { get; set; }

        [JsonPropertyName("properties")]
        public Dictionary<string, ToolProperty>? Properties { get; set; }

        [JsonPropertyName("required")]
        public string[]? Required { get; set; }
    }

    public record class ToolProperty
    {
        [JsonPropertyName("type")]
        public required string Type { get; set; }

        [JsonPropertyName("enum")]
        public string[]? Enum { get; set; }

        [JsonPropertyName("description")]
        public required string Description { get; set; }
    }

    public class MessageResponse
    {
        [JsonPropertyName("id")]
        public required string Id { get; set; }

        [JsonPropertyName("type")]
        public required string Type { get; set; }

        [JsonPropertyName("role")]
        public required string Role { get; set; }

        [JsonPropertyName("content")]
        public required Contents Content { get; set; }

        [JsonPropertyName("model")]
        public required string Model { get; set; }

        [JsonPropertyName("stop_reason")]
        public required string StopReason { get; set; }

        [JsonPropertyName("stop_sequence")]
        public required string? StopSequence { get; set; }

        [JsonPropertyName("usage")]
        public required Usage Usage { get; set; }
    }

    public record class Usage
    {
        [JsonPropertyName("input_tokens")]
        public int InputTokens { get; set; }

        [JsonPropertyName("output_tokens")]
        public int OutputTokens { get; set; }
    }
}
"""";
}
