using Anthropic;
using Anthropic.Models.Messages;

namespace ClaudeCost.Sample.Costly;

/// <summary>The ticket category the support inbox routes on.</summary>
public enum TicketCategory
{
    Billing,
    Shipping,
    Returns,
    Other,
}

/// <summary>Short-answer calls that pay for a premium model and for thinking.</summary>
public sealed class TicketTagging(IAnthropicClient client)
{
    /// <summary>
    /// CC0003: Opus labels a ticket with one of four words (method name, MaxTokens = 8, enum answer). Haiku 5.5 does
    /// this for about 1/50th of the price.
    /// </summary>
    public async Task<TicketCategory> ClassifyAsync(string ticket)
    {
        var reply = await client.Messages.Create(new MessageCreateParams
        {
            Model = Model.ClaudeOpus4_8,
            MaxTokens = 8,
            System = "Respond with only one of: billing, shipping, returns, other.",
            Messages = [new UserMessageParam(ticket)],
        });
        return reply.Content[0].TryPickText(out var text) && Enum.TryParse<TicketCategory>(text.Text, ignoreCase: true, out var category)
            ? category
            : TicketCategory.Other;
    }

    /// <summary>CC0014: extended thinking for a yes/no answer.</summary>
    public async Task<bool> IsUrgentAsync(string ticket)
    {
        var reply = await client.Messages.Create(new MessageCreateParams
        {
            Model = Model.ClaudeHaiku5_5,
            MaxTokens = 2048,
            Thinking = new ThinkingConfigEnabled(1024),
            System = "Answer yes or no: does the customer report a safety issue or a payment taken twice?",
            Messages = [new UserMessageParam(ticket)],
        });
        return reply.Content[0].TryPickText(out var text) && text.Text.Trim().StartsWith("yes", StringComparison.OrdinalIgnoreCase);
    }
}
