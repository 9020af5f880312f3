namespace ClaudeCost.Analyzers.Infrastructure
{
    /// <summary>The one place that builds a rule's help link.</summary>
    public static class HelpLinks
    {
        public const string DocsRoot = "https://github.com/claudecost/ClaudeCost.Analyzers/blob/main/docs/rules/";

        public static string For(string diagnosticId) => DocsRoot + diagnosticId + ".md";
    }
}
