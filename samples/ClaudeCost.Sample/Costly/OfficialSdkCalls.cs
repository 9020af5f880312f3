using Anthropic;
using Anthropic.Models.Messages;
using ClaudeCost.Sample.Prompts;

namespace ClaudeCost.Sample.Costly;

/// <summary>Requests through the official Anthropic SDK that cost more than they need to.</summary>
public sealed class OfficialSdkCalls(IAnthropicClient client, IShopClock clock)
{
    /// <summary>
    /// CC0001: the current time sits inside the block that carries the cache breakpoint. The prefix changes every
    /// minute, so nearly every call writes the ~5,000-token handbook to the cache (1.25x the input price) and almost
    /// none reads it back (0.1x).
    /// </summary>
    public Task<Message> AnswerAsync(string question) =>
        client.Messages.Create(new MessageCreateParams
        {
            Model = Model.ClaudeSonnet4_6,
            MaxTokens = 1024,
            System = new List<TextBlockParam>
            {
                new($"Current time: {DateTime.Now:yyyy-MM-dd HH:mm}.\n\n{SupportHandbook.Text}")
                {
                    CacheControl = new CacheControlEphemeral(),
                },
            },
            Messages = [new UserMessageParam(question)],
        });

    /// <summary>CC0001 across files: the prompt builder stamps the arrival time into the cached prompt.</summary>
    public Task<Message> TriageAsync(string ticket) =>
        client.Messages.Create(new MessageCreateParams
        {
            Model = Model.ClaudeHaiku4_5,
            MaxTokens = 16,
            System = new List<TextBlockParam>
            {
                new(TriagePromptBuilder.Build()) { CacheControl = new CacheControlEphemeral() },
            },
            Messages = [new UserMessageParam(ticket)],
        });

    /// <summary>
    /// CC0001 through a custom clock (see IShopClock and .editorconfig), with no cache breakpoint at all: the prompt
    /// is long enough to cache, but the timestamp in front of the handbook means it never could be.
    /// </summary>
    public Task<Message> DraftReplyAsync(string ticket) =>
        client.Messages.Create(new MessageCreateParams
        {
            Model = Model.ClaudeSonnet4_6,
            MaxTokens = 1024,
            System = $"Drafted at {clock.Now:g}.\n\n{SupportHandbook.Text}",
            Messages = [new UserMessageParam(ticket)],
        });

    /// <summary>CC0002: the constant handbook is re-sent at full price on every call; nothing asks for caching.</summary>
    public Task<Message> SummarizeAsync(string conversation) =>
        client.Messages.Create(new MessageCreateParams
        {
            Model = Model.ClaudeSonnet4_6,
            MaxTokens = 512,
            System = SupportHandbook.Text,
            Messages = [new UserMessageParam("Summarize this conversation for the next agent:\n\n" + conversation)],
        });
}
