using System;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;
using Xunit.Abstractions;

namespace ClaudeCost.Analyzers.Tests.EndToEnd
{
    /// <summary>
    /// ClaudeCostAnalysisMode in a fresh app built with warnings as errors: the package's props hand the compiler the
    /// generated config of the chosen mode; Default reports the rules at their default severities (CC0001/CC0002 as
    /// errors, advice rules only as notes in the SARIF log); None silences everything; Strict reports every Default
    /// finding, advice included, as an error; the user's own .editorconfig/.globalconfig entries win over the mode; an
    /// unknown mode fails the build with a clear message.
    /// </summary>
    [Collection(EndToEndCollection.Name)]
    [Trait("Category", "EndToEnd")]
    public sealed class AnalysisModeEndToEndTests
    {
        private static readonly Regex AnalyzerConfigArgument = new Regex(@"/analyzerconfig:(?<path>""[^""]+""|\S+)", RegexOptions.CultureInvariant);

        private readonly PackedPackage _package;
        private readonly ITestOutputHelper _output;

        public AnalysisModeEndToEndTests(PackedPackage package, ITestOutputHelper output)
        {
            _package = package;
            _output = output;
        }

        [Fact]
        public void Default_None_and_Strict_report_what_they_promise_user_settings_win_and_an_unknown_mode_fails()
        {
            _package.EnsurePacked();
            using var app = new TempDirectory("claudecost-e2e-modes");
            var project = EndToEndApp.WriteTo(app, _package);
            var log = new ProcessLog(_output);
            var restore = log.Restore(app.Path, project);
            Assert.True(restore.Succeeded, "restore failed:" + Environment.NewLine + log.Report());

            // 1. Default (no property): CC0001 and CC0002 fail the build; the SARIF log also holds every finding the
            //    console does not show (advice rules: level "note"). Together they are what Strict must report.
            //    -v:n prints the compiler's command line, which names the config the props selected.
            var defaultBuild = log.Build(app.Path, project, "-p:ErrorLog=default.sarif%2Cversion=2.1", "-v:n");
            Assert.False(defaultBuild.Succeeded, "The Default, warnings-as-errors build must fail with CC0001 and CC0002." + Environment.NewLine + log.Report());
            var defaultDiagnostics = BuildDiagnostics.Parse(defaultBuild.Output);
            AssertFindings(EndToEndApp.ExpectedFindings("error"), ProcessLog.Findings(defaultDiagnostics), "Default", log);
            AssertModeConfig(defaultBuild, "default", log);
            AssertNoLoadProblems(defaultDiagnostics, log);
            var sarif = SarifLog.Results(app.Combine("default.sarif")).Where(r => r.RuleId.StartsWith("CC", StringComparison.Ordinal)).ToList();
            log.Note("ClaudeCost results of default.sarif", string.Join(Environment.NewLine, sarif.Select(r => $"{r.Position} [{r.Level}] {r.Message}")));
            var advice = sarif.Where(r => r.Level is "note" or "none").ToList();
            Assert.True(sarif.Count == 2 + advice.Count, "Every ClaudeCost result of the Default build is CC0001, CC0002 or an advice note." + Environment.NewLine + log.Report());
            _output.WriteLine($"Advice findings in Default (raised by Strict): {(advice.Count == 0 ? "none" : string.Join("; ", advice.Select(r => r.Position)))}");

            // 2. None: the warnings-as-errors build passes although the code has all those findings.
            var none = log.Build(app.Path, project, "--no-incremental", "-p:ClaudeCostAnalysisMode=None", "-v:n");
            Assert.True(none.Succeeded, "With ClaudeCostAnalysisMode=None the build must pass." + Environment.NewLine + log.Report());
            var noneDiagnostics = BuildDiagnostics.Parse(none.Output);
            Assert.True(!noneDiagnostics.Any(d => d.Id.StartsWith("CC", StringComparison.Ordinal)), "No ClaudeCost finding may be reported in mode None." + Environment.NewLine + log.Report());
            AssertModeConfig(none, "none", log);

            // 3. Strict: every finding of the Default build, advice included, as an error (warnings as errors).
            var strict = log.Build(app.Path, project, "--no-incremental", "-p:ClaudeCostAnalysisMode=Strict", "-v:n");
            Assert.False(strict.Succeeded, "With ClaudeCostAnalysisMode=Strict the build must fail." + Environment.NewLine + log.Report());
            var strictDiagnostics = BuildDiagnostics.Parse(strict.Output);
            var expectedStrict = sarif
                .Select(r => string.Format(CultureInfo.InvariantCulture, "{0}({1},{2}): error {3}", r.FileName, r.Line, r.Column, r.RuleId))
                .OrderBy(p => p, StringComparer.Ordinal)
                .ToArray();
            AssertFindings(expectedStrict, ProcessLog.Findings(strictDiagnostics), "Strict (the Default findings, advice raised)", log);
            AssertModeConfig(strict, "strict", log);
            AssertNoLoadProblems(strictDiagnostics, log);

            // 4. The user's own entries beat the mode's (global_level -100): an .editorconfig turns CC0001 off and a
            //    .globalconfig lowers every other rule found to a suggestion, so the Strict build passes again.
            app.WriteFile(".editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.CC0001.severity = none\n");
            app.WriteFile(".globalconfig", "is_global = true\n" + string.Concat(sarif.Select(r => r.RuleId).Where(id => id != "CC0001").Distinct().OrderBy(id => id, StringComparer.Ordinal).Select(id => $"dotnet_diagnostic.{id}.severity = suggestion\n")));
            var overridden = log.Build(app.Path, project, "--no-incremental", "-p:ClaudeCostAnalysisMode=Strict");
            Assert.True(overridden.Succeeded, "The user's .editorconfig/.globalconfig entries must win over the Strict config." + Environment.NewLine + log.Report());
            Assert.True(!BuildDiagnostics.Parse(overridden.Output).Any(d => d.Id.StartsWith("CC", StringComparison.Ordinal) && d.Severity != "info"), "Overridden findings are still reported as warnings or errors." + Environment.NewLine + log.Report());

            // 5. A misspelled mode fails the build instead of silently acting like Default.
            var unknown = log.Build(app.Path, project, "-p:ClaudeCostAnalysisMode=Stricter");
            Assert.False(unknown.Succeeded, "An unknown ClaudeCostAnalysisMode must fail the build." + Environment.NewLine + log.Report());
            Assert.True(
                unknown.Output.Contains("ClaudeCostAnalysisMode is 'Stricter'; use None, Default or Strict", StringComparison.Ordinal),
                "The build must say which value is wrong and what the valid ones are." + Environment.NewLine + log.Report());
        }

