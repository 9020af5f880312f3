using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using ClaudeCost.Analyzers.Infrastructure;
using ClaudeCost.Analyzers.Requests;
using ClaudeCost.Analyzers.Surfaces;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ClaudeCost.Analyzers.Rules
{
    /// <summary>
    /// A loop that retries a paid Claude call after an exception: a <c>try</c> in the loop body holds the call, a
    /// catch lets the loop go on (its end is reachable, or it says <c>continue</c>), and the success path leaves the
    /// loop (a <c>return</c> or <c>break</c> after the call, or, in a flag loop, an assignment to a variable the
    /// condition reads). A loop that processes a new item per iteration never leaves on success, so it is not one.
    /// </summary>
    internal sealed class RetryLoop
    {
        public RetryLoop(
            ILoopOperation loop,
            ImmutableArray<PaidCall> calls,
            bool hasIndirectCall,
            ImmutableArray<ICatchClauseOperation> continuingCatches,
            bool bounded,
            string? boundedBy,
            long? outerAttempts,
            bool hasDelay,
            bool transportTriggered)
        {
            Loop = loop;
            Calls = calls;
            HasIndirectCall = hasIndirectCall;
            ContinuingCatches = continuingCatches;
            Bounded = bounded;
            BoundedBy = boundedBy;
            OuterAttempts = outerAttempts;
            HasDelay = hasDelay;
            TransportTriggered = transportTriggered;
        }

        public ILoopOperation Loop { get; }

        /// <summary>Paid calls made directly in the retried <c>try</c> blocks (lambdas included, local functions not).</summary>
        public ImmutableArray<PaidCall> Calls { get; }

        /// <summary>A retried <c>try</c> calls a method of this compilation that makes a paid call.</summary>
        public bool HasIndirectCall { get; }

        /// <summary>The catch clauses, of the tries around paid calls, after which the loop goes on.</summary>
        public ImmutableArray<ICatchClauseOperation> ContinuingCatches { get; }

        /// <summary>An attempt counter, a deadline or a timeout ends the loop.</summary>
        public bool Bounded { get; }

        /// <summary>What bounds it ("an attempt counter", "a deadline", "a timeout"), for messages and tests.</summary>
        public string? BoundedBy { get; }

        /// <summary>The loop's attempts when a counter compared with a constant gives them.</summary>
        public long? OuterAttempts { get; }

        /// <summary>The loop waits between attempts (<c>Task.Delay</c>, <c>Thread.Sleep</c>, a backoff helper).</summary>
        public bool HasDelay { get; }

        /// <summary>A continuing catch catches transport errors (HTTP 408/409/429/5xx, timeouts, connection errors).</summary>
        public bool TransportTriggered { get; }

        public SyntaxNode Syntax => Loop.Syntax;

        /// <summary>The loop header for diagnostics: <c>while (true)</c>, <c>for (;;)</c>, the <c>do</c> keyword.</summary>
        public Location HeaderLocation
        {
            get
            {
                switch (Loop.Syntax)
                {
                    case WhileStatementSyntax w:
                        return Location.Create(w.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(w.WhileKeyword.SpanStart, w.CloseParenToken.Span.End));
                    case ForStatementSyntax f:
                        return Location.Create(f.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(f.ForKeyword.SpanStart, f.CloseParenToken.Span.End));
                    case DoStatementSyntax d:
                        return d.DoKeyword.GetLocation();
                    default:
                        return Loop.Syntax.GetLocation();
                }
            }
        }
    }

    /// <summary>Finds retry loops around paid calls and tells whether something bounds them. Walks iteratively.</summary>
    internal static class RetryLoops
    {
        private const int MaxOperations = 20000;

        /// <summary>Cheap syntax test before any semantic work: a while/for/do loop with a try/catch, not polling a batch.</summary>
        public static bool IsCandidate(SyntaxNode loop)
        {
            if (!(loop is WhileStatementSyntax || loop is ForStatementSyntax || loop is DoStatementSyntax))
            {
                return false;
            }

            // Text searches, with the token looked up at each hit only (most loops have no catch and are done after one search).
            return SourceSearch.AnyToken(loop, "catch", System.StringComparison.Ordinal, token => token.IsKind(SyntaxKind.CatchKeyword)) &&
                // Polling a batch until it ends is not a retry of a paid call.
                !SourceSearch.AnyToken(loop, "ProcessingStatus", System.StringComparison.Ordinal, token => token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == "ProcessingStatus") &&
                !SourceSearch.AnyToken(loop, "processing_status", System.StringComparison.Ordinal, token => token.IsKind(SyntaxKind.StringLiteralToken) && token.ValueText.IndexOf("processing_status", System.StringComparison.Ordinal) >= 0);
        }

        /// <summary>
        /// The loop that may retry this try: the nearest enclosing while/for/do loop, with no lambda, local function or other
        /// loop between them (the tries <see cref="Compute"/> looks at). A loop can only be a retry loop when it has such a
        /// try with a catch, so the rules start from the tries (few) rather than from every loop (foreach loops included).
        /// </summary>
        public static ILoopOperation? OwnLoopOf(ITryOperation tryOperation)
        {
            if (tryOperation.Catches.IsEmpty)
            {
                return null;
            }

            for (var current = tryOperation.Parent; current != null; current = current.Parent)
            {
                switch (current)
                {
                    case ILoopOperation loop:
                        return loop is IForEachLoopOperation || !(loop.Syntax is WhileStatementSyntax || loop.Syntax is ForStatementSyntax || loop.Syntax is DoStatementSyntax) ? null : loop;
                    case IAnonymousFunctionOperation _:
                    case ILocalFunctionOperation _:
                        return null;
                }
            }

            return null;
        }

        private static bool IsLoopSyntax(SyntaxNode node) => node is WhileStatementSyntax || node is ForStatementSyntax || node is DoStatementSyntax;

        /// <summary>The retry loop this loop is, or null; computed once per compilation and shared by CC0004 and CC0018.</summary>
        public static RetryLoop? Analyze(ILoopOperation loop, ClaudeCompilationContext shared, CancellationToken cancellationToken)
        {
            if (loop is IForEachLoopOperation || loop.Body == null || !IsLoopSyntax(loop.Syntax))
            {
                return null;
            }

            var cache = shared.PaidCalls.LoopAnalyses;
            if (cache.TryGetValue(loop.Syntax, out var cached))
            {
                return cached as RetryLoop;
            }

            if (!IsCandidate(loop.Syntax))
            {
                cache.TryAdd(loop.Syntax, null);
                return null;
            }

            var result = Compute(loop, shared, cancellationToken);
            cache.TryAdd(loop.Syntax, result);
            return result;
        }

        private static RetryLoop? Compute(ILoopOperation loop, ClaudeCompilationContext shared, CancellationToken cancellationToken)
        {

            var paid = shared.PaidCalls;
            var calls = ImmutableArray.CreateBuilder<PaidCall>();
            var continuing = ImmutableArray.CreateBuilder<ICatchClauseOperation>();
            var hasIndirect = false;
            var conditionSymbols = ConditionSymbols(loop);

            foreach (var tryOperation in OwnTries(loop))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var tryCalls = new List<PaidCall>();
                var indirect = false;
                SyntaxNode? first = null;
                foreach (var operation in Walk(tryOperation.Body, intoLambdas: true))
                {
                    if (!(operation is IInvocationOperation invocation))
                    {
                        continue;
                    }

                    var call = paid.Recognize(invocation, cancellationToken);
                    if (call != null)
                    {
                        tryCalls.Add(call);
                        first ??= invocation.Syntax;
                    }
                    else if (paid.MakesPaidCall(invocation.TargetMethod, cancellationToken))
                    {
                        indirect = true;
                        first ??= invocation.Syntax;
                    }
                }

                if (first == null)
                {
                    continue;
                }

                var tryContinuing = new List<ICatchClauseOperation>();
                foreach (var catchClause in tryOperation.Catches)
                {
                    if (Continues(catchClause, loop))
                    {
                        tryContinuing.Add(catchClause);
                    }
                }

                if (tryContinuing.Count == 0 || !LeavesOnSuccess(loop, first, conditionSymbols))
                {
                    continue;
                }

                calls.AddRange(tryCalls);
                hasIndirect |= indirect;
                continuing.AddRange(tryContinuing);
            }

            if (continuing.Count == 0)
            {
                return null;
            }

            var catches = continuing.ToImmutable();
            var bound = FindBound(loop, catches, out var outerAttempts);
            var transport = false;
            foreach (var catchClause in catches)
            {
                transport |= ExceptionTypes.IsTransport(catchClause.ExceptionType);
            }

            return new RetryLoop(loop, calls.ToImmutable(), hasIndirect, catches, bound != null, bound, outerAttempts, HasDelay(loop), transport);
        }

        /// <summary>The tries whose nearest enclosing loop is this one (not inside a nested loop or local function).</summary>
        private static IEnumerable<ITryOperation> OwnTries(ILoopOperation loop)
        {
            foreach (var operation in Walk(loop.Body, intoLambdas: false))
            {
                if (operation is ITryOperation tryOperation && tryOperation.Catches.Length > 0)
                {
                    yield return tryOperation;
                }
            }
        }

        /// <summary>
        /// Pre-order walk without recursion. Never enters nested loops or local functions; enters lambdas only when asked
        /// (a call made through <c>policy.ExecuteAsync(() =&gt; …)</c> is still made by this iteration).
        /// </summary>
        public static IEnumerable<IOperation> Walk(IOperation? root, bool intoLambdas)
        {
            if (root == null)
            {
                yield break;
            }

            var stack = new Stack<IOperation>();
            stack.Push(root);
            var count = 0;
            while (stack.Count > 0 && count++ < MaxOperations)
            {
                var current = stack.Pop();
                yield return current;
                foreach (var child in current.ChildOperations)
                {
                    if (child is ILoopOperation || child is ILocalFunctionOperation || (!intoLambdas && child is IAnonymousFunctionOperation))
                    {
                        continue;
                    }

                    stack.Push(child);
                }
            }
        }

        /// <summary>The catch lets the loop go on: its end is reachable, or it continues this loop.</summary>
        private static bool Continues(ICatchClauseOperation catchClause, ILoopOperation loop)
        {
            if (catchClause.Handler.Syntax is BlockSyntax block && loop.SemanticModel != null)
            {
                // The usual catch (log, wait, count; or end in a throw or return) is decided from its operations; the
                // compiler's flow analysis, which runs over the whole method, only for the rest.
                var reachable = EndPoint.IsReachable(catchClause.Handler);
                if (reachable == null)
                {
                    var flow = loop.SemanticModel.AnalyzeControlFlow(block);
                    reachable = flow != null && flow.Succeeded && flow.EndPointIsReachable;
                }

                if (reachable == true)
                {
                    return true;
                }
            }

            foreach (var operation in Walk(catchClause.Handler, intoLambdas: false))
            {
                if (operation is IBranchOperation { BranchKind: BranchKind.Continue } branch && SymbolEqualityComparer.Default.Equals(branch.Target, loop.ContinueLabel))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The success path leaves the loop: a return, or a break of this loop, that ends after the first paid call and
        /// is not in a catch; or, in a flag loop, an assignment to a variable the condition reads.
        /// </summary>
        private static bool LeavesOnSuccess(ILoopOperation loop, SyntaxNode firstCall, HashSet<ISymbol> conditionSymbols)
        {
            var stack = new Stack<IOperation>();
            if (loop.Body != null)
            {
                stack.Push(loop.Body);
            }

            var count = 0;
            while (stack.Count > 0 && count++ < MaxOperations)
            {
                var current = stack.Pop();
                var after = current.Syntax.Span.End >= firstCall.Span.End;
                switch (current)
                {
                    case IReturnOperation when after && current.Kind == OperationKind.Return:
                        return true;
                    case IBranchOperation { BranchKind: BranchKind.Break } branch when after && SymbolEqualityComparer.Default.Equals(branch.Target, loop.ExitLabel):
                        return true;
                    case IAssignmentOperation assignment when after && conditionSymbols.Count > 0 && ReferencedSymbol(assignment.Target) is ISymbol target && conditionSymbols.Contains(target):
                        return true;
                }

                foreach (var child in current.ChildOperations)
                {
                    if (child is ILoopOperation || child is ILocalFunctionOperation || child is IAnonymousFunctionOperation || child is ICatchClauseOperation)
                    {
                        continue;
                    }

                    stack.Push(child);
                }
            }

            return false;
        }

        private static HashSet<ISymbol> ConditionSymbols(ILoopOperation loop)
        {
            var symbols = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            var condition = ConditionOf(loop);
            if (condition == null || condition.ConstantValue.HasValue)
            {
                return symbols;
            }

            foreach (var operation in Walk(condition, intoLambdas: false))
            {
                if (ReferencedSymbol(operation) is ISymbol symbol)
                {
                    symbols.Add(symbol);
                }
            }

            return symbols;
        }

        public static IOperation? ConditionOf(ILoopOperation loop) => loop switch
        {
            IWhileLoopOperation whileLoop => whileLoop.Condition,
            IForLoopOperation forLoop => forLoop.Condition,
            _ => null,
        };

        /// <summary>The loop's condition is missing or the constant true.</summary>
        public static bool IsEndless(ILoopOperation loop)
        {
            var condition = ConditionOf(loop);
            if (condition == null)
            {
                return true;
            }

            var constant = condition.ConstantValue;
            return constant.HasValue && constant.Value is bool value && (loop is IWhileLoopOperation { ConditionIsUntil: true } ? !value : value);
        }

        private static IOperation Unstep(IOperation operation)
            => OperationHelpers.Peel(operation) is IIncrementOrDecrementOperation step ? step.Target : operation;

        public static ISymbol? ReferencedSymbol(IOperation operation) => OperationHelpers.Peel(operation) switch
        {
            ILocalReferenceOperation local => local.Local,
            IFieldReferenceOperation field => field.Field,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IPropertyReferenceOperation property when property.Property.Parameters.Length == 0 => property.Property,
            _ => null,
        };

        /// <summary>
        /// What ends the loop, or null. Bounds: a counter (a variable changed by ++, --, += or x = x ± n in the loop)
        /// compared anywhere in the loop; a comparison of times (DateTime, DateTimeOffset, TimeSpan, Stopwatch,
        /// Environment.TickCount); a check of a token whose source has a timeout (<c>IsCancellationRequested</c>,
        /// <c>ThrowIfCancellationRequested</c>), or such a token passed to a call when no continuing catch swallows
        /// the cancellation.
        /// </summary>
        private static string? FindBound(ILoopOperation loop, ImmutableArray<ICatchClauseOperation> catches, out long? outerAttempts)
        {
            outerAttempts = null;
            var counters = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            foreach (var operation in Walk(loop, intoLambdas: false))
            {
                switch (operation)
                {
                    case IIncrementOrDecrementOperation step when ReferencedSymbol(step.Target) is ISymbol stepped:
                        counters.Add(stepped);
                        break;
                    case ICompoundAssignmentOperation compound when (compound.OperatorKind == BinaryOperatorKind.Add || compound.OperatorKind == BinaryOperatorKind.Subtract) && ReferencedSymbol(compound.Target) is ISymbol compounded:
                        counters.Add(compounded);
                        break;
                    case ISimpleAssignmentOperation assignment when ReferencedSymbol(assignment.Target) is ISymbol assigned &&
                        OperationHelpers.Peel(assignment.Value) is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract } arithmetic &&
                        (SymbolEqualityComparer.Default.Equals(ReferencedSymbol(arithmetic.LeftOperand), assigned) || SymbolEqualityComparer.Default.Equals(ReferencedSymbol(arithmetic.RightOperand), assigned)):
                        counters.Add(assigned);
                        break;
                }
            }

            var swallowsCancellation = false;
            foreach (var catchClause in catches)
            {
                swallowsCancellation |= ExceptionTypes.CatchesCancellation(catchClause.ExceptionType);
            }

            string? bound = null;
            foreach (var operation in Walk(loop, intoLambdas: false))
            {
                switch (operation)
                {
                    case IBinaryOperation comparison when IsComparison(comparison.OperatorKind):
                        if (Mentions(comparison, counters))
                        {
                            outerAttempts ??= AttemptsFrom(loop, comparison, counters);
                            return "an attempt counter";
                        }

                        if (IsTime(comparison.LeftOperand) || IsTime(comparison.RightOperand))
                        {
                            bound ??= "a deadline";
                        }

                        break;
                    case IIsPatternOperation pattern when Mentions(pattern.Value, counters):
                        return "an attempt counter";
                    case IPropertyReferenceOperation { Property.Name: "IsCancellationRequested" } check when HasTimeout(check.Instance):
                        bound ??= "a timeout";
                        break;
                    case IInvocationOperation { TargetMethod.Name: "ThrowIfCancellationRequested" } throwIf when HasTimeout(throwIf.Instance):
                        bound ??= "a timeout";
                        break;
                    case IArgumentOperation argument when !swallowsCancellation && argument.Value.Type?.Name == "CancellationToken" && argument.ArgumentKind != ArgumentKind.DefaultValue && HasTimeout(argument.Value):
                        bound ??= "a timeout";
                        break;
                }
            }

            return bound;
        }

        private static bool IsComparison(BinaryOperatorKind kind)
            => kind == BinaryOperatorKind.LessThan || kind == BinaryOperatorKind.LessThanOrEqual || kind == BinaryOperatorKind.GreaterThan ||
               kind == BinaryOperatorKind.GreaterThanOrEqual || kind == BinaryOperatorKind.Equals || kind == BinaryOperatorKind.NotEquals;

        private static bool Mentions(IOperation operation, HashSet<ISymbol> symbols)
        {
            if (symbols.Count == 0)
            {
                return false;
            }

            foreach (var item in Walk(operation, intoLambdas: false))
            {
                if (ReferencedSymbol(item) is ISymbol symbol && symbols.Contains(symbol))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsTime(IOperation operand)
        {
            foreach (var item in Walk(operand, intoLambdas: false))
            {
                var type = item.Type;
                if (type != null && (type.Name == "DateTime" || type.Name == "DateTimeOffset" || type.Name == "TimeSpan" || type.Name == "Stopwatch") && type.ContainingNamespace?.ToDisplayString() is "System" or "System.Diagnostics")
                {
                    return true;
                }

                if (item is IPropertyReferenceOperation { Property.Name: "TickCount" or "TickCount64" or "ElapsedMilliseconds" or "ElapsedTicks" } ||
                    item is IInvocationOperation { TargetMethod.Name: "GetTimestamp" or "GetElapsedTime" or "GetUtcNow" })
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A token (or its source) that a timeout cancels: <c>new CancellationTokenSource(delay)</c>, or a source on which
        /// <c>CancelAfter</c> is called in the same body; followed through locals, fields' initializers and <c>.Token</c>.
        /// A token parameter is not one: the caller's token may never fire.
        /// </summary>
        internal static bool HasTimeout(IOperation? value)
        {
            for (var hops = 0; value != null && hops < 6; hops++)
            {
                value = OperationHelpers.Peel(value);
                switch (value)
                {
                    case IPropertyReferenceOperation { Property.Name: "Token" } token:
                        value = token.Instance;
                        continue;
                    case IObjectCreationOperation creation when creation.Type?.Name == "CancellationTokenSource":
                        return creation.Arguments.Length > 0;
                    case ILocalReferenceOperation local:
                        if (CancelAfterCalledOn(local))
                        {
                            return true;
                        }

                        value = OperationHelpers.FollowLocal(local) ?? DeclaredValue(local);
                        continue;
                    default:
                        return false;
                }
            }

            return false;
        }

        /// <summary>The initializer of a local declared with <c>using var</c> (FollowLocal sees only plain declarations).</summary>
        private static IOperation? DeclaredValue(ILocalReferenceOperation local)
        {
            var syntax = local.Local.DeclaringSyntaxReferences.Length == 1 ? local.Local.DeclaringSyntaxReferences[0].GetSyntax() : null;
            if (syntax is VariableDeclaratorSyntax { Initializer: { } initializer } && local.SemanticModel != null && initializer.SyntaxTree == local.SemanticModel.SyntaxTree)
            {
                return local.SemanticModel.SafeGetOperation(initializer.Value);
            }

            return null;
        }

        private static bool CancelAfterCalledOn(ILocalReferenceOperation local)
        {
            IOperation root = local;
            while (root.Parent != null)
            {
                root = root.Parent;
            }

            foreach (var operation in Walk(root, intoLambdas: false))
            {
                if (operation is IInvocationOperation { TargetMethod.Name: "CancelAfter" } cancelAfter &&
                    cancelAfter.Instance is ILocalReferenceOperation target && SymbolEqualityComparer.Default.Equals(target.Local, local.Local))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Attempts from <c>counter &lt; N</c> / <c>counter &lt;= N</c> (or mirrored) with a constant N and the counter's constant
        /// start: N - start (+1 for &lt;=). Null when either is not a constant.
        /// </summary>
        private static long? AttemptsFrom(ILoopOperation loop, IBinaryOperation comparison, HashSet<ISymbol> counters)
        {
            var leftCounter = ReferencedSymbol(Unstep(comparison.LeftOperand));
            var rightCounter = ReferencedSymbol(Unstep(comparison.RightOperand));
            ISymbol? counter;
            long? limit;
            BinaryOperatorKind kind;
            if (leftCounter != null && counters.Contains(leftCounter))
            {
                counter = leftCounter;
                limit = OperationHelpers.ConstantLong(comparison.RightOperand);
                kind = comparison.OperatorKind;
            }
            else if (rightCounter != null && counters.Contains(rightCounter))
            {
                counter = rightCounter;
                limit = OperationHelpers.ConstantLong(comparison.LeftOperand);
                kind = comparison.OperatorKind switch
                {
                    BinaryOperatorKind.GreaterThan => BinaryOperatorKind.LessThan,
                    BinaryOperatorKind.GreaterThanOrEqual => BinaryOperatorKind.LessThanOrEqual,
                    BinaryOperatorKind.LessThan => BinaryOperatorKind.GreaterThan,
                    BinaryOperatorKind.LessThanOrEqual => BinaryOperatorKind.GreaterThanOrEqual,
                    _ => comparison.OperatorKind,
                };
            }
            else
            {
                return null;
            }

            var start = StartOf(loop, counter);
            if (limit == null || start == null)
            {
                return null;
            }

            // In the loop condition the counter counts attempts made; in a catch (filter or if) it counts failures so far.
            var condition = ConditionOf(loop);
            var inCondition = condition != null && condition.Syntax.Span.Contains(comparison.Syntax.Span);
            var counterOperand = SymbolEqualityComparer.Default.Equals(leftCounter, counter) ? comparison.LeftOperand : comparison.RightOperand;
            var prefix = OperationHelpers.Peel(counterOperand) is IIncrementOrDecrementOperation { IsPostfix: false };
            var span = limit.Value - start.Value;
            long attempts;
            switch (kind)
            {
                case BinaryOperatorKind.LessThan:
                    attempts = inCondition || prefix ? span : span + 1;
                    break;
                case BinaryOperatorKind.LessThanOrEqual:
                    attempts = inCondition || prefix ? span + 1 : span + 2;
                    break;
                case BinaryOperatorKind.GreaterThanOrEqual:
                    // if (++failures >= N) throw; (or failures++; then the test).
                    attempts = span;
                    break;
                case BinaryOperatorKind.GreaterThan:
                    attempts = span + 1;
                    break;
                default:
                    return null;
            }

            return attempts >= 1 && attempts <= 1000 ? attempts : (long?)null;
        }

        private static long? StartOf(ILoopOperation loop, ISymbol counter)
        {
            if (!(counter is ILocalSymbol local) || local.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            if (local.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax { Initializer: { } initializer } && loop.SemanticModel != null && initializer.SyntaxTree == loop.SemanticModel.SyntaxTree)
            {
                var value = loop.SemanticModel.GetConstantValue(initializer.Value);
                if (value.HasValue && value.Value != null)
                {
                    try
                    {
                        return System.Convert.ToInt64(value.Value, System.Globalization.CultureInfo.InvariantCulture);
                    }
                    catch (System.Exception e) when (e is System.FormatException || e is System.InvalidCastException || e is System.OverflowException)
                    {
                        return null;
                    }
                }
            }

            return null;
        }

        /// <summary>The loop waits somewhere: Task.Delay, Thread.Sleep, or a helper whose name says it waits.</summary>
        private static bool HasDelay(ILoopOperation loop)
        {
            foreach (var operation in Walk(loop.Body, intoLambdas: true))
            {
                if (operation is IInvocationOperation invocation)
                {
                    var name = invocation.TargetMethod.Name;
                    if (name.IndexOf("Delay", System.StringComparison.Ordinal) >= 0 || name.IndexOf("Sleep", System.StringComparison.Ordinal) >= 0 ||
                        name.IndexOf("Backoff", System.StringComparison.OrdinalIgnoreCase) >= 0)
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }

    /// <summary>Which caught exceptions are transport errors (what the SDK's own retries also handle).</summary>
    internal static class ExceptionTypes
    {
        /// <summary>
        /// Transport errors: a catch-all, <c>Exception</c>/<c>SystemException</c>, <c>HttpRequestException</c>,
        /// <c>IOException</c>, <c>TimeoutException</c>, <c>TaskCanceledException</c>, <c>OperationCanceledException</c>, and
        /// the official SDK's exceptions for HTTP 408, 409, 429 and 5xx and connection errors (and their base types).
        /// </summary>
        public static bool IsTransport(ITypeSymbol? type)
        {
            if (type == null)
            {
                return true;
            }

            var ns = type.ContainingNamespace?.ToDisplayString();
            switch (ns)
            {
                case "System":
                    return type.Name is "Exception" or "SystemException" or "TimeoutException" or "OperationCanceledException";
                case "System.Net.Http":
                    return type.Name == "HttpRequestException";
                case "System.IO":
                    return type.Name == "IOException";
                case "System.Threading.Tasks":
                    return type.Name == "TaskCanceledException";
                case "Anthropic.Exceptions":
                    if (type.Name is "AnthropicException" or "AnthropicServiceException" or "AnthropicApiException" or "Anthropic4xxException" or "Anthropic5xxException" or
                        "AnthropicRateLimitException" or "AnthropicRequestTimeoutException" or "AnthropicConflictException" or "AnthropicIOException")
                    {
                        return true;
                    }

                    for (var current = type.BaseType; current != null; current = current.BaseType)
                    {
                        if (current.Name == "Anthropic5xxException")
                        {
                            return true;
                        }
                    }

                    return false;
                default:
                    return false;
            }
        }

        /// <summary>The catch swallows cancellation (a catch-all, Exception, SystemException, OperationCanceledException, TaskCanceledException).</summary>
        public static bool CatchesCancellation(ITypeSymbol? type)
            => type == null || type.ContainingNamespace?.ToDisplayString() is "System" or "System.Threading.Tasks" &&
               type.Name is "Exception" or "SystemException" or "OperationCanceledException" or "TaskCanceledException";
    }
}
