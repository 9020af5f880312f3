namespace ClaudeCost.CodeFixes { internal static class Placeholder { } }
