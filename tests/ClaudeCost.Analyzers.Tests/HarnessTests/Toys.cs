using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

// Toy analyzers and code fixes used only to test the harness itself (IDs TEST0xxx).
#pragma warning disable RS1036, RS1037, RS1038, RS2008, RS1041, RS1016

namespace ClaudeCost.Analyzers.Tests.HarnessTests;

internal static class ToyDescriptors
{
    public static readonly DiagnosticDescriptor Throwing = new("TEST0001", "Throws", "Throws", "Test", DiagnosticSeverity.Warning, true);
    public static readonly DiagnosticDescriptor BadName = new("TEST0002", "Bad name", "Avoid calling '{0}'", "Test", DiagnosticSeverity.Warning, true);
    public static readonly DiagnosticDescriptor Option = new("TEST0003", "Option", "Option value is '{0}'", "Test", DiagnosticSeverity.Warning, true);
    public static readonly DiagnosticDescriptor ModelsFile = new("TEST0004", "Models file", "Model '{0}' is deprecated ({1} lines read)", "Test", DiagnosticSeverity.Warning, true);
    public static readonly DiagnosticDescriptor NoLocation = new("TEST0005", "No location", "The compilation has {0} syntax tree(s)", "Test", DiagnosticSeverity.Info, true);
    public static readonly DiagnosticDescriptor Legacy = new("TEST0006", "Legacy", "Avoid calling 'Legacy'", "Test", DiagnosticSeverity.Warning, true);
    public static readonly DiagnosticDescriptor DisabledByDefault = new("TEST0007", "Off by default", "Avoid calling 'Bad' (opt-in rule)", "Test", DiagnosticSeverity.Info, false);
    public static readonly DiagnosticDescriptor FlipFlop = new("TEST0008", "Flip flop", "Toggle '{0}'", "Test", DiagnosticSeverity.Warning, true);
}

/// <summary>Reports nothing: used to check that code compiles.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NothingAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(ToyDescriptors.Throwing);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
    }
}

/// <summary>Throws on every class declaration.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ThrowingAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(ToyDescriptors.Throwing);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSyntaxNodeAction(_ => throw new InvalidOperationException("boom from the toy analyzer"), SyntaxKind.ClassDeclaration);
    }
}

/// <summary>TEST0002 on every identifier <c>Bad</c> (message argument: the name).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BadNameAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(ToyDescriptors.BadName);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSyntaxNodeAction(
            c =>
            {
                var name = (IdentifierNameSyntax)c.Node;
                if (name.Identifier.ValueText == "Bad")
                {
                    c.ReportDiagnostic(Diagnostic.Create(ToyDescriptors.BadName, name.GetLocation(), "Bad"));
                }
            },
            SyntaxKind.IdentifierName);
    }
}

/// <summary>Like <see cref="BadNameAnalyzer"/> but forgets to exclude generated code.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AnalyzesGeneratedCodeAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(ToyDescriptors.BadName);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterSyntaxNodeAction(
            c =>
            {
                var name = (IdentifierNameSyntax)c.Node;
                if (name.Identifier.ValueText == "Bad")
                {
                    c.ReportDiagnostic(Diagnostic.Create(ToyDescriptors.BadName, name.GetLocation(), "Bad"));
                }
            },
            SyntaxKind.IdentifierName);
    }
}

/// <summary>Works on complete code but throws as soon as the tree has syntax errors.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FragileAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(ToyDescriptors.BadName);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSyntaxTreeAction(c =>
        {
            if (c.Tree.GetDiagnostics(c.CancellationToken).Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                throw new NullReferenceException("fragile analyzer saw incomplete code");
            }
        });
    }
}

