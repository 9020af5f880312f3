using System.Collections.Immutable;
using System.Threading;
using ClaudeCost.Analyzers.Infrastructure;
using ClaudeCost.Analyzers.Knowledge;
using ClaudeCost.Analyzers.Provenance;
using ClaudeCost.Analyzers.Requests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ClaudeCost.Analyzers.Surfaces
{
    /// <summary>
    /// Amazon Bedrock's Converse API (<c>ConverseRequest</c> / <c>ConverseStreamRequest</c>) with a Claude model id
    /// (a prompt or inference-profile ARN is not a Claude id by itself). System blocks are <c>SystemContentBlock</c>s;
    /// a <c>CachePoint</c> block is a breakpoint after the blocks before it; the output limit is
    /// <c>InferenceConfig.MaxTokens</c> (without it the model runs to its maximum).
    /// </summary>
    internal sealed class BedrockConverseAdapter
    {
        private readonly KnownSymbols _symbols;
        private readonly ValueTracker _tracker;

        public BedrockConverseAdapter(KnownSymbols symbols, ValueTracker tracker)
        {
            _symbols = symbols;
            _tracker = tracker;
        }

        public bool IsRequestType(ITypeSymbol? type)
            => type != null && (SymbolEqualityComparer.Default.Equals(type, _symbols.ConverseRequest) || SymbolEqualityComparer.Default.Equals(type, _symbols.ConverseStreamRequest));

        public ClaudeRequest? TryCreate(IObjectCreationOperation creation, CancellationToken cancellationToken)
        {
            var members = OperationHelpers.Members(creation.Initializer);
            if (!members.TryGetValue("ModelId", out var modelAssignment))
            {
                return null;
            }

            var modelValue = OperationHelpers.Peel(modelAssignment.Value);
            var modelId = modelValue.ConstantValue.Value as string ?? _tracker.Evaluate(modelValue, cancellationToken).ConstantText;
            if (modelId == null || !ModelCatalog.IsClaudeShaped(modelId))
            {
                return null;
            }

            var breakpoints = ImmutableArray.CreateBuilder<PromptPosition>();
            var system = ImmutableArray<PromptPart>.Empty;
            var shape = SystemShape.Absent;
            SyntaxNode? systemSyntax = null;
            if (members.TryGetValue("System", out var systemAssignment))
            {
                systemSyntax = systemAssignment.Value.Syntax;
                var elements = OperationHelpers.Elements(systemAssignment.Value);
                if (elements == null)
                {
                    shape = SystemShape.Opaque;
                    system = ImmutableArray.Create(new PromptPart(PromptSegment.System, 0, systemSyntax, null, TextValue.Dynamic, false));
                }
                else
                {
                    shape = SystemShape.BlockList;
                    var builder = ImmutableArray.CreateBuilder<PromptPart>();
                    for (var i = 0; i < elements.Count; i++)
                    {
                        var block = elements[i] as IObjectCreationOperation;
                        var blockMembers = OperationHelpers.Members(block?.Initializer);
                        if (blockMembers.ContainsKey("CachePoint"))
                        {
                            breakpoints.Add(new PromptPosition(PromptSegment.System, i));
                            continue;
                        }

                        var text = blockMembers.TryGetValue("Text", out var textAssignment) ? textAssignment.Value : null;
                        var value = text == null ? _tracker.EvaluateComposite(elements[i], cancellationToken) : _tracker.Evaluate(text, cancellationToken);
                        builder.Add(new PromptPart(PromptSegment.System, i, elements[i].Syntax, text?.Syntax, value, false));
                    }

                    system = builder.ToImmutable();
                }
            }

            if (members.TryGetValue("Messages", out var messages) && OperationHelpers.MentionsCacheControl(messages.Value.Syntax))
            {
                breakpoints.Add(new PromptPosition(PromptSegment.Messages, 0));
            }

            long? maxTokens = null;
            var limit = OutputLimit.Missing;
            if (members.TryGetValue("InferenceConfig", out var inference))
            {
                var config = OperationHelpers.Peel(inference.Value);
                if (config is IObjectCreationOperation configCreation)
                {
                    var configMembers = OperationHelpers.Members(configCreation.Initializer);
                    if (configMembers.TryGetValue("MaxTokens", out var max))
                    {
                        maxTokens = OperationHelpers.ConstantLong(max.Value);
                        limit = OutputLimit.Set;
                    }
                }
                else
                {
                    // A configuration built elsewhere: assume it carries the limit.
                    limit = OutputLimit.Set;
                }
            }

            if (limit == OutputLimit.Missing && OperationHelpers.MemberAssignedLater(creation, "InferenceConfig"))
            {
                limit = OutputLimit.Set;
            }

            return new ClaudeRequest(
                RequestSurface.BedrockConverse,
                creation.Syntax,
                isFree: false,
                new ModelReference(modelId, modelValue.Syntax, isEnumMember: false),
                ImmutableArray<PromptPart>.Empty,
                system,
                shape,
                systemSyntax,
                breakpoints.ToImmutable(),
                null,
                maxTokens,
                outputLimit: limit);
        }
    }
}
