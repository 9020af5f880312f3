using System.Collections.Immutable;
using ClaudeCost.Analyzers.Configuration;
using ClaudeCost.Analyzers.Infrastructure;
using ClaudeCost.Analyzers.Requests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ClaudeCost.Analyzers.Rules
{
    /// <summary>CC9001: the claudecost.models.json override cannot be read; located in that file; the table's own data is used.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CC9001ModelTableAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
            DiagnosticIds.InvalidModelTable,
            "The claudecost.models.json file cannot be read",
            "claudecost.models.json: {0}; the built-in model table is used for what could not be read",
            DiagnosticCategories.Configuration,
            DiagnosticSeverity.Warning,
            "The model table override (an AdditionalFiles item named claudecost.models.json) has malformed JSON or a value of the wrong type. The analyzers keep working with the built-in table for anything the file could not provide.",
            WellKnownDiagnosticTags.CompilationEnd);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationAction(end =>
            {
                var table = ClaudeCompilationContext.Get(end.Compilation, end.Options, end.CancellationToken).ModelTable;
                if (table.Errors.IsDefaultOrEmpty || table.File == null || table.Text == null)
                {
                    return;
                }

                foreach (var error in table.Errors)
                {
                    end.ReportDiagnostic(Diagnostic.Create(Rule, LocationIn(table, error.Line, error.Column), error.Message));
                }
            });
        }

        private static Location LocationIn(ModelTable table, int line, int column)
        {
            var text = table.Text!;
            var lineIndex = System.Math.Max(0, System.Math.Min(line, text.Lines.Count - 1));
            var textLine = text.Lines[lineIndex];
            var start = System.Math.Min(textLine.Start + System.Math.Max(0, column), textLine.End);
            var end = System.Math.Min(start + 1, text.Length);
            var span = TextSpan.FromBounds(start, System.Math.Max(start, end));
            return Location.Create(table.File!.Path, span, text.Lines.GetLinePositionSpan(span));
        }
    }
}
