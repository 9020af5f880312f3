using System.Collections.Concurrent;
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
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ClaudeCost.Analyzers.Surfaces
{
    /// <summary>
    /// Raw HTTP bodies: anonymous objects, <c>JsonObject</c>/<c>JObject</c>, string-keyed dictionaries and DTOs whose
    /// properties carry <c>[JsonPropertyName]</c>. A body counts as a Claude request only with Claude evidence: a model
    /// constant that is a Claude id, or (with a model that is not a constant) the Anthropic endpoint or header in the
    /// enclosing type. Bodies with a constant non-Claude model (OpenAI, Ollama…) are never Claude requests.
    /// </summary>
    internal sealed class RawHttpAdapter
    {
        private readonly KnownSymbols _symbols;
        private readonly ValueTracker _tracker;
        private readonly ClaudeEvidence _evidence;
        private readonly ConcurrentDictionary<ITypeSymbol, Dictionary<string, string>?> _dtoKeys = SharedCache.Create<ITypeSymbol, Dictionary<string, string>?>(comparer: SymbolEqualityComparer.Default);

        public RawHttpAdapter(KnownSymbols symbols, ValueTracker tracker, ClaudeEvidence evidence)
        {
            _symbols = symbols;
            _tracker = tracker;
            _evidence = evidence;
        }

        /// <summary>Normalized key: lower case, no underscores ("max_tokens" and "MaxTokens" both give "maxtokens").</summary>
        public static string NormalizeKey(string key)
        {
            var chars = new char[key.Length];
            var length = 0;
            foreach (var c in key)
            {
                if (c != '_' && c != '@')
                {
                    chars[length++] = char.ToLowerInvariant(c);
                }
            }

            return new string(chars, 0, length);
        }

        /// <summary>Cheap syntax test before any semantic work: the anonymous object names both model and messages.</summary>
        public static bool LooksLikeBody(AnonymousObjectCreationExpressionSyntax syntax)
        {
            var model = false;
            var messages = false;
            foreach (var member in syntax.Initializers)
            {
                var name = member.NameEquals?.Name.Identifier.ValueText ?? InferredName(member.Expression);
                if (name == null)
                {
                    continue;
                }

                if (string.Equals(name, "model", System.StringComparison.OrdinalIgnoreCase))
                {
                    model = true;
                }
                else if (string.Equals(name, "messages", System.StringComparison.OrdinalIgnoreCase))
                {
                    messages = true;
                }
            }

            return model && messages;
        }

        /// <summary>Cheap syntax test: an initializer with "model" and "messages" keys (<c>["model"] = …</c> or <c>{ "model", … }</c>).</summary>
        public static bool LooksLikeKeyedBody(InitializerExpressionSyntax initializer)
        {
            var model = false;
            var messages = false;
            foreach (var expression in initializer.Expressions)
            {
                string? key = expression switch
                {
                    AssignmentExpressionSyntax { Left: ImplicitElementAccessSyntax access } when access.ArgumentList.Arguments.Count == 1
                        => (access.ArgumentList.Arguments[0].Expression as LiteralExpressionSyntax)?.Token.ValueText,
                    AssignmentExpressionSyntax { Left: IdentifierNameSyntax name } => name.Identifier.ValueText,
                    InitializerExpressionSyntax { Expressions: { Count: 2 } pair } => (pair[0] as LiteralExpressionSyntax)?.Token.ValueText,
                    _ => null,
                };

                if (key == null)
                {
                    continue;
                }

                var normalized = NormalizeKey(key);
                model |= normalized == "model";
                messages |= normalized == "messages";
            }

            return model && messages;
        }

        private static string? InferredName(ExpressionSyntax expression) => expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            _ => null,
        };

        public ClaudeRequest? TryCreate(IOperation body, CancellationToken cancellationToken)
        {
            var keyed = ReadKeyed(body, out var surface);
            if (keyed == null || !keyed.ContainsKey("model") || !keyed.ContainsKey("messages"))
            {
                return null;
            }

            var modelValue = OperationHelpers.Peel(keyed["model"]);
            var modelId = modelValue.ConstantValue.Value as string ?? _tracker.Evaluate(modelValue, cancellationToken).ConstantText;
            if (modelId != null)
            {
                if (!ModelCatalog.IsClaudeShaped(modelId))
                {
                    return null;
                }
            }
            else if (!_evidence.MentionsAnthropic(body.Syntax) || _evidence.MentionsOtherProvider(body.Syntax))
            {
                return null;
            }

            var model = new ModelReference(modelId, modelValue.Syntax, isEnumMember: false);
            var breakpoints = ImmutableArray.CreateBuilder<PromptPosition>();

            var tools = ImmutableArray<PromptPart>.Empty;
            if (keyed.TryGetValue("tools", out var toolsValue))
            {
                tools = ReadBlocks(toolsValue, PromptSegment.Tools, breakpoints, out _, cancellationToken);
            }

            var system = ImmutableArray<PromptPart>.Empty;
            var shape = SystemShape.Absent;
            SyntaxNode? systemSyntax = null;
            if (keyed.TryGetValue("system", out var systemValue))
            {
                systemSyntax = systemValue.Syntax;
                system = ReadBlocks(systemValue, PromptSegment.System, breakpoints, out shape, cancellationToken);
            }

            var firstUser = ReadMessageBreakpoints(keyed, breakpoints);

            long? maxTokens = keyed.TryGetValue("maxtokens", out var max) ? OperationHelpers.ConstantLong(max) : null;
            var isFree = _evidence.IsCountTokens(body.Syntax);
            var unplaced = _evidence.HasCacheControlOutside(body.Syntax);
            var outputLimit = keyed.ContainsKey("maxtokens") || _evidence.WritesKeyOutside(body.Syntax, "max_tokens") || (surface == RequestSurface.RawDto && DtoHasDefault(body, "max_tokens"))
                ? OutputLimit.Set
                : OutputLimit.Missing;
            var thinking = keyed.TryGetValue("thinking", out var thinkingValue) && !OperationHelpers.IsNullLiteral(thinkingValue) ? thinkingValue.Parent?.Syntax ?? thinkingValue.Syntax : null;
            return new ClaudeRequest(surface, body.Syntax, isFree, model, tools, system, shape, systemSyntax, breakpoints.ToImmutable(), firstUser, maxTokens, unplaced, thinkingSyntax: thinking, outputLimit: outputLimit);
        }

        /// <summary>Reads a tools or system value (a string, or blocks written out as a list) into prompt parts.</summary>
        internal ImmutableArray<PromptPart> ReadBlocks(IOperation value, PromptSegment segment, ImmutableArray<PromptPosition>.Builder breakpoints, out SystemShape shape, CancellationToken cancellationToken)
        {
            var peeled = OperationHelpers.Peel(value);
            if (peeled.Type?.SpecialType == SpecialType.System_String)
            {
                shape = SystemShape.Text;
                return ImmutableArray.Create(new PromptPart(segment, 0, value.Syntax, peeled.Syntax, _tracker.Evaluate(peeled, cancellationToken), hasBreakpoint: false));
            }

            var elements = OperationHelpers.Elements(peeled);
            shape = SystemShape.BlockList;
            if (elements == null)
            {
                shape = SystemShape.Opaque;
                var hasBreakpoint = OperationHelpers.MentionsCacheControl(value.Syntax);
                if (hasBreakpoint)
                {
                    breakpoints.Add(new PromptPosition(segment, int.MaxValue - 1));
                }

                return ImmutableArray.Create(new PromptPart(segment, 0, value.Syntax, null, _tracker.EvaluateComposite(peeled, cancellationToken), hasBreakpoint));
            }

            var parts = ImmutableArray.CreateBuilder<PromptPart>(elements.Count);
            for (var i = 0; i < elements.Count; i++)
            {
                var element = elements[i];
                var keyed = ReadKeyed(element, out _);
                IOperation? text = null;
                var hasBreakpoint = false;
                if (keyed != null)
                {
                    if (segment == PromptSegment.System && keyed.TryGetValue("text", out var textValue))
                    {
                        text = OperationHelpers.Peel(textValue);
                    }

                    hasBreakpoint = keyed.TryGetValue("cachecontrol", out var cache) && !OperationHelpers.IsNullLiteral(cache);
                }
                else
                {
                    hasBreakpoint = OperationHelpers.MentionsCacheControl(element.Syntax);
                }

                if (hasBreakpoint)
                {
                    breakpoints.Add(new PromptPosition(segment, i));
                }

                var valueText = text != null ? _tracker.Evaluate(text, cancellationToken) : _tracker.EvaluateComposite(element, cancellationToken);
                parts.Add(new PromptPart(segment, i, element.Syntax, text?.Syntax, valueText, hasBreakpoint));
            }

            return parts.ToImmutable();
        }

        /// <summary>A DTO whose property for the wire key has an initializer (a default the serializer sends).</summary>
        private bool DtoHasDefault(IOperation body, string wireKey)
        {
            if (!(OperationHelpers.Peel(body).Type is ITypeSymbol type) || DtoKeys(type) is not { } keys)
            {
                return false;
            }

            foreach (var pair in keys)
            {
                if (pair.Value != wireKey)
                {
                    continue;
                }

                foreach (var member in type.GetMembers(pair.Key))
                {
                    foreach (var reference in member.DeclaringSyntaxReferences)
                    {
                        if (reference.GetSyntax() is PropertyDeclarationSyntax { Initializer: not null } or PropertyDeclarationSyntax { ExpressionBody: not null })
                        {
                            return true;
                        }
                    }

                    if (member.DeclaringSyntaxReferences.IsEmpty)
                    {
                        // A DTO from a library: its defaults are unknown; assume it sends one.
                        return true;
                    }
                }

                return false;
            }

            // The DTO has no property for the key at all: the body cannot carry it.
            return false;
        }

        /// <summary>Reads a keyed object (anonymous, JsonObject, dictionary, DTO) into normalized key → value.</summary>
        /// <summary>
        /// The first message of a keyed body (where a prefix that reaches the messages ends) and its breakpoints: a
        /// <c>cache_control</c> inside the messages, or the top-level <c>cache_control</c> (automatic caching).
        /// </summary>
        internal static SyntaxNode? ReadMessageBreakpoints(Dictionary<string, IOperation> keyed, ImmutableArray<PromptPosition>.Builder breakpoints)
        {
            SyntaxNode? firstUser = null;
            if (keyed.TryGetValue("messages", out var messages))
            {
                firstUser = OperationHelpers.FirstElement(messages)?.Syntax;
                if (OperationHelpers.MentionsCacheControl(messages.Syntax))
                {
                    breakpoints.Add(new PromptPosition(PromptSegment.Messages, 0));
                }
            }

            if (keyed.TryGetValue("cachecontrol", out var topLevel) && !OperationHelpers.IsNullLiteral(topLevel))
            {
                breakpoints.Add(PromptPosition.EndOfMessages);
            }

            return firstUser;
        }

        private Dictionary<string, IOperation>? ReadKeyed(IOperation operation, out RequestSurface surface)
        {
            surface = RequestSurface.RawAnonymousObject;
            operation = OperationHelpers.Peel(operation);
            if (operation is IAnonymousObjectCreationOperation anonymous)
            {
                var result = new Dictionary<string, IOperation>(System.StringComparer.Ordinal);
                foreach (var initializer in anonymous.Initializers)
                {
                    if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment)
                    {
                        result[NormalizeKey(property.Property.Name)] = assignment.Value;
                    }
                }

                return result;
            }

            if (!(operation is IObjectCreationOperation creation) || creation.Initializer == null)
            {
                return null;
            }

            var type = creation.Type;
            if (IsKeyedContainer(type, out surface))
            {
                var result = new Dictionary<string, IOperation>(System.StringComparer.Ordinal);
                foreach (var initializer in creation.Initializer.Initializers)
                {
                    switch (initializer)
                    {
                        case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: { IsIndexer: true } } indexer } assignment
                            when indexer.Arguments.Length == 1 && indexer.Arguments[0].Value.ConstantValue.Value is string key:
                            result[NormalizeKey(key)] = assignment.Value;
                            break;
                        case IInvocationOperation add when add.Arguments.Length == 2 && add.Arguments[0].Value.ConstantValue.Value is string addKey:
                            result[NormalizeKey(addKey)] = add.Arguments[1].Value;
                            break;
                    }
                }

                return result;
            }

            var keys = type == null ? null : DtoKeys(type);
            if (keys == null)
            {
                return null;
            }

            surface = RequestSurface.RawDto;
            var members = new Dictionary<string, IOperation>(System.StringComparer.Ordinal);
            foreach (var pair in OperationHelpers.Members(creation.Initializer))
            {
                if (keys.TryGetValue(pair.Key, out var wire))
                {
                    members[NormalizeKey(wire)] = pair.Value.Value;
                }
            }

            return members;
        }

        private bool IsKeyedContainer(ITypeSymbol? type, out RequestSurface surface)
        {
            surface = RequestSurface.RawJsonObject;
            if (type == null)
            {
                return false;
            }

            var comparer = SymbolEqualityComparer.Default;
            if (comparer.Equals(type, _symbols.JsonObject) || comparer.Equals(type, _symbols.JObject))
            {
                return true;
            }

            surface = RequestSurface.RawDictionary;
            return type is INamedTypeSymbol { IsGenericType: true } named &&
                comparer.Equals(named.OriginalDefinition, _symbols.Dictionary) &&
                named.TypeArguments[0].SpecialType == SpecialType.System_String;
        }

        /// <summary>For a DTO type with wire names on its properties: C# property name → wire key; else null.</summary>
        private Dictionary<string, string>? DtoKeys(ITypeSymbol type)
        {
            if (_symbols.JsonPropertyNameAttribute == null && _symbols.NewtonsoftJsonPropertyAttribute == null)
            {
                return null;
            }

            return _dtoKeys.GetOrAdd(type, t =>
            {
                Dictionary<string, string>? keys = null;
                for (var current = t; current != null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
                {
                    foreach (var member in current.GetMembers())
                    {
                        if (!(member is IPropertySymbol property))
                        {
                            continue;
                        }

                        foreach (var attribute in property.GetAttributes())
                        {
                            if ((SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _symbols.JsonPropertyNameAttribute) ||
                                 SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _symbols.NewtonsoftJsonPropertyAttribute)) &&
                                attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string wire)
                            {
                                keys ??= new Dictionary<string, string>(System.StringComparer.Ordinal);
                                keys[property.Name] = wire;
                            }
                        }
                    }
                }

                if (keys == null || !keys.Values.Any(v => v == "messages") || !keys.Values.Any(v => v == "model"))
                {
                    // Not a request body; but keep block DTOs (text / cache_control) readable.
                    return keys != null && keys.Values.Any(v => v == "cache_control" || v == "text") ? keys : null;
                }

                return keys;
            });
        }
    }
}
