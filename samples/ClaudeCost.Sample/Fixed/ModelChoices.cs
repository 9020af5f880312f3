namespace ClaudeCost.Sample.Fixed;

/// <summary>The same choices with current models.</summary>
public static class ModelChoices
{
    public const string ReportsModel = "claude-opus-5-5";

    public const string DraftModel = "claude-sonnet-5-5";

    public const string ReviewModel = "claude-sonnet-5-5";

    public const string TaggingModel = "claude-haiku-5-5";

    /// <summary>Old ids mapped to their successors: keys of a mapping table are not reported.</summary>
    public static readonly IReadOnlyDictionary<string, string> Upgrades = new Dictionary<string, string>
    {
        ["claude-3-opus-20240229"] = "claude-opus-5-5",
        ["claude-sonnet-4-5"] = "claude-sonnet-5-5",
    };

    public static string Resolve(string? configured) =>
        configured is null ? ReportsModel : Upgrades.TryGetValue(configured, out var next) ? next : configured;
}
