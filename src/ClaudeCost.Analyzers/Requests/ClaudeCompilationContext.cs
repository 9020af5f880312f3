using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using ClaudeCost.Analyzers.Configuration;
using ClaudeCost.Analyzers.Infrastructure;
using ClaudeCost.Analyzers.Provenance;
using ClaudeCost.Analyzers.Surfaces;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ClaudeCost.Analyzers.Requests
{
    /// <summary>
    /// Everything shared by the rules for one compilation: resolved symbols, the model table, options, the
    /// provenance tracker and the request cache, so that two rules looking at one request do the work once.
    /// </summary>
    internal sealed class ClaudeCompilationContext
    {
        private static readonly ConditionalWeakTable<Compilation, ClaudeCompilationContext> s_contexts = new ConditionalWeakTable<Compilation, ClaudeCompilationContext>();

        private readonly ConcurrentDictionary<SyntaxNode, ClaudeRequest?> _requests = SharedCache.Create<SyntaxNode, ClaudeRequest?>();
        private readonly ConcurrentDictionary<SyntaxTree, ClaudeCostOptions> _options = SharedCache.Create<SyntaxTree, ClaudeCostOptions>();
        private readonly ConcurrentDictionary<string, ClaudeCostOptions> _optionSets = SharedCache.Create<string, ClaudeCostOptions>(comparer: System.StringComparer.Ordinal);
        private readonly ConcurrentDictionary<(string Id, Location Location), SyntaxNode> _reported = SharedCache.Create<(string, Location), SyntaxNode>();
        private readonly ConcurrentDictionary<(SyntaxTree, string), System.Lazy<object?>> _perTree = SharedCache.Create<(SyntaxTree, string), System.Lazy<object?>>();
        private readonly AnalyzerOptions _analyzerOptions;
        private readonly System.Lazy<Semantics> _semantics;
        private readonly Compilation _compilation;
        private int _mayHaveRequests; // 0: not known yet, 1: yes, 2: no

        private ClaudeCompilationContext(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            _analyzerOptions = options;
            _compilation = compilation;
            ModelTable = ModelTable.Load(options, cancellationToken);
            GlobalOptions = ClaudeCostOptions.Read(options.AnalyzerConfigOptionsProvider.GlobalOptions, ModelTable.Catalog);
            _semantics = new System.Lazy<Semantics>(() => new Semantics(compilation, options, this), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        /// <summary>
        /// The symbols, provenance tracker and surface adapters: made on first use, so that the options rules (which only
        /// read the model table and the options, and may run when the compilation starts) look up no type.
        /// </summary>
        private sealed class Semantics
        {
            public Semantics(Compilation compilation, AnalyzerOptions options, ClaudeCompilationContext context)
            {
                Symbols = new KnownSymbols(compilation);
                Tracker = new ValueTracker(compilation, Symbols, CollectExtraVolatileMembers(compilation, options));
                Evidence = new ClaudeEvidence();
                GeneratedCode = new GeneratedCode(compilation, options, Symbols.Types);
                Official = Symbols.HasOfficialSdk ? new OfficialSdkAdapter(Symbols, Tracker) : null;
                Community = Symbols.HasAnthropicSdk ? new AnthropicSdkAdapter(Symbols, Tracker) : null;
                ExtensionsAI = Symbols.HasExtensionsAI ? new ExtensionsAIAdapter(Symbols, Tracker) : null;
                Bedrock = Symbols.HasBedrockRuntime ? new BedrockConverseAdapter(Symbols, Tracker) : null;
                Raw = new RawHttpAdapter(Symbols, Tracker, Evidence);
                JsonText = new JsonTextAdapter(Tracker, Evidence);
                OfficialRaw = Symbols.HasOfficialSdk ? new OfficialSdkRawAdapter(compilation, Symbols, Tracker, Raw, Evidence) : null;
                RequestWords = new TreeCandidates.RequestWords(Symbols.HasAnthropicSdk, Symbols.HasBedrockRuntime, ExtensionsAI != null);
                var extensionsAI = ExtensionsAI;
                PaidCalls = new System.Lazy<PaidCalls>(() => new PaidCalls(compilation, Symbols, Tracker, Evidence, context, extensionsAI), LazyThreadSafetyMode.ExecutionAndPublication);
            }

            public KnownSymbols Symbols { get; }
            public ValueTracker Tracker { get; }
            public ClaudeEvidence Evidence { get; }
            public GeneratedCode GeneratedCode { get; }
            public OfficialSdkAdapter? Official { get; }
            public AnthropicSdkAdapter? Community { get; }
            public ExtensionsAIAdapter? ExtensionsAI { get; }
            public BedrockConverseAdapter? Bedrock { get; }
            public OfficialSdkRawAdapter? OfficialRaw { get; }
            public RawHttpAdapter Raw { get; }
            public JsonTextAdapter JsonText { get; }
            public TreeCandidates.RequestWords RequestWords { get; }
            public System.Lazy<PaidCalls> PaidCalls { get; }
        }

        public KnownSymbols Symbols => _semantics.Value.Symbols;

        public ModelTable ModelTable { get; }

        public ClaudeCostOptions GlobalOptions { get; }

        public ValueTracker Tracker => _semantics.Value.Tracker;

        public ClaudeEvidence Evidence => _semantics.Value.Evidence;

        /// <summary>Where findings are not reported (the rules register with <c>GeneratedCodeAnalysisFlags.ReportDiagnostics</c>).</summary>
        public GeneratedCode GeneratedCode => _semantics.Value.GeneratedCode;

        /// <summary>A report callback that drops findings in generated code.</summary>
        public System.Action<Diagnostic> OutsideGeneratedCode(System.Action<Diagnostic> report, CancellationToken cancellationToken)
            => diagnostic => Report(report, diagnostic, cancellationToken);

        /// <summary>Reports a finding unless its location is generated code.</summary>
        public void Report(System.Action<Diagnostic> report, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (!GeneratedCode.Contains(diagnostic.Location, cancellationToken))
            {
                report(diagnostic);
            }
        }

        /// <summary>
        /// Whether any request of the compilation can be a Claude request: a Claude client library is referenced, or some
        /// file names Claude or Anthropic (a model id, the endpoint, a header). Without either, a raw HTTP body, a chat
        /// client or a Bedrock request has no Claude evidence to find (a prompt ARN is not Claude by itself), so the
        /// request rules need not look at any file: a project that never calls Claude costs two text searches per file, once.
        /// </summary>
        public bool MayHaveRequests(CancellationToken cancellationToken)
        {
            var known = Volatile.Read(ref _mayHaveRequests);
            if (known == 0)
            {
                // Computed again by a racing caller at worst; a cancelled search leaves it unknown.
                known = Symbols.HasOfficialSdk || Symbols.HasAnthropicSdk || AnyFileNamesClaude(_compilation, cancellationToken) ? 1 : 2;
                Volatile.Write(ref _mayHaveRequests, known);
            }

            return known == 1;
        }

        private static bool AnyFileNamesClaude(Compilation compilation, CancellationToken cancellationToken)
        {
            foreach (var tree in compilation.SyntaxTrees)
            {
                var text = SourceSearch.FileText(tree, cancellationToken);
                if (text.IndexOf("laude", System.StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf("anthropic", System.StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The recognizer of paid Claude calls (created on first use, one per compilation).</summary>
        public PaidCalls PaidCalls => _semantics.Value.PaidCalls.Value;

        /// <summary>
        /// The file's request candidates (scanned once per file, by whichever request rule asks first). The request
        /// rules and the model-id rules each search for their own words, so each family pays for its own search.
        /// </summary>
        public ImmutableArray<SyntaxNode> RequestCandidatesIn(SyntaxTree tree, CancellationToken cancellationToken)
            => PerTree(tree, "request-candidates", () => TreeCandidates.ScanRequests(tree, _semantics.Value.RequestWords, cancellationToken));

        /// <summary>The file's model-id candidates (scanned once per file, by whichever model-id rule asks first).</summary>
        public ImmutableArray<SyntaxNode> ModelIdCandidatesIn(SyntaxTree tree, CancellationToken cancellationToken)
            => PerTree(tree, "model-id-candidates", () => TreeCandidates.ScanModelIds(tree, cancellationToken));

        /// <summary>
        /// The requests built in a file, in source order (built once per file, whichever rule asks first). A file without
        /// any request word is answered from its text alone, by each rule, without a cache entry.
        /// </summary>
        public ImmutableArray<ClaudeRequest> RequestsIn(SemanticModel model, CancellationToken cancellationToken)
        {
            if (!TreeCandidates.MayHaveRequests(model.SyntaxTree, _semantics.Value.RequestWords, cancellationToken))
            {
                return ImmutableArray<ClaudeRequest>.Empty;
            }

            return PerTree(model.SyntaxTree, "requests", () => BuildRequests(model, cancellationToken));
        }

        private ImmutableArray<ClaudeRequest> BuildRequests(SemanticModel model, CancellationToken cancellationToken)
        {
            var candidates = RequestCandidatesIn(model.SyntaxTree, cancellationToken);
            if (candidates.IsEmpty)
            {
                return ImmutableArray<ClaudeRequest>.Empty;
            }

            var requests = ImmutableArray.CreateBuilder<ClaudeRequest>();
            foreach (var node in candidates)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var operation = model.SafeGetOperation(node, cancellationToken);
                var request = operation == null ? null : GetRequest(operation, cancellationToken);
                if (request != null)
                {
                    requests.Add(request);
                }
            }

            return requests.ToImmutable();
        }

        /// <summary>
        /// A value computed once per file and kind for all rules. A computation that throws (cancellation) is not kept, so
        /// the next analysis of the same compilation computes it again.
        /// </summary>
        public T PerTree<T>(SyntaxTree tree, string kind, System.Func<T> compute)
        {
            var key = (tree, kind);
            var lazy = _perTree.GetOrAdd(key, _ => new System.Lazy<object?>(() => compute(), LazyThreadSafetyMode.ExecutionAndPublication));
            try
            {
                return (T)lazy.Value!;
            }
            catch
            {
                ((System.Collections.Generic.ICollection<System.Collections.Generic.KeyValuePair<(SyntaxTree, string), System.Lazy<object?>>>)_perTree)
                    .Remove(new System.Collections.Generic.KeyValuePair<(SyntaxTree, string), System.Lazy<object?>>(key, lazy));
                throw;
            }
        }

        /// <summary>A context that is not shared (benchmarks measure construction with fresh caches).</summary>
        internal static ClaudeCompilationContext CreateUnshared(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
            => new ClaudeCompilationContext(compilation, options, cancellationToken);

        public static ClaudeCompilationContext Get(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
            => s_contexts.GetValue(compilation, c => new ClaudeCompilationContext(c, options, cancellationToken));

        public ClaudeCostOptions OptionsFor(SyntaxTree tree)
            => _options.GetOrAdd(tree, t => OptionsOf(_analyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(t)));

        /// <summary>
        /// The options of one file's settings. Files share a few sets of claudecost.* values (usually none), and each set
        /// is read once: the compiler gives every file its own options object, even where the values are the same.
        /// </summary>
        public ClaudeCostOptions OptionsOf(AnalyzerConfigOptions options)
        {
            System.Text.StringBuilder? values = null;
            foreach (var key in ClaudeCostOptions.AllKeys)
            {
                if (options.TryGetValue(key, out var value))
                {
                    (values ??= new System.Text.StringBuilder()).Append(key).Append('=').Append(value).Append('\n');
                }
            }

            return _optionSets.GetOrAdd(values?.ToString() ?? string.Empty, _ => ClaudeCostOptions.Read(options, ModelTable.Catalog));
        }

        /// <summary>
        /// A location reached by several requests (a prompt builder shared by two calls) is reported for the first
        /// request that claims it only; the same request analyzed again (the IDE re-analyzes) keeps reporting it.
        /// </summary>
        public bool TryClaim(string id, Location location, SyntaxNode requestAnchor)
            => _reported.GetOrAdd((id, location), requestAnchor) == requestAnchor;

        /// <summary>The request this operation is, if any. Cheap syntax tests come before any semantic work.</summary>
        public ClaudeRequest? GetRequest(IOperation operation, CancellationToken cancellationToken)
        {
            var semantics = _semantics.Value;
            switch (operation)
            {
                case IObjectCreationOperation creation:
                    if (semantics.Official != null && semantics.Official.IsRequestType(creation.Type))
                    {
                        return Cached(creation, c => semantics.Official.TryCreate((IObjectCreationOperation)c, cancellationToken));
                    }

                    if (semantics.Community != null && semantics.Community.IsRequestType(creation.Type))
                    {
                        return Cached(creation, c => semantics.Community.TryCreate((IObjectCreationOperation)c, cancellationToken));
                    }

                    if (semantics.Bedrock != null && semantics.Bedrock.IsRequestType(creation.Type))
                    {
                        return Cached(creation, c => semantics.Bedrock.TryCreate((IObjectCreationOperation)c, cancellationToken));
                    }

                    var looksLikeRawBody = creation.Initializer?.Syntax is InitializerExpressionSyntax initializer && initializer.Expressions.Count >= 2 &&
                        (RawHttpAdapter.LooksLikeKeyedBody(initializer) || creation.Initializer.Initializers.Length >= 2 && HasDtoShape(creation));
                    if (semantics.OfficialRaw != null && semantics.OfficialRaw.IsCandidate(creation))
                    {
                        // The body of the official SDK's FromRawUnchecked; any other such dictionary may be a raw HTTP body.
                        return Cached(creation, c =>
                        {
                            var request = semantics.OfficialRaw.TryCreate((IObjectCreationOperation)c, cancellationToken, out var isSdkBody);
                            return isSdkBody ? request : looksLikeRawBody ? semantics.Raw.TryCreate(c, cancellationToken) : null;
                        });
                    }

                    if (looksLikeRawBody)
                    {
                        return Cached(creation, c => semantics.Raw.TryCreate(c, cancellationToken));
                    }

                    return null;
                case IAnonymousObjectCreationOperation anonymous:
                    if (anonymous.Syntax is AnonymousObjectCreationExpressionSyntax syntax && RawHttpAdapter.LooksLikeBody(syntax))
                    {
                        return Cached(anonymous, c => semantics.Raw.TryCreate(c, cancellationToken));
                    }

                    return null;
                case IInvocationOperation invocation:
                    if (semantics.ExtensionsAI != null && ExtensionsAIAdapter.IsCandidateName(invocation.TargetMethod.Name))
                    {
                        return Cached(invocation, c => semantics.ExtensionsAI.TryCreate((IInvocationOperation)c, cancellationToken));
                    }

                    return null;
                case ILiteralOperation literal:
                    if (!(literal.Parent is IInterpolatedStringTextOperation) && JsonTextAdapter.LooksLikeBody(literal.Syntax))
                    {
                        return Cached(literal, c => semantics.JsonText.TryCreate(c, cancellationToken));
                    }

                    return null;
                case IInterpolatedStringOperation interpolated:
                    if (JsonTextAdapter.LooksLikeBody(interpolated.Syntax))
                    {
                        return Cached(interpolated, c => semantics.JsonText.TryCreate(c, cancellationToken));
                    }

                    return null;
                default:
                    return null;
            }
        }

        private static bool HasDtoShape(IObjectCreationOperation creation)
        {
            // A DTO body names Model and Messages members in its initializer; the attribute check follows.
            var model = false;
            var messages = false;
            foreach (var item in creation.Initializer!.Initializers)
            {
                if (item is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property })
                {
                    model |= property.Property.Name == "Model";
                    messages |= property.Property.Name == "Messages";
                }
            }

            return model && messages;
        }

        private ClaudeRequest? Cached(IOperation operation, System.Func<IOperation, ClaudeRequest?> create)
        {
            if (_requests.TryGetValue(operation.Syntax, out var cached))
            {
                return cached;
            }

            var request = create(operation);
            _requests.TryAdd(operation.Syntax, request);
            return request;
        }

        private static ImmutableHashSet<string> CollectExtraVolatileMembers(Compilation compilation, AnalyzerOptions options)
        {
            var builder = ImmutableHashSet.CreateBuilder<string>(System.StringComparer.Ordinal);
            if (options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(ClaudeCostOptions.ExtraVolatileMembersKey, out var global))
            {
                Add(builder, global);
            }

            foreach (var tree in compilation.SyntaxTrees)
            {
                if (options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(ClaudeCostOptions.ExtraVolatileMembersKey, out var value))
                {
                    Add(builder, value);
                }
            }

            return builder.ToImmutable();

            static void Add(ImmutableHashSet<string>.Builder builder, string value)
            {
                foreach (var part in value.Split(','))
                {
                    var member = part.Trim();
                    if (member.Length > 0)
                    {
                        builder.Add(member);
                    }
                }
            }
        }
    }
}
