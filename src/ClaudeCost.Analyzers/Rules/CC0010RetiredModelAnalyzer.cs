using System.Collections.Immutable;
using ClaudeCost.Analyzers.Infrastructure;
using ClaudeCost.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClaudeCost.Analyzers.Rules
{
    /// <summary>CC0010: a model id that the table says is retired on that id's platform: requests with it fail.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CC0010RetiredModelAnalyzer : ModelIdAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
            DiagnosticIds.RetiredModel,
            "Retired model id",
            "'{0}' was retired on {1} on {2}: requests with it fail{3}",
            DiagnosticCategories.ModelSelection,
            DiagnosticSeverity.Warning,
            "The model id names a model that the ClaudeCost model table records as retired on the id's platform (the Claude API, Amazon Bedrock or Google Cloud each retire on their own dates). Requests with it fail.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        internal override ModelIdRule Verdict => ModelIdRule.Retired;

        internal override DiagnosticDescriptor Descriptor => Rule;

        internal override object[] MessageArguments(string id, ModelIdVerdict verdict, ModelCatalog catalog)
            => new object[] { id, verdict.Detail ?? "?", verdict.Platform ?? "the Claude API", verdict.Replacement != null ? "; use " + verdict.Replacement : "" };
    }
}
