using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using ClaudeCost.Analyzers.Infrastructure;
using ClaudeCost.Analyzers.Requests;
using ClaudeCost.Analyzers.Surfaces;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ClaudeCost.Analyzers.Rules
{
    /// <summary>
    /// CC0004: a paid Claude call retried without a limit: a loop whose exception path goes on with no attempt counter,
    /// deadline or timeout; a catch that calls its own method again; Polly's <c>RetryForever</c> /
    /// <c>WaitAndRetryForever</c> (and async twins) or <c>MaxRetryAttempts = int.MaxValue</c> executing a paid call;
    /// the SDK's <c>MaxRetries</c> above a ceiling. Free calls (token counting, batch status) never count.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CC0004UnboundedRetryAnalyzer : DiagnosticAnalyzer
    {
        public const string KindProperty = "Kind";
        public const string MaxAttemptsProperty = "MaxAttempts";
        public const string CounterProperty = "Counter";
        public const string AddDelayProperty = "AddDelay";
        public const string AsyncProperty = "Async";
        public const string SharedRandomProperty = "SharedRandom";
        public const string CatchCountProperty = "Catches";
        public const string FixableProperty = "Fixable";
        public const string ReplacementProperty = "Replacement";

        public const string LoopKind = "Loop";
        public const string RecursionKind = "Recursion";
        public const string PollyKind = "Polly";
        public const string PollyOptionsKind = "PollyOptions";
        public const string SdkRetriesKind = "SdkMaxRetries";

        public static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
            DiagnosticIds.UnboundedRetry,
            "Unbounded retry around a paid Claude call",
            "{0} is retried without a limit: {1}",
            DiagnosticCategories.Reliability,
            DiagnosticSeverity.Warning,
            "A paid Claude call (creating a message or a batch) is retried with nothing that ends the retries: a loop that goes on after an exception with no attempt counter, deadline or timeout, a catch that calls its own method again, a Polly policy that retries forever, or the SDK's MaxRetries set above the configured ceiling. During an outage or a persistent error every attempt that reaches the model is billed, and a loop without a delay also hammers the rate limit.");

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
                var state = new OnFirstUse<State>(cancellationToken => State.For(ClaudeCompilationContext.Get(compilation, options, cancellationToken)));

                // One callback per try with a catch (there are far fewer tries than loops): the loop that may retry it, and a
                // catch that calls its own method again. A loop with several tries is reported once, by the try that claims it
                // first (the same try again when the method is analyzed again).
                var claims = new ConcurrentDictionary<SyntaxNode, SyntaxNode>();
                start.RegisterOperationAction(c =>
                {
                    var tryOperation = (ITryOperation)c.Operation;
                    if (tryOperation.Catches.IsEmpty || !(state.Get(c.CancellationToken)?.Shared is { } shared))
                    {
                        return;
                    }

                    if (RetryLoops.OwnLoopOf(tryOperation) is { } loop && claims.GetOrAdd(loop.Syntax, tryOperation.Syntax) == tryOperation.Syntax)
                    {
                        AnalyzeLoop(loop, c.Compilation, shared.OutsideGeneratedCode(c.ReportDiagnostic, c.CancellationToken), shared, c.CancellationToken);
                    }

                    if (tryOperation.Syntax is TryStatementSyntax syntax && MayRecurseFromCatch(syntax))
                    {
                        AnalyzeTry(tryOperation, shared.OutsideGeneratedCode(c.ReportDiagnostic, c.CancellationToken), shared, c.CancellationToken);
                    }
                }, OperationKind.Try);

                // Polly's …Forever calls and the retry settings are rare: found from the file's text, then their operations asked for.
                start.RegisterSemanticModelAction(c =>
                {
                    var cancellationToken = c.CancellationToken;
                    if (!(state.Get(cancellationToken) is { } found) || !found.LegacyPolly && !found.Settings)
                    {
                        return;
                    }

                    var shared = found.Shared;
                    var model = c.SemanticModel;
                    var candidates = LoopCandidates.RetryPart.Scan(model.SyntaxTree, found.Words, cancellationToken);
                    if (found.LegacyPolly)
                    {
                        foreach (var node in candidates.ForeverCalls)
                        {
                            if (model.SafeGetOperation(node, cancellationToken) is IInvocationOperation invocation)
                            {
                                AnalyzeLegacyPolly(invocation, shared.OutsideGeneratedCode(c.ReportDiagnostic, c.CancellationToken), shared, cancellationToken);
                            }
                        }
                    }

                    if (found.Settings)
                    {
                        foreach (var node in candidates.RetrySettings)
                        {
                            if (model.SafeGetOperation(node, cancellationToken) is IObjectOrCollectionInitializerOperation initializer)
                            {
                                AnalyzeInitializer(initializer, shared.OutsideGeneratedCode(c.ReportDiagnostic, c.CancellationToken), shared, found.HasPollyCore, cancellationToken);
                            }
                        }
                    }
                });
            });
        }

        /// <summary>What the rule needs of a compilation; none where nothing can make a paid call.</summary>
        private sealed class State
        {
            private State(ClaudeCompilationContext shared)
            {
                Shared = shared;
                LegacyPolly = shared.Symbols.Types.Find("Polly.RetrySyntax") != null;
                HasPollyCore = shared.Symbols.Types.Find("Polly.Retry.RetryStrategyOptions") != null;
                Settings = HasPollyCore || shared.Symbols.HasOfficialSdk;
                // Only this rule's words: Polly's Execute… calls are CC0018's (each rule scans the file for its own words).
                Words = LoopCandidates.WordsFor(shared) & (LoopCandidates.Words.LegacyPolly | LoopCandidates.Words.RetrySettings);
            }

            public ClaudeCompilationContext Shared { get; }

            public bool LegacyPolly { get; }

            public bool HasPollyCore { get; }

            public bool Settings { get; }

            public LoopCandidates.Words Words { get; }

            /// <summary>No client library and no file naming the Anthropic API: nothing here can make a paid call.</summary>
            public static State? For(ClaudeCompilationContext shared) => shared.PaidCalls.MayHavePaidCalls ? new State(shared) : null;
        }

        /// <summary>
        /// Cheap syntax test before <see cref="AnalyzeTry"/>: a catch has a call named like the method or local function the
        /// try is in (a try in a lambda, an accessor, a constructor or an operator is in something no call can name).
        /// </summary>
        private static bool MayRecurseFromCatch(TryStatementSyntax tryStatement)
        {
            string? name = null;
            for (var current = tryStatement.Parent; current != null && name == null; current = current.Parent)
            {
                switch (current)
                {
                    case AnonymousFunctionExpressionSyntax _:
                        return false;
                    case LocalFunctionStatementSyntax local:
                        name = local.Identifier.ValueText;
                        break;
                    case MethodDeclarationSyntax method:
                        name = method.Identifier.ValueText;
                        break;
                    case MemberDeclarationSyntax _:
                        return false;
                }
            }

            if (name == null)
            {
                return false;
            }

            foreach (var catchClause in tryStatement.Catches)
            {
                foreach (var node in catchClause.DescendantNodes())
                {
                    if (node is InvocationExpressionSyntax invocation && (LoopCandidates.InvokedName(invocation) is not string invoked || invoked == name))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static void AnalyzeLoop(ILoopOperation loop, Compilation compilation, Action<Diagnostic> report, ClaudeCompilationContext shared, CancellationToken cancellationToken)
        {
            var retry = RetryLoops.Analyze(loop, shared, cancellationToken);
            if (retry == null || retry.Bounded || (retry.Calls.IsEmpty && !retry.HasIndirectCall))
            {
                return;
            }

            var options = shared.OptionsFor(loop.Syntax.SyntaxTree);
            var display = retry.Calls.IsEmpty ? "A paid Claude call" : "Claude's " + retry.Calls[0].Display;
            var explanation = "the loop goes on after an exception with no attempt counter, deadline or timeout" +
                (retry.HasDelay ? "" : ", and retries at once with no delay");

            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties[KindProperty] = LoopKind;
            properties[MaxAttemptsProperty] = options.MaxAttempts.ToString(CultureInfo.InvariantCulture);
            properties[AddDelayProperty] = retry.HasDelay ? "false" : "true";
            properties[AsyncProperty] = IsInAsyncFunction(loop) ? "true" : "false";
            properties[SharedRandomProperty] = HasSharedRandom(compilation) ? "true" : "false";
            properties[CatchCountProperty] = retry.ContinuingCatches.Length.ToString(CultureInfo.InvariantCulture);

            var additional = ImmutableArray.CreateBuilder<Location>();
            additional.Add(loop.Syntax.GetLocation());
            foreach (var catchClause in retry.ContinuingCatches)
            {
                additional.Add(catchClause.Syntax.GetLocation());
            }

            var fixable = IsRewritableLoop(loop);
            foreach (var call in retry.Calls)
            {
                var inner = shared.PaidCalls.InnerRetries(call, cancellationToken);
                if (inner.Kind == InnerRetryKind.None)
                {
                    continue;
                }

                // The fixed loop retries by itself: the call's own retries are turned off, so the fix never multiplies them (CC0018).
                var target = inner.CanDisableAtCall ? RetryReceivers.WrapTarget(call, shared) : null;
                if (target == null)
                {
                    fixable = false;
                    break;
                }

                additional.Add(target.GetLocation());
            }

            var counter = fixable ? UniqueName(loop, "attempt") : null;
            properties[CounterProperty] = counter;
            properties[FixableProperty] = fixable && counter != null ? "true" : "false";
            report(Diagnostic.Create(Rule, retry.HeaderLocation, additional.ToImmutable(), properties.ToImmutable(), display, explanation));
        }

        /// <summary>Recursion from a catch: <c>catch { return await AskAsync(q); }</c> around a paid call, with no counter or deadline passed on.</summary>
        private static void AnalyzeTry(ITryOperation tryOperation, Action<Diagnostic> report, ClaudeCompilationContext shared, CancellationToken cancellationToken)
        {
            if (tryOperation.Catches.IsEmpty || !PaidCalls.MayContainPaidCall(tryOperation.Body.Syntax) || tryOperation.SemanticModel == null)
            {
                return;
            }

            if (!(tryOperation.SemanticModel.GetEnclosingSymbol(tryOperation.Syntax.SpanStart, cancellationToken) is IMethodSymbol method))
            {
                return;
            }

            IInvocationOperation? recursive = null;
            foreach (var catchClause in tryOperation.Catches)
            {
                foreach (var operation in RetryLoops.Walk(catchClause, intoLambdas: false))
                {
                    if (operation is IInvocationOperation invocation && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.OriginalDefinition, method.OriginalDefinition))
                    {
                        recursive = invocation;
                        break;
                    }
                }

                if (recursive != null)
                {
                    if (IsBoundedRecursion(recursive, catchClause))
                    {
                        return;
                    }

                    break;
                }
            }

            if (recursive == null)
            {
                return;
            }

            PaidCall? call = null;
            foreach (var operation in RetryLoops.Walk(tryOperation.Body, intoLambdas: true))
            {
                if (operation is IInvocationOperation invocation && shared.PaidCalls.Recognize(invocation, cancellationToken) is PaidCall found)
                {
                    call = found;
                    break;
                }
            }

            if (call == null)
            {
                return;
            }

            var properties = ImmutableDictionary<string, string?>.Empty.Add(KindProperty, RecursionKind).Add(FixableProperty, "false");
            report(Diagnostic.Create(
                Rule,
                recursive.Syntax.GetLocation(),
                properties,
                "Claude's " + call.Display,
                "the catch calls " + method.Name + " again with no attempt counter or deadline passed on"));
        }

        /// <summary>The recursive call passes a changed count (<c>attempt + 1</c>, <c>retriesLeft - 1</c>, <c>++n</c>) or the catch compares a time.</summary>
        private static bool IsBoundedRecursion(IInvocationOperation recursive, ICatchClauseOperation catchClause)
        {
            foreach (var argument in recursive.Arguments)
            {
                foreach (var operation in RetryLoops.Walk(argument.Value, intoLambdas: false))
                {
                    if (operation is IIncrementOrDecrementOperation || operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract })
                    {
                        return true;
                    }
                }
            }

            foreach (var operation in RetryLoops.Walk(catchClause, intoLambdas: false))
            {
                if (operation is IBinaryOperation comparison && comparison.OperatorKind is BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Polly's legacy <c>RetryForever</c>, <c>WaitAndRetryForever</c> (and async) executing a paid call or handling the SDK's exceptions.</summary>
        private static void AnalyzeLegacyPolly(IInvocationOperation invocation, Action<Diagnostic> report, ClaudeCompilationContext shared, CancellationToken cancellationToken)
        {
            var name = invocation.TargetMethod.Name;
            if (!RetryPolicies.IsForeverName(name) || !RetryPolicies.IsLegacyRetryName(name))
            {
                return;
            }

            var policy = RetryPolicies.FromLegacy(invocation);
            if (policy == null || !policy.Forever)
            {
                return;
            }

            var calls = RetryPolicies.ExecutedPaidCalls(policy, shared, cancellationToken);
            if (calls.IsEmpty && !policy.HandlesAnthropic)
            {
                return;
            }

            var options = shared.OptionsFor(invocation.Syntax.SyntaxTree);
            var replacement = LegacyReplacement(invocation, options.MaxAttempts - 1);
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties[KindProperty] = PollyKind;
            properties[ReplacementProperty] = replacement;
            properties[MaxAttemptsProperty] = options.MaxAttempts.ToString(CultureInfo.InvariantCulture);
            properties[FixableProperty] = replacement != null ? "true" : "false";
            var nameSyntax = (invocation.Syntax as InvocationExpressionSyntax)?.Expression is MemberAccessExpressionSyntax access ? access.Name : invocation.Syntax;
            report(Diagnostic.Create(
                Rule,
                nameSyntax.GetLocation(),
                ImmutableArray.Create(invocation.Syntax.GetLocation()),
                properties.ToImmutable(),
                calls.IsEmpty ? "A paid Claude call" : "Claude's " + calls[0].Display,
                "the Polly policy " + name + " retries every failure forever" + (name.StartsWith("WaitAnd", System.StringComparison.Ordinal) ? "" : ", with no delay")));
        }

        /// <summary>
        /// <c>RetryForeverAsync(…)</c> → <c>RetryAsync(n, …)</c>, <c>WaitAndRetryForever(f)</c> → <c>WaitAndRetry(n, f)</c>, when that
        /// binds to a Polly overload (some onRetry delegates have other shapes there); the replacement text, or null.
        /// </summary>
        private static string? LegacyReplacement(IInvocationOperation invocation, int retries)
        {
            if (!(invocation.Syntax is InvocationExpressionSyntax syntax) || !(syntax.Expression is MemberAccessExpressionSyntax access) ||
                !(access.Name is IdentifierNameSyntax) || invocation.SemanticModel == null)
            {
                return null;
            }

            var newName = access.Name.Identifier.ValueText.Replace("Forever", "");
            var count = SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(retries)));
            var rewritten = syntax
                .WithExpression(access.WithName(SyntaxFactory.IdentifierName(newName)))
                .WithArgumentList(syntax.ArgumentList.WithArguments(syntax.ArgumentList.Arguments.Insert(0, count)));
            var info = invocation.SemanticModel.GetSpeculativeSymbolInfo(syntax.SpanStart, rewritten, SpeculativeBindingOption.BindAsExpression);
            return info.Symbol is IMethodSymbol bound && bound.ContainingAssembly?.Name == "Polly" ? newName : null;
        }

        /// <summary>Polly 8 <c>MaxRetryAttempts = int.MaxValue</c>, and the SDK's <c>MaxRetries</c> above the ceiling.</summary>
        private static void AnalyzeInitializer(IObjectOrCollectionInitializerOperation initializer, Action<Diagnostic> report, ClaudeCompilationContext shared, bool hasPollyCore, CancellationToken cancellationToken)
        {
            foreach (var item in initializer.Initializers)
            {
                if (!(item is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment))
                {
                    continue;
                }

                var name = property.Property.Name;
                if (name == "MaxRetryAttempts" && hasPollyCore && initializer.Parent is IObjectCreationOperation creation && RetryPolicies.IsRetryStrategyOptions(creation.Type))
                {
                    var policy = RetryPolicies.FromStrategyOptions(creation);
                    if (policy == null || !policy.Forever)
                    {
                        continue;
                    }

                    var calls = RetryPolicies.ExecutedPaidCalls(policy, shared, cancellationToken);
                    if (calls.IsEmpty && !policy.HandlesAnthropic)
                    {
                        continue;
                    }

                    var options = shared.OptionsFor(assignment.Syntax.SyntaxTree);
                    Report(report, assignment, PollyOptionsKind, options.MaxAttempts - 1, calls.IsEmpty ? "A paid Claude call" : "Claude's " + calls[0].Display, "MaxRetryAttempts = int.MaxValue retries every failure forever");
                }
                else if (name == "MaxRetries" && shared.PaidCalls.IsOfficialRetryOptionsType(property.Property.ContainingType))
                {
                    var value = OperationHelpers.ConstantLong(assignment.Value);
                    var options = shared.OptionsFor(assignment.Syntax.SyntaxTree);
                    if (value == null || value.Value <= options.MaxSdkRetries)
                    {
                        continue;
                    }

                    var retries = value.Value.ToString("N0", CultureInfo.InvariantCulture);
                    var attempts = value.Value >= int.MaxValue ? "without end" : "up to " + (value.Value + 1).ToString("N0", CultureInfo.InvariantCulture) + " times";
                    Report(report, assignment, SdkRetriesKind, options.MaxAttempts - 1, "Every Claude call of this client",
                        "MaxRetries = " + retries + " sends each failing call " + attempts + ", each retry waiting as long as the server's Retry-After asks (ceiling " + options.MaxSdkRetries.ToString(CultureInfo.InvariantCulture) + ", claudecost.cc0004.max_sdk_retries)");
                }
            }
        }

        private static void Report(Action<Diagnostic> report, ISimpleAssignmentOperation assignment, string kind, int replacement, string display, string explanation)
        {
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties[KindProperty] = kind;
            properties[ReplacementProperty] = replacement.ToString(CultureInfo.InvariantCulture);
            properties[FixableProperty] = "true";
            report(Diagnostic.Create(Rule, assignment.Syntax.GetLocation(), ImmutableArray.Create(assignment.Value.Syntax.GetLocation()), properties.ToImmutable(), display, explanation));
        }

        /// <summary>
        /// The fix turns the loop into <c>for (var attempt = 1; condition; attempt++)</c>: <c>while</c> loops,
        /// <c>for</c> loops without declarations or incrementors, and <c>do … while (true)</c> (a do loop with another
        /// condition would change meaning).
        /// </summary>
        private static bool IsRewritableLoop(ILoopOperation loop) => loop.Syntax switch
        {
            WhileStatementSyntax => true,
            ForStatementSyntax f => f.Declaration == null && f.Initializers.Count == 0 && f.Incrementors.Count == 0,
            DoStatementSyntax => RetryLoops.IsEndless(loop),
            _ => false,
        };

        private static bool IsInAsyncFunction(IOperation operation)
        {
            for (var current = operation.Parent; current != null; current = current.Parent)
            {
                switch (current)
                {
                    case IAnonymousFunctionOperation lambda:
                        return lambda.Symbol.IsAsync;
                    case ILocalFunctionOperation local:
                        return local.Symbol.IsAsync;
                }
            }

            return operation.SemanticModel?.GetEnclosingSymbol(operation.Syntax.SpanStart) is IMethodSymbol { IsAsync: true };
        }

        private static bool HasSharedRandom(Compilation compilation)
        {
            var random = compilation.GetTypeByMetadataName("System.Random");
            return random != null && !random.GetMembers("Shared").IsEmpty;
        }

        /// <summary>A name free at the loop and inside it: attempt, attempt2, …</summary>
        private static string? UniqueName(ILoopOperation loop, string baseName)
        {
            // A name no identifier of the enclosing member (or of the top-level statements) spells: then no local or
            // parameter in scope has it and no code in the loop means something else by it. A member of the type with the
            // name is merely shadowed, and nothing in this member refers to it. (Asking the semantic model for the symbols
            // in scope by name walks every imported namespace: milliseconds per loop.)
            var scope = (SyntaxNode?)loop.Syntax.FirstAncestorOrSelf<MemberDeclarationSyntax>(m => !(m is GlobalStatementSyntax)) ?? loop.Syntax.SyntaxTree.GetRoot();
            var taken = new HashSet<string>(StringComparer.Ordinal);
            foreach (var token in scope.DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText.StartsWith(baseName, StringComparison.Ordinal))
                {
                    taken.Add(token.ValueText);
                }
            }

            for (var i = 1; i < 20; i++)
            {
                var candidate = i == 1 ? baseName : baseName + i.ToString(CultureInfo.InvariantCulture);
                if (!taken.Contains(candidate))
                {
                    return candidate;
                }
            }

            return null;
        }
    }

    /// <summary>Where the fixes insert <c>WithOptions(o =&gt; o with { MaxRetries = 0 })</c> for one call.</summary>
    internal static class RetryReceivers
    {
        /// <summary>
        /// The client in the call's receiver chain (<c>client</c> in <c>client.Messages.Create</c>), when only service
        /// properties lie between it and the call; else the call's own receiver (the service, which has
        /// <c>WithOptions</c> too), so the inserted options are always the last ones applied.
        /// </summary>
        public static SyntaxNode? WrapTarget(PaidCall call, ClaudeCompilationContext shared)
        {
            if (call.Surface != PaidSurface.OfficialSdk || call.Receiver == null)
            {
                return null;
            }

            var receiver = OperationHelpers.Peel(call.Receiver);
            if (!(call.Invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }) || !access.Expression.Span.Contains(receiver.Syntax.Span))
            {
                return null;
            }

            var clientInterface = shared.PaidCalls.OfficialClientInterface;
            var current = receiver;
            for (var hops = 0; hops < 8; hops++)
            {
                if (ImplementsClient(current.Type, clientInterface))
                {
                    return current.Syntax;
                }

                if (current is IPropertyReferenceOperation property && property.Property.ContainingAssembly?.Name == "Anthropic" && property.Instance != null)
                {
                    current = OperationHelpers.Peel(property.Instance);
                    continue;
                }

                break;
            }

            return receiver.Syntax;
        }

        private static bool ImplementsClient(ITypeSymbol? type, INamedTypeSymbol? clientInterface)
        {
            if (type == null || clientInterface == null)
            {
                return false;
            }

            if (SymbolEqualityComparer.Default.Equals(type, clientInterface))
            {
                return true;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented, clientInterface))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
