namespace ClaudeCost.Analyzers.Tests.StandIns;

/// <summary>
/// Source stand-in for <c>AWSSDK.BedrockRuntime</c> (v4 shapes: nullable value-type properties), which does not
/// restore here, plus the few <c>AWSSDK.Core</c> types its public surface needs (<c>Amazon.RegionEndpoint</c>,
/// <c>Amazon.Runtime.ConstantClass</c>, ...). Shapes follow the package's public surface; bodies are trivial.
/// Written for this project; source text only.
/// </summary>
internal static class BedrockRuntimeStandIn
{
    public const string Source = """"
// Stand-in for the AWSSDK.BedrockRuntime public surface (not the real package).
#nullable disable
using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Amazon
{
    public class RegionEndpoint
    {
        private RegionEndpoint(string systemName) { SystemName = systemName; }
        public string SystemName { get; }
        public static readonly RegionEndpoint USEast1 = new RegionEndpoint("us-east-1");
        public static readonly RegionEndpoint USEast2 = new RegionEndpoint("us-east-2");
        public static readonly RegionEndpoint USWest2 = new RegionEndpoint("us-west-2");
        public static readonly RegionEndpoint EUCentral1 = new RegionEndpoint("eu-central-1");
        public static readonly RegionEndpoint EUWest1 = new RegionEndpoint("eu-west-1");
        public static readonly RegionEndpoint APNortheast1 = new RegionEndpoint("ap-northeast-1");
        public static RegionEndpoint GetBySystemName(string systemName) => new RegionEndpoint(systemName);
    }
}

namespace Amazon.Runtime
{
    public class ConstantClass
    {
        protected ConstantClass(string value) { Value = value; }
        public string Value { get; }
        public override string ToString() => Value;
        public static implicit operator string(ConstantClass value) => value?.Value;
    }

    public abstract class AWSCredentials
    {
    }

    public class BasicAWSCredentials : AWSCredentials
    {
        public BasicAWSCredentials(string accessKey, string secretKey) { }
    }

    public abstract class ClientConfig
    {
        public RegionEndpoint RegionEndpoint { get; set; }
        public int? MaxErrorRetry { get; set; }
        public TimeSpan? Timeout { get; set; }
    }

    public abstract class AmazonWebServiceRequest
    {
    }

    public class AmazonWebServiceResponse
    {
        public System.Net.HttpStatusCode HttpStatusCode { get; set; }
    }

    public interface IAmazonService
    {
    }

    public abstract class AmazonServiceClient : IDisposable
    {
        public void Dispose() { }
    }
}

namespace Amazon.Runtime.Documents
{
    public struct Document
    {
        public Document(string value) { }
        public Document(Dictionary<string, Document> values) { }
        public static implicit operator Document(string value) => new Document(value);
        public static implicit operator Document(int value) => default;
        public static implicit operator Document(bool value) => default;
        public static implicit operator Document(Dictionary<string, Document> values) => new Document(values);
    }
}

namespace Amazon.BedrockRuntime
{
    using Amazon.BedrockRuntime.Model;
    using Amazon.Runtime;

    public class AmazonBedrockRuntimeConfig : ClientConfig
    {
    }

    public class ConversationRole : ConstantClass
    {
        public static readonly ConversationRole Assistant = new ConversationRole("assistant");
        public static readonly ConversationRole User = new ConversationRole("user");
        public ConversationRole(string value) : base(value) { }
        public static implicit operator ConversationRole(string value) => new ConversationRole(value);
    }

    public class CachePointType : ConstantClass
    {
        public static readonly CachePointType Default = new CachePointType("default");
        public CachePointType(string value) : base(value) { }
        public static implicit operator CachePointType(string value) => new CachePointType(value);
    }

    public class CacheTTL : ConstantClass
    {
        public CacheTTL(string value) : base(value) { }
        public static implicit operator CacheTTL(string value) => new CacheTTL(value);
    }

    public class StopReason : ConstantClass
    {
        public static readonly StopReason End_turn = new StopReason("end_turn");
        public static readonly StopReason Max_tokens = new StopReason("max_tokens");
        public static readonly StopReason Tool_use = new StopReason("tool_use");
        public StopReason(string value) : base(value) { }
        public static implicit operator StopReason(string value) => new StopReason(value);
    }

    public partial interface IAmazonBedrockRuntime : IAmazonService, IDisposable
    {
        Task<ConverseResponse> ConverseAsync(ConverseRequest request, CancellationToken cancellationToken = default);
        Task<ConverseStreamResponse> ConverseStreamAsync(ConverseStreamRequest request, CancellationToken cancellationToken = default);
        Task<InvokeModelResponse> InvokeModelAsync(InvokeModelRequest request, CancellationToken cancellationToken = default);
    }

    public partial class AmazonBedrockRuntimeClient : AmazonServiceClient, IAmazonBedrockRuntime
    {
        public AmazonBedrockRuntimeClient() { }
        public AmazonBedrockRuntimeClient(RegionEndpoint region) { }
        public AmazonBedrockRuntimeClient(AmazonBedrockRuntimeConfig config) { }
        public AmazonBedrockRuntimeClient(AWSCredentials credentials) { }
        public AmazonBedrockRuntimeClient(AWSCredentials credentials, RegionEndpoint region) { }
        public AmazonBedrockRuntimeClient(AWSCredentials credentials, AmazonBedrockRuntimeConfig clientConfig) { }

        public virtual Task<ConverseResponse> ConverseAsync(ConverseRequest request, CancellationToken cancellationToken = default) => throw null;
        public virtual Task<ConverseStreamResponse> ConverseStreamAsync(ConverseStreamRequest request, CancellationToken cancellationToken = default) => throw null;
        public virtual Task<InvokeModelResponse> InvokeModelAsync(InvokeModelRequest request, CancellationToken cancellationToken = default) => throw null;
    }
}

namespace Amazon.BedrockRuntime.Model
{
    using Amazon.Runtime;

    public abstract partial class AmazonBedrockRuntimeRequest : AmazonWebServiceRequest
    {
    }

    public partial class CachePointBlock
    {
        public CacheTTL Ttl { get; set; }
        public CachePointType Type { get; set; }
    }

    public partial class SystemContentBlock
    {
        public CachePointBlock CachePoint { get; set; }
        public string Text { get; set; }
    }

    public partial class ContentBlock
    {
        public CachePointBlock CachePoint { get; set; }
        public string Text { get; set; }
        public ToolUseBlock ToolUse { get; set; }
        public ToolResultBlock ToolResult { get; set; }
    }

    public partial class ToolUseBlock
    {
        public Amazon.Runtime.Documents.Document Input { get; set; }
        public string Name { get; set; }
        public string ToolUseId { get; set; }
    }

    public partial class ToolResultBlock
    {
        public List<ToolResultContentBlock> Content { get; set; }
        public string ToolUseId { get; set; }
    }

    public partial class ToolResultContentBlock
    {
        public string Text { get; set; }
    }

    public partial class Message
    {
        public List<ContentBlock> Content { get; set; }
        public ConversationRole Role { get; set; }
    }

    public partial class InferenceConfiguration
    {
        public int? MaxTokens { get; set; }
        public List<string> StopSequences { get; set; }
        public float? Temperature { get; set; }
        public float? TopP { get; set; }
    }

    public partial class ToolSpecification
    {
        public string Description { get; set; }
        public string Name { get; set; }
    }

    public partial class Tool
    {
        public CachePointBlock CachePoint { get; set; }
        public ToolSpecification ToolSpec { get; set; }
    }

    public partial class ToolConfiguration
    {
        public List<Tool> Tools { get; set; }
    }

    public partial class ConverseRequest : AmazonBedrockRuntimeRequest
    {
        public Amazon.Runtime.Documents.Document AdditionalModelRequestFields { get; set; }
        public InferenceConfiguration InferenceConfig { get; set; }
        public List<Message> Messages { get; set; }
        public string ModelId { get; set; }
        public Dictionary<string, string> RequestMetadata { get; set; }
        public List<SystemContentBlock> System { get; set; }
        public ToolConfiguration ToolConfig { get; set; }
    }

    public partial class ConverseStreamRequest : AmazonBedrockRuntimeRequest
    {
        public Amazon.Runtime.Documents.Document AdditionalModelRequestFields { get; set; }
        public InferenceConfiguration InferenceConfig { get; set; }
        public List<Message> Messages { get; set; }
        public string ModelId { get; set; }
        public List<SystemContentBlock> System { get; set; }
        public ToolConfiguration ToolConfig { get; set; }
    }

    public partial class TokenUsage
    {
        public int? CacheReadInputTokens { get; set; }
        public int? CacheWriteInputTokens { get; set; }
        public int? InputTokens { get; set; }
        public int? OutputTokens { get; set; }
        public int? TotalTokens { get; set; }
    }

    public partial class ConverseOutput
    {
        public Message Message { get; set; }
    }

    public partial class ConverseResponse : AmazonWebServiceResponse
    {
        public ConverseOutput Output { get; set; }
        public StopReason StopReason { get; set; }
        public TokenUsage Usage { get; set; }
    }

    public partial class ConverseStreamResponse : AmazonWebServiceResponse
    {
    }

    public partial class InvokeModelRequest : AmazonBedrockRuntimeRequest
    {
        public string Accept { get; set; }
        public MemoryStream Body { get; set; }
        public string ContentType { get; set; }
        public string ModelId { get; set; }
    }

    public partial class InvokeModelResponse : AmazonWebServiceResponse
    {
        public MemoryStream Body { get; set; }
        public string ContentType { get; set; }
    }
}
"""";
}
