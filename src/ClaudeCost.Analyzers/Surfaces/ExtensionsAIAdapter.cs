using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
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
    /// <c>Microsoft.Extensions.AI</c>: <c>IChatClient.GetResponseAsync</c> / <c>GetStreamingResponseAsync</c> (and the
    /// extension overloads) on a client that is Claude: traced to <c>AsIChatClient</c> of the official SDK or to the
    /// community SDK's <c>MessagesEndpoint</c>, or given a Claude model id. Leading <c>ChatRole.System</c> messages are
    /// the system blocks; <c>ChatOptions.Instructions</c> follows them without a breakpoint.
    /// </summary>
    internal sealed class ExtensionsAIAdapter
    {
        private readonly KnownSymbols _symbols;
        private readonly ValueTracker _tracker;

        public ExtensionsAIAdapter(KnownSymbols symbols, ValueTracker tracker)
        {
            _symbols = symbols;
            _tracker = tracker;
        }

        public static bool IsCandidateName(string name)
            => name == "GetResponseAsync" || name == "GetStreamingResponseAsync";

        public ClaudeRequest? TryCreate(IInvocationOperation invocation, CancellationToken cancellationToken)
        {
            var method = invocation.TargetMethod;
            var comparer = SymbolEqualityComparer.Default;
            IOperation? receiver;
            if (method.IsExtensionMethod || method.IsStatic)
            {
                if (!comparer.Equals(method.ContainingType, _symbols.ChatClientExtensions) || invocation.Arguments.Length == 0)
                {
                    return null;
                }

                receiver = invocation.Arguments[0].Value;
            }
            else
            {
                if (!ImplementsChatClient(method.ContainingType))
                {
                    return null;
                }

                receiver = invocation.Instance;
            }

            IOperation? messagesArgument = null;
            IOperation? optionsArgument = null;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Parameter == null)
                {
                    continue;
                }

                if (argument.Parameter.Name == "messages" || argument.Parameter.Name == "chatMessage" || argument.Parameter.Name == "chatMessages")
                {
                    messagesArgument = argument.Value;
                }
                else if (argument.Parameter.Name == "options")
                {
                    optionsArgument = argument.Value;
                }
            }

            var client = TraceClient(receiver);
            var options = optionsArgument == null ? null : ReadOptions(optionsArgument);

            ModelReference? model = null;
            if (options?.ModelId != null)
            {
                model = ReadModel(options.ModelId);
            }
            else if (client.DefaultModelId != null)
            {
                model = ReadModel(client.DefaultModelId);
            }

            var isClaude = client.Kind != ClientKind.Unknown || (model?.Id != null && ModelCatalog.IsClaudeShaped(model.Id));
            if (!isClaude)
            {
                return null;
            }

            var breakpoints = ImmutableArray.CreateBuilder<PromptPosition>();
            var system = ImmutableArray.CreateBuilder<PromptPart>();
            SyntaxNode? firstUser = null;
            SyntaxNode? systemSyntax = null;
            var shape = SystemShape.Absent;

            var messages = messagesArgument == null ? null : ReadMessages(messagesArgument);
            if (messages != null)
            {
                var inSystemRun = true;
                foreach (var message in messages)
                {
                    var (role, content) = ReadChatMessage(message);
                    if (inSystemRun && role == "system")
                    {
                        var hasBreakpoint = content != null && OperationHelpers.MentionsCacheControl(content.Syntax);
                        var index = system.Count;
                        if (hasBreakpoint)
                        {
                            breakpoints.Add(new PromptPosition(PromptSegment.System, index));
                        }

                        var text = content == null ? TextValue.Dynamic : _tracker.EvaluateComposite(content, cancellationToken);
                        system.Add(new PromptPart(PromptSegment.System, index, message.Syntax, content?.Syntax, text, hasBreakpoint));
                        systemSyntax ??= message.Syntax;
                        shape = SystemShape.Text;
                        continue;
                    }

                    inSystemRun = false;
                    if (role == "user" && firstUser == null)
                    {
                        firstUser = message.Syntax;
                    }

                    if (OperationHelpers.MentionsCacheControl(message.Syntax))
                    {
                        breakpoints.Add(new PromptPosition(PromptSegment.Messages, 0));
                    }
                }
            }
            else if (messagesArgument != null && messagesArgument.Type?.SpecialType != SpecialType.System_String)
            {
                // Messages built where we cannot see them: their system part is unknown.
                shape = SystemShape.Opaque;
            }

            if (options?.Instructions != null)
            {
                // The official adapter appends Instructions after the system messages, never with a breakpoint.
                var index = system.Count;
                system.Add(new PromptPart(PromptSegment.System, index, options.Instructions.Syntax, options.Instructions.Syntax, _tracker.Evaluate(options.Instructions, cancellationToken), hasBreakpoint: false));
            }

            var tools = ImmutableArray<PromptPart>.Empty;
            if (options?.Tools != null)
            {
                var hasBreakpoint = OperationHelpers.MentionsCacheControl(options.Tools.Syntax);
                if (hasBreakpoint)
                {
                    breakpoints.Add(new PromptPosition(PromptSegment.Tools, 0));
                }

                tools = ImmutableArray.Create(new PromptPart(PromptSegment.Tools, 0, options.Tools.Syntax, null, _tracker.EvaluateComposite(options.Tools, cancellationToken), hasBreakpoint));
            }

            return new ClaudeRequest(
                RequestSurface.MicrosoftExtensionsAI,
                invocation.Syntax,
                isFree: false,
                model,
                tools,
                system.ToImmutable(),
                shape,
                systemSyntax,
                breakpoints.ToImmutable(),
                firstUser,
                options?.MaxOutputTokens,
                hasUnplacedBreakpoint: options?.HasRawRepresentation == true,
                canCache: client.Kind == ClientKind.OfficialAdapter,
                thinkingSyntax: options?.Reasoning);
        }

        private bool ImplementsChatClient(INamedTypeSymbol type)
        {
            if (SymbolEqualityComparer.Default.Equals(type, _symbols.ChatClient))
            {
                return true;
            }

            return type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i, _symbols.ChatClient));
        }

        private enum ClientKind
        {
            Unknown,
            OfficialAdapter,
            CommunitySdk,
        }

        private readonly struct ClientOrigin
        {
            public ClientOrigin(ClientKind kind, IOperation? defaultModelId, IInvocationOperation? adapterCall = null)
            {
                Kind = kind;
                DefaultModelId = defaultModelId;
                AdapterCall = adapterCall;
            }

            public ClientKind Kind { get; }

            public IOperation? DefaultModelId { get; }

            /// <summary>The official SDK's <c>AsIChatClient</c> call that made the client (OfficialAdapter only).</summary>
            public IInvocationOperation? AdapterCall { get; }
        }

        /// <summary>
        /// The official SDK's <c>AsIChatClient</c> call that made the client this M.E.AI call is made on, when the
        /// receiver can be traced to it (the SDK client behind it retries by itself); null otherwise.
        /// </summary>
        public IInvocationOperation? OfficialAdapterCall(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            var receiver = method.IsExtensionMethod || method.IsStatic
                ? (invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null)
                : invocation.Instance;
            var origin = TraceClient(receiver);
            return origin.Kind == ClientKind.OfficialAdapter ? origin.AdapterCall : null;
        }

        /// <summary>Follows the receiver to where the client was made: <c>x.AsIChatClient("model")</c>, <c>sdk.Messages</c>.</summary>
        private ClientOrigin TraceClient(IOperation? receiver)
        {
            for (var hops = 0; receiver != null && hops < 4; hops++)
            {
                receiver = OperationHelpers.Peel(receiver);
                if (receiver.Type != null && SymbolEqualityComparer.Default.Equals(receiver.Type, _symbols.SdkMessagesEndpoint))
                {
                    return new ClientOrigin(ClientKind.CommunitySdk, null);
                }

                switch (receiver)
                {
                    case IInvocationOperation call when call.TargetMethod.Name == "AsIChatClient" && call.TargetMethod.ContainingAssembly?.Name == "Anthropic":
                        IOperation? modelId = null;
                        foreach (var argument in call.Arguments)
                        {
                            if (argument.Parameter?.Name == "defaultModelId" && argument.ArgumentKind != ArgumentKind.DefaultValue)
                            {
                                modelId = argument.Value;
                            }
                        }

                        return new ClientOrigin(ClientKind.OfficialAdapter, modelId, call);
                    case IInvocationOperation builder when builder.TargetMethod.Name == "Build" && builder.Instance != null:
                        // client.AsBuilder().Use…().Build(): walk back to the inner client.
                        receiver = InnerOfBuilder(builder.Instance);
                        continue;
                    case ILocalReferenceOperation:
                        receiver = OperationHelpers.FollowLocal(receiver);
                        continue;
                    case IFieldReferenceOperation field when field.Field.DeclaringSyntaxReferences.Length == 1:
                        receiver = FieldInitializer(field.Field, field.SemanticModel);
                        continue;
                    default:
                        return new ClientOrigin(ClientKind.Unknown, null);
                }
            }

            return new ClientOrigin(ClientKind.Unknown, null);
        }

        private static IOperation? InnerOfBuilder(IOperation instance)
        {
            var current = OperationHelpers.Peel(instance);
            for (var i = 0; i < 16 && current is IInvocationOperation call; i++)
            {
                if (call.TargetMethod.Name == "AsBuilder")
                {
                    return call.Instance ?? (call.Arguments.Length > 0 ? call.Arguments[0].Value : null);
                }

                current = call.Instance ?? (call.Arguments.Length > 0 ? OperationHelpers.Peel(call.Arguments[0].Value) : null);
            }

            return null;
        }

        private IOperation? FieldInitializer(IFieldSymbol field, SemanticModel? model)
        {
            var syntax = field.DeclaringSyntaxReferences[0].GetSyntax();
            if (syntax is Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax { Initializer: { } initializer } && model != null && syntax.SyntaxTree == model.SyntaxTree)
            {
                return model.SafeGetOperation(initializer.Value);
            }

            return null;
        }

        private ModelReference ReadModel(IOperation value)
        {
            var peeled = OperationHelpers.Peel(value);
            var id = peeled.ConstantValue.Value as string ?? _tracker.Evaluate(peeled, System.Threading.CancellationToken.None).ConstantText;
            return new ModelReference(id, peeled.Syntax, isEnumMember: false);
        }

        private sealed class OptionsInfo
        {
            public IOperation? ModelId;
            public IOperation? Instructions;
            public IOperation? Tools;
            public long? MaxOutputTokens;
            public bool HasRawRepresentation;
            public SyntaxNode? Reasoning;
        }

        private static OptionsInfo? ReadOptions(IOperation value)
        {
            var peeled = OperationHelpers.Peel(value);
            if (peeled is ILocalReferenceOperation)
            {
                peeled = OperationHelpers.FollowLocal(peeled) ?? peeled;
            }

            if (!(peeled is IObjectCreationOperation creation))
            {
                return null;
            }

            var members = OperationHelpers.Members(creation.Initializer);
            var info = new OptionsInfo();
            if (members.TryGetValue("ModelId", out var modelId))
            {
                info.ModelId = modelId.Value;
            }

            if (members.TryGetValue("Instructions", out var instructions))
            {
                info.Instructions = OperationHelpers.Peel(instructions.Value);
            }

            if (members.TryGetValue("Tools", out var tools))
            {
                info.Tools = tools.Value;
            }

            if (members.TryGetValue("MaxOutputTokens", out var max))
            {
                info.MaxOutputTokens = OperationHelpers.ConstantLong(max.Value);
            }

            info.HasRawRepresentation = members.ContainsKey("RawRepresentationFactory");
            if (members.TryGetValue("Reasoning", out var reasoning) && !OperationHelpers.IsNullLiteral(reasoning.Value))
            {
                info.Reasoning = reasoning.Syntax;
            }
            return info;
        }

        /// <summary>The chat messages, in order: a collection written out, or a local list with its later <c>Add</c> calls.</summary>
        private List<IOperation>? ReadMessages(IOperation value)
        {
            var peeled = OperationHelpers.Peel(value);
            if (peeled.Type?.SpecialType == SpecialType.System_String)
            {
                return new List<IOperation>();
            }

            if (peeled is IObjectCreationOperation single && SymbolEqualityComparer.Default.Equals(single.Type, _symbols.ChatMessage))
            {
                return new List<IOperation> { single };
            }

            var elements = OperationHelpers.Elements(peeled);
            if (elements != null)
            {
                return elements;
            }

            if (!(peeled is ILocalReferenceOperation local))
            {
                return null;
            }

            var initializer = InitializerOf(local);
            var list = initializer == null ? null : OperationHelpers.Elements(initializer);
            if (list == null)
            {
                return null;
            }

            // history.Add(new ChatMessage(…)) before the call.
            var root = (IOperation)local;
            while (root.Parent != null)
            {
                root = root.Parent;
            }

            foreach (var operation in root.Descendants())
            {
                if (operation is IInvocationOperation add && add.TargetMethod.Name == "Add" && add.Arguments.Length == 1 &&
                    add.Instance is ILocalReferenceOperation target && SymbolEqualityComparer.Default.Equals(target.Local, local.Local) &&
                    add.Syntax.SpanStart < local.Syntax.SpanStart)
                {
                    list.Add(OperationHelpers.Peel(add.Arguments[0].Value));
                }
            }

            return list;
        }

        private static IOperation? InitializerOf(ILocalReferenceOperation local)
        {
            var root = (IOperation)local;
            while (root.Parent != null)
            {
                root = root.Parent;
            }

            foreach (var operation in root.Descendants())
            {
                if (operation is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local.Local))
                {
                    var value = declarator.Initializer?.Value ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer?.Value;
                    return value == null ? null : OperationHelpers.Peel(value);
                }
            }

            return null;
        }

        /// <summary>The role ("system", "user", …) and content of <c>new ChatMessage(ChatRole.X, content)</c>.</summary>
        private (string? Role, IOperation? Content) ReadChatMessage(IOperation message)
        {
            if (!(message is IObjectCreationOperation creation) || creation.Arguments.Length < 2)
            {
                return (null, null);
            }

            var roleValue = OperationHelpers.Peel(creation.Arguments[0].Value);
            string? role = null;
            if (roleValue is IPropertyReferenceOperation property && SymbolEqualityComparer.Default.Equals(property.Property.ContainingType, _symbols.ChatRole))
            {
                role = property.Property.Name.ToLowerInvariant();
            }

            return (role, creation.Arguments[1].Value);
        }
    }
}