        /// <summary>The compiler got exactly one ClaudeCost mode config, the one of <paramref name="mode"/>.</summary>
        private static void AssertModeConfig(ProcessResult build, string mode, ProcessLog log)
        {
            var configs = AnalyzerConfigArgument.Matches(build.Output)
                .Select(m => m.Groups["path"].Value.Trim('"').Replace('\\', '/'))
                .Where(p => p.Contains("/claudecost.analyzers/", StringComparison.OrdinalIgnoreCase))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            Assert.True(
                configs.Count == 1 && configs[0].EndsWith("/build/config/claudecost." + mode + ".globalconfig", StringComparison.Ordinal),
                $"Expected the compiler to get the package's claudecost.{mode}.globalconfig, got: [{string.Join(", ", configs)}]." + Environment.NewLine + log.Report());
        }

        private static void AssertFindings(string[] expected, string[] actual, string what, ProcessLog log)
            => Assert.True(
                expected.SequenceEqual(actual, StringComparer.Ordinal),
                $"{what}: expected [{string.Join("; ", expected)}]{Environment.NewLine}actual   [{string.Join("; ", actual)}]{Environment.NewLine}{log.Report()}");

        private static void AssertNoLoadProblems(System.Collections.Generic.IEnumerable<BuildDiagnostic> diagnostics, ProcessLog log)
        {
            var problems = diagnostics.Where(d => ProcessLog.IsAnalyzerLoadProblem(d.Id)).ToList();
            Assert.True(problems.Count == 0, "Analyzer load problems:" + Environment.NewLine + string.Join(Environment.NewLine, problems) + Environment.NewLine + log.Report());
        }
    }
}
