using ClaudeCost.Analyzers.Requests;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ClaudeCost.Analyzers.Tests.Requests
{
    /// <summary>
    /// The request rules leave a file from its text alone when it has no request word: that test must never say no where
    /// the candidate scan would find something.
    /// </summary>
    public class TreeCandidatesTests
    {
        [Theory]
        [InlineData("class C { object M() => new { model = \"claude-haiku-4-5\", max_tokens = 10, messages = new object[0] }; }", true)]
        [InlineData("class C { object M() => new Body { Messages = null }; } class Body { public object Messages; }", true)]
        [InlineData("class C { System.Threading.Tasks.Task<object> M(IClient client, object history) => client.GetResponseAsync(history); } interface IClient { System.Threading.Tasks.Task<object> GetResponseAsync(object history); }", true)]
        [InlineData("class C { object M() => new SomeParameters { MaxTokens = 10 }; } class SomeParameters { public int MaxTokens; }", false)]
        [InlineData("class C { string M() => \"Message sent\"; }", false)]
        public void WordlessFilesAreLeftWithoutMissingACandidate(string source, bool mayHave)
        {
            var tree = CSharpSyntaxTree.ParseText(source);
            var words = new TreeCandidates.RequestWords(anthropicSdk: true, bedrock: true, chatClientCalls: true);
            var found = !TreeCandidates.ScanRequests(tree, words, default).IsEmpty;
            Assert.Equal(mayHave, TreeCandidates.MayHaveRequests(tree, words, default));
            Assert.True(!found || mayHave, "the scan found a candidate in a file the text test would leave");
        }

        [Fact]
        public void ChatClientCallsAreLookedForOnlyWithMicrosoftExtensionsAI()
        {
            var tree = CSharpSyntaxTree.ParseText("class C { void M(dynamic client) => client.GetResponseAsync(\"hi\"); }");
            Assert.True(TreeCandidates.MayHaveRequests(tree, new TreeCandidates.RequestWords(false, false, chatClientCalls: true), default));
            Assert.False(TreeCandidates.MayHaveRequests(tree, new TreeCandidates.RequestWords(false, false, chatClientCalls: false), default));
        }
    }
}
