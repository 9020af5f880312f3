using System.Collections.Generic;
using System.Linq;
using ClaudeCost.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ClaudeCost.Analyzers.Surfaces
{
    internal static class OperationHelpers
    {
        public static IOperation Peel(IOperation operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }

        /// <summary>The member assignments of an object initializer, by member name (last one wins).</summary>
        public static Dictionary<string, ISimpleAssignmentOperation> Members(IObjectOrCollectionInitializerOperation? initializer)
        {
            var members = new Dictionary<string, ISimpleAssignmentOperation>(initializer?.Initializers.Length ?? 0, System.StringComparer.Ordinal);
            if (initializer == null)
            {
                return members;
            }

            foreach (var item in initializer.Initializers)
            {
                if (item is ISimpleAssignmentOperation assignment)
                {
                    var name = assignment.Target switch
                    {
                        IPropertyReferenceOperation property => property.Property.Name,
                        IFieldReferenceOperation field => field.Field.Name,
                        _ => null,
                    };

                    if (name != null)
                    {
                        members[name] = assignment;
                    }
                }
            }

            return members;
        }

        /// <summary>The elements of a list written out as a collection expression, array or collection initializer.</summary>
        public static List<IOperation>? Elements(IOperation value)
        {
            value = Peel(value);
            if (value.Syntax is CollectionExpressionSyntax collection)
            {
                return Provenance.ValueTracker.ElementOperations(collection, value.SemanticModel).Select(Peel).ToList();
            }

            switch (value)
            {
                case IArrayCreationOperation array when array.Initializer != null:
                    return array.Initializer.ElementValues.Select(Peel).ToList();
                case IObjectCreationOperation creation when creation.Initializer != null && creation.Initializer.Initializers.All(i => i is IInvocationOperation):
                    var list = new List<IOperation>();
                    foreach (var add in creation.Initializer.Initializers.OfType<IInvocationOperation>())
                    {
                        if (add.Arguments.Length == 1)
                        {
                            list.Add(Peel(add.Arguments[0].Value));
                        }
                    }

                    return list;
                case IObjectCreationOperation emptyCreation when emptyCreation.Initializer == null && emptyCreation.Arguments.Length == 0:
                    return new List<IOperation>();
                default:
                    return null;
            }
        }

        /// <summary>The first element of <see cref="Elements"/>, without reading the others (the first user turn of a conversation).</summary>
        public static IOperation? FirstElement(IOperation value)
        {
            value = Peel(value);
            if (value.Syntax is CollectionExpressionSyntax collection)
            {
                foreach (var element in Provenance.ValueTracker.ElementOperations(collection, value.SemanticModel))
                {
                    return Peel(element);
                }

                return null;
            }

            switch (value)
            {
                case IArrayCreationOperation array when array.Initializer != null:
                    return array.Initializer.ElementValues.IsEmpty ? null : Peel(array.Initializer.ElementValues[0]);
                case IObjectCreationOperation creation when creation.Initializer != null:
                    IOperation? first = null;
                    foreach (var initializer in creation.Initializer.Initializers)
                    {
                        if (!(initializer is IInvocationOperation add))
                        {
                            return null;
                        }

                        if (first == null && add.Arguments.Length == 1)
                        {
                            first = Peel(add.Arguments[0].Value);
                        }
                    }

                    return first;
                default:
                    return null;
            }
        }

        /// <summary>A local's single initializer value, when the local is never written again.</summary>
        public static IOperation? FollowLocal(IOperation value)
        {
            value = Peel(value);
            if (!(value is ILocalReferenceOperation reference))
            {
                return null;
            }

            var root = value;
            while (root.Parent != null)
            {
                root = root.Parent;
            }

            // The local's declaration and the assignments to it, found from its name in the member's text and checked
            // semantically at each hit (a walk over all of the member's operations costs more than the rest of a request).
            var local = reference.Local;
            var model = value.SemanticModel;
            if (model == null)
            {
                return null;
            }

            IOperation? initializer = null;
            var written = Infrastructure.SourceSearch.AnyToken(root.Syntax, local.Name, System.StringComparison.Ordinal, token =>
            {
                if (!token.IsKind(SyntaxKind.IdentifierToken) || token.ValueText != local.Name)
                {
                    return false;
                }

                if (token.Parent is VariableDeclaratorSyntax declaratorSyntax && declaratorSyntax.Identifier == token)
                {
                    if (model.SafeGetOperation(declaratorSyntax) is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local))
                    {
                        initializer = declarator.Initializer?.Value ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer?.Value;
                    }

                    return false;
                }

                SyntaxNode target = token.Parent!;
                while (target.Parent is ParenthesizedExpressionSyntax)
                {
                    target = target.Parent;
                }

                return target.Parent is AssignmentExpressionSyntax assignment && assignment.Left == target &&
                    model.SafeGetOperation(token.Parent!) is ILocalReferenceOperation written && SymbolEqualityComparer.Default.Equals(written.Local, local);
            });

            if (written)
            {
                return null;
            }

            return initializer == null ? null : Peel(initializer);
        }

        /// <summary>True when the syntax mentions a cache breakpoint (cheap text test used for nested message content).</summary>
        public static bool MentionsCacheControl(SyntaxNode syntax)
            => Infrastructure.SourceSearch.AnyToken(syntax, "CacheControl", System.StringComparison.Ordinal, token => token.ValueText.IndexOf("CacheControl", System.StringComparison.Ordinal) >= 0) ||
               Infrastructure.SourceSearch.AnyToken(syntax, "cache_control", System.StringComparison.Ordinal, token => token.ValueText.IndexOf("cache_control", System.StringComparison.Ordinal) >= 0) ||
               Infrastructure.SourceSearch.AnyToken(syntax, "CachePoint", System.StringComparison.Ordinal, token => token.ValueText == "CachePoint");

        /// <summary>
        /// The object created here is stored in a local whose member <paramref name="memberName"/> is assigned later in
        /// the same body (<c>parameters.MaxTokens = 512;</c>, possibly under a condition).
        /// </summary>
        public static bool MemberAssignedLater(IObjectCreationOperation creation, string memberName)
        {
            var declarator = creation.Parent?.Parent as IVariableDeclaratorOperation ?? creation.Parent as IVariableDeclaratorOperation;
            if (declarator == null)
            {
                return false;
            }

            IOperation root = creation;
            while (root.Parent != null)
            {
                root = root.Parent;
            }

            foreach (var operation in root.Descendants())
            {
                if (operation is IAssignmentOperation { Target: IPropertyReferenceOperation property } &&
                    property.Property.Name == memberName &&
                    Peel(property.Instance ?? property) is ILocalReferenceOperation local &&
                    SymbolEqualityComparer.Default.Equals(local.Local, declarator.Symbol))
                {
                    return true;
                }
            }

            return false;
        }

        public static long? ConstantLong(IOperation? value)
        {
            if (value == null)
            {
                return null;
            }

            var constant = Peel(value).ConstantValue;
            if (!constant.HasValue || constant.Value == null)
            {
                return null;
            }

            try
            {
                return System.Convert.ToInt64(constant.Value, System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (System.Exception e) when (e is System.FormatException || e is System.InvalidCastException || e is System.OverflowException)
            {
                return null;
            }
        }

        public static bool IsNullLiteral(IOperation value)
        {
            var peeled = Peel(value);
            return peeled.ConstantValue.HasValue && peeled.ConstantValue.Value == null;
        }
    }
}
