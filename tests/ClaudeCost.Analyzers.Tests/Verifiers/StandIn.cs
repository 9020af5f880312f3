using ClaudeCost.Analyzers.Tests.StandIns;

namespace ClaudeCost.Analyzers.Tests.Verifiers;

/// <summary>
/// Source stand-ins for client packages that do not restore here. Listed in a test's <c>StandIns</c>, the source is
/// added to the test project as an extra document (<c>/0/StandIns/&lt;Name&gt;.cs</c>). Diagnostics in stand-ins are never
/// compared, but a stand-in that does not compile fails the test.
/// </summary>
public sealed class StandIn
{
    public StandIn(string name, string fileName, string source)
    {
        Name = name;
        FileName = fileName;
        Source = source;
    }

    /// <summary>Community <c>Anthropic.SDK</c> 5.x (namespaces Anthropic.SDK, .Messaging, .Constants, .Common, .Batches).
    /// Needs Microsoft.Extensions.AI.Abstractions (every set but <see cref="ReferenceSets.NoClaude"/>).</summary>
    public static StandIn AnthropicSdk { get; } = new("Anthropic.SDK", "AnthropicSdk.cs", AnthropicSdkStandIn.Source);

    /// <summary>Cysharp <c>Claudia</c> (namespace Claudia). Prefer <see cref="ReferenceSets.NoOfficialAnthropic"/>.</summary>
    public static StandIn Claudia { get; } = new("Claudia", "Claudia.cs", ClaudiaStandIn.Source);

    /// <summary><c>AWSSDK.BedrockRuntime</c> (Amazon.BedrockRuntime, Amazon.BedrockRuntime.Model, minimal Amazon.Runtime).</summary>
    public static StandIn BedrockRuntime { get; } = new("AWSSDK.BedrockRuntime", "BedrockRuntime.cs", BedrockRuntimeStandIn.Source);

    /// <summary>Display name.</summary>
    public string Name { get; }

    /// <summary>File name of the document added under <c>/0/StandIns/</c>.</summary>
    public string FileName { get; }

    /// <summary>The C# source text.</summary>
    public string Source { get; }

    public override string ToString() => Name;
}
