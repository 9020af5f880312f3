using System.Collections.Generic;
using System.Threading;
using ClaudeCost.Analyzers.Requests;
using ClaudeCost.Analyzers.Surfaces;
using ClaudeCost.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ClaudeCost.Analyzers.Rules
{
    /// <summary>An agent loop (or recursion) that a stop reason keeps going, with the paid call it repeats.</summary>
    internal sealed class AgentLoop
    {
        public AgentLoop(string callDisplay, string stopReason)
        {
            CallDisplay = callDisplay;
            StopReason = stopReason;
        }

        /// <summary>"Messages.Create", "GetResponseAsync", a helper's name.</summary>
        public string CallDisplay { get; }

        /// <summary>The stop reason the loop tests, as the API spells it when known ("tool_use"), else "stop_reason".</summary>
        public string StopReason { get; }
    }

    /// <summary>
    /// Finds loops (and self-recursion) that keep sending the conversation while the model's stop reason says so
    /// (<c>tool_use</c>, <c>max_tokens</c>, <c>ChatFinishReason.ToolCalls</c>…), and tells whether an iteration cap,
    /// a deadline or a token budget ends them. Walks iteratively with an operation budget.
    /// </summary>
    internal static class AgentLoops
    {
        private const int MaxOperations = 20000;

        /// <summary>Cheap syntax test: the node reads a stop reason (StopReason, FinishReason, "stop_reason").</summary>
        public static bool MentionsStopReason(SyntaxNode node)
            => SourceSearch.AnyToken(node, "StopReason", System.StringComparison.Ordinal, token => token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == "StopReason") ||
               SourceSearch.AnyToken(node, "FinishReason", System.StringComparison.Ordinal, token => token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == "FinishReason") ||
               SourceSearch.AnyToken(node, "stop_reason", System.StringComparison.Ordinal, token => token.IsKind(SyntaxKind.StringLiteralToken) && token.ValueText == "stop_reason");

        /// <summary>The token names a stop reason: an identifier StopReason or FinishReason, or the string literal "stop_reason".</summary>
        public static bool IsStopReasonToken(SyntaxToken token)
        {
            if (token.IsKind(SyntaxKind.IdentifierToken))
            {
                var text = token.ValueText;
                return text == "StopReason" || text == "FinishReason";
            }

            return token.IsKind(SyntaxKind.StringLiteralToken) && token.ValueText == "stop_reason";
        }

        /// <summary>
        /// The loop is an uncapped agent loop: it makes a paid call, a stop reason decides whether it goes on, and nothing
        /// caps it. Only for loops that read a stop reason (<see cref="LoopCandidates.AgentPart.IsStopReasonLoop"/>).
        /// </summary>
        public static AgentLoop? AnalyzeLoop(ILoopOperation loop, ClaudeCompilationContext shared, CancellationToken cancellationToken)
        {
            if (loop is IForEachLoopOperation || loop.Body == null ||
                !(loop.Syntax is WhileStatementSyntax || loop.Syntax is DoStatementSyntax || loop.Syntax is ForStatementSyntax))
            {
                return null;
            }

            var call = FindPaidCall(loop, shared, cancellationToken);
            if (call == null || ReadsUserInput(loop))
            {
                return null;
            }

            var flags = StopReasonFlags(loop);
            var condition = RetryLoops.ConditionOf(loop);
            IOperation? decision = null;
            if (condition != null && ReadsStopReason(condition, flags))
            {
                decision = condition;
            }
            else if (RunsUntilLeft(loop, condition))
            {
                // Only a loop with no other way to end is driven by a stop-reason test in its body: a loop over a
                // queue that skips an answer on max_tokens is not an agent loop.
                foreach (var operation in Walk(loop.Body, intoLoops: true, intoLambdas: false))
                {
                    if (operation is IConditionalOperation { IsRef: false } conditional && conditional.Syntax is IfStatementSyntax &&
                        ReadsStopReason(conditional.Condition, flags) && LeavesOrContinues(conditional, loop))
                    {
                        decision = conditional.Condition;
                        break;
                    }

                    if (operation is ISwitchOperation switchOperation && ReadsStopReason(switchOperation.Value, flags) && LeavesOrContinues(switchOperation, loop))
                    {
                        decision = switchOperation;
                        break;
                    }
                }
            }

            if (decision == null || IsCapped(loop, loop, cancellationToken))
            {
                return null;
            }

            return new AgentLoop(call, StopReasonText(decision));
        }

        /// <summary>
        /// The loop ends only from inside: no condition, the constant true, or only the caller's cancellation token
        /// (<c>while (!ct.IsCancellationRequested)</c>; a token with a timeout counts as a cap elsewhere).
        /// </summary>
        private static bool RunsUntilLeft(ILoopOperation loop, IOperation? condition)
        {
            if (RetryLoops.IsEndless(loop))
            {
                return true;
            }

            var peeled = condition == null ? null : OperationHelpers.Peel(condition);
            if (peeled is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not)
            {
                peeled = OperationHelpers.Peel(not.Operand);
            }

            return peeled is IPropertyReferenceOperation { Property.Name: "IsCancellationRequested" };
        }

        /// <summary>
        /// A method calling itself under a stop-reason test (<c>if (r.StopReason == MaxTokens) return await Ask(…)</c>),
        /// in a method that makes a paid call, with no depth limit (no counter, deadline or budget compared).
        /// </summary>
        public static AgentLoop? AnalyzeRecursion(IInvocationOperation invocation, ISymbol containing, ClaudeCompilationContext shared, CancellationToken cancellationToken)
        {
            if (!SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.OriginalDefinition, containing.OriginalDefinition))
            {
                return null;
            }

            IConditionalOperation? guard = null;
            IOperation root = invocation;
            for (var current = invocation.Parent; current != null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation || current is ILocalFunctionOperation)
                {
                    return null;
                }

                if (guard == null && current is IConditionalOperation conditional && ReadsStopReason(conditional.Condition, null) &&
                    !conditional.Condition.Syntax.Span.Contains(invocation.Syntax.Span))
                {
                    guard = conditional;
                }

                root = current;
            }

            if (guard == null || !MentionsStopReason(root.Syntax))
            {
                return null;
            }

            string? call = null;
            foreach (var operation in Walk(root, intoLoops: true, intoLambdas: true))
            {
                if (operation is IInvocationOperation candidate && !ReferenceEquals(candidate, invocation) &&
                    shared.PaidCalls.Recognize(candidate, cancellationToken) is { } paid)
                {
                    call = paid.Display;
                    break;
                }
            }

            if (call == null || IsCapped(root, null, cancellationToken))
            {
                return null;
            }

            return new AgentLoop(call, StopReasonText(guard.Condition));
        }

        /// <summary>The loop header for diagnostics: <c>while (…)</c>, <c>for (…)</c>, the <c>do</c> keyword.</summary>
        public static Location HeaderLocation(SyntaxNode loop)
        {
            switch (loop)
            {
                case WhileStatementSyntax w:
                    return Location.Create(w.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(w.WhileKeyword.SpanStart, w.CloseParenToken.Span.End));
                case ForStatementSyntax f:
                    return Location.Create(f.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(f.ForKeyword.SpanStart, f.CloseParenToken.Span.End));
                case DoStatementSyntax d:
                    return d.DoKeyword.GetLocation();
                default:
                    return loop.GetLocation();
            }
        }

        private static string? FindPaidCall(ILoopOperation loop, ClaudeCompilationContext shared, CancellationToken cancellationToken)
        {
            foreach (var operation in Walk(loop.Body, intoLoops: true, intoLambdas: true))
            {
                if (!(operation is IInvocationOperation invocation))
                {
                    continue;
                }

                cancellationToken.ThrowIfCancellationRequested();
                if (shared.PaidCalls.Recognize(invocation, cancellationToken) is { } call)
                {
                    return call.Display;
                }

                if (shared.PaidCalls.MakesPaidCall(invocation.TargetMethod, cancellationToken))
                {
                    return invocation.TargetMethod.Name;
                }
            }

            var condition = RetryLoops.ConditionOf(loop);
            foreach (var operation in Walk(condition, intoLoops: false, intoLambdas: true))
            {
                if (operation is IInvocationOperation invocation && shared.PaidCalls.Recognize(invocation, cancellationToken) is { } call)
                {
                    return call.Display;
                }
            }

            return null;
        }

        /// <summary>Each turn waits for a person (Console.ReadLine, a TextReader): a chat, paced by its user.</summary>
        private static bool ReadsUserInput(ILoopOperation loop)
        {
            foreach (var operation in Walk(loop, intoLoops: true, intoLambdas: false))
            {
                if (operation is IInvocationOperation { TargetMethod.Name: "ReadLine" or "ReadLineAsync" or "ReadKey" or "Read" } invocation &&
                    invocation.TargetMethod.ContainingType?.ContainingNamespace?.ToDisplayString() == "System" ||
                    operation is IInvocationOperation { TargetMethod: { Name: "ReadLine" or "ReadLineAsync", ContainingType.Name: "TextReader" or "StreamReader" } })
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Locals assigned, in the loop, a value that reads a stop reason (<c>done = r.StopReason != ToolUse;</c>).</summary>
        private static HashSet<ISymbol> StopReasonFlags(ILoopOperation loop)
        {
            var flags = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            foreach (var operation in Walk(loop, intoLoops: true, intoLambdas: false))
            {
                switch (operation)
                {
                    case ISimpleAssignmentOperation assignment when RetryLoops.ReferencedSymbol(assignment.Target) is ILocalSymbol local && ReadsStopReason(assignment.Value, null):
                        flags.Add(local);
                        break;
                    case IVariableDeclaratorOperation declarator when declarator.Initializer != null && ReadsStopReason(declarator.Initializer.Value, null):
                        flags.Add(declarator.Symbol);
                        break;
                }
            }

            return flags;
        }

        private static bool ReadsStopReason(IOperation? operation, HashSet<ISymbol>? flags)
        {
            foreach (var item in Walk(operation, intoLoops: false, intoLambdas: false))
            {
                switch (item)
                {
                    case IPropertyReferenceOperation { Property.Name: "StopReason" or "FinishReason" }:
                        return true;
                    case ILiteralOperation { ConstantValue: { HasValue: true, Value: "stop_reason" } }:
                        return true;
                    case ILocalReferenceOperation local when flags != null && flags.Contains(local.Local):
                        return true;
                }
            }

            return false;
        }

        /// <summary>The decision leaves or continues the loop: a break or continue of this loop, a return, a yield break.</summary>
        private static bool LeavesOrContinues(IOperation decision, ILoopOperation loop)
        {
            foreach (var operation in Walk(decision, intoLoops: true, intoLambdas: false))
            {
                switch (operation)
                {
                    case IBranchOperation branch when SymbolEqualityComparer.Default.Equals(branch.Target, loop.ExitLabel) || SymbolEqualityComparer.Default.Equals(branch.Target, loop.ContinueLabel):
                        return true;
                    case IReturnOperation:
                        return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Something ends the loop (or recursion): a counter (a variable stepped by ++, --, += or x = x ± n) in a
        /// comparison; a comparison of times (DateTime, DateTimeOffset, TimeSpan, Stopwatch, tick counts); a token
        /// budget (token counts summed into a counter, or a comparison of usage token counts); a cancellation token from
        /// a timeout source checked or passed on; a condition that names a budget, limit or deadline.
        /// </summary>
        private static bool IsCapped(IOperation scope, ILoopOperation? loop, CancellationToken cancellationToken)
        {
            var counters = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            foreach (var operation in Walk(scope, intoLoops: false, intoLambdas: false))
            {
                switch (operation)
                {
                    case IIncrementOrDecrementOperation step when RetryLoops.ReferencedSymbol(step.Target) is ISymbol stepped:
                        counters.Add(stepped);
                        break;
                    case ICompoundAssignmentOperation compound when RetryLoops.ReferencedSymbol(compound.Target) is ISymbol compounded:
                        counters.Add(compounded);
                        break;
                    case ISimpleAssignmentOperation assignment when RetryLoops.ReferencedSymbol(assignment.Target) is ISymbol assigned &&
                        OperationHelpers.Peel(assignment.Value) is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract } arithmetic &&
                        (SymbolEqualityComparer.Default.Equals(RetryLoops.ReferencedSymbol(arithmetic.LeftOperand), assigned) || SymbolEqualityComparer.Default.Equals(RetryLoops.ReferencedSymbol(arithmetic.RightOperand), assigned)):
                        counters.Add(assigned);
                        break;
                }
            }

            // A recursion's depth parameter: compared anywhere in the method.
            if (loop == null && scope.SemanticModel != null)
            {
                foreach (var operation in Walk(scope, intoLoops: true, intoLambdas: false))
                {
                    if (operation is IParameterReferenceOperation parameter && IsNumeric(parameter.Type))
                    {
                        counters.Add(parameter.Parameter);
                    }
                }
            }

            foreach (var operation in Walk(scope, intoLoops: false, intoLambdas: false))
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (operation)
                {
                    case IBinaryOperation comparison when IsComparison(comparison.OperatorKind):
                        if (Mentions(comparison, counters) || IsTime(comparison.LeftOperand) || IsTime(comparison.RightOperand) ||
                            IsTokenCount(comparison.LeftOperand) || IsTokenCount(comparison.RightOperand))
                        {
                            return true;
                        }

                        break;
                    case IIsPatternOperation pattern when Mentions(pattern.Value, counters):
                        return true;
                    case IConditionalOperation conditional when NamesALimit(conditional.Condition):
                        return true;
                    case IPropertyReferenceOperation { Property.Name: "IsCancellationRequested" } check when RetryLoops.HasTimeout(check.Instance):
                        return true;
                    case IInvocationOperation { TargetMethod.Name: "ThrowIfCancellationRequested" } throwIf when RetryLoops.HasTimeout(throwIf.Instance):
                        return true;
                    case IArgumentOperation argument when argument.ArgumentKind != ArgumentKind.DefaultValue && argument.Value.Type?.Name == "CancellationToken" && RetryLoops.HasTimeout(argument.Value):
                        return true;
                }
            }

            // while (…) / for (…; cond; …): the condition names a limit.
            return loop != null && NamesALimit(RetryLoops.ConditionOf(loop));
        }

        private static bool IsComparison(BinaryOperatorKind kind)
            => kind == BinaryOperatorKind.LessThan || kind == BinaryOperatorKind.LessThanOrEqual || kind == BinaryOperatorKind.GreaterThan ||
               kind == BinaryOperatorKind.GreaterThanOrEqual || kind == BinaryOperatorKind.Equals || kind == BinaryOperatorKind.NotEquals;

        private static bool IsNumeric(ITypeSymbol? type)
        {
            switch (type?.SpecialType)
            {
                case SpecialType.System_Int16:
                case SpecialType.System_Int32:
                case SpecialType.System_Int64:
                case SpecialType.System_UInt16:
                case SpecialType.System_UInt32:
                case SpecialType.System_UInt64:
                case SpecialType.System_Byte:
                case SpecialType.System_SByte:
                    return true;
                default:
                    return false;
            }
        }

        private static bool Mentions(IOperation operation, HashSet<ISymbol> symbols)
        {
            if (symbols.Count == 0)
            {
                return false;
            }

            foreach (var item in Walk(operation, intoLoops: false, intoLambdas: false))
            {
                if (RetryLoops.ReferencedSymbol(item) is ISymbol symbol && symbols.Contains(symbol))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsTime(IOperation operand)
        {
            foreach (var item in Walk(operand, intoLoops: false, intoLambdas: false))
            {
                var type = item.Type;
                if (type != null && (type.Name == "DateTime" || type.Name == "DateTimeOffset" || type.Name == "TimeSpan" || type.Name == "Stopwatch") &&
                    type.ContainingNamespace?.ToDisplayString() is "System" or "System.Diagnostics")
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

        /// <summary>A usage token count (InputTokens, OutputTokens, TotalTokenCount…) in a comparison: a token budget.</summary>
        private static bool IsTokenCount(IOperation operand)
        {
            foreach (var item in Walk(operand, intoLoops: false, intoLambdas: false))
            {
                if (item is IPropertyReferenceOperation property)
                {
                    var name = property.Property.Name;
                    if (name.EndsWith("Tokens", System.StringComparison.Ordinal) || name.EndsWith("TokenCount", System.StringComparison.Ordinal) || name == "Usage")
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>A condition naming a budget, limit, deadline or maximum (<c>if (budget.IsExhausted) break;</c>): trusted as a cap.</summary>
        private static bool NamesALimit(IOperation? condition)
        {
            if (condition == null)
            {
                return false;
            }

            foreach (var token in condition.Syntax.DescendantTokens())
            {
                if (!token.IsKind(SyntaxKind.IdentifierToken))
                {
                    continue;
                }

                var text = token.ValueText.ToLowerInvariant();
                if (text == "maxtokens" || text == "max_tokens")
                {
                    // StopReason.MaxTokens is a stop reason, not a limit of the loop.
                    continue;
                }

                if (text.Contains("budget") || text.Contains("deadline") || text.Contains("timeout") || text.Contains("limit") ||
                    text.Contains("exceeded") || text.Contains("exhausted") || text.Contains("quota") || text.StartsWith("max", System.StringComparison.Ordinal) ||
                    text.Contains("remaining"))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The stop reason a decision tests, spelled as the API does: StopReason.ToolUse → "tool_use".</summary>
        private static string StopReasonText(IOperation decision)
        {
            foreach (var item in Walk(decision, intoLoops: false, intoLambdas: false))
            {
                switch (item)
                {
                    case IFieldReferenceOperation field when field.Field.ContainingType?.TypeKind == TypeKind.Enum && field.Field.ContainingType.Name.EndsWith("StopReason", System.StringComparison.Ordinal):
                        return SnakeCase(field.Field.Name);
                    case IPropertyReferenceOperation { Property: { IsStatic: true, ContainingType.Name: "ChatFinishReason" } } finish:
                        return finish.Property.Name;
                    case ILiteralOperation { ConstantValue: { HasValue: true, Value: string text } } when text != "stop_reason" && text.Length > 0 && text.Length < 40:
                        return text;
                }
            }

            return "stop_reason";
        }

        private static string SnakeCase(string name)
        {
            var builder = new System.Text.StringBuilder(name.Length + 4);
            for (var i = 0; i < name.Length; i++)
            {
                var c = name[i];
                if (char.IsUpper(c) && i > 0)
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }

            return builder.ToString();
        }

        /// <summary>Pre-order walk without recursion, with an operation budget; never enters local functions.</summary>
        private static IEnumerable<IOperation> Walk(IOperation? root, bool intoLoops, bool intoLambdas)
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
                    if ((!intoLoops && child is ILoopOperation) || child is ILocalFunctionOperation || (!intoLambdas && child is IAnonymousFunctionOperation))
                    {
                        continue;
                    }

                    stack.Push(child);
                }
            }
        }
    }
}
