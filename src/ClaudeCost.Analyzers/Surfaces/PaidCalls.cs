using System;
using System.Collections.Concurrent;
using System.Threading;
using ClaudeCost.Analyzers.Infrastructure;
using ClaudeCost.Analyzers.Provenance;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ClaudeCost.Analyzers.Surfaces
{
    /// <summary>The client library a paid call goes through.</summary>
    internal enum PaidSurface
    {
        /// <summary>The official <c>Anthropic</c> SDK (GA and Beta services).</summary>
        OfficialSdk,

        /// <summary><c>IChatClient</c> (Microsoft.Extensions.AI) traced to a Claude client or given a Claude model id.</summary>
        ExtensionsAI,

        /// <summary>The community <c>Anthropic.SDK</c>.</summary>
        AnthropicSdk,

        /// <summary><c>HttpClient</c> with Claude evidence.</summary>
        RawHttp,
    }

    /// <summary>What a paid call creates.</summary>
    internal enum PaidCallKind
    {
        Message,
        StreamingMessage,
        Batch,
    }

    /// <summary>A call that is billed: it creates a message (or a batch of them).</summary>
    internal sealed class PaidCall
    {
        public PaidCall(IInvocationOperation invocation, PaidSurface surface, PaidCallKind kind, bool isBeta, IOperation? receiver)
        {
            Invocation = invocation;
            Surface = surface;
            Kind = kind;
            IsBeta = isBeta;
            Receiver = receiver;
        }

        public IInvocationOperation Invocation { get; }

        public PaidSurface Surface { get; }

        public PaidCallKind Kind { get; }

        /// <summary>The official SDK's Beta services (<c>client.Beta.Messages</c>).</summary>
        public bool IsBeta { get; }

        /// <summary>The client or service the call is made on (the instance, or the first argument of an extension method).</summary>
        public IOperation? Receiver { get; }

        /// <summary>Short description for messages: "Messages.Create", "GetResponseAsync", "PostAsync".</summary>
        public string Display
        {
            get
            {
                var name = Invocation.TargetMethod.Name;
                switch (Surface)
                {
                    case PaidSurface.OfficialSdk:
                        return (IsBeta ? "Beta." : "") + (Kind == PaidCallKind.Batch ? "Messages.Batches." : "Messages.") + name;
                    default:
                        return name;
                }
            }
        }
    }

    /// <summary>Whether a call is retried inside its client before the caller sees an error.</summary>
    internal enum InnerRetryKind
    {
        /// <summary>The client does not retry (Anthropic.SDK, raw HttpClient, or MaxRetries = 0).</summary>
        None,

        /// <summary>The client retries <see cref="SdkRetries.Count"/> times.</summary>
        Retries,

        /// <summary>The client may retry, but how often cannot be told (set elsewhere in the compilation).</summary>
        Unknown,
    }

    /// <summary>How often a paid call's client retries by itself, and where that was decided.</summary>
    internal readonly struct SdkRetries
    {
        public SdkRetries(InnerRetryKind kind, int count, SyntaxNode? setAt, bool canDisableAtCall)
        {
            Kind = kind;
            Count = count;
            SetAt = setAt;
            CanDisableAtCall = canDisableAtCall;
        }

        public static SdkRetries None => new SdkRetries(InnerRetryKind.None, 0, null, false);

        public InnerRetryKind Kind { get; }

        /// <summary>Retries after the first attempt (meaningful for <see cref="InnerRetryKind.Retries"/>).</summary>
        public int Count { get; }

        /// <summary>Where the count was set (<c>MaxRetries = n</c>, <c>WithOptions</c>); null when it is the SDK default.</summary>
        public SyntaxNode? SetAt { get; }

        /// <summary>
        /// The retries can be turned off for this call alone by inserting <c>WithOptions(o =&gt; o with { MaxRetries = 0 })</c>
        /// into the call's receiver chain (official SDK calls only).
        /// </summary>
        public bool CanDisableAtCall { get; }

        public bool RetriesInside => Kind == InnerRetryKind.Retries && Count > 0;

        public bool IsDefault => SetAt == null;

        /// <summary>Attempts per call the caller makes: 1 + retries (null when unknown).</summary>
        public long? AttemptsPerCall => Kind switch
        {
            InnerRetryKind.None => 1,
            InnerRetryKind.Retries => 1L + Count,
            _ => null,
        };
    }

    /// <summary>
    /// Recognizes paid Claude calls, shared by the rules that reason about where calls happen (retry loops, loops
    /// over collections). Paid: the official SDK's <c>Messages.Create</c> / <c>CreateStreaming</c> (GA, Beta, the
    /// structured <c>Create&lt;T&gt;</c> extension, raw-response services) and <c>Messages.Batches.Create</c>;
    /// <c>IChatClient.GetResponseAsync</c> / <c>GetStreamingResponseAsync</c> on a client traced to Claude (an
    /// untraceable client counts only with a Claude model id: an unknown client may be any provider's, and the
    /// rules built on this prefer a miss to a false positive); Anthropic.SDK's <c>GetClaudeMessageAsync</c>,
    /// <c>StreamClaudeMessageAsync</c> and <c>CreateBatchAsync</c>; <c>HttpClient.PostAsync</c> /
    /// <c>PostAsJsonAsync</c> / <c>SendAsync</c> with Claude evidence. Free, never paid: <c>CountTokens</c>,
    /// batch <c>Retrieve</c> / <c>List</c> / <c>ResultsStreaming</c> / <c>Cancel</c>, <c>Models.List</c>, HTTP
    /// requests to <c>count_tokens</c> and requests that are not POSTs. One instance per compilation
    /// (<see cref="Requests.ClaudeCompilationContext.PaidCalls"/>); results are cached per call.
    /// </summary>
    internal sealed class PaidCalls
    {
        /// <summary>The SDK's <c>ClientOptions.DefaultMaxRetries</c> (a static readonly field, not a constant).</summary>
        public const int OfficialDefaultMaxRetries = 2;

        private const int MaxHops = 16;

        private readonly Compilation _compilation;
        private readonly KnownSymbols _symbols;
        private readonly ValueTracker _tracker;
        private readonly ClaudeEvidence _evidence;
        private readonly Requests.ClaudeCompilationContext _context;
        private readonly ExtensionsAIAdapter? _extensionsAI;
        private readonly INamedTypeSymbol? _httpClient;
        private readonly INamedTypeSymbol? _httpMessageInvoker;
        private readonly INamedTypeSymbol? _httpClientJsonExtensions;
        private readonly INamedTypeSymbol? _officialClient;
        private readonly INamedTypeSymbol? _officialClientInterface;
        private readonly INamedTypeSymbol? _clientOptions;
        private readonly INamedTypeSymbol? _sdkBatchesEndpoint;
        private readonly ConcurrentDictionary<SyntaxNode, PaidCall?> _calls = SharedCache.Create<SyntaxNode, PaidCall?>();
        private readonly ConcurrentDictionary<IMethodSymbol, bool> _helpers = SharedCache.Create<IMethodSymbol, bool>(comparer: SymbolEqualityComparer.Default);
        private readonly Lazy<bool> _retriesTurnedOffSomewhere;
        private readonly Lazy<bool> _evidenceAnywhere;

        internal PaidCalls(Compilation compilation, KnownSymbols symbols, ValueTracker tracker, ClaudeEvidence evidence, Requests.ClaudeCompilationContext context, ExtensionsAIAdapter? extensionsAI)
        {
            _compilation = compilation;
            _symbols = symbols;
            _tracker = tracker;
            _evidence = evidence;
            _context = context;
            _extensionsAI = extensionsAI;
            _httpClient = symbols.Types.Find("System.Net.Http.HttpClient");
            _httpMessageInvoker = symbols.Types.Find("System.Net.Http.HttpMessageInvoker");
            _httpClientJsonExtensions = symbols.Types.Find("System.Net.Http.Json.HttpClientJsonExtensions");
            if (symbols.HasOfficialSdk)
            {
                _officialClient = Official(symbols, "Anthropic.AnthropicClient");
                _officialClientInterface = Official(symbols, "Anthropic.IAnthropicClient");
                _clientOptions = Official(symbols, "Anthropic.Core.ClientOptions");
            }

            _sdkBatchesEndpoint = symbols.Types.FindInLibrary("Anthropic.SDK", "Anthropic.SDK.Batches.BatchesEndpoint");
            _retriesTurnedOffSomewhere = new Lazy<bool>(ScanForRetriesTurnedOff, LazyThreadSafetyMode.ExecutionAndPublication);
            _evidenceAnywhere = new Lazy<bool>(ScanForEvidence, LazyThreadSafetyMode.ExecutionAndPublication);
        }

        /// <summary>Some client library that makes paid calls is referenced, or raw HTTP is possible (evidence is checked per call).</summary>
        public bool CanExist => _symbols.HasOfficialSdk || _symbols.HasExtensionsAI || _symbols.HasAnthropicSdk || _httpClient != null;

        /// <summary>A client library is referenced (without one, only raw HTTP calls with Claude evidence can be paid calls).</summary>
        public bool HasClientLibrary => _symbols.HasOfficialSdk || _symbols.HasExtensionsAI || _symbols.HasAnthropicSdk;

        /// <summary>
        /// Paid calls can exist in this compilation: a client library is referenced, or some file's text names the
        /// Anthropic API (raw HTTP needs that evidence). Rules that walk loops or tries check this first; the text scan
        /// runs once per compilation, only for compilations without a client library.
        /// </summary>
        public bool MayHavePaidCalls => HasClientLibrary || (_httpClient != null && _evidenceAnywhere.Value);

        /// <summary>The official SDK's client interface (for code fixes and rules that rewrite receivers).</summary>
        public INamedTypeSymbol? OfficialClientInterface => _officialClientInterface;

        /// <summary>Cheap test on a method name before any semantic work.</summary>
        public static bool IsCandidateName(string name)
        {
            switch (name)
            {
                case "Create":
                case "CreateStreaming":
                case "GetResponseAsync":
                case "GetStreamingResponseAsync":
                case "GetClaudeMessageAsync":
                case "StreamClaudeMessageAsync":
                case "CreateBatchAsync":
                case "PostAsync":
                case "PostAsJsonAsync":
                case "SendAsync":
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>Per-compilation memo of loop analyses, shared by the rules that look at retry loops (CC0004, CC0018).</summary>
        public ConcurrentDictionary<SyntaxNode, object?> LoopAnalyses { get; } = SharedCache.Create<SyntaxNode, object?>();

        /// <summary>
        /// A method of this compilation whose body makes a paid call directly (a helper such as <c>AskOnceAsync</c>):
        /// one level deep, cached per method. Source text is scanned for candidate names before any semantic work.
        /// </summary>
        public bool MakesPaidCall(IMethodSymbol method, CancellationToken cancellationToken)
        {
            if (method.DeclaringSyntaxReferences.Length != 1 || method.MethodKind != MethodKind.Ordinary)
            {
                return false;
            }

            var key = method.OriginalDefinition;
            if (_helpers.TryGetValue(key, out var known))
            {
                return known;
            }

            var result = ScanHelper(key, cancellationToken);
            _helpers.TryAdd(key, result);
            return result;
        }

        private bool ScanHelper(IMethodSymbol method, CancellationToken cancellationToken)
        {
            var syntax = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            if (!(syntax is MethodDeclarationSyntax declaration) || !MayContainPaidCall(declaration))
            {
                return false;
            }

            var model = _tracker.GetModel(syntax.SyntaxTree);
            var body = (SyntaxNode?)declaration.Body ?? declaration.ExpressionBody;
            if (model == null || body == null || !(model.GetOperation(body, cancellationToken) is IOperation operation))
            {
                return false;
            }

            var stack = new System.Collections.Generic.Stack<IOperation>();
            stack.Push(operation);
            var count = 0;
            while (stack.Count > 0 && count++ < 20000)
            {
                var current = stack.Pop();
                if (current is IInvocationOperation invocation && Recognize(invocation, cancellationToken) != null)
                {
                    return true;
                }

                foreach (var child in current.ChildOperations)
                {
                    if (!(child is ILocalFunctionOperation))
                    {
                        stack.Push(child);
                    }
                }
            }

            return false;
        }

        /// <summary>Cheap syntax test: the node names a method that may be a paid call (identifier tokens only).</summary>
        public static bool MayContainPaidCall(SyntaxNode node)
        {
            // One text search per name ("Create" also finds CreateStreaming and CreateBatchAsync; "Async" the rest), the
            // token looked up at each hit only.
            foreach (var word in CandidateWords)
            {
                if (SourceSearch.AnyToken(node, word, System.StringComparison.Ordinal, token => token.IsKind(SyntaxKind.IdentifierToken) && IsCandidateName(token.ValueText)))
                {
                    return true;
                }
            }

            return false;
        }

        private static readonly string[] CandidateWords = { "Create", "Async" };

        /// <summary>The paid call this invocation is, or null (free calls, other providers, unrelated methods).</summary>
        public PaidCall? Recognize(IInvocationOperation invocation, CancellationToken cancellationToken)
        {
            if (!IsCandidateName(invocation.TargetMethod.Name))
            {
                return null;
            }

            if (_calls.TryGetValue(invocation.Syntax, out var cached))
            {
                return cached;
            }

            var call = Classify(invocation, cancellationToken);
            _calls.TryAdd(invocation.Syntax, call);
            return call;
        }

        /// <summary>
        /// How often the call's client retries by itself. Official SDK: <c>MaxRetries</c> found on the receiver chain
        /// (<c>WithOptions(o =&gt; o with { MaxRetries = n })</c>, nearest to the call first), on the client's creation
        /// (<c>new AnthropicClient { MaxRetries = n }</c>, <c>new AnthropicClient(new ClientOptions { MaxRetries = n })</c>),
        /// else the SDK default of 2. A client that cannot be traced (a parameter, DI) has the default unless the
        /// compilation turns retries off somewhere (<c>MaxRetries = 0</c>), then the count is unknown. IChatClient from
        /// the official <c>AsIChatClient</c>: the same, traced from the adapter's receiver. Anthropic.SDK and raw HTTP: none.
        /// </summary>
        public SdkRetries InnerRetries(PaidCall call, CancellationToken cancellationToken)
        {
            switch (call.Surface)
            {
                case PaidSurface.OfficialSdk:
                    return TraceOfficialRetries(call.Receiver, canDisable: true, cancellationToken);
                case PaidSurface.ExtensionsAI:
                    var adapter = _extensionsAI?.OfficialAdapterCall(call.Invocation);
                    if (adapter == null)
                    {
                        return SdkRetries.None;
                    }

                    var receiver = adapter.Instance ?? (adapter.Arguments.Length > 0 ? adapter.Arguments[0].Value : null);
                    return TraceOfficialRetries(receiver, canDisable: false, cancellationToken);
                default:
                    return SdkRetries.None;
            }
        }

        /// <summary>The type is the official SDK's <c>AnthropicClient</c> or <c>ClientOptions</c> (where <c>MaxRetries</c> is set).</summary>
        public bool IsOfficialRetryOptionsType(ITypeSymbol? type)
            => type != null && _symbols.HasOfficialSdk &&
               (SymbolEqualityComparer.Default.Equals(type, _officialClient) || SymbolEqualityComparer.Default.Equals(type, _clientOptions));

        private PaidCall? Classify(IInvocationOperation invocation, CancellationToken cancellationToken)
        {
            var method = invocation.TargetMethod;
            var name = method.Name;
            var type = method.ContainingType;
            if (type == null)
            {
                return null;
            }

            switch (name)
            {
                case "Create":
                case "CreateStreaming":
                    return ClassifyOfficial(invocation, method, type);
                case "GetResponseAsync":
                case "GetStreamingResponseAsync":
                    if (_extensionsAI == null)
                    {
                        return null;
                    }

                    // The adapter decides whether the client is Claude (traced origin or a Claude model id); its result is cached and shared with the request rules.
                    var request = _context.GetRequest(invocation, cancellationToken);
                    if (request == null)
                    {
                        return null;
                    }

                    return new PaidCall(invocation, PaidSurface.ExtensionsAI, name == "GetResponseAsync" ? PaidCallKind.Message : PaidCallKind.StreamingMessage, false, ReceiverOf(invocation));
                case "GetClaudeMessageAsync":
                case "StreamClaudeMessageAsync":
                    if (_symbols.SdkMessagesEndpoint == null || !SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, _symbols.SdkMessagesEndpoint))
                    {
                        return null;
                    }

                    return new PaidCall(invocation, PaidSurface.AnthropicSdk, name == "GetClaudeMessageAsync" ? PaidCallKind.Message : PaidCallKind.StreamingMessage, false, invocation.Instance);
                case "CreateBatchAsync":
                    if (_sdkBatchesEndpoint == null || !SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, _sdkBatchesEndpoint))
                    {
                        return null;
                    }

                    return new PaidCall(invocation, PaidSurface.AnthropicSdk, PaidCallKind.Batch, false, invocation.Instance);
                default:
                    return ClassifyHttp(invocation, method, type, cancellationToken);
            }
        }

        private PaidCall? ClassifyOfficial(IInvocationOperation invocation, IMethodSymbol method, INamedTypeSymbol type)
        {
            if (!_symbols.HasOfficialSdk || method.ContainingAssembly?.Name != "Anthropic")
            {
                return null;
            }

            var ns = type.ContainingNamespace?.ToDisplayString() ?? "";
            if (!ns.StartsWith("Anthropic.Services", StringComparison.Ordinal))
            {
                return null;
            }

            var isBeta = ns.IndexOf(".Beta", StringComparison.Ordinal) >= 0;
            var typeName = type.Name;
            if (typeName.IndexOf("BatchService", StringComparison.Ordinal) >= 0)
            {
                // Batches.Create sends up to 100,000 paid requests; Retrieve, List, ResultsStreaming, Cancel, Delete are free.
                return method.Name == "Create" ? new PaidCall(invocation, PaidSurface.OfficialSdk, PaidCallKind.Batch, isBeta, ReceiverOf(invocation)) : null;
            }

            if (typeName.IndexOf("MessageService", StringComparison.Ordinal) >= 0)
            {
                // IMessageService, MessageService, IMessageServiceWithRawResponse, MessageServiceExtensions.Create<T> (GA and Beta).
                return new PaidCall(invocation, PaidSurface.OfficialSdk, method.Name == "Create" ? PaidCallKind.Message : PaidCallKind.StreamingMessage, isBeta, ReceiverOf(invocation));
            }

            return null;
        }

        private PaidCall? ClassifyHttp(IInvocationOperation invocation, IMethodSymbol method, INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            if (_httpClient == null)
            {
                return null;
            }

            var comparer = SymbolEqualityComparer.Default;
            var isJsonExtension = method.Name == "PostAsJsonAsync" && comparer.Equals(type, _httpClientJsonExtensions);
            var isClientMethod = (method.Name == "PostAsync" || method.Name == "SendAsync") &&
                (comparer.Equals(type, _httpClient) || comparer.Equals(type, _httpMessageInvoker) || InheritsFrom(type, _httpClient));
            if (!isJsonExtension && !isClientMethod)
            {
                return null;
            }

            IOperation? target = null;
            IOperation? requestMessage = null;
            foreach (var argument in invocation.Arguments)
            {
                var parameter = argument.Parameter?.Name;
                if (parameter == "requestUri")
                {
                    target = argument.Value;
                }
                else if (parameter == "request")
                {
                    requestMessage = argument.Value;
                }
            }

            if (requestMessage != null)
            {
                // SendAsync(new HttpRequestMessage(method, uri)): a request that is not a POST creates nothing.
                var (verb, uri) = ReadRequestMessage(requestMessage);
                if (verb != null && !string.Equals(verb, "Post", StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }

                target = uri;
            }

            var text = target == null ? null : LiteralText(target, cancellationToken);
            if (text != null)
            {
                if (text.IndexOf("count_tokens", StringComparison.Ordinal) >= 0)
                {
                    return null;
                }

                var claudeEndpoint = text.IndexOf("/messages", StringComparison.Ordinal) >= 0 || text.StartsWith("messages", StringComparison.Ordinal) ||
                    text.IndexOf("rawPredict", StringComparison.Ordinal) >= 0 || text.IndexOf("RawPredict", StringComparison.Ordinal) >= 0;
                if (!claudeEndpoint)
                {
                    // A constant address that is not a messages endpoint: a webhook, another API.
                    return null;
                }

                if (text.IndexOf("anthropic", StringComparison.OrdinalIgnoreCase) < 0 && !_evidence.MentionsAnthropic(invocation.Syntax))
                {
                    return null;
                }

                if (text.IndexOf("anthropic", StringComparison.OrdinalIgnoreCase) < 0 && _evidence.MentionsOtherProvider(invocation.Syntax) && text.IndexOf("v1/messages", StringComparison.Ordinal) < 0)
                {
                    return null;
                }
            }
            else if (!_evidence.MentionsAnthropic(invocation.Syntax) || _evidence.MentionsOtherProvider(invocation.Syntax) || _evidence.IsCountTokens(invocation.Syntax))
            {
                return null;
            }

            var kind = text != null && text.IndexOf("batches", StringComparison.Ordinal) >= 0 ? PaidCallKind.Batch : PaidCallKind.Message;
            return new PaidCall(invocation, PaidSurface.RawHttp, kind, false, ReceiverOf(invocation));
        }

        private static bool InheritsFrom(INamedTypeSymbol type, INamedTypeSymbol? baseType)
        {
            for (var current = type.BaseType; current != null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, baseType))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The method (Get, Post…) and address of an <c>HttpRequestMessage</c> created in place or in a local.</summary>
        private static (string? Verb, IOperation? Uri) ReadRequestMessage(IOperation value)
        {
            var peeled = OperationHelpers.Peel(value);
            if (peeled is ILocalReferenceOperation)
            {
                peeled = OperationHelpers.FollowLocal(peeled) ?? peeled;
            }

            if (!(peeled is IObjectCreationOperation creation))
            {
                return (null, null);
            }

            IOperation? verb = null;
            IOperation? uri = null;
            foreach (var argument in creation.Arguments)
            {
                if (argument.Parameter?.Name == "method")
                {
                    verb = argument.Value;
                }
                else if (argument.Parameter?.Name == "requestUri")
                {
                    uri = argument.Value;
                }
            }

            var members = OperationHelpers.Members(creation.Initializer);
            if (members.TryGetValue("Method", out var method))
            {
                verb = method.Value;
            }

            if (members.TryGetValue("RequestUri", out var requestUri))
            {
                uri = requestUri.Value;
            }

            string? verbName = null;
            if (verb != null)
            {
                switch (OperationHelpers.Peel(verb))
                {
                    case IPropertyReferenceOperation property when property.Property.ContainingType?.Name == "HttpMethod":
                        verbName = property.Property.Name;
                        break;
                    case IObjectCreationOperation methodCreation when methodCreation.Arguments.Length == 1 && methodCreation.Arguments[0].Value.ConstantValue.Value is string custom:
                        verbName = custom;
                        break;
                }
            }

            return (verbName, uri);
        }

        /// <summary>The string literals an address is built from (through <c>new Uri(…)</c>, a constant, a local or the value tracker).</summary>
        private string? LiteralText(IOperation value, CancellationToken cancellationToken)
        {
            var peeled = OperationHelpers.Peel(value);
            if (peeled is IObjectCreationOperation uri && uri.Arguments.Length >= 1 && uri.Type?.Name == "Uri")
            {
                peeled = OperationHelpers.Peel(uri.Arguments[0].Value);
            }

            if (peeled.ConstantValue.HasValue)
            {
                return peeled.ConstantValue.Value as string;
            }

            var constant = _tracker.Evaluate(peeled, cancellationToken).ConstantText;
            if (constant != null)
            {
                return constant;
            }

            // $"{baseUrl}/v1/messages": the literal parts tell the endpoint.
            var syntax = peeled is ILocalReferenceOperation ? OperationHelpers.FollowLocal(peeled)?.Syntax : peeled.Syntax;
            if (syntax == null)
            {
                return null;
            }

            string? text = null;
            foreach (var token in syntax.DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.InterpolatedStringTextToken))
                {
                    text = (text ?? "") + token.ValueText;
                }
            }

            return text;
        }

        private static IOperation? ReceiverOf(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (method.IsExtensionMethod || (method.IsStatic && invocation.Instance == null))
            {
                return invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null;
            }

            return invocation.Instance;
        }

        private SdkRetries TraceOfficialRetries(IOperation? receiver, bool canDisable, CancellationToken cancellationToken)
        {
            var current = receiver;
            for (var hops = 0; current != null && hops < MaxHops; hops++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                current = OperationHelpers.Peel(current);
                switch (current)
                {
                    case IInvocationOperation call when call.TargetMethod.Name == "WithOptions" && call.TargetMethod.ContainingAssembly?.Name == "Anthropic":
                        // The WithOptions nearest to the call is applied last, so it wins.
                        if (call.Arguments.Length == 1 && TryReadMaxRetries(call.Arguments[0].Value, out var fromLambda, out var setAt))
                        {
                            return Retries(fromLambda, setAt, canDisable);
                        }

                        current = call.Instance;
                        continue;
                    case IInvocationOperation rawResponse when rawResponse.TargetMethod.ContainingAssembly?.Name == "Anthropic" && rawResponse.Instance != null:
                        current = rawResponse.Instance;
                        continue;
                    case IPropertyReferenceOperation service when service.Property.ContainingAssembly?.Name == "Anthropic" && service.Instance != null:
                        // client.Messages, client.Beta.Messages, client.Messages.Batches, client.WithRawResponse.
                        current = service.Instance;
                        continue;
                    case IObjectCreationOperation creation when SymbolEqualityComparer.Default.Equals(creation.Type, _officialClient):
                        return FromClientCreation(creation, canDisable);
                    case ILocalReferenceOperation:
                        var next = OperationHelpers.FollowLocal(current);
                        if (next == null)
                        {
                            return Untraced(canDisable);
                        }

                        current = next;
                        continue;
                    case IFieldReferenceOperation field:
                        var initializer = InitializerOf(field.Field);
                        if (initializer == null)
                        {
                            return Untraced(canDisable);
                        }

                        current = initializer;
                        continue;
                    case IPropertyReferenceOperation property:
                        var propertyInitializer = InitializerOf(property.Property);
                        if (propertyInitializer == null)
                        {
                            return Untraced(canDisable);
                        }

                        current = propertyInitializer;
                        continue;
                    default:
                        return Untraced(canDisable);
                }
            }

            return Untraced(canDisable);
        }

        private SdkRetries FromClientCreation(IObjectCreationOperation creation, bool canDisable)
        {
            var members = OperationHelpers.Members(creation.Initializer);
            if (members.TryGetValue("MaxRetries", out var assignment))
            {
                return FromValue(assignment.Value, assignment.Syntax, canDisable);
            }

            foreach (var argument in creation.Arguments)
            {
                var options = OperationHelpers.Peel(argument.Value);
                if (options is ILocalReferenceOperation)
                {
                    options = OperationHelpers.FollowLocal(options) ?? options;
                }

                if (options is IObjectCreationOperation optionsCreation && SymbolEqualityComparer.Default.Equals(optionsCreation.Type, _clientOptions) &&
                    OperationHelpers.Members(optionsCreation.Initializer).TryGetValue("MaxRetries", out var optionsAssignment))
                {
                    return FromValue(optionsAssignment.Value, optionsAssignment.Syntax, canDisable);
                }
            }

            return new SdkRetries(InnerRetryKind.Retries, OfficialDefaultMaxRetries, null, canDisable);
        }

        private static SdkRetries FromValue(IOperation value, SyntaxNode setAt, bool canDisable)
        {
            if (OperationHelpers.IsNullLiteral(value))
            {
                return new SdkRetries(InnerRetryKind.Retries, OfficialDefaultMaxRetries, setAt, canDisable);
            }

            var count = OperationHelpers.ConstantLong(value);
            return count == null ? new SdkRetries(InnerRetryKind.Unknown, 0, setAt, canDisable) : Retries((int)Math.Max(0, Math.Min(int.MaxValue, count.Value)), setAt, canDisable);
        }

        private static SdkRetries Retries(int count, SyntaxNode? setAt, bool canDisable)
            => count <= 0 ? new SdkRetries(InnerRetryKind.None, 0, setAt, false) : new SdkRetries(InnerRetryKind.Retries, count, setAt, canDisable);

        private SdkRetries Untraced(bool canDisable)
            => _retriesTurnedOffSomewhere.Value
                ? new SdkRetries(InnerRetryKind.Unknown, 0, null, canDisable)
                : new SdkRetries(InnerRetryKind.Retries, OfficialDefaultMaxRetries, null, canDisable);

        /// <summary><c>o =&gt; o with { MaxRetries = n }</c> (or a lambda returning <c>new ClientOptions { MaxRetries = n }</c>).</summary>
        private static bool TryReadMaxRetries(IOperation argument, out int count, out SyntaxNode? setAt)
        {
            count = 0;
            setAt = null;
            var peeled = OperationHelpers.Peel(argument);
            if (peeled is IDelegateCreationOperation delegateCreation)
            {
                peeled = delegateCreation.Target;
            }

            if (!(peeled is IAnonymousFunctionOperation lambda))
            {
                return false;
            }

            foreach (var operation in lambda.Body.Descendants())
            {
                if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment &&
                    property.Property.Name == "MaxRetries" && property.Property.ContainingAssembly?.Name == "Anthropic")
                {
                    if (OperationHelpers.IsNullLiteral(assignment.Value))
                    {
                        count = OfficialDefaultMaxRetries;
                        setAt = assignment.Syntax;
                        return true;
                    }

                    var value = OperationHelpers.ConstantLong(assignment.Value);
                    if (value == null)
                    {
                        return false;
                    }

                    count = (int)Math.Max(0, Math.Min(int.MaxValue, value.Value));
                    setAt = assignment.Syntax;
                    return true;
                }
            }

            return false;
        }

        private IOperation? InitializerOf(ISymbol symbol)
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

            if (value == null)
            {
                return null;
            }

            var model = _tracker.GetModel(value.SyntaxTree);
            return model?.GetOperation(value);
        }

        /// <summary>
        /// Whether any file of the compilation makes a client with SDK retries off (<c>MaxRetries = 0</c> in a client or
        /// options initializer, or in a <c>WithOptions</c> whose result is kept rather than called at once): then a
        /// client whose creation cannot be traced may be that one. A per-call <c>client.WithOptions(o =&gt; o with
        /// { MaxRetries = 0 }).Messages.Create(…)</c> does not count. Scanned once per compilation, on first need,
        /// parsing only files whose text names MaxRetries.
        /// </summary>
        private bool ScanForRetriesTurnedOff()
        {
            foreach (var tree in _compilation.SyntaxTrees)
            {
                if (!tree.TryGetText(out var text))
                {
                    text = tree.GetText();
                }

                if (text.ToString().IndexOf("MaxRetries", StringComparison.Ordinal) < 0)
                {
                    continue;
                }

                foreach (var node in tree.GetRoot().DescendantNodes())
                {
                    if (node is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "MaxRetries" }, Right: LiteralExpressionSyntax { Token.ValueText: "0" } } assignment &&
                        !IsPerCallOption(assignment))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary><c>x.WithOptions(o =&gt; o with { MaxRetries = 0 }).Messages…</c>: the options apply to that expression only.</summary>
        private static bool IsPerCallOption(SyntaxNode assignment)
        {
            if (!(assignment.Parent?.Parent is WithExpressionSyntax))
            {
                return false;
            }

            var invocation = assignment.FirstAncestorOrSelf<InvocationExpressionSyntax>(i => i.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "WithOptions" });
            return invocation?.Parent is MemberAccessExpressionSyntax;
        }

        /// <summary>
        /// Some file names the Anthropic API, by the test of <see cref="ClaudeEvidence.FileMentionsAnthropic"/> ("anthropic" in
        /// any casing, or "v1/messages"; keep the two in step) on the text alone: the evidence's other per-file marks, five
        /// more searches of every file, are not needed to decide whether a compilation without a client library can make
        /// paid calls.
        /// </summary>
        private bool ScanForEvidence()
        {
            foreach (var tree in _compilation.SyntaxTrees)
            {
                var text = SourceSearch.FileText(tree, CancellationToken.None);
                if (text.IndexOf("anthropic", StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf("v1/messages", StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        private static INamedTypeSymbol? Official(KnownSymbols symbols, string metadataName)
        {
            var type = symbols.Types.FindInLibrary("Anthropic", metadataName);
            return type?.ContainingAssembly?.Name == "Anthropic" ? type : null;
        }
    }
}
