using System.Collections.Immutable;
using ClaudeCost.Analyzers.Configuration;
using ClaudeCost.Analyzers.Infrastructure;
using ClaudeCost.Analyzers.Requests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClaudeCost.Analyzers.Rules
{
    /// <summary>
    /// Base of every rule that reads requests: one callback per file (semantic model action) that takes the file's
    /// requests from the shared context — built once per file for all rules, from the candidate syntax that
    /// <see cref="TreeCandidates"/> finds — and hands each paid one to the rule. No callback per literal, object creation
    /// or invocation of the compilation.
    /// </summary>
    public abstract class ClaudeRequestAnalyzer : DiagnosticAnalyzer
    {
        public sealed override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            // Not analyzed, and no finding reported there; the rule checks its findings' locations itself (GeneratedCode).
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                // Whether any request can be Claude's is asked by the first file's callback (OnFirstUse).
                var compilation = start.Compilation;
                var options = start.Options;
                var state = new OnFirstUse<ClaudeCompilationContext>(cancellationToken =>
                {
                    var shared = ClaudeCompilationContext.Get(compilation, options, cancellationToken);
                    return shared.MayHaveRequests(cancellationToken) ? shared : null;
                });
                start.RegisterSemanticModelAction(modelContext =>
                {
                    if (!(state.Get(modelContext.CancellationToken) is { } shared))
                    {
                        return;
                    }

                    foreach (var request in shared.RequestsIn(modelContext.SemanticModel, modelContext.CancellationToken))
                    {
                        if (!request.IsFree)
                        {
                            AnalyzeRequest(new RequestAnalysisContext(modelContext.SemanticModel.Compilation, modelContext.ReportDiagnostic, modelContext.CancellationToken, shared, request));
                        }
                    }
                });
            });
        }

        internal abstract void AnalyzeRequest(in RequestAnalysisContext context);
    }

    /// <summary>What a rule sees: the request, the model table, the options for the request's file.</summary>
    internal readonly struct RequestAnalysisContext
    {
        private readonly Compilation _compilation;
        private readonly System.Action<Diagnostic> _report;

        public RequestAnalysisContext(Compilation compilation, System.Action<Diagnostic> report, System.Threading.CancellationToken cancellationToken, ClaudeCompilationContext shared, ClaudeRequest request)
        {
            _compilation = compilation;
            _report = report;
            CancellationToken = cancellationToken;
            Shared = shared;
            Request = request;
            Options = shared.OptionsFor(request.Anchor.SyntaxTree);
        }

        public ClaudeCompilationContext Shared { get; }

        public ClaudeRequest Request { get; }

        public ClaudeCostOptions Options { get; }

        public System.Threading.CancellationToken CancellationToken { get; }

        public ResolvedModel ResolveModel() => ResolvedModel.For(Request, Shared.ModelTable.Catalog, Options);

        /// <summary>Reports once per location and rule across the compilation.</summary>
        public void Report(DiagnosticDescriptor descriptor, Location location, ImmutableDictionary<string, string?>? properties, ImmutableArray<Location> additionalLocations, params object[] arguments)
        {
            if (location.SourceTree == null || !_compilation.ContainsSyntaxTree(location.SourceTree) || !Shared.TryClaim(descriptor.Id, location, Request.Anchor))
            {
                return;
            }

            Shared.Report(_report, Diagnostic.Create(descriptor, location, additionalLocations, properties, arguments), CancellationToken);
        }
    }
}
