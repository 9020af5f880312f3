using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using ClaudeCost.Analyzers.Infrastructure;
using ClaudeCost.Analyzers.Rules;
using ClaudeCost.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace ClaudeCost.CodeFixes.Fixes
{
    /// <summary>
    /// CC0017 fix: cap the agent loop. A loop gets a counter declared before it and a check at the top of its body that
    /// throws <c>InvalidOperationException</c> once the cap (claudecost.cc0017.max_iterations, 10 by default) is passed;
    /// a <c>ToolRunner</c> call gets <c>maxIterations: N</c>. Self-recursion is reported without a fix.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CC0017UncappedAgentLoopCodeFixProvider)), Shared]
    public sealed class CC0017UncappedAgentLoopCodeFixProvider : RewriteCodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.UncappedAgentLoop);

        internal override DiagnosticRewrite Fix => AddCap;

        internal override string TitleFor(Diagnostic diagnostic)
            => diagnostic.Properties.TryGetValue(CC0017UncappedAgentLoopAnalyzer.KindProperty, out var kind) && kind == CC0017UncappedAgentLoopAnalyzer.ToolRunnerKind
                ? "Pass maxIterations: " + Max(diagnostic)
                : "Stop the loop after " + Max(diagnostic) + " iterations";

        internal override string KeyFor(Diagnostic diagnostic) => "CC0017.AddCap";

        private static string Max(Diagnostic diagnostic)
            => diagnostic.Properties.TryGetValue(CC0017UncappedAgentLoopAnalyzer.MaxIterationsProperty, out var max) && int.TryParse(max, out var parsed) && parsed > 0
                ? parsed.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : "10";

        private static SyntaxNode? AddCap(SyntaxNode root, AnnotatedDiagnostic diagnostic)
        {
            var target = diagnostic.AdditionalNode(root, 0);
            var max = Max(diagnostic.Diagnostic);
            switch (diagnostic.Property(CC0017UncappedAgentLoopAnalyzer.KindProperty))
            {
                case CC0017UncappedAgentLoopAnalyzer.LoopKind when target is WhileStatementSyntax || target is DoStatementSyntax || target is ForStatementSyntax:
                    return CapLoop(root, (StatementSyntax)target, max);
                case CC0017UncappedAgentLoopAnalyzer.ToolRunnerKind when target is InvocationExpressionSyntax invocation:
                    return root.ReplaceNode(invocation, PassMaxIterations(invocation, max));
                default:
                    return null;
            }
        }

        private static InvocationExpressionSyntax PassMaxIterations(InvocationExpressionSyntax invocation, string max)
        {
            var value = SyntaxFactory.ParseExpression(max);
            var arguments = invocation.ArgumentList.Arguments;
            for (var i = 0; i < arguments.Count; i++)
            {
                // maxIterations: null, or null in its position (the last parameter of both overloads).
                var argument = arguments[i];
                var named = argument.NameColon?.Name.Identifier.ValueText;
                if ((named == "maxIterations" || (named == null && i == arguments.Count - 1 && i >= 3)) && argument.Expression.IsKind(SyntaxKind.NullLiteralExpression))
                {
                    return invocation.ReplaceNode(argument.Expression, value.WithTriviaFrom(argument.Expression));
                }
            }

            var added = SyntaxFactory.ParseArgumentList("(maxIterations: " + max + ")").Arguments[0];
            return invocation.WithArgumentList(invocation.ArgumentList.WithArguments(PromptSyntax.Append(arguments, added)));
        }

        private static SyntaxNode? CapLoop(SyntaxNode root, StatementSyntax loop, string max)
        {
            var body = loop switch
            {
                WhileStatementSyntax w => w.Statement,
                DoStatementSyntax d => d.Statement,
                ForStatementSyntax f => f.Statement,
                _ => null,
            };

            if (body == null)
            {
                return null;
            }

            var name = FreeName(loop);
            var guard = Annotate(SyntaxFactory.ParseStatement(
                "if (++" + name + " > " + max + ")\n{\n    throw new System.InvalidOperationException(\"The agent loop stopped after " + max + " iterations without finishing.\");\n}\n"));
            var endOfLine = loop.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            if (!endOfLine.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                endOfLine = SyntaxFactory.CarriageReturnLineFeed;
            }

            // A blank line between the check and the loop's own statements.
            guard = guard.WithTrailingTrivia(endOfLine, endOfLine);
            var declaration = Annotate(SyntaxFactory.ParseStatement("var " + name + " = 0;\n"));

            StatementSyntax newBody = body is BlockSyntax block
                ? block.WithStatements(block.Statements.Insert(0, guard))
                : SyntaxFactory.Block(guard, body.WithoutLeadingTrivia()).WithLeadingTrivia(body.GetLeadingTrivia()).WithAdditionalAnnotations(Formatter.Annotation);
            var newLoop = loop switch
            {
                WhileStatementSyntax w => (StatementSyntax)w.WithStatement(newBody),
                DoStatementSyntax d => d.WithStatement(newBody),
                ForStatementSyntax f => f.WithStatement(newBody),
                _ => loop,
            };

            // The counter goes right before the statement that holds the loop (a labeled loop keeps its label).
            StatementSyntax slot = loop;
            var replacement = (StatementSyntax)newLoop;
            while (slot.Parent is LabeledStatementSyntax labeled)
            {
                replacement = labeled.WithStatement(replacement);
                slot = labeled;
            }

            switch (slot.Parent)
            {
                case BlockSyntax parent:
                    return root.ReplaceNode(parent, parent.WithStatements(InsertBefore(parent.Statements, slot, replacement, declaration)));
                case SwitchSectionSyntax section:
                    return root.ReplaceNode(section, section.WithStatements(InsertBefore(section.Statements, slot, replacement, declaration)));
                case GlobalStatementSyntax global when global.Parent is CompilationUnitSyntax unit:
                    var index = unit.Members.IndexOf(global);
                    var members = unit.Members.Replace(global, global.WithStatement(replacement))
                        .Insert(index, SyntaxFactory.GlobalStatement(declaration).WithAdditionalAnnotations(Formatter.Annotation));
                    return root.ReplaceNode(unit, unit.WithMembers(members));
                default:
                    // An embedded statement (if (x) while (…) …): a block holds the counter and the loop.
                    var wrapped = SyntaxFactory.Block(declaration, replacement.WithoutLeadingTrivia())
                        .WithLeadingTrivia(slot.GetLeadingTrivia())
                        .WithAdditionalAnnotations(Formatter.Annotation);
                    return root.ReplaceNode(slot, wrapped);
            }
        }

        private static SyntaxList<StatementSyntax> InsertBefore(SyntaxList<StatementSyntax> statements, StatementSyntax slot, StatementSyntax replacement, StatementSyntax declaration)
        {
            var index = statements.IndexOf(slot);
            return statements.Replace(slot, replacement).Insert(index, declaration);
        }

        private static StatementSyntax Annotate(StatementSyntax statement)
        {
            var names = statement.DescendantNodes().OfType<QualifiedNameSyntax>().Where(n => !(n.Parent is QualifiedNameSyntax)).ToList();
            return statement
                .ReplaceNodes(names, (_, rewritten) => rewritten.WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation))
                .WithAdditionalAnnotations(Formatter.Annotation);
        }

        /// <summary>A counter name no identifier of the enclosing member (or of the file, for top-level code) uses.</summary>
        private static string FreeName(SyntaxNode node)
        {
            var member = node.AncestorsAndSelf().FirstOrDefault(n => n is MemberDeclarationSyntax && !(n is GlobalStatementSyntax)) ?? node.SyntaxTree.GetRoot();
            if (node.AncestorsAndSelf().Any(n => n is GlobalStatementSyntax))
            {
                member = node.SyntaxTree.GetRoot();
            }

            var used = new HashSet<string>(member.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText), System.StringComparer.Ordinal);
            var name = "turns";
            for (var i = 2; used.Contains(name); i++)
            {
                name = "turns" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return name;
        }
    }
}
