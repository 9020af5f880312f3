using System.Collections.Generic;
using System.IO;
using System.Linq;
using ClaudeCost.Analyzers.Infrastructure;
using ClaudeCost.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ClaudeCost.Analyzers.Tests.Infrastructure
{
    /// <summary>
    /// The rules' type lookups give the compiler's answers (<c>Compilation.GetTypeByMetadataName</c>); client-library types
    /// come only from their own assembly or from the source.
    /// </summary>
    public class TypeLookupTests
    {
        private static readonly string[] Names =
        {
            "System.Guid", "System.Text.StringBuilder", "System.Text.Json.Nodes.JsonObject", "System.Net.Http.HttpClient",
            "System.Collections.Generic.Dictionary`2", "System.CodeDom.Compiler.GeneratedCodeAttribute",
            "Anthropic.Models.Messages.MessageCreateParams", "Anthropic.AnthropicClient", "Anthropic.SDK.Messaging.MessageParameters",
            "Amazon.BedrockRuntime.Model.ConverseRequest", "Microsoft.Extensions.AI.IChatClient", "Polly.RetrySyntax",
            "Polly.Retry.RetryStrategyOptions", "Contoso.Orders.Order", "Shared.Twice", "Missing.Type", "NoNamespace",
        };

        public static IEnumerable<object[]> Cases()
        {
            yield return new object[] { "plain", "namespace Contoso.Orders { public class Order { } }" };
            yield return new object[] { "stand-in", "namespace Anthropic.SDK.Messaging { public class MessageParameters { } }\nnamespace Amazon.BedrockRuntime.Model { public class ConverseRequest { } }" };
            yield return new object[] { "shadowing", "namespace System.Text.Json.Nodes { public class JsonObject { } }\nnamespace Polly { public class RetrySyntax { } }" };
            yield return new object[] { "file-scoped", "namespace @Polly.Retry;\npublic class RetryStrategyOptions { }" };
            yield return new object[] { "global", "public class NoNamespace { }" };
            yield return new object[] { "regex generator", "namespace System.Text.RegularExpressions.Generated { public class Helpers { } }" };
            yield return new object[] { "nested", "namespace System { namespace Text.Json.Nodes { public class JsonObject { } } }" };
            yield return new object[] { "comment", "// wraps the namespace Polly\nnamespace Polly.Retry { public class RetryStrategyOptions { } }" };
            yield return new object[] { "top-level statements", "System.Console.WriteLine(1);\nclass Program2 { }" };
            yield return new object[] { "generic shadowing", "namespace System.Collections.Generic { public class Dictionary<TKey, TValue> { } }" };
            yield return new object[] { "same name elsewhere", "namespace Contoso { public class Guid { } public class HttpClient { } }" };
            yield return new object[] { "nested type of that name", "namespace Polly { public class Outer { public class RetrySyntax { } } }" };
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public void AnswersAsTheCompilerDoes(string name, string source)
        {
            foreach (var references in new[] { ReferenceSets.Default, ReferenceSets.NoClaude })
            {
                var compilation = CSharpCompilation.Create(
                    "Lookup",
                    new[] { CSharpSyntaxTree.ParseText(source), CSharpSyntaxTree.ParseText("namespace Other { class C { } }") },
                    references.References.AddRange(Duplicates()),
                    new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
                var lookup = new TypeLookup(compilation);
                foreach (var metadataName in Names)
                {
                    var expected = compilation.GetTypeByMetadataName(metadataName);
                    var found = lookup.Find(metadataName);
                    Assert.True(SymbolEqualityComparer.Default.Equals(expected, found), $"{name}, {references.Name}: {metadataName} found {Describe(found)}, the compiler finds {Describe(expected)}");
                }
            }
        }

        [Fact]
        public void LibraryTypesComeOnlyFromTheLibraryOrFromSource()
        {
            var compilation = CSharpCompilation.Create(
                "Lookup",
                new[] { CSharpSyntaxTree.ParseText("namespace Anthropic.SDK.Messaging { public class MessageParameters { } }") },
                ReferenceSets.Default.References,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var lookup = new TypeLookup(compilation);
            Assert.Equal("Anthropic", lookup.FindInLibrary("Anthropic", "Anthropic.AnthropicClient")?.ContainingAssembly.Name);
            Assert.Null(lookup.FindInLibrary("Anthropic.Other", "Anthropic.AnthropicClient"));
            Assert.Equal("Lookup", lookup.FindInLibrary("Anthropic.SDK", "Anthropic.SDK.Messaging.MessageParameters")?.ContainingAssembly.Name);
            Assert.Null(lookup.FindInLibrary("Anthropic.SDK", "Anthropic.SDK.Messaging.SystemMessage"));
        }

        private static string Describe(INamedTypeSymbol? type)
            => type == null ? "nothing" : $"{type.ToDisplayString()} in {type.ContainingAssembly.Name}";

        /// <summary>Two references that both declare Shared.Twice: ambiguous, so not found.</summary>
        private static IEnumerable<MetadataReference> Duplicates()
        {
            foreach (var assemblyName in new[] { "First", "Second" })
            {
                var compilation = CSharpCompilation.Create(
                    assemblyName,
                    new[] { CSharpSyntaxTree.ParseText("namespace Shared { public class Twice { } }") },
                    ReferenceSets.NoClaude.References,
                    new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
                using var stream = new MemoryStream();
                Assert.True(compilation.Emit(stream).Success);
                yield return MetadataReference.CreateFromImage(stream.ToArray());
            }
        }
    }
}
