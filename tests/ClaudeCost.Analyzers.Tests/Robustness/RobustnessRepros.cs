using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using ClaudeCost.CodeFixes.Fixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace ClaudeCost.Analyzers.Tests.Robustness;

/// <summary>
/// Minimal reproductions of crashes the robustness suite found, each runnable on its own
/// (<c>--filter "FullyQualifiedName~RobustnessRepros"</c>). They fail until src/ is fixed.
/// </summary>
[Trait("Category", "Robustness")]
public class RobustnessRepros
{
    /// <summary>
    /// CC0001's fix, on a volatile value about 2,000 nesting levels deep (early in a 2,500-part concatenation), throws
    /// <see cref="InsufficientExecutionStackException"/> from <c>RegisterCodeFixesAsync</c> on a 1 MB stack (a Windows
    /// thread-pool thread, where Visual Studio runs fixes); from about 4,000 parts on 1.5 MB; from 10,000–15,000 parts on this
    /// machine's Linux thread-pool threads. <c>Applies</c> (and
    /// <c>SequentialFixer.ApplyAsync</c>, which FixAll uses) call <c>root.ReplaceNodes</c>, and Roslyn's syntax rewriter
    /// recurses once per level from the root down to the node; its stack guard throws before the stack overflows.
    /// </summary>
    [Fact]
    public async Task CC0001FixOnAClockEarlyInALongConcatenation()
    {
        var parts = string.Concat(Enumerable.Repeat(" + \"x\"", 5000));
        var source = $$"""
            using System;
            using System.Collections.Generic;
            using Anthropic;
            using Anthropic.Models.Messages;

            class C
            {
                object M(AnthropicClient client) => client.Messages.Create(new MessageCreateParams
                {
                    Model = Model.ClaudeSonnet4_6,
                    MaxTokens = 1024,
                    System = new List<TextBlockParam> { new("Policy. " + DateTime.UtcNow{{parts}}) { CacheControl = new CacheControlEphemeral() } },
                    Messages = [],
                });
            }
            """;

        using var workspace = new AdhocWorkspace();
        var (solution, projectId) = RobustnessRunner.CreateSolution(workspace, new RobustInput("repro", "repro", source) { EditorConfig = null }, RobustnessComponents.Instance);
        var project = solution.GetProject(projectId)!;
        var compilation = (await project.GetCompilationAsync())!;
        var diagnostics = await compilation.WithAnalyzers(RobustnessComponents.Instance.Analyzers, project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync();
        var diagnostic = Assert.Single(diagnostics, d => d.Id == "CC0001");
        var document = solution.GetDocument(diagnostic.Location.SourceTree)!;
        var provider = new CC0001VolatileValueInCachedPrefixCodeFixProvider();

        var failures = new List<string>();
        var actions = new List<CodeAction>();
        await Capture("RegisterCodeFixesAsync", failures, () => provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), default)));
        await Capture("FixAll (document, CC0001.UseToday)", failures, async () =>
        {
            var context = new FixAllContext(document, provider, FixAllScope.Document, "CC0001.UseToday", provider.FixableDiagnosticIds, new Known(diagnostics), default);
            var action = await provider.GetFixAllProvider().GetFixAsync(context);
            if (action is not null)
            {
                await action.GetOperationsAsync(default);
            }
        });

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine + Environment.NewLine, failures));
    }

    /// <summary>Runs <paramref name="call"/> on a 1 MB stack, like the suite (<see cref="RobustnessRunner.FixStackSize"/>).</summary>
    private static async Task Capture(string what, List<string> failures, Func<Task> call)
    {
        var done = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new System.Threading.Thread(
            () =>
            {
                try
                {
                    call().GetAwaiter().GetResult();
                    done.SetResult(null);
                }
                catch (Exception ex)
                {
                    done.SetResult(ex);
                }
            },
            RobustnessRunner.FixStackSize);
        thread.Start();
        if (await done.Task is { } exception)
        {
            failures.Add(what + " threw " + RobustnessRunner.Describe(exception));
        }
    }

    private sealed class Known : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<Diagnostic> _diagnostics;

        public Known(ImmutableArray<Diagnostic> diagnostics) => _diagnostics = diagnostics;

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, System.Threading.CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, System.Threading.CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, System.Threading.CancellationToken cancellationToken) => Task.FromResult(Enumerable.Empty<Diagnostic>());
    }
}
