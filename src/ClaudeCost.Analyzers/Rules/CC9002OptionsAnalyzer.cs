using System.Collections.Generic;
using System.Collections.Immutable;
using ClaudeCost.Analyzers.Configuration;
using ClaudeCost.Analyzers.Infrastructure;
using ClaudeCost.Analyzers.Requests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClaudeCost.Analyzers.Rules
{
    /// <summary>CC9002: a claudecost.* option in .editorconfig / .globalconfig has a value the analyzers cannot use.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CC9002OptionsAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
            DiagnosticIds.InvalidOptionValue,
            "Invalid ClaudeCost option value in .editorconfig",
            "'{0} = {1}' is not valid: expected {2}; the default is used",
            DiagnosticCategories.Configuration,
            DiagnosticSeverity.Warning,
            "A claudecost.* option in an .editorconfig or .globalconfig file has a value the analyzers cannot use. The option's default applies until the value is fixed.",
            WellKnownDiagnosticTags.CompilationEnd);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationAction(end =>
            {
                var shared = ClaudeCompilationContext.Get(end.Compilation, end.Options, end.CancellationToken);
                var seen = new HashSet<(string, string)>();
                foreach (var problem in shared.GlobalOptions.Problems)
                {
                    Report(end, seen, problem);
                }

                var provider = end.Options.AnalyzerConfigOptionsProvider;
                foreach (var tree in end.Compilation.SyntaxTrees)
                {
                    foreach (var problem in shared.OptionsOf(provider.GetOptions(tree)).Problems)
                    {
                        Report(end, seen, problem);
                    }
                }
            });
        }

        private static void Report(CompilationAnalysisContext context, HashSet<(string, string)> seen, OptionProblem problem)
        {
            if (seen.Add((problem.Key, problem.Value)))
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, Location.None, problem.Key, problem.Value, problem.Expected));
            }
        }
    }
}
