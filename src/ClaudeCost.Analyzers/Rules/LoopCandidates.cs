using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using ClaudeCost.Analyzers.Requests;
using ClaudeCost.Analyzers.Surfaces;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ClaudeCost.Analyzers.Rules
{
    /// <summary>
    /// The syntax of one file that the loop rules (CC0004, CC0017, CC0018) look at, found once per file for all of them:
    /// a text search for a few words first (most files are done after it), then <c>FindToken</c> at each hit and a walk
    /// up its ancestors, so the cost follows the number of hits, not the file's size. The rules ask the semantic model
    /// only about these nodes, instead of a callback on every loop, try and invocation of the compilation.
    /// </summary>
    internal sealed class LoopCandidates
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

        private static readonly LoopCandidates Empty = new LoopCandidates(
            ImmutableArray<SyntaxNode>.Empty, ImmutableArray<TryStatementSyntax>.Empty, ImmutableArray<SyntaxNode>.Empty, ImmutableArray<MethodDeclarationSyntax>.Empty,
            ImmutableArray<InvocationExpressionSyntax>.Empty, ImmutableArray<InvocationExpressionSyntax>.Empty, ImmutableArray<InvocationExpressionSyntax>.Empty,
            ImmutableArray<InitializerExpressionSyntax>.Empty);

        private LoopCandidates(
            ImmutableArray<SyntaxNode> retryLoops,
            ImmutableArray<TryStatementSyntax> paidTries,
            ImmutableArray<SyntaxNode> stopReasonLoops,
            ImmutableArray<MethodDeclarationSyntax> stopReasonMethods,
            ImmutableArray<InvocationExpressionSyntax> toolRunnerCalls,
            ImmutableArray<InvocationExpressionSyntax> foreverCalls,
            ImmutableArray<InvocationExpressionSyntax> executeCalls,
            ImmutableArray<InitializerExpressionSyntax> retrySettings)
        {
            RetryLoops = retryLoops;
            PaidTries = paidTries;
            StopReasonLoops = stopReasonLoops;
            StopReasonMethods = stopReasonMethods;
            ToolRunnerCalls = toolRunnerCalls;
            ForeverCalls = foreverCalls;
            ExecuteCalls = executeCalls;
            RetrySettings = retrySettings;
        }

        /// <summary><c>while</c>/<c>for</c>/<c>do</c> loops with a <c>catch</c> inside that pass <see cref="Rules.RetryLoops.IsCandidate"/> (CC0004, CC0018).</summary>
        public ImmutableArray<SyntaxNode> RetryLoops { get; }

        /// <summary>Try statements with a catch whose block names a paid-call method (CC0004's recursion from a catch).</summary>
        public ImmutableArray<TryStatementSyntax> PaidTries { get; }

        /// <summary><c>while</c>/<c>for</c>/<c>do</c> loops that read a stop reason (<see cref="AgentLoops.MentionsStopReason"/>; CC0017).</summary>
        public ImmutableArray<SyntaxNode> StopReasonLoops { get; }

        /// <summary>Methods that read a stop reason: where a method calling itself on a stop reason can be (CC0017).</summary>
        public ImmutableArray<MethodDeclarationSyntax> StopReasonMethods { get; }

        /// <summary>Calls of a method named <c>ToolRunner</c> (CC0017).</summary>
        public ImmutableArray<InvocationExpressionSyntax> ToolRunnerCalls { get; }

        /// <summary>Calls of Polly's legacy <c>RetryForever</c>, <c>WaitAndRetryForever</c> (and async) by name (CC0004).</summary>
        public ImmutableArray<InvocationExpressionSyntax> ForeverCalls { get; }

        /// <summary>Calls of a method named like Polly's <c>Execute</c>, <c>ExecuteAsync</c>… (CC0018).</summary>
        public ImmutableArray<InvocationExpressionSyntax> ExecuteCalls { get; }

        /// <summary>Object initializers that assign <c>MaxRetries</c> or <c>MaxRetryAttempts</c> (CC0004).</summary>
        public ImmutableArray<InitializerExpressionSyntax> RetrySettings { get; }

        /// <summary>The file's candidates (scanned once per file and set of words, whichever loop rule asks first).</summary>
        public static LoopCandidates In(ClaudeCompilationContext shared, SyntaxTree tree, Words words, CancellationToken cancellationToken)
            => shared.PerTree(tree, "loops:" + ((int)words).ToString(System.Globalization.CultureInfo.InvariantCulture), () => Scan(tree, words, cancellationToken));

        /// <summary>The words the loop rules need searched in this compilation (from its references).</summary>
        public static Words WordsFor(Compilation compilation, ClaudeCompilationContext shared)
        {
            var words = Words.None;
            if (compilation.GetTypeByMetadataName("Polly.RetrySyntax") != null)
            {
                words |= Words.LegacyPolly;
            }

            if (compilation.GetTypeByMetadataName("Polly.RetrySyntax") != null || compilation.GetTypeByMetadataName("Polly.ResiliencePipeline") != null)
            {
                words |= Words.PollyExecutions;
            }

            var hasPollyCore = compilation.GetTypeByMetadataName("Polly.Retry.RetryStrategyOptions") != null;
            if (hasPollyCore || shared.Symbols.HasOfficialSdk)
            {
                words |= Words.RetrySettings;
            }

            if (ToolRunnerType(compilation) != null)
            {
                words |= Words.ToolRunner;
            }

            return words;
        }

        /// <summary>The official SDK's <c>BetaToolRunnerExtensions</c>, or null.</summary>
        public static INamedTypeSymbol? ToolRunnerType(Compilation compilation)
        {
            var type = compilation.GetTypeByMetadataName("Anthropic.Helpers.Beta.BetaToolRunnerExtensions");
            return type?.ContainingAssembly?.Name == "Anthropic" ? type : null;
        }

        private static LoopCandidates Scan(SyntaxTree tree, Words words, CancellationToken cancellationToken)
        {
            var text = tree.GetText(cancellationToken).ToString();
            var hasCatch = text.IndexOf("catch", StringComparison.Ordinal) >= 0;

            // "StopReason", "FinishReason" and "stop_reason" all contain "eason": one search for the three.
            var hasReason = text.IndexOf("eason", StringComparison.Ordinal) >= 0;
            var hasToolRunner = (words & Words.ToolRunner) != 0 && text.IndexOf("ToolRunner", StringComparison.Ordinal) >= 0;
            var hasForever = (words & Words.LegacyPolly) != 0 && text.IndexOf("Forever", StringComparison.Ordinal) >= 0;
            var hasExecute = (words & Words.PollyExecutions) != 0 && text.IndexOf("Execute", StringComparison.Ordinal) >= 0;
            var hasSettings = (words & Words.RetrySettings) != 0 && text.IndexOf("MaxRetr", StringComparison.Ordinal) >= 0;
            if (!hasCatch && !hasReason && !hasToolRunner && !hasForever && !hasExecute && !hasSettings)
            {
                return Empty;
            }

            var root = tree.GetRoot(cancellationToken);
            var retryLoops = ImmutableArray<SyntaxNode>.Empty;
            var paidTries = ImmutableArray<TryStatementSyntax>.Empty;
            if (hasCatch)
            {
                var loops = new HashSet<SyntaxNode>();
                var tries = new HashSet<TryStatementSyntax>();
                foreach (var token in TokensAt(root, text, "catch", cancellationToken))
                {
                    if (!token.IsKind(SyntaxKind.CatchKeyword) || !(token.Parent is CatchClauseSyntax { Parent: TryStatementSyntax tryStatement }))
                    {
                        continue;
                    }

                    if (!tries.Contains(tryStatement))
                    {
                        tries.Add(tryStatement);
                        AddEnclosingLoops(tryStatement, loops);
                    }
                }

                var candidates = new List<SyntaxNode>();
                foreach (var loop in loops)
                {
                    if (Rules.RetryLoops.IsCandidate(loop))
                    {
                        candidates.Add(loop);
                    }
                }

                var paid = new List<SyntaxNode>();
                foreach (var tryStatement in tries)
                {
                    if (PaidCalls.MayContainPaidCall(tryStatement.Block))
                    {
                        paid.Add(tryStatement);
                    }
                }

                retryLoops = InSourceOrder<SyntaxNode>(candidates);
                paidTries = InSourceOrder<TryStatementSyntax>(paid);
            }

            var stopReasonLoops = ImmutableArray<SyntaxNode>.Empty;
            var stopReasonMethods = ImmutableArray<MethodDeclarationSyntax>.Empty;
            if (hasReason)
            {
                var loops = new HashSet<SyntaxNode>();
                var methods = new HashSet<SyntaxNode>();
                foreach (var token in TokensAt(root, text, "eason", cancellationToken))
                {
                    if (!AgentLoops.IsStopReasonToken(token))
                    {
                        continue;
                    }

                    for (var current = token.Parent; current != null; current = current.Parent)
                    {
                        if (IsLoop(current))
                        {
                            loops.Add(current);
                        }
                        else if (current is MethodDeclarationSyntax method)
                        {
                            methods.Add(method);
                            break;
                        }
                        else if (current is MemberDeclarationSyntax && !(current is GlobalStatementSyntax))
                        {
                            break;
                        }
                    }
                }

                stopReasonLoops = InSourceOrder<SyntaxNode>(loops);
                stopReasonMethods = InSourceOrder<MethodDeclarationSyntax>(methods);
            }

            var toolRunnerCalls = hasToolRunner ? CallsNamed(root, text, "ToolRunner", name => name == "ToolRunner", cancellationToken) : ImmutableArray<InvocationExpressionSyntax>.Empty;
            var foreverCalls = hasForever
                ? CallsNamed(root, text, "Forever", name => RetryPolicies.IsForeverName(name) && RetryPolicies.IsLegacyRetryName(name), cancellationToken)
                : ImmutableArray<InvocationExpressionSyntax>.Empty;
            var executeCalls = hasExecute ? CallsNamed(root, text, "Execute", RetryPolicies.IsExecuteName, cancellationToken) : ImmutableArray<InvocationExpressionSyntax>.Empty;
            var retrySettings = hasSettings ? RetrySettingInitializers(root, text, cancellationToken) : ImmutableArray<InitializerExpressionSyntax>.Empty;
            return new LoopCandidates(retryLoops, paidTries, stopReasonLoops, stopReasonMethods, toolRunnerCalls, foreverCalls, executeCalls, retrySettings);
        }

        private static bool IsLoop(SyntaxNode node) => node is WhileStatementSyntax || node is ForStatementSyntax || node is DoStatementSyntax;

        /// <summary>Every while/for/do loop around the node, up to its member (each loop once).</summary>
        private static void AddEnclosingLoops(SyntaxNode node, HashSet<SyntaxNode> loops)
        {
            for (var current = node.Parent; current != null; current = current.Parent)
            {
                if (IsLoop(current))
                {
                    if (!loops.Add(current))
                    {
                        // Its enclosing loops were added with it.
                        return;
                    }
                }
                else if (current is MemberDeclarationSyntax && !(current is GlobalStatementSyntax))
                {
                    return;
                }
            }
        }

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
            var calls = new HashSet<InvocationExpressionSyntax>();
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

        /// <summary>The object initializers of a file that set <c>MaxRetries</c> or <c>MaxRetryAttempts</c> (the syntax at each text hit).</summary>
        private static ImmutableArray<InitializerExpressionSyntax> RetrySettingInitializers(SyntaxNode root, string text, CancellationToken cancellationToken)
        {
            var found = new HashSet<InitializerExpressionSyntax>();
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

        private static ImmutableArray<T> InSourceOrder<T>(IEnumerable<SyntaxNode> nodes)
            where T : SyntaxNode
        {
            var list = new List<T>();
            foreach (var node in nodes)
            {
                list.Add((T)node);
            }

            if (list.Count == 0)
            {
                return ImmutableArray<T>.Empty;
            }

            list.Sort((x, y) => x.SpanStart != y.SpanStart ? x.SpanStart.CompareTo(y.SpanStart) : y.Span.Length.CompareTo(x.Span.Length));
            return list.ToImmutableArray();
        }
    }
}
