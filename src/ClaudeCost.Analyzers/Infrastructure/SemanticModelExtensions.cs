using System.Threading;
using Microsoft.CodeAnalysis;

namespace ClaudeCost.Analyzers.Infrastructure
{
    internal static class SemanticModelExtensions
    {
        /// <summary>
        /// The semantic model's operation for a node, or null. Roslyn's <c>GetOperation</c> on a sub-expression of
        /// broken code can throw (e.g. "Unexpected value 'UnconvertedInterpolatedString'" for an interpolated string left
        /// without a target by a missing brace); such code is skipped rather than reported as an analyzer failure.
        /// </summary>
        public static IOperation? SafeGetOperation(this SemanticModel model, SyntaxNode node, CancellationToken cancellationToken = default)
        {
            try
            {
                return model.GetOperation(node, cancellationToken);
            }
            catch (System.InvalidOperationException)
            {
                return null;
            }
            catch (System.ArgumentException)
            {
                return null;
            }
            catch (System.InsufficientExecutionStackException)
            {
                return null;
            }
        }

    }
}
