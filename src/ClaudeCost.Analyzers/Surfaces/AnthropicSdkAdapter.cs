using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using ClaudeCost.Analyzers.Infrastructure;
using ClaudeCost.Analyzers.Provenance;
using ClaudeCost.Analyzers.Requests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ClaudeCost.Analyzers.Surfaces
{
    /// <summary>
    /// The community <c>Anthropic.SDK</c>: <c>MessageParameters</c> (paid) and <c>MessageCountTokenParameters</c> (free).
    /// System is a list of <c>SystemMessage(text, cacheControl)</c>; <c>PromptCaching = AutomaticToolsAndSystem</c>
    /// puts breakpoints on the last system block and the last tool.
    /// </summary>
    internal sealed class AnthropicSdkAdapter
    {
        private const int AutomaticToolsAndSystem = 2;

        private readonly KnownSymbols _symbols;
        private readonly ValueTracker _tracker;

        public AnthropicSdkAdapter(KnownSymbols symbols, ValueTracker tracker)
        {
            _symbols = symbols;
            _tracker = tracker;
        }

        public bool IsRequestType(ITypeSymbol? type)
            => type != null && (SymbolEqualityComparer.Default.Equals(type, _symbols.SdkMessageParameters) || SymbolEqualityComparer.Default.Equals(type, _symbols.SdkCountTokenParameters));

        public ClaudeRequest? TryCreate(IObjectCreationOperation creation, CancellationToken cancellationToken)
        {
            if (!IsRequestType(creation.Type))
            {
                return null;
            }

            var isFree = SymbolEqualityComparer.Default.Equals(creation.Type, _symbols.SdkCountTokenParameters);
            var members = OperationHelpers.Members(creation.Initializer);
            var breakpoints = ImmutableArray.CreateBuilder<PromptPosition>();

            ModelReference? model = null;
            if (members.TryGetValue("Model", out var modelAssignment))
            {
                var peeled = OperationHelpers.Peel(modelAssignment.Value);
                model = new ModelReference(peeled.ConstantValue.Value as string ?? _tracker.Evaluate(peeled, cancellationToken).ConstantText, peeled.Syntax, isEnumMember: false);
            }

            var automatic = members.TryGetValue("PromptCaching", out var caching) &&
                OperationHelpers.ConstantLong(caching.Value) is long flags && (flags & AutomaticToolsAndSystem) != 0;

            var tools = ImmutableArray<PromptPart>.Empty;
            if (members.TryGetValue("Tools", out var toolsAssignment))
            {
                var elements = OperationHelpers.Elements(toolsAssignment.Value);
                if (elements != null && elements.Count > 0)
                {
                    var builder = ImmutableArray.CreateBuilder<PromptPart>(elements.Count);
                    for (var i = 0; i < elements.Count; i++)
                    {
                        var hasBreakpoint = OperationHelpers.MentionsCacheControl(elements[i].Syntax) || (automatic && i == elements.Count - 1);
                        if (hasBreakpoint)
                        {
                            breakpoints.Add(new PromptPosition(PromptSegment.Tools, i));
                        }

                        builder.Add(new PromptPart(PromptSegment.Tools, i, elements[i].Syntax, null, _tracker.EvaluateComposite(elements[i], cancellationToken), hasBreakpoint));
                    }

                    tools = builder.ToImmutable();
                }
                else
                {
                    tools = ImmutableArray.Create(new PromptPart(PromptSegment.Tools, 0, toolsAssignment.Value.Syntax, null, TextValue.Dynamic, automatic));
                }
            }

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
                    system = ImmutableArray.Create(new PromptPart(PromptSegment.System, 0, systemSyntax, null, TextValue.Dynamic, automatic));
                    if (automatic)
                    {
                        breakpoints.Add(new PromptPosition(PromptSegment.System, 0));
                    }
                }
                else
                {
                    shape = SystemShape.BlockList;
                    var builder = ImmutableArray.CreateBuilder<PromptPart>(elements.Count);
                    for (var i = 0; i < elements.Count; i++)
                    {
                        var (text, explicitBreakpoint) = ReadSystemMessage(elements[i]);
                        var hasBreakpoint = explicitBreakpoint || (automatic && i == elements.Count - 1);
                        if (hasBreakpoint)
                        {
                            breakpoints.Add(new PromptPosition(PromptSegment.System, i));
                        }

                        var value = text == null ? _tracker.EvaluateComposite(elements[i], cancellationToken) : _tracker.Evaluate(text, cancellationToken);
                        builder.Add(new PromptPart(PromptSegment.System, i, elements[i].Syntax, text?.Syntax, value, hasBreakpoint));
                    }

                    system = builder.ToImmutable();
                }
            }

            SyntaxNode? firstUser = null;
            if (members.TryGetValue("Messages", out var messages))
            {
                firstUser = OperationHelpers.FirstElement(messages.Value)?.Syntax;
                if (OperationHelpers.MentionsCacheControl(messages.Value.Syntax))
                {
                    breakpoints.Add(new PromptPosition(PromptSegment.Messages, 0));
                }
            }

            long? maxTokens = members.TryGetValue("MaxTokens", out var max) ? OperationHelpers.ConstantLong(max.Value) : null;
            var thinking = members.TryGetValue("Thinking", out var thinkingAssignment) && !OperationHelpers.IsNullLiteral(thinkingAssignment.Value) ? thinkingAssignment.Syntax : null;
            return new ClaudeRequest(RequestSurface.AnthropicSdk, creation.Syntax, isFree, model, tools, system, shape, systemSyntax, breakpoints.ToImmutable(), firstUser, maxTokens, thinkingSyntax: thinking,
                outputLimit: members.ContainsKey("MaxTokens") || isFree || OperationHelpers.MemberAssignedLater(creation, "MaxTokens") ? OutputLimit.Set : OutputLimit.Missing);
        }

        private (IOperation? Text, bool HasBreakpoint) ReadSystemMessage(IOperation element)
        {
            if (!(element is IObjectCreationOperation creation) || !SymbolEqualityComparer.Default.Equals(creation.Type, _symbols.SdkSystemMessage))
            {
                return (null, OperationHelpers.MentionsCacheControl(element.Syntax));
            }

            IOperation? text = null;
            var hasBreakpoint = false;
            foreach (var argument in creation.Arguments)
            {
                if (argument.ArgumentKind == ArgumentKind.DefaultValue)
                {
                    continue;
                }

                if (argument.Parameter?.Type.SpecialType == SpecialType.System_String)
                {
                    text = argument.Value;
                }
                else if (!OperationHelpers.IsNullLiteral(argument.Value))
                {
                    hasBreakpoint = true;
                }
            }

            var members = OperationHelpers.Members(creation.Initializer);
            if (members.TryGetValue("Text", out var textAssignment))
            {
                text = textAssignment.Value;
            }

            if (members.TryGetValue("CacheControl", out var cache) && !OperationHelpers.IsNullLiteral(cache.Value))
            {
                hasBreakpoint = true;
            }

            return (text, hasBreakpoint);
        }
    }
}
