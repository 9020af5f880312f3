using Anthropic;
using Anthropic.Models.Messages;
using ClaudeCost.Sample.Prompts;
using Microsoft.Extensions.AI;

namespace ClaudeCost.Sample.Fixed;

/// <summary>The requests of Costly/ChatClientCalls.cs with the handbook cached. No findings here.</summary>
public sealed class ChatClientCalls(IAnthropicClient client)
{
    /// <summary>
    /// The handbook carries the cache breakpoint. The conversation ID goes in ChatOptions.Instructions, which the
    /// Anthropic adapter sends after the cached system blocks.
    /// </summary>
    public Task<ChatResponse> StartConversationAsync(string question)
    {
        IChatClient chat = client.AsIChatClient("claude-sonnet-5-5");
        var options = new ChatOptions { Instructions = $"Conversation {Guid.NewGuid():N}." };
        return chat.GetResponseAsync(
            [
                new ChatMessage(ChatRole.System, [new TextContent(SupportHandbook.Text).WithCacheControl(Ttl.Ttl5m)]),
                new ChatMessage(ChatRole.User, question),
            ],
            options);
    }
}
