using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ClaudeCost.Analyzers.Infrastructure
{
    /// <summary>
    /// Whether the end point of a statement can be reached (C# reachability, as the compiler's flow analysis decides it),
    /// for the statements whose answer follows from their shape alone; null for the rest (loops, switches, try
    /// statements, labels, constant conditions the compiler folds), which the caller leaves to the flow analysis.
    /// </summary>
    internal static class EndPoint
    {
        public static bool? IsReachable(IOperation statement)
        {
            switch (statement)
            {
                case IBlockOperation block:
                    foreach (var inner in block.Operations)
                    {
                        if (inner is ILabeledOperation)
                        {
                            return null; // a goto may reach what follows a jump
                        }

                        var reachable = IsReachable(inner);
                        if (reachable != true)
                        {
                            return reachable == null ? null : ContainsLabel(block) ? null : (bool?)false;
                        }
                    }

                    return true;
                case IExpressionStatementOperation _:
                case IVariableDeclarationGroupOperation _:
                case IUsingDeclarationOperation _:
                case IEmptyOperation _:
                case ILocalFunctionOperation _:
                    return true;
                case IReturnOperation ret:
                    return ret.Kind == OperationKind.YieldReturn ? true : (bool?)false;
                case IThrowOperation _:
                case IBranchOperation _:
                    return false;
                case IConditionalOperation conditional when !conditional.IsRef && conditional.Type == null:
                    if (conditional.Condition.ConstantValue.HasValue)
                    {
                        return null;
                    }

                    var whenTrue = IsReachable(conditional.WhenTrue);
                    var whenFalse = conditional.WhenFalse == null ? true : IsReachable(conditional.WhenFalse);
                    return whenTrue == true || whenFalse == true ? true : whenTrue == null || whenFalse == null ? null : (bool?)false;
                case IUsingOperation usingStatement:
                    return IsReachable(usingStatement.Body);
                case ILockOperation lockStatement:
                    return IsReachable(lockStatement.Body);
                default:
                    return null;
            }
        }

        private static bool ContainsLabel(IBlockOperation block)
        {
            foreach (var inner in block.Operations)
            {
                if (inner is ILabeledOperation)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
