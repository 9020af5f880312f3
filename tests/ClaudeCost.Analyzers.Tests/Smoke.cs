using Xunit;
public class Smoke { [Fact] public void Works() { Assert.True(typeof(Anthropic.AnthropicClient) != null); } }
