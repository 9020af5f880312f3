using Xunit.Sdk;

namespace ClaudeCost.Analyzers.Tests.Verifiers;

/// <summary>Thrown by the harness when a verification fails; derives from xunit's assertion exception so
/// test runners show the message as an assertion failure.</summary>
public sealed class VerificationException : XunitException
{
    public VerificationException(string message)
        : base(message)
    {
    }
}

/// <summary>Thrown when test markup is malformed (unbalanced tags, duplicate indices, ...).</summary>
public sealed class MarkupException : System.Exception
{
    public MarkupException(string message, int offset, int line, int column, string? fileName = null)
        : base($"{(fileName is null ? "" : fileName + ": ")}{message} (markup offset {offset}, line {line}, column {column})")
    {
        FileName = fileName;
        Offset = offset;
        Line = line;
        Column = column;
    }

    /// <summary>The test file whose markup is malformed, when known.</summary>
    public string? FileName { get; }

    /// <summary>Zero-based character offset in the markup text.</summary>
    public int Offset { get; }

    /// <summary>One-based line in the markup text.</summary>
    public int Line { get; }

    /// <summary>One-based column in the markup text.</summary>
    public int Column { get; }
}
