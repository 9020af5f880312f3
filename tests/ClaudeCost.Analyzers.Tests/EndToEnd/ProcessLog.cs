using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Xunit.Abstractions;

namespace ClaudeCost.Analyzers.Tests.EndToEnd
{
    /// <summary>
    /// Runs the dotnet commands of one end-to-end test and keeps their full output, so an assertion message can show
    /// everything that happened; the test output gets one line per command with its exit code and duration.
    /// </summary>
    public sealed class ProcessLog
    {
        private readonly StringBuilder _log = new StringBuilder();
        private readonly ITestOutputHelper _output;

        public ProcessLog(ITestOutputHelper output) => _output = output;

        /// <summary>`dotnet args…` in <paramref name="directory"/>.</summary>
        public ProcessResult Dotnet(string directory, params string[] arguments)
        {
            var result = ProcessRunner.Dotnet(directory, arguments);
            _log.AppendLine(result.Describe());
            _output.WriteLine($"> {result.CommandLine}: {(result.TimedOut ? "timed out" : "exit code " + result.ExitCode)}, {result.Elapsed.TotalSeconds:0.0} s");
            return result;
        }

        /// <summary>
        /// `dotnet build project --no-restore` with the classic console logger (whose lines <see cref="BuildDiagnostics"/>
        /// reads) and no build or compiler servers; <paramref name="extra"/> is appended.
        /// </summary>
        public ProcessResult Build(string directory, string project, params string[] extra)
            => Dotnet(directory, new[] { "build", project, "--no-restore", "-nodeReuse:false", "-tl:off", "-p:UseSharedCompilation=false" }.Concat(extra).ToArray());

        public ProcessResult Restore(string directory, string project)
            => Dotnet(directory, "restore", project, "-nodeReuse:false", "-tl:off");

        /// <summary>Adds a titled block (a file's content, a parsed result) to the report.</summary>
        public void Note(string title, string text) => _log.AppendLine("----- " + title).AppendLine(text);

        public string Report() => "Process log:" + Environment.NewLine + _log;

        /// <summary>The ClaudeCost findings of a build as "File(line,col): severity ID", sorted.</summary>
        public static string[] Findings(IEnumerable<BuildDiagnostic> diagnostics, string targetFramework = "")
            => diagnostics
                .Where(d => d.Id.StartsWith("CC", StringComparison.Ordinal) && d.Line > 0 && d.TargetFramework == targetFramework)
                .Select(d => d.Position)
                .OrderBy(p => p, StringComparer.Ordinal)
                .ToArray();

        /// <summary>CS8032/CS9057: the analyzer assembly could not be loaded or needs a newer compiler; AD0001: it crashed.</summary>
        public static bool IsAnalyzerLoadProblem(string id) => id is "CS8032" or "CS9057" or "AD0001";
    }
}
