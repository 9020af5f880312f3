namespace ClaudeCost.Sample.Costly;

/// <summary>Model ids as they are often found: configuration fallbacks and model-picker constants.</summary>
public static class ModelChoices
{
    /// <summary>CC0010: Claude 3 Opus was retired on 2026-01-05; every call with this fallback fails.</summary>
    public const string ReportsModel = "claude-3-opus-20240229";

    /// <summary>CC0019: Sonnet 4.5's snapshot date is 20250929; this id names no model.</summary>
    public const string DraftModel = "claude-sonnet-4-5-20250514";

    /// <summary>CC0015: Sonnet 4.5 retires on 2026-11-30 on the Claude API.</summary>
    public const string ReviewModel = "claude-sonnet-4-5";

    /// <summary>CC0016: Haiku 4.5 costs about 7.7x Haiku 5.5 per request, tokenizer difference included.</summary>
    public const string TaggingModel = "claude-haiku-4-5";

    /// <summary>The configured model, with a fallback when the setting is missing.</summary>
    public static string Resolve(string? configured) => configured ?? ReportsModel;
}
