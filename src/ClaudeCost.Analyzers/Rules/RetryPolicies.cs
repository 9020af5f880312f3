using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using ClaudeCost.Analyzers.Requests;
using ClaudeCost.Analyzers.Surfaces;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ClaudeCost.Analyzers.Rules
{
    /// <summary>A Polly retry: the legacy API (<c>Policy.Handle&lt;T&gt;().RetryAsync(3)</c>) or Polly 8 <c>RetryStrategyOptions</c>.</summary>
    internal sealed class RetryPolicy
    {
        public RetryPolicy(IOperation anchor, bool forever, long? retries, bool? transportTriggered, bool handlesAnthropic)
        {
            Anchor = anchor;
            Forever = forever;
            Retries = retries;
            TransportTriggered = transportTriggered;
            HandlesAnthropic = handlesAnthropic;
        }

        /// <summary>The retry method call (legacy) or the options creation (Polly 8).</summary>
        public IOperation Anchor { get; }

        public bool Forever { get; }

        /// <summary>Retries after the first attempt, when a constant gives them.</summary>
        public long? Retries { get; }

        /// <summary>Triggered by transport errors (true), by results or non-transport exceptions only (false), or unknown (null).</summary>
        public bool? TransportTriggered { get; }

        /// <summary>The policy names an exception type of the official Anthropic SDK.</summary>
        public bool HandlesAnthropic { get; }
    }

    /// <summary>Reads Polly retry policies and finds the paid calls they execute.</summary>
    internal static class RetryPolicies
    {
        private const int MaxHops = 24;

        public static bool IsLegacyRetryName(string name) => name switch
        {
            "Retry" or "RetryAsync" or "WaitAndRetry" or "WaitAndRetryAsync" or
            "RetryForever" or "RetryForeverAsync" or "WaitAndRetryForever" or "WaitAndRetryForeverAsync" => true,
            _ => false,
        };

        public static bool IsForeverName(string name) => name.IndexOf("Forever", System.StringComparison.Ordinal) >= 0;

        public static bool IsExecuteName(string name)
            => name == "Execute" || name == "ExecuteAsync" || name == "ExecuteAndCapture" || name == "ExecuteAndCaptureAsync" || name == "ExecuteOutcomeAsync";

        public static bool IsPolly(ISymbol symbol) => symbol.ContainingAssembly?.Name is "Polly" or "Polly.Core";

        /// <summary>A legacy retry method call (<c>RetryAsync</c>, <c>WaitAndRetryForever</c>…) on a <c>PolicyBuilder</c>.</summary>
        public static RetryPolicy? FromLegacy(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (!IsLegacyRetryName(method.Name) || method.ContainingAssembly?.Name != "Polly")
            {
                return null;
            }

            var forever = IsForeverName(method.Name);
            long? retries = null;
            if (!forever)
            {
                retries = 1;
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter?.Name == "retryCount")
                    {
                        retries = argument.ArgumentKind == ArgumentKind.DefaultValue ? 1 : OperationHelpers.ConstantLong(argument.Value);
                    }
                    else if (argument.Parameter?.Name == "sleepDurations")
                    {
                        retries = OperationHelpers.Elements(argument.Value)?.Count;
                    }
                }
            }

            // Walk down the builder chain: Policy.Handle<A>().Or<B>().OrResult(...).
            var exceptionTypes = new List<ITypeSymbol>();
            var handlesResults = false;
            var current = invocation.Arguments.Length > 0 && method.IsExtensionMethod ? invocation.Arguments[0].Value : invocation.Instance;
            for (var hops = 0; current != null && hops < MaxHops; hops++)
            {
                current = OperationHelpers.Peel(current);
                if (!(current is IInvocationOperation step))
                {
                    break;
                }

                var name = step.TargetMethod.Name;
                if ((name == "Handle" || name == "Or" || name == "HandleInner" || name == "OrInner") && step.TargetMethod.TypeArguments.Length == 1)
                {
                    exceptionTypes.Add(step.TargetMethod.TypeArguments[0]);
                }
                else if (name == "HandleResult" || name == "OrResult")
                {
                    handlesResults = true;
                }

                current = step.Instance ?? (step.TargetMethod.IsExtensionMethod && step.Arguments.Length > 0 ? step.Arguments[0].Value : null);
            }

            bool? transport = exceptionTypes.Count > 0 ? AnyTransport(exceptionTypes) : handlesResults ? false : (bool?)null;
            return new RetryPolicy(invocation, forever, retries, transport, AnyAnthropic(exceptionTypes));
        }

        /// <summary>
        /// Polly 8 <c>RetryStrategyOptions</c> (and derived options such as <c>HttpRetryStrategyOptions</c>):
        /// <c>MaxRetryAttempts</c> (3 when not set; <c>int.MaxValue</c> retries forever) and <c>ShouldHandle</c> (not
        /// set: every exception but cancellation, so transport errors too).
        /// </summary>
        public static RetryPolicy? FromStrategyOptions(IObjectCreationOperation creation)
        {
            if (!IsRetryStrategyOptions(creation.Type))
            {
                return null;
            }

            var members = OperationHelpers.Members(creation.Initializer);
            long? retries = 3;
            var forever = false;
            if (members.TryGetValue("MaxRetryAttempts", out var max))
            {
                retries = OperationHelpers.ConstantLong(max.Value);
                forever = retries == int.MaxValue;
            }

            bool? transport = true;
            var anthropic = false;
            if (members.TryGetValue("ShouldHandle", out var shouldHandle))
            {
                var types = new List<ITypeSymbol>();
                var results = false;
                foreach (var operation in RetryLoops.Walk(shouldHandle.Value, intoLambdas: true))
                {
                    switch (operation)
                    {
                        case IInvocationOperation { TargetMethod.Name: "Handle" or "HandleInner" } handle when handle.TargetMethod.TypeArguments.Length == 1:
                            types.Add(handle.TargetMethod.TypeArguments[0]);
                            break;
                        case IInvocationOperation { TargetMethod.Name: "HandleResult" }:
                            results = true;
                            break;
                        case IIsTypeOperation isType:
                            types.Add(isType.TypeOperand);
                            break;
                        case ITypePatternOperation typePattern:
                            types.Add(typePattern.MatchedType);
                            break;
                        case IDeclarationPatternOperation declarationPattern when declarationPattern.MatchedType != null:
                            types.Add(declarationPattern.MatchedType);
                            break;
                    }
                }

                transport = types.Count > 0 ? AnyTransport(types) : results ? false : (bool?)null;
                anthropic = AnyAnthropic(types);
            }

            return new RetryPolicy(creation, forever, retries, transport, anthropic);
        }

        public static bool IsRetryStrategyOptions(ITypeSymbol? type)
        {
            for (var current = type as INamedTypeSymbol; current != null; current = current.BaseType)
            {
                if (current.Name == "RetryStrategyOptions" && current.ContainingNamespace?.ToDisplayString() == "Polly.Retry")
                {
                    return true;
                }
            }

            return false;
        }

        private static bool AnyTransport(List<ITypeSymbol> types)
        {
            foreach (var type in types)
            {
                if (ExceptionTypes.IsTransport(type))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool AnyAnthropic(List<ITypeSymbol> types)
        {
            foreach (var type in types)
            {
                if (type.ContainingNamespace?.ToDisplayString() == "Anthropic.Exceptions")
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The paid calls made through this policy: <c>Execute*</c> called on the chain itself, or on the local, field or
        /// property that holds it (for Polly 8 options: the pipeline built from the builder they are added to).
        /// </summary>
        public static ImmutableArray<PaidCall> ExecutedPaidCalls(RetryPolicy policy, ClaudeCompilationContext shared, CancellationToken cancellationToken)
        {
            var builder = ImmutableArray.CreateBuilder<PaidCall>();
            foreach (var execution in Executions(policy.Anchor, shared, cancellationToken))
            {
                foreach (var argument in execution.Arguments)
                {
                    foreach (var operation in RetryLoops.Walk(argument.Value, intoLambdas: true))
                    {
                        if (operation is IInvocationOperation invocation && shared.PaidCalls.Recognize(invocation, cancellationToken) is PaidCall call)
                        {
                            builder.Add(call);
                        }
                    }
                }
            }

            return builder.ToImmutable();
        }

        /// <summary>The policy or pipeline that an <c>Execute*</c> call runs on, read back to its retry (for CC0018).</summary>
        public static RetryPolicy? PolicyOf(IInvocationOperation execution, ClaudeCompilationContext shared)
        {
            var current = execution.Instance;
            for (var hops = 0; current != null && hops < MaxHops; hops++)
            {
                current = OperationHelpers.Peel(current);
                switch (current)
                {
                    case IInvocationOperation call when IsLegacyRetryName(call.TargetMethod.Name) && call.TargetMethod.ContainingAssembly?.Name == "Polly":
                        return FromLegacy(call);
                    case IInvocationOperation build when build.TargetMethod.Name == "Build" && build.Instance != null:
                        return FromPipelineBuilder(build.Instance, shared);
                    case ILocalReferenceOperation:
                        current = OperationHelpers.FollowLocal(current);
                        continue;
                    case IFieldReferenceOperation field:
                        current = InitializerOf(field.Field, shared);
                        continue;
                    case IPropertyReferenceOperation property when property.Property.Parameters.Length == 0:
                        current = InitializerOf(property.Property, shared);
                        continue;
                    default:
                        return null;
                }
            }

            return null;
        }

        private static RetryPolicy? FromPipelineBuilder(IOperation builder, ClaudeCompilationContext shared)
        {
            var current = (IOperation?)builder;
            for (var hops = 0; current != null && hops < MaxHops; hops++)
            {
                current = OperationHelpers.Peel(current);
                if (current is IInvocationOperation call)
                {
                    if (call.TargetMethod.Name == "AddRetry")
                    {
                        foreach (var argument in call.Arguments)
                        {
                            var value = OperationHelpers.Peel(argument.Value);
                            if (value is ILocalReferenceOperation)
                            {
                                value = OperationHelpers.FollowLocal(value) ?? value;
                            }

                            if (value is IObjectCreationOperation creation && IsRetryStrategyOptions(creation.Type))
                            {
                                return FromStrategyOptions(creation);
                            }
                        }
                    }

                    current = call.Instance ?? (call.TargetMethod.IsExtensionMethod && call.Arguments.Length > 0 ? call.Arguments[0].Value : null);
                    continue;
                }

                if (current is ILocalReferenceOperation builderLocal)
                {
                    // var builder = new ResiliencePipelineBuilder(); builder.AddRetry(options); … builder.Build()
                    foreach (var operation in RetryLoops.Walk(RootOf(builderLocal), intoLambdas: false))
                    {
                        if (operation is IInvocationOperation { TargetMethod.Name: "AddRetry" } addRetry &&
                            (addRetry.Instance ?? (addRetry.Arguments.Length > 0 ? addRetry.Arguments[0].Value : null)) is ILocalReferenceOperation target &&
                            SymbolEqualityComparer.Default.Equals(target.Local, builderLocal.Local))
                        {
                            return FromPipelineBuilder(addRetry, shared);
                        }
                    }
                }

                return null;
            }

            return null;
        }

        private static IEnumerable<IInvocationOperation> Executions(IOperation anchor, ClaudeCompilationContext shared, CancellationToken cancellationToken)
        {
            var top = FluentTop(anchor);
            if (top.Parent is IInvocationOperation direct && direct.Instance == top && IsExecuteName(direct.TargetMethod.Name))
            {
                yield return direct;
                yield break;
            }

            var holder = HolderOf(top);
            if (holder == null)
            {
                yield break;
            }

            foreach (var root in SearchRoots(holder, top, shared, cancellationToken))
            {
                foreach (var operation in RetryLoops.Walk(root, intoLambdas: true))
                {
                    if (operation is IInvocationOperation execution && IsExecuteName(execution.TargetMethod.Name) && execution.Instance != null &&
                        SymbolEqualityComparer.Default.Equals(RetryLoops.ReferencedSymbol(execution.Instance), holder))
                    {
                        yield return execution;
                    }
                }
            }
        }

        /// <summary>Up the fluent chain: <c>.WaitAndRetryAsync(…)</c> → the whole expression; options → <c>AddRetry(options)</c> → <c>.Build()</c>.</summary>
        private static IOperation FluentTop(IOperation operation)
        {
            var current = operation;
            for (var hops = 0; hops < MaxHops; hops++)
            {
                var parent = current.Parent;
                switch (parent)
                {
                    case IConversionOperation:
                        current = parent;
                        continue;
                    case IArgumentOperation argument when argument.Parent is IInvocationOperation call &&
                        (call.TargetMethod.Name == "AddRetry" || (call.TargetMethod.IsExtensionMethod && call.Arguments.Length > 0 && call.Arguments[0] == argument)) &&
                        !IsExecuteName(call.TargetMethod.Name):
                        current = call;
                        continue;
                    case IInvocationOperation call when call.Instance == current && !IsExecuteName(call.TargetMethod.Name):
                        current = call;
                        continue;
                    case IVariableInitializerOperation when current is IObjectCreationOperation options && IsRetryStrategyOptions(options.Type):
                        // var options = new RetryStrategyOptions { … }; … AddRetry(options) …
                        var local = (parent.Parent as IVariableDeclaratorOperation)?.Symbol;
                        var use = local == null ? null : FindUse(parent, local);
                        if (use == null)
                        {
                            return current;
                        }

                        current = use;
                        continue;
                    default:
                        // builder.AddRetry(options); var pipeline = builder.Build();
                        if (current is IInvocationOperation { TargetMethod.Name: "AddRetry" } addRetry &&
                            (addRetry.Instance ?? (addRetry.Arguments.Length > 0 ? addRetry.Arguments[0].Value : null)) is ILocalReferenceOperation builderLocal &&
                            FindBuild(current, builderLocal.Local) is IOperation build)
                        {
                            current = build;
                            continue;
                        }

                        return current;
                }
            }

            return current;
        }

        private static IOperation? FindUse(IOperation anywhere, ILocalSymbol local)
        {
            foreach (var operation in RetryLoops.Walk(RootOf(anywhere), intoLambdas: true))
            {
                if (operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local) &&
                    reference.Parent is IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "AddRetry" } })
                {
                    return reference;
                }
            }

            return null;
        }

        private static IOperation? FindBuild(IOperation anywhere, ILocalSymbol builder)
        {
            foreach (var operation in RetryLoops.Walk(RootOf(anywhere), intoLambdas: false))
            {
                if (operation is IInvocationOperation { TargetMethod.Name: "Build" } build && build.Instance is ILocalReferenceOperation target &&
                    SymbolEqualityComparer.Default.Equals(target.Local, builder))
                {
                    return build;
                }
            }

            return null;
        }

        private static IOperation RootOf(IOperation operation)
        {
            var root = operation;
            while (root.Parent != null)
            {
                root = root.Parent;
            }

            return root;
        }

        private static ISymbol? HolderOf(IOperation top)
        {
            var parent = top.Parent;
            while (parent is IConversionOperation)
            {
                parent = parent.Parent;
            }

            switch (parent)
            {
                case IVariableInitializerOperation initializer when initializer.Parent is IVariableDeclaratorOperation declarator:
                    return declarator.Symbol;
                case IFieldInitializerOperation fieldInitializer when fieldInitializer.InitializedFields.Length == 1:
                    return fieldInitializer.InitializedFields[0];
                case IPropertyInitializerOperation propertyInitializer when propertyInitializer.InitializedProperties.Length == 1:
                    return propertyInitializer.InitializedProperties[0];
                case ISimpleAssignmentOperation assignment:
                    return RetryLoops.ReferencedSymbol(assignment.Target);
                default:
                    return null;
            }
        }

        /// <summary>Where executions of the holder can be: the body for a local, the declaring type's syntax for a member.</summary>
        private static IEnumerable<IOperation> SearchRoots(ISymbol holder, IOperation top, ClaudeCompilationContext shared, CancellationToken cancellationToken)
        {
            if (holder is ILocalSymbol)
            {
                yield return RootOf(top);
                yield break;
            }

            var type = holder.ContainingType;
            if (type == null)
            {
                yield break;
            }

            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (!(reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration))
                {
                    continue;
                }

                var model = shared.Tracker.GetModel(declaration.SyntaxTree);
                if (model == null)
                {
                    continue;
                }

                foreach (var member in declaration.Members)
                {
                    if (!(member is BaseMethodDeclarationSyntax || member is PropertyDeclarationSyntax || member is FieldDeclarationSyntax) ||
                        !ContainsExecute(member))
                    {
                        continue;
                    }

                    foreach (var node in member.DescendantNodes())
                    {
                        if (node is InvocationExpressionSyntax invocation && IsExecuteSyntax(invocation) && model.GetOperation(invocation, cancellationToken) is IOperation operation)
                        {
                            yield return operation;
                        }
                    }
                }
            }
        }

        private static bool ContainsExecute(SyntaxNode member)
            => ClaudeCost.Analyzers.Infrastructure.SourceSearch.AnyToken(member, "Execute", System.StringComparison.Ordinal,
                token => token.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.IdentifierToken) && IsExecuteName(token.ValueText));

        private static bool IsExecuteSyntax(InvocationExpressionSyntax invocation)
            => invocation.Expression is MemberAccessExpressionSyntax access && IsExecuteName(access.Name.Identifier.ValueText);

        private static IOperation? InitializerOf(ISymbol symbol, ClaudeCompilationContext shared)
        {
            if (symbol.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            var syntax = symbol.DeclaringSyntaxReferences[0].GetSyntax();
            ExpressionSyntax? value = syntax switch
            {
                VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
                PropertyDeclarationSyntax property => property.Initializer?.Value ?? property.ExpressionBody?.Expression,
                _ => null,
            };

            return value == null ? null : shared.Tracker.GetModel(value.SyntaxTree)?.GetOperation(value);
        }
    }
}
