using Anthropic.Models.Messages;

namespace ClaudeCost.Sample.Prompts;

/// <summary>The back office's tools for the refund agent: runs the tools Claude asked for.</summary>
public interface IRefundTools
{
    /// <summary>The tool definitions sent with each request.</summary>
    IReadOnlyList<ToolUnion> Definitions { get; }

    /// <summary>The assistant turn and the results of the tools it asked for, to append to the conversation.</summary>
    IEnumerable<MessageParam> Run(Message response);
}
