using System.Collections.Immutable;
using System.Globalization;
using ClaudeCost.Analyzers.Infrastructure;
using ClaudeCost.Analyzers.Requests;
using ClaudeCost.Analyzers.Surfaces;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ClaudeCost.Analyzers.Rules
{
    /// <summary>
    /// CC0017: an agent or tool loop without an iteration cap. A loop that sends the conversation again while the stop
    /// reason is tool_use / max_tokens (or the M.E.AI finish reason is ToolCalls / Length), a method that calls itself
    /// on such a stop reason, or the official SDK's <c>ToolRunner</c> with <c>maxIterations</c> null or omitted, when no
    /// counter, deadline or token budget ends it. Only paid calls (creating messages or batches) count.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CC0017UncappedAgentLoopAnalyzer : DiagnosticAnalyzer
    {
        public const string KindProperty = "Kind";
        public const string MaxIterationsProperty = "MaxIterations";
        public const string LoopKind = "Loop";
        public const string ToolRunnerKind = "ToolRunner";
        public const string RecursionKind = "Recursion";

        public static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
            DiagnosticIds.UncappedAgentLoop,
            "Agent or tool loop without an iteration cap",
            "Agent loop without an iteration cap: {0}",
            DiagnosticCategories.Reliability,
            DiagnosticSeverity.Warning,
            "A loop keeps sending the conversation to Claude while the model asks for tools (or more output), and no iteration counter, deadline or token budget ends it. Every turn is a paid call that re-sends the whole, growing conversation; a model that keeps calling tools runs the loop until the context window is full.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var shared = ClaudeCompilationContext.Get(start.Compilation, start.Options, start.CancellationToken);
                var toolRunner = start.Compilation.GetTypeByMetadataName("Anthropic.Helpers.Beta.BetaToolRunnerExtensions");
                if (toolRunner?.ContainingAssembly?.Name != "Anthropic")
                {
                    toolRunner = null;
                }

                // No client library and no file naming the Anthropic API: nothing here can make a paid call.
                if (!shared.PaidCalls.MayHavePaidCalls)
                {
                    return;
                }

                start.RegisterOperationAction(c => AnalyzeLoop(c, shared), OperationKind.Loop);
                start.RegisterOperationAction(c => AnalyzeInvocation(c, shared, toolRunner), OperationKind.Invocation);
            });
        }

        private static void AnalyzeLoop(OperationAnalysisContext context, ClaudeCompilationContext shared)
        {
            var loop = (ILoopOperation)context.Operation;
            var found = AgentLoops.AnalyzeLoop(loop, shared, context.CancellationToken);
            if (found == null)
            {
                return;
            }

            var options = shared.OptionsFor(loop.Syntax.SyntaxTree);
            Report(
                context,
                AgentLoops.HeaderLocation(loop.Syntax),
                loop.Syntax,
                LoopKind,
                options.MaxIterations,
                "it calls " + found.CallDisplay + " again on stop_reason " + found.StopReason + ", and no iteration counter, deadline or token budget ends it; each turn re-sends the whole, growing conversation");
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context, ClaudeCompilationContext shared, INamedTypeSymbol? toolRunner)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            if (method.Name == "ToolRunner")
            {
                if (toolRunner != null && SymbolEqualityComparer.Default.Equals(method.ContainingType, toolRunner))
                {
                    AnalyzeToolRunner(context, shared, invocation);
                }

                return;
            }

            if (method.Name != context.ContainingSymbol.Name || !(context.ContainingSymbol is IMethodSymbol))
            {
                return;
            }

            var found = AgentLoops.AnalyzeRecursion(invocation, context.ContainingSymbol, shared, context.CancellationToken);
            if (found == null)
            {
                return;
            }

            var options = shared.OptionsFor(invocation.Syntax.SyntaxTree);
            Report(
                context,
                invocation.Syntax.GetLocation(),
                invocation.Syntax,
                RecursionKind,
                options.MaxIterations,
                method.Name + " calls itself on stop_reason " + found.StopReason + " with no depth limit, and each call makes a paid " + found.CallDisplay + " call that re-sends the conversation");
        }

        private static void AnalyzeToolRunner(OperationAnalysisContext context, ClaudeCompilationContext shared, IInvocationOperation invocation)
        {
            string? how = null;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name != "maxIterations")
                {
                    continue;
                }

                if (argument.ArgumentKind == ArgumentKind.DefaultValue)
                {
                    how = "omitted";
                }
                else if (OperationHelpers.IsNullLiteral(argument.Value))
                {
                    how = "null";
                }
            }

            if (how == null)
            {
                return;
            }

            var location = invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }
                ? access.Name.GetLocation()
                : invocation.Syntax.GetLocation();
            var options = shared.OptionsFor(invocation.Syntax.SyntaxTree);
            Report(
                context,
                location,
                invocation.Syntax,
                ToolRunnerKind,
                options.MaxIterations,
                "ToolRunner runs with maxIterations " + how + ", which means no limit; each iteration is a paid call that re-sends the whole, growing conversation");
        }

        private static void Report(OperationAnalysisContext context, Location location, SyntaxNode target, string kind, int maxIterations, string explanation)
        {
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(KindProperty, kind)
                .Add(MaxIterationsProperty, maxIterations.ToString(CultureInfo.InvariantCulture));
            context.ReportDiagnostic(Diagnostic.Create(Rule, location, ImmutableArray.Create(target.GetLocation()), properties, explanation));
        }
    }
}
