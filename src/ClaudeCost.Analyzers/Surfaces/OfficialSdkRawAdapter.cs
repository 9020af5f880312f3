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
    /// The official SDK's escape hatch <c>FromRawUnchecked(header, query, body)</c> (and the one-argument form of batch
    /// items): a request written as a <c>Dictionary&lt;string, JsonElement&gt;</c> that skips the SDK's <c>required</c>
    /// checks. The request is the body dictionary created in the code, where it flows into the body argument (directly
    /// or through a local). A dictionary built elsewhere is never read.
    /// </summary>
    internal sealed class OfficialSdkRawAdapter
    {
        public const string MethodName = "FromRawUnchecked";

        private readonly KnownSymbols _symbols;
        private readonly ValueTracker _tracker;
        private readonly RawHttpAdapter _raw;
        private readonly ClaudeEvidence _evidence;
        private readonly INamedTypeSymbol? _jsonElement;
        private readonly INamedTypeSymbol? _jsonSerializer;
        private readonly INamedTypeSymbol? _threadSendParams;

        public OfficialSdkRawAdapter(Compilation compilation, KnownSymbols symbols, ValueTracker tracker, RawHttpAdapter raw, ClaudeEvidence evidence)
        {
            _symbols = symbols;
            _tracker = tracker;
            _raw = raw;
            _evidence = evidence;
            _jsonElement = symbols.Types.Find("System.Text.Json.JsonElement");
            _jsonSerializer = symbols.Types.Find("System.Text.Json.JsonSerializer");
            var threadSend = symbols.Types.FindInLibrary("Anthropic", "Anthropic.Models.Beta.Messages.ThreadSendParams");
            _threadSendParams = threadSend?.ContainingAssembly?.Name == "Anthropic" ? threadSend : null;
        }

        /// <summary>Cheap test: a string → JsonElement dictionary created with an initializer.</summary>
        public bool IsCandidate(IObjectCreationOperation creation)
            => _jsonElement != null &&
               creation.Initializer != null && creation.Initializer.Initializers.Length > 0 &&
               creation.Type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 2 } named &&
               named.TypeArguments[0].SpecialType == SpecialType.System_String &&
               SymbolEqualityComparer.Default.Equals(named.TypeArguments[1], _jsonElement);

        /// <summary>
        /// The request this dictionary is, when it is the body of a <c>FromRawUnchecked</c> call (<paramref name="isSdkBody"/>
        /// true; the result is null when the body shows no request keys). <paramref name="isSdkBody"/> false: not such a body.
        /// </summary>
        public ClaudeRequest? TryCreate(IObjectCreationOperation creation, CancellationToken cancellationToken, out bool isSdkBody)
        {
            isSdkBody = false;
            var target = FindTarget(creation, out var escapes, out var keysAddedLater, cancellationToken);
            if (target == null || !Classify(target.TargetMethod.ContainingType, out var surface, out var isFree))
            {
                return null;
            }

            isSdkBody = true;
            var keyed = ReadKeys(creation);
            var model = ReadModel(keyed, cancellationToken);
            var hasMessages = keyed.ContainsKey("messages");
            if (!hasMessages && (model?.Id == null || !ModelCatalog.IsClaudeShaped(model.Id)))
            {
                return null;
            }

            var breakpoints = ImmutableArray.CreateBuilder<PromptPosition>();
            var tools = ImmutableArray<PromptPart>.Empty;
            if (keyed.TryGetValue("tools", out var toolsValue))
            {
                tools = _raw.ReadBlocks(toolsValue, PromptSegment.Tools, breakpoints, out _, cancellationToken);
            }

            var system = ImmutableArray<PromptPart>.Empty;
            var shape = SystemShape.Absent;
            SyntaxNode? systemSyntax = null;
            if (keyed.TryGetValue("system", out var systemValue))
            {
                systemSyntax = systemValue.Syntax;
                system = _raw.ReadBlocks(systemValue, PromptSegment.System, breakpoints, out shape, cancellationToken);
            }

            var firstUser = RawHttpAdapter.ReadMessageBreakpoints(keyed, breakpoints);

            var unplaced = escapes || keysAddedLater.Contains("cachecontrol") || (keysAddedLater.Count > 0 && _evidence.HasCacheControlOutside(creation.Syntax));
            long? maxTokens = keyed.TryGetValue("maxtokens", out var max) ? OperationHelpers.ConstantLong(max) : null;

            // Silent when the key is there, written by a later statement (possibly under a condition), or when the
            // dictionary is handed to other code that may add it.
            var outputLimit = keyed.ContainsKey("maxtokens") || escapes || keysAddedLater.Contains("maxtokens")
                ? OutputLimit.Set
                : OutputLimit.Missing;
            var thinking = keyed.TryGetValue("thinking", out var thinkingValue) && !OperationHelpers.IsNullLiteral(thinkingValue)
                ? thinkingValue.Parent?.Syntax ?? thinkingValue.Syntax
                : null;
            return new ClaudeRequest(surface, creation.Syntax, isFree, model, tools, system, shape, systemSyntax, breakpoints.ToImmutable(), firstUser, maxTokens, unplaced, thinkingSyntax: thinking, outputLimit: outputLimit);
        }

        /// <summary>
        /// The <c>FromRawUnchecked</c> call whose body argument is this dictionary: the dictionary written in the
        /// argument, or a local initialized with it and passed there. <paramref name="escapes"/>: the local is also
        /// passed to other code, which may add keys. <paramref name="keysAddedLater"/>: normalized keys written through
        /// the local by later statements (<c>body["max_tokens"] = …</c>, <c>body.Add("max_tokens", …)</c>), under a
        /// condition or not; a key that is not a constant counts as every key.
        /// </summary>
        private IInvocationOperation? FindTarget(IObjectCreationOperation creation, out bool escapes, out HashSet<string> keysAddedLater, CancellationToken cancellationToken)
        {
            escapes = false;
            keysAddedLater = new HashSet<string>(System.StringComparer.Ordinal);
            IOperation current = creation;
            while (current.Parent is IConversionOperation conversion)
            {
                current = conversion;
            }

            if (current.Parent is IArgumentOperation argument)
            {
                return IsBodyArgument(argument) ? (IInvocationOperation)argument.Parent! : null;
            }

            if (!(current.Parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }))
            {
                return null;
            }

            var root = (IOperation)creation;
            while (root.Parent != null)
            {
                root = root.Parent;
            }

            IInvocationOperation? target = null;
            foreach (var operation in root.Descendants())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!(operation is ILocalReferenceOperation reference) || !SymbolEqualityComparer.Default.Equals(reference.Local, declarator.Symbol))
                {
                    continue;
                }

                IOperation use = reference;
                while (use.Parent is IConversionOperation)
                {
                    use = use.Parent;
                }

                switch (use.Parent)
                {
                    case IPropertyReferenceOperation { Property.IsIndexer: true } indexer when indexer.Instance == use && indexer.Parent is IAssignmentOperation written && written.Target == indexer:
                        AddKey(keysAddedLater, indexer.Arguments.Length == 1 ? indexer.Arguments[0].Value : null, ref escapes);
                        break;
                    case IInvocationOperation { TargetMethod.Name: "Add" or "TryAdd" or "Remove" } add when add.Instance == use:
                        AddKey(keysAddedLater, add.Arguments.Length >= 1 ? add.Arguments[0].Value : null, ref escapes);
                        break;
                    case IArgumentOperation bodyArgument when IsBodyArgument(bodyArgument):
                        target ??= (IInvocationOperation)bodyArgument.Parent!;
                        break;
                    case IArgumentOperation:
                    case ISimpleAssignmentOperation assignment when assignment.Value == use:
                    case IReturnOperation:
                        // Handed to other code, stored elsewhere or returned: keys may be added out of sight.
                        escapes = true;
                        break;
                    case ISimpleAssignmentOperation assignment when assignment.Target == use:
                        // The local now holds another dictionary.
                        escapes = true;
                        break;
                }
            }

            return target;
        }

        private static void AddKey(HashSet<string> keys, IOperation? key, ref bool escapes)
        {
            if (key?.ConstantValue.Value is string text)
            {
                keys.Add(RawHttpAdapter.NormalizeKey(text));
            }
            else
            {
                // A computed key may be any key.
                escapes = true;
            }
        }

        private static bool IsBodyArgument(IArgumentOperation argument)
            => argument.Parent is IInvocationOperation { TargetMethod: { Name: MethodName, IsStatic: true } } &&
               argument.Parameter?.Name is "rawBodyData" or "rawData";

        private bool Classify(INamedTypeSymbol? type, out RequestSurface surface, out bool isFree)
        {
            surface = RequestSurface.OfficialSdkRawBody;
            isFree = false;
            if (type == null)
            {
                return false;
            }

            var comparer = SymbolEqualityComparer.Default;
            if (comparer.Equals(type, _symbols.CountTokensParams) || comparer.Equals(type, _symbols.BetaCountTokensParams))
            {
                isFree = true;
                return true;
            }

            return comparer.Equals(type, _symbols.MessageCreateParams) || comparer.Equals(type, _symbols.BatchParams) ||
                   comparer.Equals(type, _symbols.BetaMessageCreateParams) || comparer.Equals(type, _symbols.BetaBatchParams) ||
                   comparer.Equals(type, _symbols.BetaThreadCreateParams) || comparer.Equals(type, _threadSendParams);
        }

        /// <summary>Normalized key → the value as written, unwrapped from <c>JsonSerializer.SerializeToElement(…)</c>.</summary>
        private Dictionary<string, IOperation> ReadKeys(IObjectCreationOperation creation)
        {
            var result = new Dictionary<string, IOperation>(System.StringComparer.Ordinal);
            foreach (var initializer in creation.Initializer!.Initializers)
            {
                switch (initializer)
                {
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true } indexer } assignment
                        when indexer.Arguments.Length == 1 && indexer.Arguments[0].Value.ConstantValue.Value is string key:
                        result[RawHttpAdapter.NormalizeKey(key)] = Unwrap(assignment.Value);
                        break;
                    case IInvocationOperation add when add.Arguments.Length == 2 && add.Arguments[0].Value.ConstantValue.Value is string addKey:
                        result[RawHttpAdapter.NormalizeKey(addKey)] = Unwrap(add.Arguments[1].Value);
                        break;
                }
            }

            return result;
        }

        private IOperation Unwrap(IOperation value)
        {
            var peeled = OperationHelpers.Peel(value);
            if (peeled is IInvocationOperation { TargetMethod.Name: "SerializeToElement" } invocation &&
                invocation.Arguments.Length >= 1 &&
                SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, _jsonSerializer))
            {
                return invocation.Arguments[0].Value;
            }

            return value;
        }

        private ModelReference? ReadModel(Dictionary<string, IOperation> keyed, CancellationToken cancellationToken)
        {
            if (!keyed.TryGetValue("model", out var value))
            {
                return null;
            }

            var peeled = OperationHelpers.Peel(value);
            if (peeled.ConstantValue.HasValue && peeled.ConstantValue.Value is string id)
            {
                return new ModelReference(id, peeled.Syntax, isEnumMember: false);
            }

            if (peeled is IFieldReferenceOperation field && SymbolEqualityComparer.Default.Equals(field.Field.ContainingType, _symbols.ModelEnum))
            {
                return new ModelReference(ModelIds.EnumMemberToWireId(field.Field.Name), peeled.Syntax, isEnumMember: true);
            }

            return new ModelReference(_tracker.Evaluate(peeled, cancellationToken).ConstantText, peeled.Syntax, isEnumMember: false);
        }
    }
}
