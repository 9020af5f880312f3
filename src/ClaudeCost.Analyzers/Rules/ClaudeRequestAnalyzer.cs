using System.Collections.Immutable;
using ClaudeCost.Analyzers.Configuration;
using ClaudeCost.Analyzers.Requests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClaudeCost.Analyzers.Rules
{
    /// <summary>
    /// Base of every rule that reads requests: registers the narrow operation callbacks once per compilation,
    /// asks the shared context for the normalized request, and hands it to the rule.
    /// </summary>
    public abstract class ClaudeRequestAnalyzer : DiagnosticAnalyzer
    {
        public sealed override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var shared = ClaudeCompilationContext.Get(start.Compilation, start.Options, start.CancellationToken);
                start.RegisterOperationAction(
                    operationContext =>
                    {
                        var request = shared.GetRequest(operationContext.Operation, operationContext.CancellationToken);
                        if (request != null && !request.IsFree)
                        {
                            AnalyzeRequest(new RequestAnalysisContext(operationContext, shared, request));
                        }
                    },
                    shared.OperationKinds);
            });
        }

        internal abstract void AnalyzeRequest(in RequestAnalysisContext context);
    }

    /// <summary>What a rule sees: the request, the model table, the options for the request's file.</summary>
    internal readonly struct RequestAnalysisContext
    {
        private readonly OperationAnalysisContext _context;

        public RequestAnalysisContext(OperationAnalysisContext context, ClaudeCompilationContext shared, ClaudeRequest request)
        {
            _context = context;
            Shared = shared;
            Request = request;
            Options = shared.OptionsFor(request.Anchor.SyntaxTree);
        }

        public ClaudeCompilationContext Shared { get; }

        public ClaudeRequest Request { get; }

        public ClaudeCostOptions Options { get; }

        public System.Threading.CancellationToken CancellationToken => _context.CancellationToken;

        public ResolvedModel ResolveModel() => ResolvedModel.For(Request, Shared.ModelTable.Catalog, Options);

        /// <summary>Reports once per location and rule across the compilation.</summary>
        public void Report(DiagnosticDescriptor descriptor, Location location, ImmutableDictionary<string, string?>? properties, ImmutableArray<Location> additionalLocations, params object[] arguments)
        {
            if (location.SourceTree == null || !_context.Compilation.ContainsSyntaxTree(location.SourceTree) || !Shared.TryClaim(descriptor.Id, location, Request.Anchor))
            {
                return;
            }

            _context.ReportDiagnostic(Diagnostic.Create(descriptor, location, additionalLocations, properties, arguments));
        }
    }
}
