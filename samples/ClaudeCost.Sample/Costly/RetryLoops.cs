using Anthropic;
using Anthropic.Exceptions;
using Anthropic.Models.Messages;

namespace ClaudeCost.Sample.Costly;

/// <summary>Retries around paid calls that never stop, or that multiply the SDK's own retries.</summary>
public sealed class RetryLoops(IAnthropicClient client)
{
    /// <summary>
    /// CC0004: rate-limited? Ask again, at once, forever. The loop has no attempt counter, deadline or delay; during a
    /// rate-limit storm it keeps the limit hit, and every attempt the API processes is billed.
    /// </summary>
    public async Task<Message> ClassifyAsync(string ticket)
    {
        while (true)
        {
            try
            {
                return await client.Messages.Create(new MessageCreateParams
                {
                    Model = Model.ClaudeHaiku5_5,
                    MaxTokens = 16,
                    System = "Label the ticket as billing, bug or other. Answer with the label only.",
                    Messages = [new UserMessageParam(ticket)],
                });
            }
            catch (AnthropicRateLimitException)
            {
                // Rate limited: try again.
            }
        }
    }

    /// <summary>
    /// CC0018: the SDK already retries 429 and 5xx twice by itself; this loop repeats that whole round up to 4 times,
    /// so one failing call becomes up to 4 × 3 = 12 requests.
    /// </summary>
    public async Task<Message?> SummarizeAsync(string conversation)
    {
        for (var attempt = 0; attempt < 4; attempt++)
        {
            try
            {
                return await client.Messages.Create(new MessageCreateParams
                {
                    Model = Model.ClaudeHaiku5_5,
                    MaxTokens = 512,
                    System = "Summarize the support conversation in three sentences.",
                    Messages = [new UserMessageParam(conversation)],
                });
            }
            catch (AnthropicRateLimitException)
            {
                await Task.Delay(TimeSpan.FromSeconds(attempt + 1));
            }
        }

        return null;
    }
}
