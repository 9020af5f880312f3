using System.Linq;
using ClaudeCost.Analyzers.Infrastructure;
using ClaudeCost.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace ClaudeCost.Analyzers.Tests.Infrastructure
{
    /// <summary>The shape-only reachability of a catch block agrees with the compiler's flow analysis wherever it answers.</summary>
    public class EndPointTests
    {
        private const string Prefix = """
            using System;
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            class C
            {
                const bool On = true;
                int attempt;
                object gate = new object();

                async Task<int> M(Func<int> f, bool flag)
                {
                    while (true)
                    {
                        try { return f(); }
                        catch (Exception e)
            """;

        private const string Suffix = """

                    }

                    return 0;
                }

                IEnumerable<int> Y(bool flag)
                {
                    yield break;
                }
            }
            """;

        [Theory]
        [InlineData("{ }", true)]
        [InlineData("{ await Task.Delay(100); }", true)]
        [InlineData("{ Console.WriteLine(e); attempt++; var x = 1; using var d = (IDisposable?)null; }", true)]
        [InlineData("{ throw; }", false)]
        [InlineData("{ Console.WriteLine(e); return -1; }", false)]
        [InlineData("{ continue; }", false)]
        [InlineData("{ break; }", false)]
        [InlineData("{ if (attempt++ > 3) throw; await Task.Delay(10); }", true)]
        [InlineData("{ if (attempt++ > 3) throw; else return 0; }", false)]
        [InlineData("{ if (flag) { Console.WriteLine(); } else { throw; } }", true)]
        [InlineData("{ if (flag) { throw; } else if (attempt > 1) { return 1; } else { continue; } }", false)]
        [InlineData("{ lock (gate) { attempt++; } }", true)]
        [InlineData("{ lock (gate) { throw; } }", false)]
        [InlineData("{ using (var s = new System.IO.MemoryStream()) { return 2; } }", false)]
        [InlineData("{ void Local() { } Local(); }", true)]
        [InlineData("{ ; }", true)]
        [InlineData("{ throw new InvalidOperationException(\"x\", e); }", false)]
        [InlineData("{ { await Task.Delay(1); } { return 3; } }", false)]
        [InlineData("{ if (On) throw; }", null)]
        [InlineData("{ if (true) { return 1; } }", null)]
        [InlineData("{ while (true) { } }", null)]
        [InlineData("{ goto end; end: attempt++; }", null)]
        [InlineData("{ switch (attempt) { default: throw; } }", null)]
        [InlineData("{ try { throw; } finally { } }", null)]
        public void AgreesWithTheFlowAnalysis(string catchBlock, bool? expected)
        {
            var tree = CSharpSyntaxTree.ParseText(Prefix + catchBlock + Suffix);
            var compilation = CSharpCompilation.Create("Flow", new[] { tree }, ReferenceSets.NoClaude.References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var model = compilation.GetSemanticModel(tree);
            var block = tree.GetRoot().DescendantNodes().OfType<CatchClauseSyntax>().Single().Block;
            var handler = (IBlockOperation)model.GetOperation(block)!;

            var found = EndPoint.IsReachable(handler);
            Assert.Equal(expected, found);
            if (found != null)
            {
                var flow = model.AnalyzeControlFlow(block);
                Assert.True(flow!.Succeeded);
                Assert.Equal(flow.EndPointIsReachable, found);
            }
        }
    }
}
