using System;
using System.Collections.Generic;
using System.Linq;
using ClaudeCost.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace ClaudeCost.Analyzers.Tests.Infrastructure
{
    /// <summary>The text search that replaced token walks finds exactly the tokens a token walk would.</summary>
    public class SourceSearchTests
    {
        private const string Source = @"
class C
{
    // cache_control in a comment is not code
    object A() => new { key = ""cache_control"", other = ""x"" };
    object B() => new { key = ""no"" /* cache_control */ };
#if NEVER
    object D() => ""cache_control"";
#endif
    object E() => $""{1}cache_control{2}"";
    object F() => """"""
        a cache_control b
        """""";
    object G() => @""cache_control"" + ""cache_control"";
    string cache_controlName = """";
}";

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void FindsTheSameTokensAsATokenWalk(bool largeFile)
        {
            var text = largeFile ? Source + "\n" + new string(' ', 50_000) + "// cache_control\n" : Source;
            var tree = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Preview));
            var root = tree.GetRoot();
            foreach (var node in root.DescendantNodesAndSelf().Where(n => n is MemberDeclarationSyntax || n is ExpressionSyntax))
            {
                var expected = node.DescendantTokens().Where(t => t.Text.Contains("cache_control", StringComparison.Ordinal)).ToList();
                var found = new List<SyntaxToken>();
                SourceSearch.AnyToken(node, "cache_control", StringComparison.Ordinal, t =>
                {
                    found.Add(t);
                    return false;
                });

                Assert.Equal(expected, found);
            }
        }

        [Fact]
        public void FileTextCopiesALargeFileOnceAndASmallOneNever()
        {
            var large = Source + "\n" + new string(' ', 100_000) + "// end\n";
            using var stream = new System.IO.MemoryStream(System.Text.Encoding.UTF8.GetBytes(large));
            var largeTree = CSharpSyntaxTree.ParseText(Microsoft.CodeAnalysis.Text.SourceText.From(stream));
            var text = largeTree.GetText();
            Assert.NotSame(text.ToString(), text.ToString()); // kept in chunks: every ToString() is a copy
            var first = SourceSearch.FileText(largeTree, default);
            Assert.Equal(large, first);
            Assert.Same(first, SourceSearch.FileText(largeTree, default));

            var smallTree = CSharpSyntaxTree.ParseText(Source);
            Assert.Same(SourceSearch.FileText(smallTree, default), SourceSearch.FileText(smallTree, default));
            Assert.Equal(Source, SourceSearch.FileText(smallTree, default));
        }

        [Fact]
        public void StopsAtTheFirstAcceptedTokenAndSkipsTrivia()
        {
            var tree = CSharpSyntaxTree.ParseText(Source);
            var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.Text == "G");
            var visits = 0;
            Assert.True(SourceSearch.AnyToken(method, "cache_control", StringComparison.Ordinal, _ => ++visits == 1));
            Assert.Equal(1, visits);

            var b = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.Text == "B");
            Assert.False(SourceSearch.AnyToken(b, "cache_control", StringComparison.Ordinal, _ => true));
        }

        [Fact]
        public void CaseInsensitiveSearchAndStringTokens()
        {
            var tree = CSharpSyntaxTree.ParseText("class C { string U = \"https://API.Anthropic.com/v1/messages\"; string Anthropic = \"\"; }");
            var strings = new List<string>();
            SourceSearch.AnyToken(tree.GetRoot(), "anthropic", StringComparison.OrdinalIgnoreCase, t =>
            {
                if (SourceSearch.IsStringToken(t))
                {
                    strings.Add(t.ValueText);
                }

                return false;
            });

            Assert.Equal(new[] { "https://API.Anthropic.com/v1/messages" }, strings);
        }
    }
}
