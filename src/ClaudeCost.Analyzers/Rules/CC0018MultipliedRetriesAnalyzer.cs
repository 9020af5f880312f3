using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using ClaudeCost.Analyzers.Infrastructure;
using ClaudeCost.Analyzers.Requests;
using ClaudeCost.Analyzers.Surfaces;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ClaudeCost.Analyzers.Rules
{
    /// <summary>
    /// CC0018: a retry loop or Polly policy triggered by transport errors around a call whose SDK client already retries
    /// them (the official SDK: 2 retries by default, honoring Retry-After). Each outer attempt makes up to 1 + MaxRetries
    /// requests, so a failure costs (outer attempts) × (1 + MaxRetries) requests. Loops that re-ask because of the reply's
    /// content (validation, parsing) are not transport retries; unbounded loops are CC0004's.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CC0018MultipliedRetriesAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
            DiagnosticIds.MultipliedRetries,
            "Retries multiply: a retry around a call the SDK already retries",
            "Retries multiply: {0} already retries inside the SDK ({1}), and the {2} around it retries again: {3}",
            DiagnosticCategories.Reliability,
            DiagnosticSeverity.Info,
            "A retry loop or Polly policy triggered by transport errors (HTTP 408/409/429/5xx, timeouts, connection errors) surrounds a call whose SDK client already retries those errors itself, honoring Retry-After. Every outer attempt makes up to 1 + MaxRetries requests, so one persistent failure costs the product of both counts in requests and in waiting. Turn the SDK's retries off for that call, or drop the outer retry.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            // Not analyzed, and no finding reported there; the rule checks its findings' locations itself (GeneratedCode).
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                // Only calls that retry inside their client count: the official SDK (directly or behind AsIChatClient), whose
                // assembly is named Anthropic (the types are checked on first use: tryAGI's SDK has that name too).
                var compilation = start.Compilation;
                if (!ReferencesAssembly(compilation, "Anthropic"))
                {
                    return;
                }

                var options = start.Options;
                var state = new OnFirstUse<ClaudeCompilationContext>(cancellationToken =>
                {
                    var shared = ClaudeCompilationContext.Get(compilation, options, cancellationToken);
                    return shared.Symbols.HasOfficialSdk ? shared : null;
                });
                var reported = new ConcurrentDictionary<Location, byte>();

                // One callback per try with a catch (there are far fewer tries than loops): the loop that may retry it. A loop
                // with several tries reports each call once (the locations are remembered).
                start.RegisterOperationAction(c =>
                {
                    if (RetryLoops.OwnLoopOf((ITryOperation)c.Operation) is { } loop && state.Get(c.CancellationToken) is { } shared)
                    {
                        AnalyzeLoop(loop, shared.OutsideGeneratedCode(c.ReportDiagnostic, c.CancellationToken), shared, reported, c.CancellationToken);
                    }
                }, OperationKind.Try);

                // Calls named like Polly's Execute… are found from the file's text, then their operations asked for.
                start.RegisterSemanticModelAction(c =>
                {
                    var model = c.SemanticModel;
                    var cancellationToken = c.CancellationToken;
                    if (!(state.Get(cancellationToken) is { } shared) || !HasPolly(shared))
                    {
                        return;
                    }

                    // Only this rule's words: Polly's …Forever calls and the retry settings are CC0004's.
                    var words = LoopCandidates.WordsFor(shared) & LoopCandidates.Words.PollyExecutions;
                    foreach (var node in LoopCandidates.RetryPart.Scan(model.SyntaxTree, words, cancellationToken).ExecuteCalls)
                    {
                        if (model.SafeGetOperation(node, cancellationToken) is IInvocationOperation execution)
                        {
                            AnalyzeExecution(execution, shared.OutsideGeneratedCode(c.ReportDiagnostic, c.CancellationToken), shared, reported, cancellationToken);
                        }
                    }
                });
            });
        }

        private static bool ReferencesAssembly(Compilation compilation, string name)
        {
            foreach (var identity in compilation.ReferencedAssemblyNames)
            {
                if (identity.Name == name)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HasPolly(ClaudeCompilationContext shared)
            => shared.Symbols.Types.Find("Polly.RetrySyntax") != null || shared.Symbols.Types.Find("Polly.ResiliencePipeline") != null;

        private static void AnalyzeLoop(ILoopOperation loop, Action<Diagnostic> report, ClaudeCompilationContext shared, ConcurrentDictionary<Location, byte> reported, CancellationToken cancellationToken)
        {
            var retry = RetryLoops.Analyze(loop, shared, cancellationToken);
            if (retry == null || !retry.Bounded || !retry.TransportTriggered || retry.Calls.IsEmpty)
            {
                return;
            }

            foreach (var call in retry.Calls)
            {
                Report(report, shared, reported, call, "retry loop", retry.OuterAttempts, cancellationToken);
            }
        }

        private static void AnalyzeExecution(IInvocationOperation execution, Action<Diagnostic> report, ClaudeCompilationContext shared, ConcurrentDictionary<Location, byte> reported, CancellationToken cancellationToken)
        {
            if (!RetryPolicies.IsExecuteName(execution.TargetMethod.Name) || !RetryPolicies.IsPolly(execution.TargetMethod))
            {
                return;
            }

            var policy = RetryPolicies.PolicyOf(execution, shared);
            if (policy == null || policy.Forever || policy.TransportTriggered != true)
            {
                return;
            }

            var kind = policy.Anchor is IObjectCreationOperation ? "Polly retry pipeline" : "Polly retry policy";
            foreach (var argument in execution.Arguments)
            {
                foreach (var operation in RetryLoops.Walk(argument.Value, intoLambdas: true))
                {
                    if (operation is IInvocationOperation invocation && shared.PaidCalls.Recognize(invocation, cancellationToken) is PaidCall call)
                    {
                        Report(report, shared, reported, call, kind, policy.Retries + 1, cancellationToken);
                    }
                }
            }
        }

        private static void Report(Action<Diagnostic> report, ClaudeCompilationContext shared, ConcurrentDictionary<Location, byte> reported, PaidCall call, string outer, long? outerAttempts, CancellationToken cancellationToken)
        {
            var inner = shared.PaidCalls.InnerRetries(call, cancellationToken);
            if (!inner.RetriesInside)
            {
                return;
            }

            var location = call.Invocation.Syntax.GetLocation();
            if (!reported.TryAdd(location, 0))
            {
                return;
            }

            var innerAttempts = 1L + inner.Count;
            var setting = inner.IsDefault
                ? "MaxRetries " + inner.Count.ToString(CultureInfo.InvariantCulture) + ", the SDK default"
                : "MaxRetries = " + inner.Count.ToString(CultureInfo.InvariantCulture);
            var product = outerAttempts is long attempts && attempts > 0
                ? "up to " + attempts.ToString("N0", CultureInfo.InvariantCulture) + " × " + innerAttempts.ToString("N0", CultureInfo.InvariantCulture) + " = " +
                  (attempts * innerAttempts).ToString("N0", CultureInfo.InvariantCulture) + " requests per failure"
                : "up to " + innerAttempts.ToString("N0", CultureInfo.InvariantCulture) + " requests for each of its attempts";

            var target = inner.CanDisableAtCall ? RetryReceivers.WrapTarget(call, shared) : null;
            var additional = target == null ? ImmutableArray<Location>.Empty : ImmutableArray.Create(target.GetLocation());
            var display = call.Surface == PaidSurface.ExtensionsAI ? call.Display + " (through AsIChatClient)" : call.Display;
            report(Diagnostic.Create(Rule, location, additional, ImmutableDictionary<string, string?>.Empty, display, setting, outer, product));
        }
    }
}
