using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using ClaudeCost.Analyzers.Infrastructure;
using ClaudeCost.Analyzers.Rules;
using ClaudeCost.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace ClaudeCost.CodeFixes.Fixes
{
    /// <summary>
    /// CC0004 fix. A loop becomes <c>for (var attempt = 1; …; attempt++)</c>; each catch that let it go on gets
    /// <c>when (attempt &lt; max)</c> (so the last failure is rethrown with its stack) and, when the loop never waited,
    /// exponential backoff with jitter; calls whose SDK client retries by itself get
    /// <c>WithOptions(o =&gt; o with { MaxRetries = 0 })</c> so the retries do not multiply. Polly: <c>RetryForever</c> →
    /// <c>Retry(n)</c>, <c>MaxRetryAttempts = n</c>; the SDK's <c>MaxRetries = n</c>. n = claudecost.cc0004.max_attempts - 1.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CC0004UnboundedRetryCodeFixProvider)), Shared]
    public sealed class CC0004UnboundedRetryCodeFixProvider : RewriteCodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.UnboundedRetry);

        internal override DiagnosticRewrite Fix => Bound;

        internal override string TitleFor(Diagnostic diagnostic)
        {
            diagnostic.Properties.TryGetValue(CC0004UnboundedRetryAnalyzer.KindProperty, out var kind);
            diagnostic.Properties.TryGetValue(CC0004UnboundedRetryAnalyzer.MaxAttemptsProperty, out var max);
            diagnostic.Properties.TryGetValue(CC0004UnboundedRetryAnalyzer.ReplacementProperty, out var replacement);
            return kind switch
            {
                CC0004UnboundedRetryAnalyzer.LoopKind => "Stop after " + max + " attempts, with exponential backoff",
                CC0004UnboundedRetryAnalyzer.PollyKind => "Retry at most " + Retries(max) + " times (" + replacement + ")",
                CC0004UnboundedRetryAnalyzer.PollyOptionsKind => "Set MaxRetryAttempts = " + replacement,
                _ => "Set MaxRetries = " + replacement,
            };
        }

        internal override string KeyFor(Diagnostic diagnostic) => "CC0004.BoundRetries";

        private static string Retries(string? max)
            => int.TryParse(max, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? (value - 1).ToString(CultureInfo.InvariantCulture) : "3";

        private static SyntaxNode? Bound(SyntaxNode root, AnnotatedDiagnostic diagnostic)
        {
            if (diagnostic.Property(CC0004UnboundedRetryAnalyzer.FixableProperty) != "true")
            {
                return null;
            }

            switch (diagnostic.Property(CC0004UnboundedRetryAnalyzer.KindProperty))
            {
                case CC0004UnboundedRetryAnalyzer.LoopKind:
                    return BoundLoop(root, diagnostic);
                case CC0004UnboundedRetryAnalyzer.PollyKind:
                    return BoundPolicy(root, diagnostic);
                case CC0004UnboundedRetryAnalyzer.PollyOptionsKind:
                case CC0004UnboundedRetryAnalyzer.SdkRetriesKind:
                    var value = diagnostic.AdditionalNode(root, 0) as ExpressionSyntax;
                    var replacement = diagnostic.Property(CC0004UnboundedRetryAnalyzer.ReplacementProperty);
                    if (value == null || replacement == null || !int.TryParse(replacement, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
                    {
                        return null;
                    }

                    var literal = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(count));
                    return root.ReplaceNode(value, SyntaxTemplates.WithTriviaOf(literal, value));
                default:
                    return null;
            }
        }

        private static SyntaxNode? BoundPolicy(SyntaxNode root, AnnotatedDiagnostic diagnostic)
        {
            var newName = diagnostic.Property(CC0004UnboundedRetryAnalyzer.ReplacementProperty);
            var retries = Retries(diagnostic.Property(CC0004UnboundedRetryAnalyzer.MaxAttemptsProperty));
            if (!(diagnostic.AdditionalNode(root, 0) is InvocationExpressionSyntax invocation) || !(invocation.Expression is MemberAccessExpressionSyntax access) || newName == null)
            {
                return null;
            }

            var name = SyntaxFactory.IdentifierName(newName).WithTriviaFrom(access.Name);
            var count = SyntaxFactory.Argument(SyntaxFactory.ParseExpression(retries));
            var arguments = invocation.ArgumentList.Arguments;
            var comma = SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space);
            var newArguments = SyntaxFactory.SeparatedList(new[] { count }.Concat(arguments), (arguments.Count > 0 ? new[] { comma } : new SyntaxToken[0]).Concat(arguments.GetSeparators()));
            var rewritten = invocation
                .WithExpression(access.WithName(name))
                .WithArgumentList(invocation.ArgumentList.WithArguments(newArguments));
            return root.ReplaceNode(invocation, rewritten);
        }

        private static SyntaxNode? BoundLoop(SyntaxNode root, AnnotatedDiagnostic diagnostic)
        {
            var loop = diagnostic.AdditionalNode(root, 0) as StatementSyntax;
            var counter = diagnostic.Property(CC0004UnboundedRetryAnalyzer.CounterProperty);
            var maxText = diagnostic.Property(CC0004UnboundedRetryAnalyzer.MaxAttemptsProperty);
            if (loop == null || counter == null || !int.TryParse(diagnostic.Property(CC0004UnboundedRetryAnalyzer.CatchCountProperty), NumberStyles.None, CultureInfo.InvariantCulture, out var catchCount) ||
                !int.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out var max))
            {
                return null;
            }

            var addDelay = diagnostic.Property(CC0004UnboundedRetryAnalyzer.AddDelayProperty) == "true";
            var isAsync = diagnostic.Property(CC0004UnboundedRetryAnalyzer.AsyncProperty) == "true";
            var sharedRandom = diagnostic.Property(CC0004UnboundedRetryAnalyzer.SharedRandomProperty) == "true";

            var catches = new HashSet<SyntaxNode>();
            for (var i = 1; i <= catchCount; i++)
            {
                if (!(diagnostic.AdditionalNode(root, i) is CatchClauseSyntax catchClause) || !loop.Span.Contains(catchClause.Span))
                {
                    return null;
                }

                catches.Add(catchClause);
            }

            var receivers = new HashSet<SyntaxNode>();
            for (var i = catchCount + 1; i < diagnostic.Additional.Length; i++)
            {
                if (!(diagnostic.AdditionalNode(root, i) is ExpressionSyntax receiver) || !loop.Span.Contains(receiver.Span))
                {
                    return null;
                }

                receivers.Add(receiver);
            }

            if (catches.Count == 0)
            {
                return null;
            }

            var marker = new SyntaxAnnotation("ClaudeCost.CC0004.Loop");
            var inner = root.ReplaceNode(loop, loop.WithAdditionalAnnotations(marker));
            var annotatedLoop = inner.GetAnnotatedNodes(marker).First();
            var targets = annotatedLoop.DescendantNodes().Where(n => catches.Any(c => c.Span == n.Span && c.RawKind == n.RawKind) || receivers.Any(r => r.Span == n.Span && r.RawKind == n.RawKind)).ToList();
            var rewrittenLoop = annotatedLoop.ReplaceNodes(targets, (original, rewritten) => rewritten switch
            {
                CatchClauseSyntax catchClause => BoundCatch(catchClause, counter, max, addDelay, isAsync, sharedRandom),
                ExpressionSyntax receiver => RetrySyntax.WithoutSdkRetries(receiver),
                _ => rewritten,
            });

            var converted = ToCountedFor((StatementSyntax)rewrittenLoop, counter);
            return converted == null ? null : root.ReplaceNode(loop, converted);
        }

        /// <summary><c>catch (X e)</c> → <c>catch (X e) when (attempt &lt; max)</c> (joined to an existing filter), plus the backoff.</summary>
        private static CatchClauseSyntax BoundCatch(CatchClauseSyntax catchClause, string counter, int max, bool addDelay, bool isAsync, bool sharedRandom)
        {
            var limit = SyntaxFactory.ParseExpression(counter + " < " + max.ToString(CultureInfo.InvariantCulture));
            if (catchClause.Filter == null)
            {
                var before = catchClause.Declaration != null ? catchClause.Declaration.CloseParenToken : catchClause.CatchKeyword;
                var filter = SyntaxFactory.CatchFilterClause(
                    SyntaxFactory.Token(SyntaxKind.WhenKeyword).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space),
                    SyntaxFactory.Token(SyntaxKind.OpenParenToken),
                    limit,
                    SyntaxFactory.Token(SyntaxKind.CloseParenToken).WithTrailingTrivia(before.TrailingTrivia));
                catchClause = catchClause.Declaration != null
                    ? catchClause.WithDeclaration(catchClause.Declaration.WithCloseParenToken(before.WithTrailingTrivia())).WithFilter(filter)
                    : catchClause.WithCatchKeyword(before.WithTrailingTrivia()).WithFilter(filter);
            }
            else
            {
                var existing = catchClause.Filter.FilterExpression;
                var left = NeedsParentheses(existing) ? SyntaxFactory.ParenthesizedExpression(existing.WithoutTrivia()) : existing.WithoutTrivia();
                var joined = SyntaxFactory.BinaryExpression(SyntaxKind.LogicalAndExpression, left.WithTrailingTrivia(SyntaxFactory.Space), SyntaxFactory.Token(SyntaxKind.AmpersandAmpersandToken).WithTrailingTrivia(SyntaxFactory.Space), limit)
                    .WithTriviaFrom(existing);
                catchClause = catchClause.WithFilter(catchClause.Filter.WithFilterExpression(joined));
            }

            if (addDelay)
            {
                catchClause = catchClause.WithBlock(AddBackoff(catchClause.Block, counter, isAsync, sharedRandom));
            }

            return catchClause;
        }

        private static bool NeedsParentheses(ExpressionSyntax expression)
            => expression is BinaryExpressionSyntax binary && (binary.IsKind(SyntaxKind.LogicalOrExpression) || binary.IsKind(SyntaxKind.CoalesceExpression)) ||
               expression is ConditionalExpressionSyntax || expression is AssignmentExpressionSyntax || expression is LambdaExpressionSyntax;

        /// <summary>
        /// Waits about 0.5 s, 1 s, 2 s, … (at most 8 s, like the SDK's own backoff), times a random 0.75-1.0 so that
        /// clients do not retry in lockstep; placed before a final <c>continue</c>, else at the end of the catch.
        /// </summary>
        private static BlockSyntax AddBackoff(BlockSyntax block, string counter, bool isAsync, bool sharedRandom)
        {
            var random = sharedRandom ? "System.Random.Shared" : "new System.Random()";
            var delay = "System.TimeSpan.FromMilliseconds(System.Math.Min(8000, 500 * System.Math.Pow(2, " + counter + " - 1)) * (0.75 + 0.25 * " + random + ".NextDouble()))";
            var expression = isAsync
                ? SyntaxTemplates.Expression("await System.Threading.Tasks.Task.Delay(" + delay + ")")
                : SyntaxTemplates.Expression("System.Threading.Thread.Sleep(" + delay + ")");
            StatementSyntax statement = SyntaxFactory.ExpressionStatement(expression).WithAdditionalAnnotations(Formatter.Annotation);

            var statements = block.Statements;
            var index = statements.Count > 0 && statements.Last() is ContinueStatementSyntax ? statements.Count - 1 : statements.Count;
            if (index == statements.Count)
            {
                // Comments before the closing brace stay before the new statement, where they were written.
                var closeLeading = block.CloseBraceToken.LeadingTrivia;
                var firstComment = closeLeading.IndexOf(SyntaxKind.SingleLineCommentTrivia);
                if (firstComment < 0)
                {
                    firstComment = closeLeading.IndexOf(SyntaxKind.MultiLineCommentTrivia);
                }

                if (firstComment >= 0)
                {
                    var indentation = firstComment > 0 && closeLeading[firstComment - 1].IsKind(SyntaxKind.WhitespaceTrivia) ? closeLeading[firstComment - 1] : SyntaxFactory.Whitespace("");
                    var braceIndentation = closeLeading.Last().IsKind(SyntaxKind.WhitespaceTrivia) ? closeLeading.Last() : SyntaxFactory.Whitespace("");
                    var kept = closeLeading.Last().IsKind(SyntaxKind.WhitespaceTrivia) ? closeLeading.Take(closeLeading.Count - 1) : closeLeading;
                    var newline = closeLeading.FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
                    statement = SyntaxFactory.ExpressionStatement(expression)
                        .WithLeadingTrivia(SyntaxFactory.TriviaList(kept).Add(indentation))
                        .WithTrailingTrivia(newline.IsKind(SyntaxKind.EndOfLineTrivia) ? newline : SyntaxFactory.CarriageReturnLineFeed);
                    block = block.WithCloseBraceToken(block.CloseBraceToken.WithLeadingTrivia(braceIndentation));
                }
            }

            return block.WithStatements(block.Statements.Insert(index, statement));
        }

        /// <summary>while / for (;;) / do … while (true) → <c>for (var attempt = 1; condition; attempt++)</c>, trivia kept.</summary>
        private static StatementSyntax? ToCountedFor(StatementSyntax loop, string counter)
        {
            var template = (ForStatementSyntax)SyntaxFactory.ParseStatement("for (var " + counter + " = 1; ; " + counter + "++) { }");
            switch (loop)
            {
                case WhileStatementSyntax whileLoop:
                    var condition = IsTrue(whileLoop.Condition) ? null : whileLoop.Condition.WithoutTrivia();
                    return template
                        .WithForKeyword(template.ForKeyword.WithLeadingTrivia(whileLoop.WhileKeyword.LeadingTrivia))
                        .WithCondition(condition)
                        .WithCloseParenToken(template.CloseParenToken.WithTrailingTrivia(whileLoop.CloseParenToken.TrailingTrivia))
                        .WithStatement(whileLoop.Statement);
                case ForStatementSyntax forLoop:
                    return forLoop
                        .WithDeclaration(template.Declaration)
                        .WithFirstSemicolonToken(template.FirstSemicolonToken)
                        .WithCondition(forLoop.Condition?.WithoutTrivia())
                        .WithSecondSemicolonToken(template.SecondSemicolonToken)
                        .WithIncrementors(template.Incrementors);
                case DoStatementSyntax doLoop:
                    var trailing = doLoop.Statement.GetTrailingTrivia();
                    while (trailing.Count > 0 && trailing.Last().IsKind(SyntaxKind.WhitespaceTrivia))
                    {
                        trailing = trailing.RemoveAt(trailing.Count - 1);
                    }

                    foreach (var trivia in doLoop.WhileKeyword.LeadingTrivia.Concat(doLoop.OpenParenToken.LeadingTrivia).Concat(doLoop.Condition.GetLeadingTrivia()).Concat(doLoop.Condition.GetTrailingTrivia()).Concat(doLoop.CloseParenToken.LeadingTrivia))
                    {
                        if (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia))
                        {
                            trailing = trailing.Add(SyntaxFactory.Space).Add(trivia);
                        }
                    }

                    trailing = trailing.AddRange(doLoop.SemicolonToken.TrailingTrivia);
                    return template
                        .WithForKeyword(template.ForKeyword.WithLeadingTrivia(doLoop.DoKeyword.LeadingTrivia))
                        .WithCloseParenToken(template.CloseParenToken.WithTrailingTrivia(doLoop.DoKeyword.TrailingTrivia))
                        .WithStatement(doLoop.Statement.WithTrailingTrivia(trailing));
                default:
                    return null;
            }
        }

        private static bool IsTrue(ExpressionSyntax condition) => condition is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.TrueLiteralExpression);
    }
}
