using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
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
            // Not analyzed, and no finding reported there; the rule checks its findings' locations itself (GeneratedCode).
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                var compilation = start.Compilation;
                var options = start.Options;
                var state = new OnFirstUse<State>(cancellationToken =>
                {
                    var shared = ClaudeCompilationContext.Get(compilation, options, cancellationToken);

                    // No client library and no file naming the Anthropic API: nothing here can make a paid call.
                    return shared.PaidCalls.MayHavePaidCalls
                        ? new State(shared, LoopCandidates.ToolRunnerType(shared.Symbols), new LoopCandidates.AgentParts(compilation, LoopCandidates.WordsFor(shared)))
                        : null;
                });

                // The loops and methods that read a stop reason and the calls named ToolRunner are found once per file from
                // its text (shared with CC0004 and CC0018). The callback on loops only looks them up (the driver has bound
                // the method by then); the rare recursions and ToolRunner calls are asked for from a callback per file,
                // instead of a callback on every invocation of the compilation.
                start.RegisterOperationAction(c =>
                {
                    var loop = (ILoopOperation)c.Operation;
                    if (!(loop is IForEachLoopOperation) && state.Get(c.CancellationToken) is { } found && found.Parts.For(loop.Syntax.SyntaxTree, c.CancellationToken).IsStopReasonLoop(loop.Syntax))
                    {
                        AnalyzeLoop(loop, found.Shared.OutsideGeneratedCode(c.ReportDiagnostic, c.CancellationToken), found.Shared, c.CancellationToken);
                    }
                }, OperationKind.Loop);
                start.RegisterSemanticModelAction(c =>
                {
                    var cancellationToken = c.CancellationToken;
                    if (!(state.Get(cancellationToken) is { } found))
                    {
                        return;
                    }

                    var (shared, toolRunner, model) = (found.Shared, found.ToolRunner, c.SemanticModel);
                    var candidates = found.Parts.For(model.SyntaxTree, cancellationToken);
                    foreach (var method in candidates.StopReasonMethods)
                    {
                        AnalyzeRecursions(model, method, shared.OutsideGeneratedCode(c.ReportDiagnostic, c.CancellationToken), shared, cancellationToken);
                    }

                    if (toolRunner != null)
                    {
                        foreach (var node in candidates.ToolRunnerCalls)
                        {
                            if (model.SafeGetOperation(node, cancellationToken) is IInvocationOperation invocation &&
                                invocation.TargetMethod.Name == "ToolRunner" && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, toolRunner))
                            {
                                AnalyzeToolRunner(invocation, shared.OutsideGeneratedCode(c.ReportDiagnostic, c.CancellationToken), shared);
                            }
                        }
                    }
                });
            });
        }

        /// <summary>What the rule needs of a compilation.</summary>
        private sealed class State
        {
            public State(ClaudeCompilationContext shared, INamedTypeSymbol? toolRunner, LoopCandidates.AgentParts parts)
            {
                Shared = shared;
                ToolRunner = toolRunner;
                Parts = parts;
            }

            public ClaudeCompilationContext Shared { get; }

            public INamedTypeSymbol? ToolRunner { get; }

            public LoopCandidates.AgentParts Parts { get; }
        }

        private static void AnalyzeLoop(ILoopOperation loop, Action<Diagnostic> report, ClaudeCompilationContext shared, CancellationToken cancellationToken)
        {
            var found = AgentLoops.AnalyzeLoop(loop, shared, cancellationToken);
            if (found == null)
            {
                return;
            }

            var options = shared.OptionsFor(loop.Syntax.SyntaxTree);
            Report(
                report,
                AgentLoops.HeaderLocation(loop.Syntax),
                loop.Syntax,
                LoopKind,
                options.MaxIterations,
                "it calls " + found.CallDisplay + " again on stop_reason " + found.StopReason + ", and no iteration counter, deadline or token budget ends it; each turn re-sends the whole, growing conversation");
        }

        /// <summary>
        /// The calls in a method (that reads a stop reason) of a method with its own name: the only ones that can call it
        /// again. Calls inside lambdas and local functions never count (<see cref="AgentLoops.AnalyzeRecursion"/>); a method
        /// with the name of a call the compiler makes implicitly (a collection initializer's Add, a query's Select…) is
        /// walked through its operations instead.
        /// </summary>
        private static void AnalyzeRecursions(SemanticModel model, MethodDeclarationSyntax declaration, Action<Diagnostic> report, ClaudeCompilationContext shared, CancellationToken cancellationToken)
        {
            var name = declaration.Identifier.ValueText;
            if (name == "ToolRunner")
            {
                // Calls named ToolRunner are the ToolRunner check's, never a recursion.
                return;
            }

            if (LoopCandidates.IsImplicitCallName(name))
            {
                if (model.SafeGetOperation(declaration, cancellationToken) is IOperation body && model.GetDeclaredSymbol(declaration, cancellationToken) is IMethodSymbol owner)
                {
                    foreach (var operation in body.Descendants())
                    {
                        if (operation is IInvocationOperation invocation && invocation.TargetMethod.Name == owner.Name)
                        {
                            AnalyzeRecursion(invocation, owner, report, shared, cancellationToken);
                        }
                    }
                }

                return;
            }

            IMethodSymbol? method = null;
            foreach (var node in declaration.DescendantNodes(n => !(n is AnonymousFunctionExpressionSyntax) && !(n is LocalFunctionStatementSyntax)))
            {
                if (!(node is InvocationExpressionSyntax syntax) || LoopCandidates.InvokedName(syntax) is string invoked && invoked != name)
                {
                    continue;
                }

                method ??= model.GetDeclaredSymbol(declaration, cancellationToken) as IMethodSymbol;
                if (method == null)
                {
                    return;
                }

                if (model.SafeGetOperation(syntax, cancellationToken) is IInvocationOperation invocation && invocation.TargetMethod.Name == method.Name)
                {
                    AnalyzeRecursion(invocation, method, report, shared, cancellationToken);
                }
            }
        }

        private static void AnalyzeRecursion(IInvocationOperation invocation, IMethodSymbol containing, Action<Diagnostic> report, ClaudeCompilationContext shared, CancellationToken cancellationToken)
        {
            var found = AgentLoops.AnalyzeRecursion(invocation, containing, shared, cancellationToken);
            if (found == null)
            {
                return;
            }

            var options = shared.OptionsFor(invocation.Syntax.SyntaxTree);
            Report(
                report,
                invocation.Syntax.GetLocation(),
                invocation.Syntax,
                RecursionKind,
                options.MaxIterations,
                invocation.TargetMethod.Name + " calls itself on stop_reason " + found.StopReason + " with no depth limit, and each call makes a paid " + found.CallDisplay + " call that re-sends the conversation");
        }

        private static void AnalyzeToolRunner(IInvocationOperation invocation, Action<Diagnostic> report, ClaudeCompilationContext shared)
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
                report,
                location,
                invocation.Syntax,
                ToolRunnerKind,
                options.MaxIterations,
                "ToolRunner runs with maxIterations " + how + ", which means no limit; each iteration is a paid call that re-sends the whole, growing conversation");
        }

        private static void Report(Action<Diagnostic> report, Location location, SyntaxNode target, string kind, int maxIterations, string explanation)
        {
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(KindProperty, kind)
                .Add(MaxIterationsProperty, maxIterations.ToString(CultureInfo.InvariantCulture));
            report(Diagnostic.Create(Rule, location, ImmutableArray.Create(target.GetLocation()), properties, explanation));
        }
    }
}
