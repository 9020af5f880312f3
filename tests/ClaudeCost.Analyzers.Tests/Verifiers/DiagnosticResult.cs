using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ClaudeCost.Analyzers.Tests.Verifiers;

/// <summary>
/// An expected location: a file path (relative to the test project, e.g. <c>Test0.cs</c> or
/// <c>claudecost.models.json</c>; <c>null</c> means the first test source) and a 0-based line span, or a reference to a
/// markup location <c>{|#N:…|}</c> resolved when the test runs.
/// </summary>
public sealed class DiagnosticLocation
{
    private DiagnosticLocation(string? path, LinePosition start, LinePosition? end, int? markupIndex)
    {
        Path = path;
        Start = start;
        End = end;
        MarkupIndex = markupIndex;
    }

    /// <summary>Relative path of the file, or <c>null</c> for the first test source.</summary>
    public string? Path { get; }

    /// <summary>0-based start position.</summary>
    public LinePosition Start { get; }

    /// <summary>0-based end position; <c>null</c> when only the start is checked.</summary>
    public LinePosition? End { get; }

    /// <summary>The markup index <c>#N</c> this location refers to, until it is resolved.</summary>
    public int? MarkupIndex { get; }

    internal static DiagnosticLocation FromSpan(string? path, LinePosition start, LinePosition? end)
        => new(path, start, end, null);

    internal static DiagnosticLocation FromMarkup(int index) => new(null, default, null, index);

    /// <summary>Renders the location the way expectations are written, e.g. <c>"Test0.cs", 3, 5, 3, 9</c> (1-based).</summary>
    public override string ToString()
    {
        if (MarkupIndex is int index)
        {
            return "#" + index.ToString(CultureInfo.InvariantCulture);
        }

        var path = Path ?? "<first source>";
        return End is LinePosition end
            ? $"{path}({Start.Line + 1},{Start.Character + 1})-({end.Line + 1},{end.Character + 1})"
            : $"{path}({Start.Line + 1},{Start.Character + 1})";
    }
}

/// <summary>
/// An expected diagnostic. Immutable: every <c>With…</c> method returns a new instance. The first location is the
/// primary location; further locations are compared with <see cref="Diagnostic.AdditionalLocations"/> in order.
/// </summary>
public sealed class DiagnosticResult
{
    private DiagnosticResult(
        string id,
        ImmutableArray<DiagnosticLocation> locations,
        bool noLocation,
        DiagnosticSeverity? severity,
        string? message,
        string? messageContains,
        object?[]? arguments,
        bool fromMarkup)
    {
        Id = id;
        Locations = locations;
        HasNoLocation = noLocation;
        Severity = severity;
        Message = message;
        MessageContains = messageContains;
        MessageArguments = arguments;
        IsFromMarkup = fromMarkup;
    }

    /// <summary>The expected diagnostic ID (an analyzer ID such as <c>CC0001</c> or a compiler ID such as <c>CS1002</c>).</summary>
    public string Id { get; }

    /// <summary>The expected locations (primary first).</summary>
    public ImmutableArray<DiagnosticLocation> Locations { get; }

    /// <summary>True when the diagnostic is expected at <see cref="Location.None"/>.</summary>
    public bool HasNoLocation { get; }

    /// <summary>The expected effective severity, if checked.</summary>
    public DiagnosticSeverity? Severity { get; }

    /// <summary>The exact expected message, if checked.</summary>
    public string? Message { get; }

    /// <summary>A substring the message must contain, if checked.</summary>
    public string? MessageContains { get; }

    /// <summary>Arguments formatted into the descriptor's message format and compared with the actual message.</summary>
    public object?[]? MessageArguments { get; }

    /// <summary>True when derived from markup (severity and additional locations are not compared).</summary>
    public bool IsFromMarkup { get; }

    /// <summary>Creates an expectation for the diagnostic ID <paramref name="id"/>.</summary>
    public static DiagnosticResult Diagnostic(string id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ArgumentException("A diagnostic ID is required.", nameof(id));
        }

