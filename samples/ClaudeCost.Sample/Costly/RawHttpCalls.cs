using System.Net.Http.Json;
using ClaudeCost.Sample.Prompts;

namespace ClaudeCost.Sample.Costly;

/// <summary>The Messages API called with HttpClient and anonymous objects, no SDK.</summary>
public sealed class RawHttpCalls(HttpClient http, string apiKey)
{
    /// <summary>CC0002: about 5,000 constant tokens posted at full price on every call.</summary>
    public Task<HttpResponseMessage> AnswerAsync(string question)
    {
        var body = new
        {
            model = "claude-sonnet-4-6",
            max_tokens = 1024,
            system = SupportHandbook.Text,
            messages = new[] { new { role = "user", content = question } },
        };
        return SendAsync(body);
    }

    /// <summary>CC0005: no max_tokens; the Messages API rejects the body with HTTP 400.</summary>
    public Task<HttpResponseMessage> SummarizeAsync(string conversation)
    {
        var body = new
        {
            model = "claude-haiku-5-5",
            messages = new[] { new { role = "user", content = "Summarize for the next agent:\n\n" + conversation } },
        };
        return SendAsync(body);
    }

    /// <summary>CC0001: the date and time inside the block that carries cache_control.</summary>
    public Task<HttpResponseMessage> AnswerWithTimeAsync(string question)
    {
        var body = new
        {
            model = "claude-sonnet-4-6",
            max_tokens = 1024,
            system = new[]
            {
                new
                {
                    type = "text",
                    text = SupportHandbook.Text + "\n\nNow: " + DateTime.UtcNow.ToString("O"),
                    cache_control = new { type = "ephemeral" },
                },
            },
            messages = new[] { new { role = "user", content = question } },
        };
        return SendAsync(body);
    }

    private Task<HttpResponseMessage> SendAsync<T>(T body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "https://api.anthropic.com/v1/messages")
        {
            Content = JsonContent.Create(body),
        };
        request.Headers.Add("x-api-key", apiKey);
        request.Headers.Add("anthropic-version", "2023-06-01");
        return http.SendAsync(request);
    }
}
