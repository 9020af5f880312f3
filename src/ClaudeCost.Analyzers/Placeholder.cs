namespace ClaudeCost.Analyzers { internal static class Placeholder { public static object? Q; } }
