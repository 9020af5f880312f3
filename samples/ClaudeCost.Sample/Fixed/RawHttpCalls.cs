using System.Net.Http.Json;
using ClaudeCost.Sample.Prompts;

namespace ClaudeCost.Sample.Fixed;

/// <summary>The raw HTTP requests of Costly/RawHttpCalls.cs with a cache breakpoint on the handbook. No findings here.</summary>
public sealed class RawHttpCalls(HttpClient http, string apiKey)
{
    /// <summary>The handbook is one cached system block; the time travels with the user message, after the prefix.</summary>
    public Task<HttpResponseMessage> AnswerAsync(string question)
    {
        var body = new
        {
            model = "claude-sonnet-5-5",
            max_tokens = 1024,
            system = new[]
            {
                new { type = "text", text = SupportHandbook.Text, cache_control = new { type = "ephemeral" } },
            },
            messages = new[] { new { role = "user", content = $"[sent {DateTime.UtcNow:O}] {question}" } },
        };
        var request = new HttpRequestMessage(HttpMethod.Post, "https://api.anthropic.com/v1/messages")
        {
            Content = JsonContent.Create(body),
        };
        request.Headers.Add("x-api-key", apiKey);
        request.Headers.Add("anthropic-version", "2023-06-01");
        return http.SendAsync(request);
    }
}
