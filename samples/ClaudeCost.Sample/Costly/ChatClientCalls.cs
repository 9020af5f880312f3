using Anthropic;
using ClaudeCost.Sample.Prompts;
using Microsoft.Extensions.AI;

namespace ClaudeCost.Sample.Costly;

/// <summary>The same mistakes through Microsoft.Extensions.AI, with Claude behind an IChatClient.</summary>
public sealed class ChatClientCalls(IAnthropicClient client)
{
    /// <summary>CC0002: the handbook goes out as a plain system message, without a cache breakpoint.</summary>
    public Task<ChatResponse> AnswerAsync(string question)
    {
        IChatClient chat = client.AsIChatClient("claude-sonnet-4-6");
        return chat.GetResponseAsync(
        [
            new ChatMessage(ChatRole.System, SupportHandbook.Text),
            new ChatMessage(ChatRole.User, question),
        ]);
    }

    /// <summary>
    /// CC0001: a new conversation ID in front of the cached handbook. Every conversation writes its own cache entry
    /// and no other conversation can read it.
    /// </summary>
    public Task<ChatResponse> StartConversationAsync(string question)
    {
        IChatClient chat = client.AsIChatClient("claude-sonnet-4-6");
        var conversationId = Guid.NewGuid();
        return chat.GetResponseAsync(
        [
            new ChatMessage(ChatRole.System, [new TextContent($"Conversation {conversationId:N}.\n\n{SupportHandbook.Text}").WithCacheControl(Anthropic.Models.Messages.Ttl.Ttl5m)]),
            new ChatMessage(ChatRole.User, question),
        ]);
    }
}
