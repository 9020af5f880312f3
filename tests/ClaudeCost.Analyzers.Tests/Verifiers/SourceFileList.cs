using System.Collections.Generic;

namespace ClaudeCost.Analyzers.Tests.Verifiers;

/// <summary>
/// Test source files: <c>(fileName, code)</c> pairs. <c>Add("code")</c> leaves the name to the harness
/// (<c>Test{n}.cs</c>, numbered by position, the single <c>TestCode</c> being <c>Test0.cs</c>).
/// </summary>
public sealed class SourceFileList : List<(string? FileName, string Code)>
{
    public void Add(string code) => Add((null, code));

    public void Add(string fileName, string code) => Add(((string?)fileName, code));
}

/// <summary>Additional files (<c>AdditionalFiles</c> items): <c>(path, text)</c>, path relative to the project folder.</summary>
public sealed class AdditionalFileList : List<(string Path, string Text)>
{
    public void Add(string path, string text) => Add((path, text));
}
