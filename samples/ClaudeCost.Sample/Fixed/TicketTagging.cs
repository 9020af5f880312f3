using Anthropic;
using Anthropic.Models.Messages;

namespace ClaudeCost.Sample.Fixed;

/// <summary>The same short answers on the small model, without thinking.</summary>
public sealed class TicketTagging(IAnthropicClient client)
{
    public async Task<Costly.TicketCategory> ClassifyAsync(string ticket)
    {
        var reply = await client.Messages.Create(new MessageCreateParams
        {
            Model = Model.ClaudeHaiku5_5,
            MaxTokens = 8,
            System = "Respond with only one of: billing, shipping, returns, other.",
            Messages = [new UserMessageParam(ticket)],
        });
        return reply.Content[0].TryPickText(out var text) && Enum.TryParse<Costly.TicketCategory>(text.Text, ignoreCase: true, out var category)
            ? category
            : Costly.TicketCategory.Other;
    }

    public async Task<bool> IsUrgentAsync(string ticket)
    {
        var reply = await client.Messages.Create(new MessageCreateParams
        {
            Model = Model.ClaudeHaiku5_5,
            MaxTokens = 8,
            System = "Answer yes or no: does the customer report a safety issue or a payment taken twice?",
            Messages = [new UserMessageParam(ticket)],
        });
        return reply.Content[0].TryPickText(out var text) && text.Text.Trim().StartsWith("yes", StringComparison.OrdinalIgnoreCase);
    }
}
