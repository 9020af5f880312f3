namespace ClaudeCost.Sample.Prompts;

/// <summary>
/// Builds the system prompt for ticket triage. It lives in its own file, away from the request that sends it,
/// which is exactly how a clock slips into a cached prompt unnoticed.
/// </summary>
public static class TriagePromptBuilder
{
    private const string Instructions = """
        You sort incoming customer tickets for Northwind Outfitters into one of these queues:
        returns, exchanges, warranty, delivery, payment, other.
        Answer with the queue name only, in lower case, followed by a confidence from 0 to 1.
        """;

    /// <summary>The triage instructions, the handbook, and the time the ticket was received.</summary>
    public static string Build()
    {
        // CC0001 is reported here, on the clock, although the request that caches this text is in another file.
        var receivedAt = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm:ss");
        return Instructions + "\n\n" + SupportHandbook.Text + "\n\nTicket received at " + receivedAt + " UTC.";
    }
}
