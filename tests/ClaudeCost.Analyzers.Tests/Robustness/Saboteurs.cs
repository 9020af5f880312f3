using System;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

// An analyzer and a fix that fail on purpose, to prove that the robustness runner catches and reports every kind of
// failure (RobustnessSelfTests). Never part of the real component set.
#pragma warning disable RS1036, RS1037, RS1038, RS2008, RS1041, RS1016

namespace ClaudeCost.Analyzers.Tests.Robustness;

/// <summary>
/// Reports RBST001 on every string literal that mentions "claude"; throws in its callback when the literal also says
/// "analyzer-boom"; trips its own stack guard (deliberately unbounded recursion over the literal's ancestors, guarded)
/// when it says "analyzer-recurse".
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class SaboteurAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new("RBST001", "Saboteur", "Saboteur: {0}", "Test", DiagnosticSeverity.Warning, true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterOperationAction(
            c =>
            {
                if (c.Operation.ConstantValue.Value is not string text || !text.Contains("claude", StringComparison.Ordinal))
                {
                    return;
                }

                if (text.Contains("analyzer-boom", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException("saboteur analyzer exception");
                }

                if (text.Contains("analyzer-recurse", StringComparison.Ordinal))
                {
                    Recurse(c.Operation.Syntax, 0);
                }

                c.ReportDiagnostic(Diagnostic.Create(Rule, c.Operation.Syntax.GetLocation(), text));
            },
            OperationKind.Literal);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Recurse(SyntaxNode node, int depth)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        Span<byte> padding = stackalloc byte[512];
        padding[depth % 512] = 1;
        return Recurse(node, depth + 1) + padding[0];
    }
}

/// <summary>
/// Fixes RBST001 by replacing the literal; throws during registration ("register-boom"), while computing its action
/// ("apply-boom") or in FixAll ("fixall-boom").
/// </summary>
internal sealed class SaboteurCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(SaboteurAnalyzer.Rule.Id);

    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create((context, document, diagnostics) =>
    {
        if (diagnostics.Any(d => d.GetMessage().Contains("fixall-boom", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException("saboteur FixAll exception");
        }

        return Task.FromResult<Document?>(document);
    });

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var message = context.Diagnostics[0].GetMessage();
        if (message.Contains("register-boom", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("saboteur registration exception");
        }

        context.RegisterCodeFix(
            CodeAction.Create("Replace", ct => Replace(context.Document, context.Span, message, ct), "RBST001.Replace"),
            context.Diagnostics);
        return Task.CompletedTask;
    }

    private static async Task<Document> Replace(Document document, Microsoft.CodeAnalysis.Text.TextSpan span, string message, CancellationToken cancellationToken)
    {
        if (message.Contains("apply-boom", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("saboteur action exception");
        }

        var root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        var node = root.FindNode(span);
        return document.WithSyntaxRoot(root.ReplaceNode(node, SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal("fixed"))));
    }
}