/// <summary>TEST0003 on the first class, with the value of <c>claudecost_test.option</c> from the tree's options.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OptionAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(ToyDescriptors.Option);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSyntaxNodeAction(
            c =>
            {
                var options = c.Options.AnalyzerConfigOptionsProvider.GetOptions(c.Node.SyntaxTree);
                if (options.TryGetValue("claudecost_test.option", out var value))
                {
                    c.ReportDiagnostic(Diagnostic.Create(ToyDescriptors.Option, ((ClassDeclarationSyntax)c.Node).Identifier.GetLocation(), value));
                }
            },
            SyntaxKind.ClassDeclaration);
    }
}

/// <summary>TEST0004 inside <c>claudecost.models.json</c> at each line containing <c>"deprecated"</c>.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ModelsFileAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(ToyDescriptors.ModelsFile);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationAction(c =>
        {
            foreach (var file in c.Options.AdditionalFiles.Where(f => f.Path.EndsWith("claudecost.models.json", StringComparison.Ordinal)))
            {
                var text = file.GetText(c.CancellationToken);
                if (text is null)
                {
                    continue;
                }

                foreach (var line in text.Lines)
                {
                    var content = line.ToString();
                    var at = content.IndexOf("\"deprecated\"", StringComparison.Ordinal);
                    if (at < 0)
                    {
                        continue;
                    }

                    var nameStart = content.IndexOf("\"id\": \"", StringComparison.Ordinal);
                    var name = nameStart < 0 ? "?" : content.Substring(nameStart + 7, content.IndexOf('"', nameStart + 7) - nameStart - 7);
                    var span = new TextSpan(line.Start + at, "\"deprecated\"".Length);
                    var location = Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span));
                    c.ReportDiagnostic(Diagnostic.Create(ToyDescriptors.ModelsFile, location, name, text.Lines.Count));
                }
            }
        });
    }
}

/// <summary>TEST0005 at Location.None once per compilation.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NoLocationAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(ToyDescriptors.NoLocation);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationAction(c =>
            c.ReportDiagnostic(Diagnostic.Create(ToyDescriptors.NoLocation, Location.None, c.Compilation.SyntaxTrees.Count())));
    }
}

/// <summary>TEST0006 on identifiers <c>Legacy</c> (no fixer).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LegacyAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(ToyDescriptors.Legacy);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSyntaxNodeAction(
            c =>
            {
                if (((IdentifierNameSyntax)c.Node).Identifier.ValueText == "Legacy")
                {
                    c.ReportDiagnostic(Diagnostic.Create(ToyDescriptors.Legacy, c.Node.GetLocation()));
                }
            },
            SyntaxKind.IdentifierName);
    }
}

/// <summary>Two descriptors: TEST0002 on <c>Bad</c> and TEST0006 on <c>Legacy</c>.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TwoDescriptorAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(ToyDescriptors.BadName, ToyDescriptors.Legacy);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSyntaxNodeAction(
            c =>
            {
                var text = ((IdentifierNameSyntax)c.Node).Identifier.ValueText;
                if (text == "Bad")
                {
                    c.ReportDiagnostic(Diagnostic.Create(ToyDescriptors.BadName, c.Node.GetLocation(), "Bad"));
                }
                else if (text == "Legacy")
                {
                    c.ReportDiagnostic(Diagnostic.Create(ToyDescriptors.Legacy, c.Node.GetLocation()));
                }
            },
            SyntaxKind.IdentifierName);
    }
}

/// <summary>TEST0007 (disabled by default) on <c>Bad</c>.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DisabledByDefaultAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(ToyDescriptors.DisabledByDefault);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSyntaxNodeAction(
            c =>
            {
                if (((IdentifierNameSyntax)c.Node).Identifier.ValueText == "Bad")
                {
                    c.ReportDiagnostic(Diagnostic.Create(ToyDescriptors.DisabledByDefault, c.Node.GetLocation()));
                }
            },
            SyntaxKind.IdentifierName);
    }
}

