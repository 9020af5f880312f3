using Anthropic;
using Anthropic.Exceptions;
using Anthropic.Models.Messages;

namespace ClaudeCost.Sample.Fixed;

/// <summary>The retries of Costly/RetryLoops.cs, bounded and not multiplied. No findings here.</summary>
public sealed class RetryLoops(IAnthropicClient client)
{
    /// <summary>At most 4 attempts with exponential backoff and jitter; the SDK's own retries are off for this call.</summary>
    public async Task<Message> ClassifyAsync(string ticket)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await client.WithOptions(o => o with { MaxRetries = 0 }).Messages.Create(new MessageCreateParams
                {
                    Model = Model.ClaudeHaiku5_5,
                    MaxTokens = 16,
                    System = "Label the ticket as billing, bug or other. Answer with the label only.",
                    Messages = [new UserMessageParam(ticket)],
                });
            }
            catch (AnthropicRateLimitException) when (attempt < 4)
            {
                // Rate limited: try again.
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(8000, 500 * Math.Pow(2, attempt - 1)) * (0.75 + 0.25 * Random.Shared.NextDouble())));
            }
        }
    }

    /// <summary>No loop of our own: the SDK retries 429 and 5xx twice, honoring Retry-After.</summary>
    public Task<Message> SummarizeAsync(string conversation) =>
        client.Messages.Create(new MessageCreateParams
        {
            Model = Model.ClaudeHaiku5_5,
            MaxTokens = 512,
            System = "Summarize the support conversation in three sentences.",
            Messages = [new UserMessageParam(conversation)],
        });
}
