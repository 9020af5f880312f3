using System;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;
using Xunit.Abstractions;

namespace ClaudeCost.Analyzers.Tests.EndToEnd
{
    /// <summary>
    /// ClaudeCostAnalysisMode in a fresh app built with warnings as errors: the package's props hand the compiler the
    /// generated config of the chosen mode, None silences CC0001/CC0002, Strict reports them, the user's own
    /// .editorconfig/.globalconfig entries win over the mode, and an unknown mode fails the build with a clear message.
    /// (Default, the property's default, is what <see cref="PackageEndToEndTests"/> builds with.)
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
        public void Mode_None_builds_clean_Strict_reports_user_settings_win_and_an_unknown_mode_fails()
        {
            _package.EnsurePacked();
            using var app = new TempDirectory("claudecost-e2e-modes");
            var project = EndToEndApp.WriteTo(app, _package);
            var log = new ProcessLog(_output);
            var restore = log.Restore(app.Path, project);
            Assert.True(restore.Succeeded, "restore failed:" + Environment.NewLine + log.Report());

            // 1. None: the warnings-as-errors build passes although the code has both cost problems.
            //    -v:n prints the compiler's command line, which names the config the props selected.
            var none = log.Build(app.Path, project, "-p:ClaudeCostAnalysisMode=None", "-v:n");
            Assert.True(none.Succeeded, "With ClaudeCostAnalysisMode=None the build must pass." + Environment.NewLine + log.Report());
            var noneDiagnostics = BuildDiagnostics.Parse(none.Output);
            Assert.True(!noneDiagnostics.Any(d => d.Id.StartsWith("CC", StringComparison.Ordinal)), "No ClaudeCost finding may be reported in mode None." + Environment.NewLine + log.Report());
            AssertModeConfig(none, "none", log);
            AssertNoLoadProblems(noneDiagnostics, log);

            // 2. Strict: both findings, as errors (warnings as errors), where they belong.
            var strict = log.Build(app.Path, project, "--no-incremental", "-p:ClaudeCostAnalysisMode=Strict", "-v:n");
            Assert.False(strict.Succeeded, "With ClaudeCostAnalysisMode=Strict the build must fail with CC0001 and CC0002." + Environment.NewLine + log.Report());
            var strictDiagnostics = BuildDiagnostics.Parse(strict.Output);
            AssertFindings(EndToEndApp.ExpectedFindings("error"), ProcessLog.Findings(strictDiagnostics), "Strict", log);
            AssertModeConfig(strict, "strict", log);
            AssertNoLoadProblems(strictDiagnostics, log);

            // 3. The user's own entries beat the mode's (global_level -100): an .editorconfig turns CC0001 off and a
            //    .globalconfig lowers CC0002 to a suggestion, so the Strict, warnings-as-errors build passes again.
            app.WriteFile(".editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.CC0001.severity = none\n");
            app.WriteFile(".globalconfig", "is_global = true\ndotnet_diagnostic.CC0002.severity = suggestion\n");
            var overridden = log.Build(app.Path, project, "--no-incremental", "-p:ClaudeCostAnalysisMode=Strict");
            Assert.True(overridden.Succeeded, "The user's .editorconfig/.globalconfig entries must win over the Strict config." + Environment.NewLine + log.Report());
            Assert.True(!BuildDiagnostics.Parse(overridden.Output).Any(d => d.Id.StartsWith("CC", StringComparison.Ordinal) && d.Severity != "info"), "Overridden findings are still reported as warnings or errors." + Environment.NewLine + log.Report());

            // 4. A misspelled mode fails the build instead of silently acting like Default.
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
