using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using ClaudeCost.Analyzers.Infrastructure;
using ClaudeCost.Analyzers.Knowledge;
using ClaudeCost.Analyzers.Provenance;
using ClaudeCost.Analyzers.Requests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;

namespace ClaudeCost.Analyzers.Surfaces
{
    /// <summary>
    /// The official <c>Anthropic</c> SDK (12.x and 13.x): <c>MessageCreateParams</c>, batch items (<c>Batches.Params</c>),
    /// Beta twins and thread params are paid requests; <c>MessageCountTokensParams</c> is free.
    /// </summary>
    internal sealed class OfficialSdkAdapter
    {
        private readonly KnownSymbols _symbols;
        private readonly ValueTracker _tracker;

        public OfficialSdkAdapter(KnownSymbols symbols, ValueTracker tracker)
        {
            _symbols = symbols;
            _tracker = tracker;
        }

        public bool IsRequestType(ITypeSymbol? type)
            => Classify(type, out _, out _);

        private bool Classify(ITypeSymbol? type, out RequestSurface surface, out bool isFree)
        {
            surface = RequestSurface.OfficialSdk;
            isFree = false;
            if (type == null)
            {
                return false;
            }

            var comparer = SymbolEqualityComparer.Default;
            if (comparer.Equals(type, _symbols.MessageCreateParams) || comparer.Equals(type, _symbols.BatchParams))
            {
                return true;
            }

            if (comparer.Equals(type, _symbols.CountTokensParams))
            {
                isFree = true;
                return true;
            }

            surface = RequestSurface.OfficialSdkBeta;
            if (comparer.Equals(type, _symbols.BetaMessageCreateParams) || comparer.Equals(type, _symbols.BetaBatchParams) || comparer.Equals(type, _symbols.BetaThreadCreateParams))
            {
                return true;
            }

            if (comparer.Equals(type, _symbols.BetaCountTokensParams))
            {
                isFree = true;
                return true;
            }

            return false;
        }

        public ClaudeRequest? TryCreate(IObjectCreationOperation creation, CancellationToken cancellationToken)
        {
            if (!Classify(creation.Type, out var surface, out var isFree))
            {
                return null;
            }

            var members = OperationHelpers.Members(creation.Initializer);
            var breakpoints = ImmutableArray.CreateBuilder<PromptPosition>();
            var unplaced = false;

            ModelReference? model = null;
            if (members.TryGetValue("Model", out var modelAssignment))
            {
                model = ReadModel(modelAssignment.Value);
            }

            var tools = ImmutableArray<PromptPart>.Empty;
            if (members.TryGetValue("Tools", out var toolsAssignment))
            {
                tools = ReadTools(toolsAssignment.Value, breakpoints, cancellationToken);
            }

            var system = ImmutableArray<PromptPart>.Empty;
            var shape = SystemShape.Absent;
            Microsoft.CodeAnalysis.SyntaxNode? systemSyntax = null;
            if (members.TryGetValue("System", out var systemAssignment))
            {
                systemSyntax = systemAssignment.Value.Syntax;
                system = ReadSystem(systemAssignment.Value, breakpoints, out shape, cancellationToken);
            }

            Microsoft.CodeAnalysis.SyntaxNode? firstUser = null;
            if (members.TryGetValue("Messages", out var messagesAssignment))
            {
                firstUser = OperationHelpers.FirstElement(messagesAssignment.Value)?.Syntax;
                if (OperationHelpers.MentionsCacheControl(messagesAssignment.Value.Syntax))
                {
                    breakpoints.Add(new PromptPosition(PromptSegment.Messages, 0));
                }
            }

            if (members.TryGetValue("CacheControl", out var topLevel) && !OperationHelpers.IsNullLiteral(topLevel.Value))
            {
                breakpoints.Add(PromptPosition.EndOfMessages);
            }

            // A breakpoint added later with `request with { CacheControl = … }` or `with { System = … }`.
            if (LaterWithSetsCaching(creation))
            {
                unplaced = true;
            }

            long? maxTokens = members.TryGetValue("MaxTokens", out var maxAssignment) ? OperationHelpers.ConstantLong(maxAssignment.Value) : null;
            var thinking = members.TryGetValue("Thinking", out var thinkingAssignment) && !OperationHelpers.IsNullLiteral(thinkingAssignment.Value) && !IsDisabledThinking(thinkingAssignment.Value)
                ? thinkingAssignment.Syntax
                : null;
            return new ClaudeRequest(surface, creation.Syntax, isFree, model, tools, system, shape, systemSyntax, breakpoints.ToImmutable(), firstUser, maxTokens, unplaced, thinkingSyntax: thinking);
        }

        private ModelReference? ReadModel(IOperation value)
        {
            var peeled = OperationHelpers.Peel(value);
            if (peeled.ConstantValue.HasValue && peeled.ConstantValue.Value is string id)
            {
                return new ModelReference(id, peeled.Syntax, isEnumMember: false);
            }

            if (peeled is IFieldReferenceOperation field && SymbolEqualityComparer.Default.Equals(field.Field.ContainingType, _symbols.ModelEnum))
            {
                return new ModelReference(ModelIds.EnumMemberToWireId(field.Field.Name), peeled.Syntax, isEnumMember: true);
            }

            // A static readonly field, a property or a local holding one constant id.
            return new ModelReference(_tracker.Evaluate(peeled, System.Threading.CancellationToken.None).ConstantText, peeled.Syntax, isEnumMember: false);
        }

        private static bool IsDisabledThinking(IOperation value)
            => OperationHelpers.Peel(value) is IObjectCreationOperation { Type: { Name: "ThinkingConfigDisabled" or "BetaThinkingConfigDisabled" } };

