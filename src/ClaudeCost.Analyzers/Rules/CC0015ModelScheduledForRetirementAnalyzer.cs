using System.Collections.Immutable;
using ClaudeCost.Analyzers.Infrastructure;
using ClaudeCost.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClaudeCost.Analyzers.Rules
{
    /// <summary>CC0015: a deprecated model that the table says retires on a date still ahead (as of the table's date).</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CC0015ModelScheduledForRetirementAnalyzer : ModelIdAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
            DiagnosticIds.ModelScheduledForRetirement,
            "Model scheduled for retirement",
            "'{0}' retires on {1} on {2} (as of the ClaudeCost model table of {3}){4}",
            DiagnosticCategories.ModelSelection,
            DiagnosticSeverity.Info,
            "The model is deprecated and has a published retirement date on the id's platform; after that date requests with it fail. The date comes from the ClaudeCost model table, never from the build machine's clock.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        internal override ModelIdRule Verdict => ModelIdRule.Scheduled;

        internal override DiagnosticDescriptor Descriptor => Rule;

        internal override object[] MessageArguments(string id, ModelIdVerdict verdict, ModelCatalog catalog)
            => new object[] { id, verdict.Detail ?? "?", verdict.Platform ?? "the Claude API", catalog.TableDate, verdict.ReplacementModel != null ? "; its successor is " + (verdict.Replacement ?? verdict.ReplacementModel.Id) : "" };
    }
}
