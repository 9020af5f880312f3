using Anthropic;
using Anthropic.Models.Messages;
using ClaudeCost.Sample.Prompts;

namespace ClaudeCost.Sample.Costly;

/// <summary>An agent that settles refund requests with the back office's tools.</summary>
public sealed class RefundAgent(IAnthropicClient client, IRefundTools tools)
{
    /// <summary>
    /// CC0017: the loop goes on for as long as Claude asks for tools. A tool that keeps failing keeps it running, and
    /// every turn re-sends the whole, growing conversation.
    /// </summary>
    public async Task<Message> SettleAsync(string request)
    {
        var messages = new List<MessageParam> { new UserMessageParam(request) };
        while (true)
        {
            var response = await client.Messages.Create(new MessageCreateParams
            {
                Model = Model.ClaudeSonnet4_6,
                MaxTokens = 1024,
                Tools = tools.Definitions,
                Messages = messages,
            });
            if (response.StopReason != StopReason.ToolUse)
            {
                return response;
            }

            messages.AddRange(tools.Run(response));
        }
    }
}
