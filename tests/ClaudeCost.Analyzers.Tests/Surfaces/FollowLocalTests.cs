using System.Linq;
using ClaudeCost.Analyzers.Surfaces;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace ClaudeCost.Analyzers.Tests.Surfaces
{
    /// <summary>
    /// A local's single value is followed only when nothing assigns the local again. The declaration and the assignments
    /// are found from the local's name in the member's text: names that only look the same must not count.
    /// </summary>
    public class FollowLocalTests
    {
        [Theory]
        [InlineData("var list = new[] { \"a\" }; Use(list);", "new[] { \"a\" }")]
        [InlineData("var list = new[] { \"a\" }; list = new[] { \"b\" }; Use(list);", null)]
        [InlineData("var list = new[] { \"a\" }; (list) = new[] { \"b\" }; Use(list);", null)]
        [InlineData("string list = \"a\"; list += \"b\"; Use(list);", null)]
        [InlineData("string list = null; list ??= \"b\"; Use(list);", null)]
        [InlineData("string[] list; list = new[] { \"b\" }; Use(list);", null)]
        [InlineData("var list = new[] { \"a\" }; System.Func<string, string> f = l => { var x = \"list\"; return x; }; Use(list);", "new[] { \"a\" }")]
        [InlineData("var list = new[] { \"a\" }; System.Action<string[]> f = list2 => { list2 = null; }; Use(list);", "new[] { \"a\" }")]
        [InlineData("var list = new[] { \"a\" }; Local(); Use(list); void Local() { string[] list = null; list = new[] { \"c\" }; }", "new[] { \"a\" }")]
        [InlineData("var list = new[] { \"a\" }; var other = new { list }; // list = null;\n Use(list);", "new[] { \"a\" }")]
        public void FollowsOnlyLocalsNeverWrittenAgain(string body, string? expected)
        {
            var source = "class C { void M() { " + body + " } static void Use(object o) { } }";
            var tree = CSharpSyntaxTree.ParseText(source);
            var compilation = CSharpCompilation.Create("T", new[] { tree }, new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) });
            var model = compilation.GetSemanticModel(tree);
            var use = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>().Single(i => i.Expression.ToString() == "Use");
            var argument = ((IInvocationOperation)model.GetOperation(use)!).Arguments[0].Value;
            var followed = OperationHelpers.FollowLocal(argument);
            Assert.Equal(expected, followed?.Syntax.ToString());
        }
    }
}
