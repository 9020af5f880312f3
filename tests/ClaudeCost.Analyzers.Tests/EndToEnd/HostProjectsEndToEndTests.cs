using System;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace ClaudeCost.Analyzers.Tests.EndToEnd
{
    /// <summary>
    /// Project shapes the package must work in besides a plain single-target project: one that multi-targets (the
    /// outer build compiles nothing; each inner build, one per framework, imports the package's props and runs the
    /// analyzers), and one under central package management (versions in Directory.Packages.props).
    /// </summary>
    [Collection(EndToEndCollection.Name)]
    [Trait("Category", "EndToEnd")]
    public sealed class HostProjectsEndToEndTests
    {
        /// <summary>net8.0 is the oldest supported .NET (its targeting pack restores from NuGet); net10.0 is this SDK's own.</summary>
        private static readonly string[] Frameworks = { "net8.0", "net10.0" };

        private readonly PackedPackage _package;
        private readonly ITestOutputHelper _output;

        public HostProjectsEndToEndTests(PackedPackage package, ITestOutputHelper output)
        {
            _package = package;
            _output = output;
        }

        [Fact]
        public void Multi_targeting_app_reports_CC0001_and_CC0002_in_each_target_framework()
        {
            _package.EnsurePacked();
            using var app = new TempDirectory("claudecost-e2e-multitarget");
            var project = EndToEndApp.WriteTo(app, _package, new AppOptions { TargetFrameworks = string.Join(";", Frameworks), TreatWarningsAsErrors = false });
            var log = new ProcessLog(_output);
            Assert.True(log.Restore(app.Path, project).Succeeded, "restore failed:" + Environment.NewLine + log.Report());

            var build = log.Build(app.Path, project);
            Assert.True(build.Succeeded, "The multi-targeting build (findings are warnings) must pass." + Environment.NewLine + log.Report());
            var diagnostics = BuildDiagnostics.Parse(build.Output);
            var problems = Frameworks
                .Select(framework => (Framework: framework, Actual: ProcessLog.Findings(diagnostics, framework)))
                .Where(f => !EndToEndApp.ExpectedFindings("warning").SequenceEqual(f.Actual, StringComparer.Ordinal))
                .Select(f => $"{f.Framework}: expected [{string.Join("; ", EndToEndApp.ExpectedFindings("warning"))}], actual [{string.Join("; ", f.Actual)}]")
                .Concat(diagnostics.Where(d => ProcessLog.IsAnalyzerLoadProblem(d.Id) || (d.Id.StartsWith("CC", StringComparison.Ordinal) && !Frameworks.Contains(d.TargetFramework))).Select(d => "Unexpected: " + d + " [" + d.Project + "]"))
                .ToList();
            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems) + Environment.NewLine + log.Report());
        }

        [Fact]
        public void Central_package_management_app_reports_CC0001_and_CC0002()
        {
            _package.EnsurePacked();
            using var app = new TempDirectory("claudecost-e2e-cpm");
            var project = EndToEndApp.WriteTo(app, _package, new AppOptions { CentralPackageManagement = true });
            var log = new ProcessLog(_output);
            Assert.True(log.Restore(app.Path, project).Succeeded, "restore failed:" + Environment.NewLine + log.Report());

            var build = log.Build(app.Path, project);
            Assert.False(build.Succeeded, "The warnings-as-errors build must fail with CC0001 and CC0002." + Environment.NewLine + log.Report());
            var diagnostics = BuildDiagnostics.Parse(build.Output);
            var actual = ProcessLog.Findings(diagnostics);
            Assert.True(
                EndToEndApp.ExpectedFindings("error").SequenceEqual(actual, StringComparer.Ordinal),
                $"expected [{string.Join("; ", EndToEndApp.ExpectedFindings("error"))}]{Environment.NewLine}actual   [{string.Join("; ", actual)}]{Environment.NewLine}{log.Report()}");
            var others = diagnostics.Where(d => !d.Id.StartsWith("CC", StringComparison.Ordinal) && (d.Severity == "error" || ProcessLog.IsAnalyzerLoadProblem(d.Id))).ToList();
            Assert.True(others.Count == 0, "Only the ClaudeCost findings may fail the build:" + Environment.NewLine + string.Join(Environment.NewLine, others) + Environment.NewLine + log.Report());
        }
    }
}
