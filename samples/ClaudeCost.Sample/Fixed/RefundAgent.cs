using Anthropic;
using Anthropic.Models.Messages;
using ClaudeCost.Sample.Prompts;

namespace ClaudeCost.Sample.Fixed;

/// <summary>The refund agent with an iteration cap: a run ends after 10 turns at most.</summary>
public sealed class RefundAgent(IAnthropicClient client, IRefundTools tools)
{
    public async Task<Message> SettleAsync(string request)
    {
        var messages = new List<MessageParam> { new UserMessageParam(request) };
        var turns = 0;
        while (true)
        {
            if (++turns > 10)
            {
                throw new InvalidOperationException("The refund agent stopped after 10 turns without finishing.");
            }

            var response = await client.Messages.Create(new MessageCreateParams
            {
                Model = Model.ClaudeSonnet5_5,
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