        return new DiagnosticResult(id, ImmutableArray<DiagnosticLocation>.Empty, false, null, null, null, null, false);
    }

    /// <summary>Creates an expectation for <paramref name="descriptor"/> (ID only; severity is not checked).</summary>
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => Diagnostic(descriptor.Id);

    /// <summary>Expects the diagnostic at the markup location <c>{|#N:…|}</c> (whole span is compared).</summary>
    public DiagnosticResult WithLocation(int markupIndex)
        => AddLocation(DiagnosticLocation.FromMarkup(markupIndex));

    /// <summary>Expects the diagnostic to start at 1-based <paramref name="line"/>/<paramref name="column"/> of the first test source.</summary>
    public DiagnosticResult WithLocation(int line, int column)
        => AddLocation(DiagnosticLocation.FromSpan(null, ToPosition(line, column), null));

    /// <summary>Expects the diagnostic to start at 1-based <paramref name="line"/>/<paramref name="column"/> of <paramref name="path"/>
    /// (a test source such as <c>Test1.cs</c> or an additional file such as <c>claudecost.models.json</c>).</summary>
    public DiagnosticResult WithLocation(string path, int line, int column)
        => AddLocation(DiagnosticLocation.FromSpan(path, ToPosition(line, column), null));

    /// <summary>Expects the exact 1-based span in the first test source.</summary>
    public DiagnosticResult WithSpan(int startLine, int startColumn, int endLine, int endColumn)
        => AddLocation(DiagnosticLocation.FromSpan(null, ToPosition(startLine, startColumn), ToPosition(endLine, endColumn)));

    /// <summary>Expects the exact 1-based span in <paramref name="path"/>.</summary>
    public DiagnosticResult WithSpan(string path, int startLine, int startColumn, int endLine, int endColumn)
        => AddLocation(DiagnosticLocation.FromSpan(path, ToPosition(startLine, startColumn), ToPosition(endLine, endColumn)));

    /// <summary>Expects the diagnostic to be reported at <see cref="Location.None"/>.</summary>
    public DiagnosticResult WithNoLocation()
        => new(Id, ImmutableArray<DiagnosticLocation>.Empty, true, Severity, Message, MessageContains, MessageArguments, IsFromMarkup);

    /// <summary>Checks the effective severity.</summary>
    public DiagnosticResult WithSeverity(DiagnosticSeverity severity)
        => new(Id, Locations, HasNoLocation, severity, Message, MessageContains, MessageArguments, IsFromMarkup);

    /// <summary>Checks the exact message (invariant culture).</summary>
    public DiagnosticResult WithMessage(string message)
        => new(Id, Locations, HasNoLocation, Severity, message, MessageContains, MessageArguments, IsFromMarkup);

    /// <summary>Checks that the message contains <paramref name="fragment"/> (ordinal).</summary>
    public DiagnosticResult WithMessageContains(string fragment)
        => new(Id, Locations, HasNoLocation, Severity, Message, fragment, MessageArguments, IsFromMarkup);

    /// <summary>Checks the message by formatting the descriptor's message format with <paramref name="arguments"/>.</summary>
    public DiagnosticResult WithArguments(params object?[] arguments)
        => new(Id, Locations, HasNoLocation, Severity, Message, MessageContains, arguments, IsFromMarkup);

    internal DiagnosticResult AsFromMarkup()
        => new(Id, Locations, HasNoLocation, Severity, Message, MessageContains, MessageArguments, true);

    internal DiagnosticResult WithResolvedLocations(ImmutableArray<DiagnosticLocation> locations)
        => new(Id, locations, HasNoLocation, Severity, Message, MessageContains, MessageArguments, IsFromMarkup);

    internal bool HasMessageCheck => Message is not null || MessageContains is not null || MessageArguments is not null;

    private DiagnosticResult AddLocation(DiagnosticLocation location)
    {
        if (HasNoLocation)
        {
            throw new InvalidOperationException($"{Id}: WithNoLocation() cannot be combined with a location.");
        }

        return new(Id, Locations.Add(location), false, Severity, Message, MessageContains, MessageArguments, IsFromMarkup);
    }

    private static LinePosition ToPosition(int line, int column)
    {
        if (line < 1 || column < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(line), "Lines and columns are 1-based.");
        }

        return new LinePosition(line - 1, column - 1);
    }

    /// <summary>Renders the expectation as C# code.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append("Diagnostic(").Append(CSharpLiteral(Id)).Append(')');
        if (HasNoLocation)
        {
            sb.Append(".WithNoLocation()");
        }

        foreach (var location in Locations)
        {
            if (location.MarkupIndex is int index)
            {
                sb.Append(".WithLocation(").Append(index.ToString(CultureInfo.InvariantCulture)).Append(')');
            }
            else if (location.End is LinePosition end)
            {
                sb.Append(".WithSpan(").Append(CSharpLiteral(location.Path ?? "Test0.cs")).Append(", ")
                    .Append(location.Start.Line + 1).Append(", ").Append(location.Start.Character + 1).Append(", ")
                    .Append(end.Line + 1).Append(", ").Append(end.Character + 1).Append(')');
            }
            else
            {
                sb.Append(".WithLocation(").Append(CSharpLiteral(location.Path ?? "Test0.cs")).Append(", ")
                    .Append(location.Start.Line + 1).Append(", ").Append(location.Start.Character + 1).Append(')');
            }
        }

        if (Severity is DiagnosticSeverity severity)
        {
            sb.Append(".WithSeverity(DiagnosticSeverity.").Append(severity).Append(')');
        }

        if (Message is not null)
        {
            sb.Append(".WithMessage(").Append(CSharpLiteral(Message)).Append(')');
        }

        if (MessageContains is not null)
        {
            sb.Append(".WithMessageContains(").Append(CSharpLiteral(MessageContains)).Append(')');
        }

        if (MessageArguments is not null)
        {
            sb.Append(".WithArguments(");
            for (var i = 0; i < MessageArguments.Length; i++)
            {
                if (i > 0)
                {
                    sb.Append(", ");
                }

                var argument = MessageArguments[i];
                sb.Append(argument is string s ? CSharpLiteral(s) : Convert.ToString(argument, CultureInfo.InvariantCulture) ?? "null");
            }

            sb.Append(')');
        }

        return sb.ToString();
    }

    internal static string CSharpLiteral(string value)
    {
        var sb = new StringBuilder(value.Length + 2);
        sb.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\0': sb.Append("\\0"); break;
                default:
                    if (char.IsControl(c))
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
        return sb.ToString();
    }
}
