using System.Linq;
using ClaudeCost.Analyzers.Requests;
using ClaudeCost.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace ClaudeCost.Analyzers.Tests.Surfaces
{
    /// <summary>
    /// The request rules look at no file of a compilation in which no request can be Claude's: no Claude client library
    /// and no file naming Claude or Anthropic. Everything that can make a request Claude's keeps them on.
    /// </summary>
    public class RequestGateTests
    {
        private const string RawBody = """
            using System.Net.Http;
            using System.Net.Http.Json;
            using System.Threading.Tasks;

            class Gateway
            {
                Task Send(HttpClient http, string model, string url) => http.PostAsJsonAsync(url, new { model, max_tokens = 100, messages = new[] { new { role = "user", content = "hi" } } });
            }
            """;

        private static bool MayHaveRequests(ReferenceSet references, params string[] sources)
        {
            var compilation = CSharpCompilation.Create(
                "Gate",
                sources.Select(s => CSharpSyntaxTree.ParseText(s)),
                references.References,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var context = ClaudeCompilationContext.CreateUnshared(compilation, new AnalyzerOptions(default), default);
            return context.MayHaveRequests(default);
        }

        [Fact]
        public void NoLibraryAndNoClaudeTextLooksAtNothing()
            => Assert.False(MayHaveRequests(ReferenceSets.NoClaude, RawBody, "class Other { string Text => \"Completions from another provider\"; }"));

        [Theory]
        [InlineData("class Models { const string Id = \"claude-sonnet-4-6\"; }")]
        [InlineData("class Models { const string Id = \"anthropic.CLAUDE-3-haiku\"; }")]
        [InlineData("class Endpoint { const string Url = \"https://api.ANTHROPIC.com/v1/messages\"; }")]
        [InlineData("// Claude is called through the gateway below.\nclass Notes { }")]
        public void ClaudeOrAnthropicInAnyFileKeepsTheRulesOn(string other)
            => Assert.True(MayHaveRequests(ReferenceSets.NoClaude, RawBody, other));

        [Fact]
        public void TheOfficialSdkKeepsTheRulesOn()
            => Assert.True(MayHaveRequests(ReferenceSets.Default, RawBody));
    }
}
