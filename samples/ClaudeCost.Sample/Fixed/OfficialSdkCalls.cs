using Anthropic;
using Anthropic.Models.Messages;
using ClaudeCost.Sample.Prompts;

namespace ClaudeCost.Sample.Fixed;

/// <summary>The requests of Costly/OfficialSdkCalls.cs, written so that the stable prefix is cached. No findings here.</summary>
public sealed class OfficialSdkCalls(IAnthropicClient client)
{
    /// <summary>The handbook is cached; the time goes in a second block after the breakpoint.</summary>
    public Task<Message> AnswerAsync(string question) =>
        client.Messages.Create(new MessageCreateParams
        {
            Model = Model.ClaudeSonnet5_5,
            MaxTokens = 1024,
            System = new List<TextBlockParam>
            {
                new(SupportHandbook.Text) { CacheControl = new CacheControlEphemeral() },
                new($"Current time: {DateTime.Now:yyyy-MM-dd HH:mm}."),
            },
            Messages = [new UserMessageParam(question)],
        });

    /// <summary>Only the date reaches the cached block: the prefix changes once a day, not once a minute.</summary>
    public Task<Message> AnswerWithDateAsync(string question) =>
        client.Messages.Create(new MessageCreateParams
        {
            Model = Model.ClaudeSonnet5_5,
            MaxTokens = 1024,
            System = new List<TextBlockParam>
            {
                new($"Today is {DateTime.Today:yyyy-MM-dd}.\n\n{SupportHandbook.Text}")
                {
                    CacheControl = new CacheControlEphemeral(),
                },
            },
            Messages = [new UserMessageParam(question)],
        });

    /// <summary>A breakpoint on the handbook: from the second call within 5 minutes it is read at a tenth of the price.</summary>
    public Task<Message> SummarizeAsync(string conversation) =>
        client.Messages.Create(new MessageCreateParams
        {
            Model = Model.ClaudeSonnet5_5,
            MaxTokens = 512,
            System = new List<TextBlockParam> { new(SupportHandbook.Text) { CacheControl = new CacheControlEphemeral() } },
            Messages = [new UserMessageParam("Summarize this conversation for the next agent:\n\n" + conversation)],
        });

    /// <summary>
    /// Not a problem at all: a short prompt with the time and no breakpoint. It is far below the minimum cacheable
    /// length, so it would not be cached anyway and the clock costs nothing.
    /// </summary>
    public Task<Message> ClassifyAsync(string ticket) =>
        client.Messages.Create(new MessageCreateParams
        {
            Model = Model.ClaudeHaiku5_5,
            MaxTokens = 16,
            System = $"It is {DateTime.Now:HH:mm}. Label the ticket as returns, delivery, warranty or other.",
            Messages = [new UserMessageParam(ticket)],
        });
}