        private ImmutableArray<PromptPart> ReadSystem(IOperation value, ImmutableArray<PromptPosition>.Builder breakpoints, out SystemShape shape, CancellationToken cancellationToken)
        {
            var peeled = OperationHelpers.Peel(value);
            if (peeled.Type?.SpecialType == SpecialType.System_String)
            {
                shape = SystemShape.Text;
                var text = _tracker.Evaluate(peeled, cancellationToken);
                return ImmutableArray.Create(new PromptPart(PromptSegment.System, 0, value.Syntax, peeled.Syntax, text, hasBreakpoint: false));
            }

            var elements = OperationHelpers.Elements(peeled);
            shape = SystemShape.BlockList;
            if (elements == null)
            {
                var followed = OperationHelpers.FollowLocal(peeled);
                elements = followed == null ? null : OperationHelpers.Elements(followed);
                shape = SystemShape.Opaque;
            }

            if (elements == null)
            {
                shape = SystemShape.Opaque;
                return ImmutableArray.Create(new PromptPart(PromptSegment.System, 0, value.Syntax, null, TextValue.Dynamic, hasBreakpoint: false));
            }

            var parts = ImmutableArray.CreateBuilder<PromptPart>(elements.Count);
            for (var i = 0; i < elements.Count; i++)
            {
                var block = elements[i];
                var (textOperation, hasBreakpoint) = ReadTextBlock(block);
                var text = textOperation == null ? _tracker.EvaluateComposite(block, cancellationToken) : _tracker.Evaluate(textOperation, cancellationToken);
                if (hasBreakpoint)
                {
                    breakpoints.Add(new PromptPosition(PromptSegment.System, i));
                }

                parts.Add(new PromptPart(PromptSegment.System, i, block.Syntax, textOperation?.Syntax, text, hasBreakpoint));
            }

            return parts.ToImmutable();
        }

        /// <summary>A <c>TextBlockParam</c>: its text (constructor argument or <c>Text =</c>) and whether it carries <c>CacheControl</c>.</summary>
        private (IOperation? Text, bool HasBreakpoint) ReadTextBlock(IOperation block)
        {
            if (!(block is IObjectCreationOperation creation))
            {
                return (null, OperationHelpers.MentionsCacheControl(block.Syntax));
            }

            IOperation? text = null;
            if (creation.Arguments.Length > 0 && creation.Arguments[0].Value.Type?.SpecialType == SpecialType.System_String)
            {
                text = creation.Arguments[0].Value;
            }

            var members = OperationHelpers.Members(creation.Initializer);
            if (members.TryGetValue("Text", out var textAssignment))
            {
                text = textAssignment.Value;
            }

            var hasBreakpoint = members.TryGetValue("CacheControl", out var cache) && !OperationHelpers.IsNullLiteral(cache.Value);
            return (text, hasBreakpoint);
        }

        private ImmutableArray<PromptPart> ReadTools(IOperation value, ImmutableArray<PromptPosition>.Builder breakpoints, CancellationToken cancellationToken)
        {
            var elements = OperationHelpers.Elements(value) ?? (OperationHelpers.FollowLocal(value) is { } followed ? OperationHelpers.Elements(followed) : null);
            if (elements == null)
            {
                // Tools built elsewhere: unknown text; a breakpoint may be set on them there.
                if (OperationHelpers.MentionsCacheControl(value.Syntax))
                {
                    breakpoints.Add(new PromptPosition(PromptSegment.Tools, int.MaxValue - 1));
                }

                return ImmutableArray.Create(new PromptPart(PromptSegment.Tools, 0, value.Syntax, null, TextValue.Dynamic, hasBreakpoint: false));
            }

            var parts = ImmutableArray.CreateBuilder<PromptPart>(elements.Count);
            for (var i = 0; i < elements.Count; i++)
            {
                var tool = elements[i];
                var hasBreakpoint = tool is IObjectCreationOperation creation
                    ? OperationHelpers.Members(creation.Initializer).TryGetValue("CacheControl", out var cache) && !OperationHelpers.IsNullLiteral(cache.Value)
                    : OperationHelpers.MentionsCacheControl(tool.Syntax);
                if (hasBreakpoint)
                {
                    breakpoints.Add(new PromptPosition(PromptSegment.Tools, i));
                }

                parts.Add(new PromptPart(PromptSegment.Tools, i, tool.Syntax, null, _tracker.EvaluateComposite(tool, cancellationToken), hasBreakpoint));
            }

            return parts.ToImmutable();
        }

        private static bool LaterWithSetsCaching(IObjectCreationOperation creation)
        {
            var declarator = creation.Parent?.Parent as IVariableDeclaratorOperation ?? creation.Parent as IVariableDeclaratorOperation;
            if (declarator == null)
            {
                return false;
            }

            var root = (IOperation)creation;
            while (root.Parent != null)
            {
                root = root.Parent;
            }

            if (!Infrastructure.SourceSearch.AnyToken(root.Syntax, "with", System.StringComparison.Ordinal, token => token.IsKind(SyntaxKind.WithKeyword)))
            {
                // No `with` expression in the member at all (a text search, then the token at each hit).
                return false;
            }

            foreach (var operation in root.Descendants())
            {
                if (operation is IWithOperation with &&
                    OperationHelpers.Peel(with.Operand) is ILocalReferenceOperation local &&
                    SymbolEqualityComparer.Default.Equals(local.Local, declarator.Symbol) &&
                    OperationHelpers.MentionsCacheControl(with.Initializer.Syntax))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
