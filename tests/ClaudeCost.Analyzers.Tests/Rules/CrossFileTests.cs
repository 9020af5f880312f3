using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using ClaudeCost.Analyzers.Rules;
using ClaudeCost.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace ClaudeCost.Analyzers.Tests.Rules
{
    /// <summary>
    /// A finding that spans files (the clock in a prompt builder, the request elsewhere) is reported at the clock.
    /// Builds and full-solution analysis see it; the editor's live, per-document analysis does not: the builder's
    /// file has no request, and a diagnostic located in another file is not part of the request file's results.
    /// This is what docs/rules/CC0001.md says under "Where it shows".
    /// </summary>
    public class CrossFileTests
    {
        private const string Builder = """
            using System;
            static class PromptBuilder
            {
                public static string Build() => $"Support agent. Now {DateTime.UtcNow:O}.";
            }
            """;

        private const string Client = """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Anthropic;
            using Anthropic.Models.Messages;
            class Support
            {
                Task Ask(AnthropicClient client, string q) => client.Messages.Create(new MessageCreateParams
                {
                    Model = Model.ClaudeSonnet4_6,
                    MaxTokens = 100,
                    System = new List<TextBlockParam> { new(PromptBuilder.Build()) { CacheControl = new CacheControlEphemeral() } },
                    Messages = [new UserMessageParam(q)],
                });
            }
            """;

        [Fact]
        public async Task CrossFileFindingShowsInBuildsNotInPerDocumentAnalysis()
        {
            var options = new CSharpParseOptions(LanguageVersion.Latest);
            var builder = CSharpSyntaxTree.ParseText(Builder, options, path: "/0/PromptBuilder.cs");
            var client = CSharpSyntaxTree.ParseText(Client, options, path: "/0/Support.cs");
            var compilation = CSharpCompilation.Create("x", new[] { builder, client }, ReferenceSets.Default.References,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

            ImmutableArray<DiagnosticAnalyzer> analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new CC0001VolatileValueInCachedPrefixAnalyzer());

            // The whole compilation (a build, full-solution analysis).
            var build = await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();
            var finding = Assert.Single(build);
            Assert.Equal("/0/PromptBuilder.cs", finding.Location.SourceTree!.FilePath);

            // The editor analysing only the open builder file: no request there, nothing to report.
            var builderOnly = await compilation.WithAnalyzers(analyzers).GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(builder), null, default);
            Assert.Empty(builderOnly);

            // The editor analysing only the open request file: the finding belongs to another file, so it is not shown there.
            var clientOnly = await compilation.WithAnalyzers(analyzers).GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(client), null, default);
            Assert.Empty(clientOnly);
        }
    }
}
