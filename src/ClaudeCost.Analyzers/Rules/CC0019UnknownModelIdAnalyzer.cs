using System.Collections.Immutable;
using ClaudeCost.Analyzers.Infrastructure;
using ClaudeCost.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClaudeCost.Analyzers.Rules
{
    /// <summary>
    /// CC0019: a Claude-shaped id the table does not know and that cannot be a model newer than the table (a dated id
    /// whose date is not that model's, a family/version combination that never existed). Requests with it fail.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CC0019UnknownModelIdAnalyzer : ModelIdAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
            DiagnosticIds.UnknownModelId,
            "Malformed or unknown model id",
            "'{0}' is not a Claude model id: {1}; requests with it fail{2}",
            DiagnosticCategories.ModelSelection,
            DiagnosticSeverity.Warning,
            "The id looks like a Claude model id but names no model: its date is not that model's snapshot date, or that family and version never existed. Ids that may simply be newer than the model table (a later version or date) are not reported.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        internal override ModelIdRule Verdict => ModelIdRule.Malformed;

        internal override DiagnosticDescriptor Descriptor => Rule;

        internal override object[] MessageArguments(string id, ModelIdVerdict verdict, ModelCatalog catalog)
            => new object[] { id, verdict.Detail ?? "unknown", verdict.Replacement != null ? "; did you mean " + verdict.Replacement + "?" : "" };
    }
}
