using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using ClaudeCost.Analyzers.Infrastructure;
using ClaudeCost.Analyzers.Requests;
using ClaudeCost.Analyzers.Surfaces;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ClaudeCost.Analyzers.Rules
{
    /// <summary>
    /// The syntax of one file that the loop rules (CC0004, CC0017, CC0018) look at, found once per file: a text search for
    /// a few words first (most files are done after it), then <c>FindToken</c> at each hit and a walk up its ancestors,
    /// so the cost follows the number of hits, not the file's size. Two parts: <see cref="RetryPart"/> (Polly's calls and
    /// retry settings: CC0004, CC0018) and <see cref="AgentPart"/> (around a stop reason: CC0017). CC0017's loop callback only looks loops up here; the rare candidates (recursions, Polly and
    /// ToolRunner calls, retry settings) are asked of the semantic model from a callback per file. Retry loops need no
    /// index: CC0004 and CC0018 start from the tries (<see cref="Rules.RetryLoops.OwnLoopOf"/>).
    /// </summary>
    internal static class LoopCandidates
    {
        /// <summary>The words a compilation's rules need searched (from its references; the same for every rule of one compilation).</summary>
        [Flags]
        public enum Words
        {
            None = 0,

            /// <summary>Polly's legacy <c>…Forever</c> retries (CC0004).</summary>
            LegacyPolly = 1,

            /// <summary>Polly's <c>Execute…</c> calls (CC0018).</summary>
            PollyExecutions = 2,

            /// <summary>The official SDK's <c>ToolRunner</c> (CC0017).</summary>
            ToolRunner = 4,

            /// <summary><c>MaxRetries</c> / <c>MaxRetryAttempts</c> in object initializers (CC0004).</summary>
            RetrySettings = 8,
        }

        /// <summary>
        /// A per-compilation memo of <see cref="AgentPart"/> by file (one rule's: the loop callbacks of a file and its
        /// callback per file share it). A plain dictionary rather than the shared per-file cache: one entry per file of
        /// the compilation, looked up once per loop.
        /// </summary>
        internal sealed class AgentParts
        {
            private readonly ConcurrentDictionary<SyntaxTree, AgentPart> _parts;
            private readonly Words _words;

            public AgentParts(Compilation compilation, Words words)
            {
                _words = words;
                var trees = compilation.SyntaxTrees is IReadOnlyCollection<SyntaxTree> collection ? collection.Count : 31;
                _parts = new ConcurrentDictionary<SyntaxTree, AgentPart>(4, Math.Max(31, trees));
            }

            public AgentPart For(SyntaxTree tree, CancellationToken cancellationToken)
            {
                if (_parts.TryGetValue(tree, out var part))
                {
                    return part;
                }

                // Computed at most once per file in practice; two callbacks racing on one file compute the same value.
                part = AgentPart.Scan(tree, _words, cancellationToken);
                return _parts.GetOrAdd(tree, part);
            }
        }

        /// <summary>The words the loop rules need searched in this compilation (from its references).</summary>
        public static Words WordsFor(ClaudeCompilationContext shared)
        {
            var types = shared.Symbols.Types;
            var words = Words.None;
            var legacyPolly = types.Find("Polly.RetrySyntax") != null;
            if (legacyPolly)
            {
                words |= Words.LegacyPolly;
            }

            if (legacyPolly || types.Find("Polly.ResiliencePipeline") != null)
            {
                words |= Words.PollyExecutions;
            }

            if (types.Find("Polly.Retry.RetryStrategyOptions") != null || shared.Symbols.HasOfficialSdk)
            {
                words |= Words.RetrySettings;
            }

            if (ToolRunnerType(shared.Symbols) != null)
            {
                words |= Words.ToolRunner;
            }

            return words;
        }

        /// <summary>The official SDK's <c>BetaToolRunnerExtensions</c>, or null.</summary>
        public static INamedTypeSymbol? ToolRunnerType(KnownSymbols symbols)
            => symbols.Types.FindInLibrary("Anthropic", "Anthropic.Helpers.Beta.BetaToolRunnerExtensions") is { } type && type.ContainingAssembly?.Name == "Anthropic" ? type : null;

        /// <summary>Polly's calls and the retry settings (CC0004, CC0018).</summary>
        internal sealed class RetryPart
        {
            private static readonly RetryPart Empty = new RetryPart(
                ImmutableArray<InvocationExpressionSyntax>.Empty, ImmutableArray<InvocationExpressionSyntax>.Empty, ImmutableArray<InitializerExpressionSyntax>.Empty);

            private RetryPart(
                ImmutableArray<InvocationExpressionSyntax> foreverCalls,
                ImmutableArray<InvocationExpressionSyntax> executeCalls,
                ImmutableArray<InitializerExpressionSyntax> retrySettings)
            {
                ForeverCalls = foreverCalls;
                ExecuteCalls = executeCalls;
                RetrySettings = retrySettings;
            }

            /// <summary>Calls of Polly's legacy <c>RetryForever</c>, <c>WaitAndRetryForever</c> (and async) by name (CC0004).</summary>
            public ImmutableArray<InvocationExpressionSyntax> ForeverCalls { get; }

            /// <summary>Calls of a method named like Polly's <c>Execute</c>, <c>ExecuteAsync</c>… (CC0018).</summary>
            public ImmutableArray<InvocationExpressionSyntax> ExecuteCalls { get; }

            /// <summary>Object initializers that assign <c>MaxRetries</c> or <c>MaxRetryAttempts</c> (CC0004).</summary>
            public ImmutableArray<InitializerExpressionSyntax> RetrySettings { get; }

            /// <summary>The file's Polly calls and retry settings (each rule's callback per file asks once: no memo).</summary>
            public static RetryPart Scan(SyntaxTree tree, Words words, CancellationToken cancellationToken)
            {
                var hasForever = false;
                var hasExecute = false;
                var hasSettings = false;
                var text = (words & (Words.LegacyPolly | Words.PollyExecutions | Words.RetrySettings)) != 0 ? SourceSearch.FileText(tree, cancellationToken) : "";
                if (text.Length > 0)
                {
                    hasForever = (words & Words.LegacyPolly) != 0 && text.IndexOf("Forever", StringComparison.Ordinal) >= 0;
                    hasExecute = (words & Words.PollyExecutions) != 0 && text.IndexOf("Execute", StringComparison.Ordinal) >= 0;
                    hasSettings = (words & Words.RetrySettings) != 0 && text.IndexOf("MaxRetr", StringComparison.Ordinal) >= 0;
                }

                if (!hasForever && !hasExecute && !hasSettings)
                {
                    return Empty;
                }

                var root = tree.GetRoot(cancellationToken);
                var foreverCalls = hasForever
                    ? CallsNamed(root, text, "Forever", name => RetryPolicies.IsForeverName(name) && RetryPolicies.IsLegacyRetryName(name), cancellationToken)
                    : ImmutableArray<InvocationExpressionSyntax>.Empty;
                var executeCalls = hasExecute ? CallsNamed(root, text, "Execute", RetryPolicies.IsExecuteName, cancellationToken) : ImmutableArray<InvocationExpressionSyntax>.Empty;
                var retrySettings = hasSettings ? RetrySettingInitializers(root, text, cancellationToken) : ImmutableArray<InitializerExpressionSyntax>.Empty;
                return new RetryPart(foreverCalls, executeCalls, retrySettings);
            }

            /// <summary>The object initializers of a file that set <c>MaxRetries</c> or <c>MaxRetryAttempts</c> (the syntax at each text hit).</summary>
            private static ImmutableArray<InitializerExpressionSyntax> RetrySettingInitializers(SyntaxNode root, string text, CancellationToken cancellationToken)
            {
                var found = new HashSet<SyntaxNode>();
                for (var at = text.IndexOf("MaxRetr", StringComparison.Ordinal); at >= 0; at = text.IndexOf("MaxRetr", at + 7, StringComparison.Ordinal))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var token = root.FindToken(at);
                    if (token.Span.Start == at && token.IsKind(SyntaxKind.IdentifierToken) &&
                        token.Parent is IdentifierNameSyntax name && name.Parent is AssignmentExpressionSyntax assignment && assignment.Left == name &&
                        assignment.Parent is InitializerExpressionSyntax initializer)
                    {
                        found.Add(initializer);
                    }
                }

                return InSourceOrder<InitializerExpressionSyntax>(found);
            }
        }

        /// <summary>Loops and methods that read a stop reason, and ToolRunner calls (CC0017).</summary>
        internal sealed class AgentPart
        {
            private static readonly AgentPart Empty = new AgentPart(null, ImmutableArray<MethodDeclarationSyntax>.Empty, ImmutableArray<InvocationExpressionSyntax>.Empty);

            private readonly HashSet<SyntaxNode>? _loops;

            private AgentPart(HashSet<SyntaxNode>? loops, ImmutableArray<MethodDeclarationSyntax> stopReasonMethods, ImmutableArray<InvocationExpressionSyntax> toolRunnerCalls)
            {
                _loops = loops;
                StopReasonMethods = stopReasonMethods;
                ToolRunnerCalls = toolRunnerCalls;
            }

            /// <summary>Methods that read a stop reason: where a method calling itself on a stop reason can be.</summary>
            public ImmutableArray<MethodDeclarationSyntax> StopReasonMethods { get; }

            /// <summary>Calls of a method named <c>ToolRunner</c>.</summary>
            public ImmutableArray<InvocationExpressionSyntax> ToolRunnerCalls { get; }

            /// <summary>A <c>while</c>/<c>for</c>/<c>do</c> loop that reads a stop reason (<see cref="AgentLoops.MentionsStopReason"/>).</summary>
            public bool IsStopReasonLoop(SyntaxNode node) => _loops != null && _loops.Contains(node);

            /// <summary>The words of <see cref="AgentLoops.IsStopReasonToken"/>, each with where "eason" sits in it.</summary>
            private static readonly (string Word, int Offset)[] StopReasonWords = { ("StopReason", 5), ("FinishReason", 7), ("stop_reason", 6) };

            internal static AgentPart Scan(SyntaxTree tree, Words words, CancellationToken cancellationToken)
            {
                var text = SourceSearch.FileText(tree, cancellationToken);

                // "StopReason", "FinishReason" and "stop_reason" all contain "eason": one search for the three.
                var hasReason = text.IndexOf("eason", StringComparison.Ordinal) >= 0;
                var hasToolRunner = (words & Words.ToolRunner) != 0 && text.IndexOf("ToolRunner", StringComparison.Ordinal) >= 0;
                if (!hasReason && !hasToolRunner)
                {
                    return Empty;
                }

                var root = tree.GetRoot(cancellationToken);
                HashSet<SyntaxNode>? loops = null;
                var stopReasonMethods = ImmutableArray<MethodDeclarationSyntax>.Empty;
                if (hasReason)
                {
                    var methods = new HashSet<SyntaxNode>();
                    var previous = default(SyntaxToken);
                    for (var at = text.IndexOf("eason", StringComparison.Ordinal); at >= 0; at = text.IndexOf("eason", at + 5, StringComparison.Ordinal))
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        if (!IsStopReasonWordAt(text, at))
                        {
                            continue;
                        }

                        var token = root.FindToken(at);
                        if (!token.Span.Contains(at) || token == previous || !AgentLoops.IsStopReasonToken(token))
                        {
                            continue;
                        }

                        previous = token;
                        for (var current = token.Parent; current != null; current = current.Parent)
                        {
                            if (IsLoop(current))
                            {
                                if (!(loops ??= new HashSet<SyntaxNode>()).Add(current))
                                {
                                    // Its enclosing loops and method were added with it.
                                    break;
                                }
                            }
                            else if (current is MethodDeclarationSyntax method)
                            {
                                if (MayCallItself(text, method))
                                {
                                    methods.Add(method);
                                }

                                break;
                            }
                            else if (current is MemberDeclarationSyntax && !(current is GlobalStatementSyntax))
                            {
                                break;
                            }
                        }
                    }

                    stopReasonMethods = InSourceOrder<MethodDeclarationSyntax>(methods);
                }

                var toolRunnerCalls = hasToolRunner ? CallsNamed(root, text, "ToolRunner", name => name == "ToolRunner", cancellationToken) : ImmutableArray<InvocationExpressionSyntax>.Empty;
                return new AgentPart(loops, stopReasonMethods, toolRunnerCalls);
            }

            /// <summary>
            /// The method's body names the method (a call of it can only be written with its name), or the method has the
            /// name of a call the compiler makes implicitly (a collection initializer's Add, a query's Select…).
            /// </summary>
            private static bool MayCallItself(string text, MethodDeclarationSyntax method)
            {
                var name = method.Identifier.ValueText;
                if (IsImplicitCallName(name))
                {
                    return true;
                }

                var body = (SyntaxNode?)method.Body ?? method.ExpressionBody;
                return body != null && name.Length > 0 && Contains(text, body.Span.Start, body.Span.Length, name);
            }

            /// <summary>The text at <paramref name="at"/> ("eason") is inside one of the stop-reason words (a token may still be longer: the token test decides).</summary>
            private static bool IsStopReasonWordAt(string text, int at)
            {
                foreach (var (word, offset) in StopReasonWords)
                {
                    var start = at - offset;
                    if (start >= 0 && start + word.Length <= text.Length && string.CompareOrdinal(text, start, word, 0, word.Length) == 0)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        /// <summary>Names of methods the compiler calls without the name in the source (a collection initializer's Add, a query's clauses).</summary>
        public static bool IsImplicitCallName(string name) => name switch
        {
            "Add" or "Select" or "SelectMany" or "Where" or "Join" or "GroupJoin" or "GroupBy" or "OrderBy" or "OrderByDescending" or "ThenBy" or "ThenByDescending" or "Cast" => true,
            _ => false,
        };

        private static bool IsLoop(SyntaxNode node) => node is WhileStatementSyntax || node is ForStatementSyntax || node is DoStatementSyntax;

        private static bool Contains(string text, int start, int length, string word)
            => start >= 0 && start + length <= text.Length && text.IndexOf(word, start, length, StringComparison.Ordinal) >= 0;

        /// <summary>The tokens (not comments or disabled text) whose text contains <paramref name="word"/>, each once.</summary>
        private static IEnumerable<SyntaxToken> TokensAt(SyntaxNode root, string text, string word, CancellationToken cancellationToken)
        {
            var previous = default(SyntaxToken);
            for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + word.Length, StringComparison.Ordinal))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var token = root.FindToken(at);
                if (token.Span.Contains(at) && token != previous)
                {
                    previous = token;
                    yield return token;
                }
            }
        }

        /// <summary>The invocations whose invoked name (<c>x.Name(…)</c>, <c>Name(…)</c>, <c>x?.Name(…)</c>, generic or not) the test accepts.</summary>
        private static ImmutableArray<InvocationExpressionSyntax> CallsNamed(SyntaxNode root, string text, string word, Func<string, bool> accepts, CancellationToken cancellationToken)
        {
            var calls = new HashSet<SyntaxNode>();
            foreach (var token in TokensAt(root, text, word, cancellationToken))
            {
                if (token.IsKind(SyntaxKind.IdentifierToken) && accepts(token.ValueText) && InvocationNamedBy(token) is { } invocation)
                {
                    calls.Add(invocation);
                }
            }

            return InSourceOrder<InvocationExpressionSyntax>(calls);
        }

        /// <summary>The invocation whose invoked name is this identifier, or null.</summary>
        public static InvocationExpressionSyntax? InvocationNamedBy(SyntaxToken identifier)
        {
            if (!(identifier.Parent is SimpleNameSyntax name))
            {
                return null;
            }

            SyntaxNode expression = name;
            if (name.Parent is MemberAccessExpressionSyntax access && access.Name == name)
            {
                expression = access;
            }
            else if (name.Parent is MemberBindingExpressionSyntax binding && binding.Name == name)
            {
                expression = binding;
            }

            return expression.Parent is InvocationExpressionSyntax invocation && invocation.Expression == expression ? invocation : null;
        }

        /// <summary>The simple name an invocation calls (<c>Name</c> in <c>x.Name&lt;T&gt;(…)</c>), or null for other shapes.</summary>
        public static string? InvokedName(InvocationExpressionSyntax invocation) => invocation.Expression switch
        {
            SimpleNameSyntax name => name.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            _ => null,
        };

        private static ImmutableArray<T> InSourceOrder<T>(HashSet<SyntaxNode> nodes)
            where T : SyntaxNode
        {
            if (nodes.Count == 0)
            {
                return ImmutableArray<T>.Empty;
            }

            var list = new List<T>(nodes.Count);
            foreach (var node in nodes)
            {
                list.Add((T)node);
            }

            list.Sort((x, y) => x.SpanStart != y.SpanStart ? x.SpanStart.CompareTo(y.SpanStart) : y.Span.Length.CompareTo(x.Span.Length));
            return list.ToImmutableArray();
        }
    }
}
