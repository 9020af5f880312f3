using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using ClaudeCost.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ClaudeCost.Analyzers.Provenance
{
    /// <summary>
    /// Answers "where does this value come from": constant, daily, volatile (clock, GUID, random, tick count) or per
    /// request, following locals, fields, properties, string.Format, interpolation, concatenation, StringBuilder and
    /// simple helper methods across the compilation. One instance per compilation; thread-safe.
    /// </summary>
    internal sealed class ValueTracker
    {
        private const int MaxDepth = 20;

        private readonly Compilation _compilation;
        private readonly KnownSymbols _symbols;
        private readonly ImmutableHashSet<string> _extraVolatileMembers;
        private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = SharedCache.Create<SyntaxTree, SemanticModel>();
        private readonly ConcurrentDictionary<ISymbol, TextValue> _symbolValues = SharedCache.Create<ISymbol, TextValue>(comparer: SymbolEqualityComparer.Default);

        public ValueTracker(Compilation compilation, KnownSymbols symbols, ImmutableHashSet<string> extraVolatileMembers)
        {
            _compilation = compilation;
            _symbols = symbols;
            _extraVolatileMembers = extraVolatileMembers;
        }

        public TextValue Evaluate(IOperation? operation, CancellationToken cancellationToken)
            => Eval(operation, Scope.Root(cancellationToken), 0);

        /// <summary>
        /// Renders a structured value (a tool definition, a block object, an anonymous object) as the text it becomes
        /// on the wire, roughly: the concatenation of all its member values.
        /// </summary>
        public TextValue EvaluateComposite(IOperation? operation, CancellationToken cancellationToken)
            => EvalComposite(operation, Scope.Root(cancellationToken), 0);

        public SemanticModel? GetModel(SyntaxTree tree)
        {
            if (!_compilation.ContainsSyntaxTree(tree))
            {
                return null;
            }

            return _models.GetOrAdd(tree, t => _compilation.GetSemanticModel(t));
        }

        private TextValue Eval(IOperation? operation, Scope scope, int depth)
        {
            if (operation == null || depth > MaxDepth)
            {
                return TextValue.Dynamic;
            }

            scope.CancellationToken.ThrowIfCancellationRequested();

            if (operation.ConstantValue.HasValue)
            {
                return operation.ConstantValue.Value switch
                {
                    string s => TextValue.Constant(s),
                    null => TextValue.Empty,
                    var other => TextValue.Constant(System.Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture) ?? ""),
                };
            }

            switch (operation)
            {
                case IConversionOperation conversion:
                    return Eval(conversion.Operand, scope, depth + 1);
                case IInterpolatedStringOperation interpolated:
                    return EvalInterpolated(interpolated, scope, depth);
                case IInterpolatedStringHandlerCreationOperation handler:
                    // sb.Append($"…"), logger calls: an interpolated string bound to a handler type.
                    return Eval(handler.Content, scope, depth + 1);
                case IBinaryOperation binary when binary.OperatorKind == BinaryOperatorKind.Add:
                    return EvalConcatenation(binary, scope, depth);
                case IInvocationOperation invocation:
                    return EvalInvocation(invocation, scope, depth);
                case IPropertyReferenceOperation property:
                    return EvalProperty(property, scope, depth);
                case IFieldReferenceOperation field:
                    return EvalField(field, scope, depth);
                case ILocalReferenceOperation local:
                    return EvalLocal(local, scope, depth);
                case IParameterReferenceOperation parameter:
                    return scope.TryGetBinding(parameter.Parameter, out var bound) ? bound : TextValue.Dynamic;
                case IConditionalOperation conditional when conditional.WhenFalse != null:
                    return TextValue.Either(Eval(conditional.WhenTrue, scope, depth + 1), Eval(conditional.WhenFalse, scope, depth + 1));
                case ICoalesceOperation coalesce:
                    return TextValue.Either(Eval(coalesce.Value, scope, depth + 1), Eval(coalesce.WhenNull, scope, depth + 1));
                case IObjectCreationOperation creation when IsStableValueType(creation.Type):
                    return ArgumentsVolatility(creation.Arguments.Select(a => a.Value), scope, depth) ?? TextValue.StableUnknownLength;
                case IDefaultValueOperation:
                    return TextValue.StableUnknownLength;
                case IAwaitOperation await:
                    return Eval(await.Operation, scope, depth + 1).AsDerivedOpaque();
                default:
                    return TextValue.Dynamic;
            }
        }

        private TextValue EvalComposite(IOperation? operation, Scope scope, int depth)
        {
            if (operation == null || depth > MaxDepth)
            {
                return TextValue.Dynamic;
            }

            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            if (operation.Type?.SpecialType == SpecialType.System_String || operation.ConstantValue.HasValue)
            {
                return Eval(operation, scope, depth);
            }

            IEnumerable<IOperation>? children = operation switch
            {
                IObjectCreationOperation creation => creation.Arguments.Select(a => a.Value)
                    .Concat(InitializerValues(creation.Initializer)),
                IAnonymousObjectCreationOperation anonymous => anonymous.Initializers.Select(i => i is IAssignmentOperation a ? a.Value : i),
                IArrayCreationOperation array => array.Initializer?.ElementValues ?? Enumerable.Empty<IOperation>(),
                IInvocationOperation invocation when invocation.TargetMethod.IsExtensionMethod => new[] { invocation.Arguments.FirstOrDefault()?.Value! },
                _ => null,
            };

            if (children == null)
            {
                if (operation.Syntax is CollectionExpressionSyntax collection)
                {
                    children = ElementOperations(collection, operation.SemanticModel);
                }
                else
                {
                    return Eval(operation, scope, depth);
                }
            }

            var value = TextValue.Empty;
            foreach (var child in children)
            {
                if (child == null)
                {
                    continue;
                }

                value = TextValue.Concat(value, EvalComposite(child, scope, depth + 1));
            }

            return value;
        }

        internal static IEnumerable<IOperation> InitializerValues(IObjectOrCollectionInitializerOperation? initializer)
        {
            if (initializer == null)
            {
                yield break;
            }

            foreach (var item in initializer.Initializers)
            {
                switch (item)
                {
                    case IAssignmentOperation assignment:
                        yield return assignment.Value;
                        break;
                    case IInvocationOperation add:
                        foreach (var argument in add.Arguments)
                        {
                            yield return argument.Value;
                        }

                        break;
                    case IMemberInitializerOperation member:
                        foreach (var nested in InitializerValues(member.Initializer))
                        {
                            yield return nested;
                        }

                        break;
                }
            }
        }

        /// <summary>Elements of a collection expression (read through syntax: Roslyn 4.8 has no operation for it).</summary>
        internal static IEnumerable<IOperation> ElementOperations(CollectionExpressionSyntax collection, SemanticModel? model)
        {
            if (model == null)
            {
                yield break;
            }

            foreach (var element in collection.Elements)
            {
                if (element is ExpressionElementSyntax expressionElement && model.SafeGetOperation(expressionElement.Expression) is { } operation)
                {
                    yield return operation;
                }
            }
        }

        private TextValue EvalInterpolated(IInterpolatedStringOperation interpolated, Scope scope, int depth)
        {
            var value = TextValue.Empty;
            foreach (var part in interpolated.Parts)
            {
                switch (part)
                {
                    case IInterpolatedStringTextOperation text:
                        value = TextValue.Concat(value, Eval(text.Text, scope, depth + 1));
                        break;
                    case IInterpolationOperation hole:
                        var format = hole.FormatString?.ConstantValue.Value as string;
                        value = TextValue.Concat(value, Formatted(hole.Expression, format, scope, depth + 1));
                        break;
                    case IInterpolatedStringAppendOperation append when append.AppendCall is IInvocationOperation call && call.Arguments.Length > 0:
                        if (append.Kind == OperationKind.InterpolatedStringAppendLiteral)
                        {
                            value = TextValue.Concat(value, Eval(call.Arguments[0].Value, scope, depth + 1));
                        }
                        else
                        {
                            var appendFormat = call.Arguments.FirstOrDefault(a => a.Parameter?.Name == "format")?.Value.ConstantValue.Value as string;
                            value = TextValue.Concat(value, Formatted(call.Arguments[0].Value, appendFormat, scope, depth + 1));
                        }

                        break;
                    default:
                        value = TextValue.Concat(value, TextValue.Dynamic);
                        break;
                }
            }

            return value;
        }

        /// <summary>A value formatted into text: a clock value formatted without time specifiers only changes daily.</summary>
        private TextValue Formatted(IOperation expression, string? format, Scope scope, int depth)
        {
            var value = Eval(expression, scope, depth);
            if (format != null && value.IsVolatile && OnlyClock(value) && !DateFormats.HasTimeComponent(format))
            {
                return TextValue.Daily;
            }

            return value;
        }

        private TextValue EvalConcatenation(IBinaryOperation binary, Scope scope, int depth)
        {
            // Flatten a left-deep chain iteratively: a 5,000-part concatenation must not recurse 5,000 deep.
            var rights = new Stack<IOperation>();
            IOperation current = binary;
            while (current is IBinaryOperation add && add.OperatorKind == BinaryOperatorKind.Add && !add.ConstantValue.HasValue)
            {
                rights.Push(add.RightOperand);
                current = add.LeftOperand;
                while (current is IConversionOperation conversion && conversion.Type?.SpecialType == SpecialType.System_String)
                {
                    current = conversion.Operand;
                }
            }

            var value = Eval(current, scope, depth + 1);
            while (rights.Count > 0)
            {
                value = TextValue.Concat(value, Eval(rights.Pop(), scope, depth + 1));
            }

            return value;
        }

        private TextValue EvalProperty(IPropertyReferenceOperation reference, Scope scope, int depth)
        {
            var property = reference.Property;
            var type = property.ContainingType;
            if (property.IsStatic)
            {
                if (Is(type, _symbols.DateTime) || Is(type, _symbols.DateTimeOffset))
                {
                    switch (property.Name)
                    {
                        case "Now":
                        case "UtcNow":
                            return Volatile(VolatileKind.Clock, type.Name + "." + property.Name, reference.Syntax);
                        case "Today":
                            return TextValue.Daily;
                    }
                }
                else if (Is(type, _symbols.Environment) && (property.Name == "TickCount" || property.Name == "TickCount64"))
                {
                    return Volatile(VolatileKind.TickCount, "Environment." + property.Name, reference.Syntax);
                }
            }

            if (IsExtraVolatile(property))
            {
                return Volatile(VolatileKind.Custom, type.Name + "." + property.Name, reference.Syntax);
            }

            if (reference.Instance != null && !(reference.Instance is IInstanceReferenceOperation))
            {
                var receiver = Eval(reference.Instance, scope, depth + 1);
                if (receiver.IsVolatile)
                {
                    if (OnlyClock(receiver) && DateFormats.IsDateOnlyMember(property.Name))
                    {
                        return TextValue.Daily;
                    }

                    return receiver.AsDerivedOpaque();
                }

                if (receiver.IsDaily)
                {
                    return TextValue.Daily;
                }

                if (receiver.ConstantText != null && property.Name == "Length")
                {
                    return TextValue.StableUnknownLength;
                }
            }

            return EvalSymbolValue(property, scope, depth);
        }

        private TextValue EvalField(IFieldReferenceOperation reference, Scope scope, int depth)
        {
            if (IsExtraVolatile(reference.Field))
            {
                return Volatile(VolatileKind.Custom, reference.Field.ContainingType.Name + "." + reference.Field.Name, reference.Syntax);
            }

            return EvalSymbolValue(reference.Field, scope, depth);
        }

        private TextValue EvalInvocation(IInvocationOperation invocation, Scope scope, int depth)
        {
            var method = invocation.TargetMethod;
            var type = method.ContainingType;
            var name = method.Name;

            if (method.IsStatic)
            {
                if (Is(type, _symbols.Guid) && name == "NewGuid")
                {
                    return Volatile(VolatileKind.Guid, "Guid.NewGuid()", invocation.Syntax);
                }

                if (Is(type, _symbols.Stopwatch) && name == "GetTimestamp")
                {
                    return Volatile(VolatileKind.TickCount, "Stopwatch.GetTimestamp()", invocation.Syntax);
                }

                if (type.SpecialType == SpecialType.System_String)
                {
                    switch (name)
                    {
                        case "Format":
                            return EvalStringFormat(invocation, scope, depth);
                        case "Concat":
                            return ConcatAll(ArgumentValues(invocation), scope, depth);
                        case "Join":
                            return EvalJoin(invocation, scope, depth);
                    }
                }

                if (Is(type, _symbols.DateOnly) && name == "FromDateTime")
                {
                    var argument = Eval(invocation.Arguments.FirstOrDefault()?.Value, scope, depth + 1);
                    return argument.IsVolatile && OnlyClock(argument) ? TextValue.Daily : argument.AsDerivedOpaque();
                }
            }
            else
            {
                if (IsTimeProvider(type) && (name == "GetUtcNow" || name == "GetLocalNow"))
                {
                    return Volatile(VolatileKind.Clock, "TimeProvider." + name + "()", invocation.Syntax);
                }

                if (IsRandom(type) && name.StartsWith("Next", System.StringComparison.Ordinal) || IsRandom(type) && name.StartsWith("Get", System.StringComparison.Ordinal))
                {
                    return Volatile(VolatileKind.Random, "Random." + name + "()", invocation.Syntax);
                }

                if (Is(type, _symbols.StringBuilder) && name == "ToString" && invocation.Instance != null)
                {
                    return EvalStringBuilder(invocation.Instance, scope, depth);
                }
            }

            if (IsExtraVolatile(method))
            {
                return Volatile(VolatileKind.Custom, type.Name + "." + name + "()", invocation.Syntax);
            }

            // A method called on a clock value.
            if (invocation.Instance != null && !(invocation.Instance is IInstanceReferenceOperation))
            {
                var receiver = Eval(invocation.Instance, scope, depth + 1);
                if (receiver.IsVolatile)
                {
                    if (OnlyClock(receiver))
                    {
                        if (name == "ToShortDateString" || name == "ToLongDateString")
                        {
                            return TextValue.Daily;
                        }

                        if (name == "ToString" && invocation.Arguments.Length > 0 &&
                            invocation.Arguments[0].Value.ConstantValue.Value is string format &&
                            !DateFormats.HasTimeComponent(format))
                        {
                            return TextValue.Daily;
                        }
                    }

                    return receiver.AsDerivedOpaque();
                }

                if (receiver.IsDaily)
                {
                    return TextValue.Daily;
                }

                if (type.SpecialType == SpecialType.System_String && receiver.IsStable && IsShapePreservingStringMethod(name))
                {
                    return receiver;
                }
            }

            // A helper method of this compilation: evaluate what it returns, with its parameters bound.
            var helper = EvalSourceMethod(invocation, scope, depth);
            if (helper != null)
            {
                return helper;
            }

            // Anything else derived from a volatile argument stays volatile.
            return ArgumentsVolatility(ArgumentValues(invocation), scope, depth) ?? TextValue.Dynamic;
        }

        private static bool IsShapePreservingStringMethod(string name)
            => name == "Trim" || name == "TrimEnd" || name == "TrimStart" || name == "ToUpperInvariant" || name == "ToLowerInvariant" || name == "ToUpper" || name == "ToLower" || name == "Normalize";

        private TextValue? ArgumentsVolatility(IEnumerable<IOperation> arguments, Scope scope, int depth)
        {
            TextValue? result = null;
            foreach (var argument in arguments)
            {
                var value = Eval(argument, scope, depth + 1);
                if (value.IsVolatile)
                {
                    result = result == null ? value.AsDerivedOpaque() : TextValue.Concat(result, value.AsDerivedOpaque());
                }
            }

            return result;
        }

        private static IEnumerable<IOperation> ArgumentValues(IInvocationOperation invocation)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation array)
                {
                    if (array.Initializer != null)
                    {
                        foreach (var element in array.Initializer.ElementValues)
                        {
                            yield return element;
                        }
                    }
                }
                else if (argument.ArgumentKind != ArgumentKind.DefaultValue)
                {
                    yield return argument.Value;
                }
            }
        }

        private TextValue ConcatAll(IEnumerable<IOperation> values, Scope scope, int depth)
        {
            var value = TextValue.Empty;
            foreach (var item in values)
            {
                value = TextValue.Concat(value, Eval(item, scope, depth + 1));
            }

            return value;
        }

        private TextValue EvalJoin(IInvocationOperation invocation, Scope scope, int depth)
        {
            var arguments = ArgumentValues(invocation).ToList();
            if (arguments.Count == 0)
            {
                return TextValue.Dynamic;
            }

            var separator = Eval(arguments[0], scope, depth + 1);
            var items = arguments.Skip(1).ToList();
            if (items.Count == 1 && !(items[0].Type?.SpecialType == SpecialType.System_String))
            {
                // string.Join(sep, collection): the collection's elements, when written out.
                var collection = items[0];
                while (collection is IConversionOperation conversion)
                {
                    collection = conversion.Operand;
                }

                items = collection switch
                {
                    IArrayCreationOperation array when array.Initializer != null => array.Initializer.ElementValues.ToList(),
                    _ when collection.Syntax is CollectionExpressionSyntax expression => ElementOperations(expression, collection.SemanticModel).ToList(),
                    _ => null!,
                };

                if (items == null)
                {
                    return TextValue.Concat(TextValue.Dynamic, separator.AsDerivedOpaque());
                }
            }

            var value = TextValue.Empty;
            for (var i = 0; i < items.Count; i++)
            {
                if (i > 0)
                {
                    value = TextValue.Concat(value, separator);
                }

                value = TextValue.Concat(value, Eval(items[i], scope, depth + 1));
            }

            return value;
        }

        private TextValue EvalStringFormat(IInvocationOperation invocation, Scope scope, int depth)
        {
            var arguments = invocation.Arguments.Where(a => a.ArgumentKind != ArgumentKind.DefaultValue).ToList();
            var formatIndex = arguments.FindIndex(a => a.Parameter?.Name == "format");
            if (formatIndex < 0 || !(arguments[formatIndex].Value.ConstantValue.Value is string format))
            {
                return ArgumentsVolatility(ArgumentValues(invocation), scope, depth) ?? TextValue.Dynamic;
            }

            var values = new List<IOperation>();
            for (var i = formatIndex + 1; i < arguments.Count; i++)
            {
                var argument = arguments[i];
                if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation array && array.Initializer != null)
                {
                    values.AddRange(array.Initializer.ElementValues);
                }
                else
                {
                    values.Add(argument.Value);
                }
            }

            var value = TextValue.Empty;
            foreach (var item in CompositeFormat.Parse(format))
            {
                if (item.Literal != null)
                {
                    value = TextValue.Concat(value, TextValue.Constant(item.Literal));
                }
                else if (item.Index >= 0 && item.Index < values.Count)
                {
                    value = TextValue.Concat(value, Formatted(values[item.Index], item.Format, scope, depth + 1));
                }
                else
                {
                    value = TextValue.Concat(value, TextValue.Dynamic);
                }
            }

            return value;
        }

        private TextValue EvalStringBuilder(IOperation instance, Scope scope, int depth)
        {
            while (instance is IConversionOperation conversion)
            {
                instance = conversion.Operand;
            }

            if (!(instance is ILocalReferenceOperation localReference))
            {
                return TextValue.Dynamic;
            }

            var local = localReference.Local;
            var root = RootOf(localReference);
            if (root == null)
            {
                return TextValue.Dynamic;
            }

            var pieces = new List<(int Position, TextValue Value, bool Prepend)>();
            foreach (var operation in root.Descendants())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                        var initializer = declarator.Initializer?.Value ?? DeclarationInitializer(declarator);
                        if (initializer is IObjectCreationOperation creation && creation.Arguments.Length > 0 &&
                            creation.Arguments[0].Value.Type?.SpecialType == SpecialType.System_String)
                        {
                            pieces.Add((creation.Syntax.SpanStart, Eval(creation.Arguments[0].Value, scope, depth + 1), false));
                        }

                        break;
                    case IInvocationOperation call when call.Instance != null && IsBuilderChainOn(call.Instance, local) && call.Syntax.SpanStart < localReference.Syntax.SpanStart:
                        var piece = BuilderPiece(call, scope, depth);
                        if (piece != null)
                        {
                            var inLoopOrBranch = IsConditionalWithin(call, root);
                            var value = inLoopOrBranch ? TextValue.Either(TextValue.Empty, piece.Value.Value) : piece.Value.Value;
                            pieces.Add((ArgumentPosition(call), value, piece.Value.Prepend));
                        }

                        break;
                }
            }

            pieces.Sort((a, b) => a.Position.CompareTo(b.Position));
            var result = TextValue.Empty;
            foreach (var piece in pieces)
            {
                result = piece.Prepend ? TextValue.Concat(piece.Value, result) : TextValue.Concat(result, piece.Value);
            }

            return result;
        }

        private static int ArgumentPosition(IInvocationOperation call)
            => call.Syntax is InvocationExpressionSyntax syntax ? syntax.ArgumentList.SpanStart : call.Syntax.SpanStart;

        private (TextValue Value, bool Prepend)? BuilderPiece(IInvocationOperation call, Scope scope, int depth)
        {
            if (!Is(call.TargetMethod.ContainingType, _symbols.StringBuilder))
            {
                return null;
            }

            switch (call.TargetMethod.Name)
            {
                case "Append":
                    return (call.Arguments.Length == 1 ? Eval(call.Arguments[0].Value, scope, depth + 1) : TextValue.Dynamic, false);
                case "AppendLine":
                    var line = call.Arguments.Length == 1 ? Eval(call.Arguments[0].Value, scope, depth + 1) : TextValue.Empty;
                    return (TextValue.Concat(line, TextValue.Constant("\n")), false);
                case "AppendFormat":
                    return (EvalStringFormat(call, scope, depth), false);
                case "AppendJoin":
                    return (EvalJoin(call, scope, depth), false);
                case "Insert":
                    return (call.Arguments.Length >= 2 ? Eval(call.Arguments[1].Value, scope, depth + 1) : TextValue.Dynamic, true);
                case "Clear":
                case "Remove":
                case "Replace":
                    return (TextValue.Dynamic, false);
                default:
                    return null;
            }
        }

        private static bool IsBuilderChainOn(IOperation instance, ILocalSymbol local)
        {
            while (true)
            {
                switch (instance)
                {
                    case IConversionOperation conversion:
                        instance = conversion.Operand;
                        continue;
                    case IInvocationOperation inner when inner.Instance != null:
                        instance = inner.Instance;
                        continue;
                    case ILocalReferenceOperation reference:
                        return SymbolEqualityComparer.Default.Equals(reference.Local, local);
                    default:
                        return false;
                }
            }
        }

        private static bool IsConditionalWithin(IOperation operation, IOperation root)
        {
            for (var current = operation.Parent; current != null && current != root; current = current.Parent)
            {
                if (current is ILoopOperation || current is IConditionalOperation || current is ISwitchOperation || current is ITryOperation || current is IAnonymousFunctionOperation || current is ILocalFunctionOperation)
                {
                    return true;
                }
            }

            return false;
        }

        private static IOperation? RootOf(IOperation operation)
        {
            var current = operation;
            while (current.Parent != null)
            {
                current = current.Parent;
            }

            return current;
        }

        private IOperation? DeclarationInitializer(IVariableDeclaratorOperation declarator)
            => (declarator.Parent as IVariableDeclarationOperation)?.Initializer?.Value;

        private TextValue EvalLocal(ILocalReferenceOperation reference, Scope scope, int depth)
        {
            var local = reference.Local;
            if (Is(local.Type, _symbols.StringBuilder))
            {
                return EvalStringBuilder(reference, scope, depth);
            }

            var root = RootOf(reference);
            if (root == null)
            {
                return TextValue.Dynamic;
            }

            TextValue? value = null;
            var writes = new List<(int Position, IOperation Operation)>();
            foreach (var operation in root.Descendants())
            {
                if (operation.Syntax.SpanStart >= reference.Syntax.SpanStart && !(operation is IVariableDeclaratorOperation))
                {
                    continue;
                }

                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                        var initializer = declarator.Initializer?.Value ?? DeclarationInitializer(declarator);
                        if (initializer != null)
                        {
                            writes.Add((declarator.Syntax.SpanStart, initializer));
                        }

                        break;
                    case IAssignmentOperation assignment when assignment.Target is ILocalReferenceOperation target && SymbolEqualityComparer.Default.Equals(target.Local, local):
                        writes.Add((assignment.Syntax.SpanStart, assignment));
                        break;
                    case IForEachLoopOperation loop when loop.LoopControlVariable is IVariableDeclaratorOperation loopVariable && SymbolEqualityComparer.Default.Equals(loopVariable.Symbol, local):
                        return TextValue.Dynamic;
                }
            }

            if (writes.Count == 0)
            {
                return TextValue.Dynamic;
            }

            writes.Sort((a, b) => a.Position.CompareTo(b.Position));
            foreach (var write in writes)
            {
                TextValue next;
                switch (write.Operation)
                {
                    case ICompoundAssignmentOperation compound when compound.OperatorKind == BinaryOperatorKind.Add:
                        next = TextValue.Concat(value ?? TextValue.Empty, Eval(compound.Value, scope, depth + 1));
                        break;
                    case ISimpleAssignmentOperation simple:
                        next = Eval(simple.Value, scope, depth + 1);
                        break;
                    case IAssignmentOperation:
                        next = TextValue.Dynamic;
                        break;
                    default:
                        next = Eval(write.Operation, scope, depth + 1);
                        break;
                }

                value = value == null || !IsConditionalWithin(write.Operation, root) ? next : TextValue.Either(value, next);
            }

            return value ?? TextValue.Dynamic;
        }

        /// <summary>Fields and properties: their initializer, expression body or getter, and constructor assignments.</summary>
        private TextValue EvalSymbolValue(ISymbol symbol, Scope scope, int depth)
        {
            if (symbol.DeclaringSyntaxReferences.IsEmpty)
            {
                return TextValue.Dynamic;
            }

            if (_symbolValues.TryGetValue(symbol, out var cached))
            {
                return cached;
            }

            if (scope.IsVisiting(symbol))
            {
                return TextValue.Dynamic;
            }

            var inner = scope.Enter(symbol, null);
            TextValue? value = null;
            foreach (var reference in symbol.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax(scope.CancellationToken);
                var model = GetModel(syntax.SyntaxTree);
                if (model == null)
                {
                    continue;
                }

                IOperation? source = syntax switch
                {
                    VariableDeclaratorSyntax { Initializer: { } init } => model.SafeGetOperation(init.Value, scope.CancellationToken),
                    PropertyDeclarationSyntax { Initializer: { } init } => model.SafeGetOperation(init.Value, scope.CancellationToken),
                    PropertyDeclarationSyntax { ExpressionBody: { } body } => model.SafeGetOperation(body.Expression, scope.CancellationToken),
                    _ => null,
                };

                if (source != null)
                {
                    var current = Eval(source, inner, depth + 1);
                    value = value == null ? current : TextValue.Either(value, current);
                }
                else if (syntax is PropertyDeclarationSyntax property && property.AccessorList != null)
                {
                    var getter = property.AccessorList.Accessors.FirstOrDefault(a => a.Keyword.Text == "get");
                    var body = (SyntaxNode?)getter?.ExpressionBody?.Expression ?? getter?.Body;
                    if (body != null && model.SafeGetOperation(body, scope.CancellationToken) is { } getterOperation)
                    {
                        var returned = ReturnedValue(getterOperation, inner, depth);
                        if (returned != null)
                        {
                            value = value == null ? returned : TextValue.Either(value, returned);
                        }
                    }
                }
            }

            // Assignments in constructors (readonly fields and get-only properties set there). Only constructors whose
            // text names the member are bound (a constant is never assigned).
            if (symbol is IFieldSymbol { IsConst: false } || symbol is IPropertySymbol)
            {
                foreach (var constructor in symbol.ContainingType.Constructors.Concat(symbol.ContainingType.StaticConstructors))
                {
                    foreach (var reference in constructor.DeclaringSyntaxReferences)
                    {
                        var syntax = reference.GetSyntax(scope.CancellationToken);
                        if (!SourceSearch.AnyToken(syntax, symbol.Name, System.StringComparison.Ordinal, token => token.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.IdentifierToken) && token.ValueText == symbol.Name, scope.CancellationToken))
                        {
                            continue;
                        }

                        var model = GetModel(syntax.SyntaxTree);
                        if (model?.SafeGetOperation(syntax, scope.CancellationToken) is not { } body)
                        {
                            continue;
                        }

                        foreach (var assignment in body.Descendants().OfType<ISimpleAssignmentOperation>())
                        {
                            var targetSymbol = assignment.Target switch
                            {
                                IFieldReferenceOperation f => (ISymbol)f.Field,
                                IPropertyReferenceOperation p => p.Property,
                                _ => null,
                            };

                            if (SymbolEqualityComparer.Default.Equals(targetSymbol, symbol))
                            {
                                var current = Eval(assignment.Value, inner, depth + 1);
                                value = value == null ? current : TextValue.Either(value, current);
                            }
                        }
                    }
                }
            }

            var result = value ?? TextValue.Dynamic;
            _symbolValues.TryAdd(symbol, result);
            return result;
        }

        private TextValue? EvalSourceMethod(IInvocationOperation invocation, Scope scope, int depth)
        {
            var method = invocation.TargetMethod.OriginalDefinition;
            if (method.IsAbstract || method.IsExtern || method.DeclaringSyntaxReferences.IsEmpty || method.MethodKind != MethodKind.Ordinary && method.MethodKind != MethodKind.LocalFunction)
            {
                return null;
            }

            if (scope.IsVisiting(method))
            {
                return TextValue.Dynamic;
            }

            if (method.Parameters.IsEmpty && _symbolValues.TryGetValue(method, out var cached))
            {
                return cached;
            }

            var bindings = new Dictionary<IParameterSymbol, TextValue>(SymbolEqualityComparer.Default);
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter != null)
                {
                    bindings[argument.Parameter.OriginalDefinition] = argument.ArgumentKind == ArgumentKind.DefaultValue
                        ? TextValue.StableUnknownLength
                        : Eval(argument.Value, scope, depth + 1);
                }
            }

            var inner = scope.Enter(method, bindings);
            TextValue? value = null;
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax(scope.CancellationToken);
                var model = GetModel(syntax.SyntaxTree);
                if (model == null)
                {
                    continue;
                }

                SyntaxNode? body = syntax switch
                {
                    MethodDeclarationSyntax m => (SyntaxNode?)m.ExpressionBody?.Expression ?? m.Body,
                    LocalFunctionStatementSyntax l => (SyntaxNode?)l.ExpressionBody?.Expression ?? l.Body,
                    _ => null,
                };

                if (body == null || model.SafeGetOperation(body, scope.CancellationToken) is not { } operation)
                {
                    continue;
                }

                var returned = ReturnedValue(operation, inner, depth);
                if (returned != null)
                {
                    value = value == null ? returned : TextValue.Either(value, returned);
                }
            }

            var result = value ?? TextValue.Dynamic;
            if (method.Parameters.IsEmpty)
            {
                _symbolValues.TryAdd(method, result);
            }

            return result;
        }

        private TextValue? ReturnedValue(IOperation body, Scope scope, int depth)
        {
            if (!(body is IBlockOperation))
            {
                return Eval(body, scope, depth + 1);
            }

            TextValue? value = null;
            foreach (var operation in body.Descendants())
            {
                if (operation is IReturnOperation { ReturnedValue: { } returned } && !InsideNestedFunction(operation, body))
                {
                    var current = Eval(returned, scope, depth + 1);
                    value = value == null ? current : TextValue.Either(value, current);
                }
            }

            return value;
        }

        private static bool InsideNestedFunction(IOperation operation, IOperation root)
        {
            for (var current = operation.Parent; current != null && current != root; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation || current is ILocalFunctionOperation)
                {
                    return true;
                }
            }

            return false;
        }

        private bool OnlyClock(TextValue value)
        {
            foreach (var source in value.Volatiles)
            {
                if (source.Kind != VolatileKind.Clock)
                {
                    return false;
                }
            }

            return true;
        }

        private static TextValue Volatile(VolatileKind kind, string description, SyntaxNode syntax)
            => TextValue.FromVolatile(new VolatileSource(kind, description, syntax));

        private bool IsStableValueType(ITypeSymbol? type)
            => type != null && (Is(type, _symbols.DateTime) || Is(type, _symbols.DateTimeOffset) || Is(type, _symbols.DateOnly) || Is(type, _symbols.Guid));

        private bool IsTimeProvider(INamedTypeSymbol? type)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                if (Is(current, _symbols.TimeProvider))
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsRandom(INamedTypeSymbol? type)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                if (Is(current, _symbols.Random))
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsExtraVolatile(ISymbol symbol)
        {
            if (_extraVolatileMembers.IsEmpty)
            {
                return false;
            }

            var type = symbol.ContainingType;
            return type != null && _extraVolatileMembers.Contains(type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat) + "." + symbol.Name);
        }

        private static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected)
            => expected != null && type != null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, expected);

        /// <summary>The evaluation path: symbols being evaluated (recursion guard) and parameter bindings.</summary>
        private sealed class Scope
        {
            private readonly Scope? _parent;
            private readonly ISymbol? _symbol;
            private readonly Dictionary<IParameterSymbol, TextValue>? _bindings;

            private Scope(Scope? parent, ISymbol? symbol, Dictionary<IParameterSymbol, TextValue>? bindings, CancellationToken cancellationToken)
            {
                _parent = parent;
                _symbol = symbol;
                _bindings = bindings;
                CancellationToken = cancellationToken;
            }

            public CancellationToken CancellationToken { get; }

            public static Scope Root(CancellationToken cancellationToken) => new Scope(null, null, null, cancellationToken);

            public Scope Enter(ISymbol symbol, Dictionary<IParameterSymbol, TextValue>? bindings)
                => new Scope(this, symbol, bindings, CancellationToken);

            public bool IsVisiting(ISymbol symbol)
            {
                for (var current = this; current != null; current = current._parent)
                {
                    if (current._symbol != null && SymbolEqualityComparer.Default.Equals(current._symbol, symbol))
                    {
                        return true;
                    }
                }

                return false;
            }

            public bool TryGetBinding(IParameterSymbol parameter, out TextValue value)
            {
                // Only the innermost method's parameters are bound: an outer method's parameters are per request.
                for (var current = this; current != null; current = current._parent)
                {
                    if (current._bindings != null)
                    {
                        return current._bindings.TryGetValue(parameter.OriginalDefinition, out value!);
                    }
                }

                value = TextValue.Dynamic;
                return false;
            }
        }
    }
}
