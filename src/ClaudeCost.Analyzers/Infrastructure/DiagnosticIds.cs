namespace ClaudeCost.Analyzers.Infrastructure
{
    /// <summary>Every diagnostic ID the package reports. IDs are forever: never reuse or renumber one.</summary>
    public static class DiagnosticIds
    {
        public const string VolatileValueInCachedPrefix = "CC0001";
        public const string LargePromptWithoutCaching = "CC0002";
        public const string PremiumModelOnShortAnswerPath = "CC0003";
        public const string UnboundedRetry = "CC0004";
        public const string MissingOutputLimit = "CC0005";
        public const string RetiredModel = "CC0010";
        public const string ThinkingOnShortAnswerPath = "CC0014";
        public const string ModelScheduledForRetirement = "CC0015";
        public const string CheaperSuccessorModel = "CC0016";
        public const string UncappedAgentLoop = "CC0017";
        public const string MultipliedRetries = "CC0018";
        public const string UnknownModelId = "CC0019";

        public const string InvalidModelTable = "CC9001";
        public const string InvalidOptionValue = "CC9002";
    }

    /// <summary>Diagnostic categories: a public configuration surface (dotnet_analyzer_diagnostic.category-X.severity).</summary>
    public static class DiagnosticCategories
    {
        public const string Caching = "ClaudeCost.Caching";
        public const string ModelSelection = "ClaudeCost.ModelSelection";
        public const string Reliability = "ClaudeCost.Reliability";
        public const string Configuration = "ClaudeCost.Configuration";
    }
}