/// <summary>TEST0008 on identifiers <c>Bad</c> and <c>Good</c>: with <see cref="FlipFlopFix"/> it never settles.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FlipFlopAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(ToyDescriptors.FlipFlop);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSyntaxNodeAction(
            c =>
            {
                var text = ((IdentifierNameSyntax)c.Node).Identifier.ValueText;
                if (text is "Bad" or "Good")
                {
                    c.ReportDiagnostic(Diagnostic.Create(ToyDescriptors.FlipFlop, c.Node.GetLocation(), text));
                }
            },
            SyntaxKind.IdentifierName);
    }
}

/// <summary>Base for the toy fixers: replaces the reported identifier with another name.</summary>
public abstract class RenameFixBase : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(ToyDescriptors.BadName.Id);

    public override FixAllProvider? GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    protected void Register(CodeFixContext context, string title, string? key, string replacement)
        => context.RegisterCodeFix(Create(context, title, key, replacement), context.Diagnostics[0]);

    protected static CodeAction Create(CodeFixContext context, string title, string? key, string replacement)
    {
        var diagnostic = context.Diagnostics[0];
        return CodeAction.Create(
                title,
                async ct =>
                {
                    var root = await context.Document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
                    var node = root!.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                    if (node is not IdentifierNameSyntax name)
                    {
                        return context.Document;
                    }

                    return context.Document.WithSyntaxRoot(root.ReplaceNode(name, SyntaxFactory.IdentifierName(replacement).WithTriviaFrom(name)));
                },
                key);
    }
}

/// <summary>Bad → Good, equivalence key "UseGood".</summary>
public sealed class GoodFix : RenameFixBase
{
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        Register(context, "Use 'Good'", "UseGood", "Good");
        return Task.CompletedTask;
    }
}

/// <summary>Bad → Missing (does not compile).</summary>
public sealed class BrokenFix : RenameFixBase
{
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        Register(context, "Use 'Missing'", "UseMissing", "Missing");
        return Task.CompletedTask;
    }
}

/// <summary>Two actions without equivalence keys.</summary>
public sealed class TwoUnkeyedFix : RenameFixBase
{
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        Register(context, "Use 'Good'", null, "Good");
        Register(context, "Use 'Fine'", null, "Fine");
        return Task.CompletedTask;
    }
}

/// <summary>Two keyed actions, the second nested in a group.</summary>
public sealed class TwoKeyedFix : RenameFixBase
{
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        Register(context, "Use 'Good'", "UseGood", "Good");
        var group = CodeAction.Create("More renames", ImmutableArray.Create(Create(context, "Use 'Fine'", "UseFine", "Fine")), isInlinable: false);
        context.RegisterCodeFix(group, context.Diagnostics[0]);
        return Task.CompletedTask;
    }
}

/// <summary>Registers an action that changes nothing.</summary>
public sealed class NoOpFix : RenameFixBase
{
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        Register(context, "Keep 'Bad'", "KeepBad", "Bad");
        return Task.CompletedTask;
    }
}

/// <summary>Registers nothing (declines every diagnostic).</summary>
public sealed class DecliningFix : RenameFixBase
{
    public override Task RegisterCodeFixesAsync(CodeFixContext context) => Task.CompletedTask;
}

/// <summary>Toggles Bad ↔ Good for TEST0008.</summary>
public sealed class FlipFlopFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(ToyDescriptors.FlipFlop.Id);

    public override FixAllProvider? GetFixAllProvider() => null;

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var diagnostic = context.Diagnostics[0];
        context.RegisterCodeFix(
            CodeAction.Create(
                "Toggle",
                async ct =>
                {
                    var root = await context.Document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
                    var name = (IdentifierNameSyntax)root!.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                    var replacement = name.Identifier.ValueText == "Bad" ? "Good" : "Bad";
                    return context.Document.WithSyntaxRoot(root.ReplaceNode(name, SyntaxFactory.IdentifierName(replacement).WithTriviaFrom(name)));
                },
                "Toggle"),
            diagnostic);
        return Task.CompletedTask;
    }
}
