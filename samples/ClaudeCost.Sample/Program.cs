using Anthropic;
using ClaudeCost.Sample.Prompts;

// The sample exists to be built (`dotnet build samples/ClaudeCost.Sample`): the build output lists the findings.
// Running it sends one real request and needs ANTHROPIC_API_KEY.
if (args.Length == 0 || string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ANTHROPIC_API_KEY")))
{
    Console.WriteLine("Build this project to see the ClaudeCost findings. To send a request: set ANTHROPIC_API_KEY and pass a question.");
    return 0;
}

using var client = new AnthropicClient();
var reply = await new ClaudeCost.Sample.Fixed.OfficialSdkCalls(client).AnswerAsync(args[0]);
foreach (var block in reply.Content)
{
    if (block.TryPickText(out var text))
    {
        Console.WriteLine(text.Text);
    }
}

Console.WriteLine($"input {reply.Usage.InputTokens}, cache write {reply.Usage.CacheCreationInputTokens}, cache read {reply.Usage.CacheReadInputTokens}");
_ = new SystemShopClock();
return 0;
