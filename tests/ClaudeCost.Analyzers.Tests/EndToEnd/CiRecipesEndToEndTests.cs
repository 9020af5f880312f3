using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using ClaudeCost.Analyzers.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace ClaudeCost.Analyzers.Tests.EndToEnd
{
    /// <summary>
    /// Each recipe of docs/ci.md, run as written on a fresh app that installs the packed package (without
    /// TreatWarningsAsErrors, so what the recipe changes is visible): warnings as errors for chosen rules, SARIF for
    /// code scanning, and dotnet format applying the fixes in a pipeline.
    /// </summary>
    [Collection(EndToEndCollection.Name)]
    [Trait("Category", "EndToEnd")]
    public sealed class CiRecipesEndToEndTests
    {
        private static readonly AppOptions NoWarningsAsErrors = new AppOptions { TreatWarningsAsErrors = false };

        private readonly PackedPackage _package;
        private readonly ITestOutputHelper _output;

        public CiRecipesEndToEndTests(PackedPackage package, ITestOutputHelper output)
        {
            _package = package;
            _output = output;
        }

        [Fact]
        public void Warnings_as_errors_for_chosen_rules_by_project_property_and_by_editorconfig()
        {
            _package.EnsurePacked();
            using var app = new TempDirectory("claudecost-e2e-ci-waserror");
            var project = EndToEndApp.WriteTo(app, _package, NoWarningsAsErrors);
            var log = new ProcessLog(_output);
            Assert.True(log.Restore(app.Path, project).Succeeded, "restore failed:" + Environment.NewLine + log.Report());

            // Recipe: <WarningsAsErrors>$(WarningsAsErrors);CC0001;CC0002</WarningsAsErrors> in the project.
            app.WriteFile(EndToEndApp.ProjectFileName, EndToEndApp.ProjectFile(_package.Version, NoWarningsAsErrors with
            {
                ExtraProperties = "<WarningsAsErrors>$(WarningsAsErrors);CC0001;CC0002</WarningsAsErrors>",
            }));
            var byProperty = log.Build(app.Path, project);
            Assert.False(byProperty.Succeeded, "WarningsAsErrors=CC0001;CC0002 must fail the build." + Environment.NewLine + log.Report());
            AssertFindings(EndToEndApp.ExpectedFindings("error"), ProcessLog.Findings(BuildDiagnostics.Parse(byProperty.Output)), "WarningsAsErrors", log);

            // Recipe: dotnet_diagnostic.CC0001.severity = error in .editorconfig; CC0002 stays a warning.
            app.WriteFile(EndToEndApp.ProjectFileName, EndToEndApp.ProjectFile(_package.Version, NoWarningsAsErrors));
            app.WriteFile(".editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.CC0001.severity = error\n");
            var byEditorConfig = log.Build(app.Path, project, "--no-incremental");
            Assert.False(byEditorConfig.Succeeded, "dotnet_diagnostic.CC0001.severity = error must fail the build." + Environment.NewLine + log.Report());
            var expected = EndToEndApp.ExpectedFindings("error").Take(1).Concat(EndToEndApp.ExpectedFindings("warning").Skip(1)).ToArray();
            AssertFindings(expected, ProcessLog.Findings(BuildDiagnostics.Parse(byEditorConfig.Output)), ".editorconfig severity", log);
        }

        [Fact]
        public void Sarif_log_from_the_command_line_and_from_Directory_Build_targets_has_both_findings_with_locations()
        {
            _package.EnsurePacked();
            using var app = new TempDirectory("claudecost-e2e-ci-sarif");
            var project = EndToEndApp.WriteTo(app, _package, NoWarningsAsErrors);
            var log = new ProcessLog(_output);
            Assert.True(log.Restore(app.Path, project).Succeeded, "restore failed:" + Environment.NewLine + log.Report());

            // Recipe, one project: dotnet build -p:ErrorLog=claudecost.sarif%2Cversion=2.1 (relative to the project folder).
            var build = log.Build(app.Path, project, "-p:ErrorLog=claudecost.sarif%2Cversion=2.1");
            Assert.True(build.Succeeded, "The build (findings are warnings) must pass." + Environment.NewLine + log.Report());
            AssertSarif(app.Combine("claudecost.sarif"), log);

            // Recipe, a whole solution: the Directory.Build.targets of docs/ci.md writes one file per project and framework.
            app.WriteFile("Directory.Build.targets", SolutionWideSarifTargets);
            var solutionWide = log.Build(app.Path, project, "--no-incremental");
            Assert.True(solutionWide.Succeeded, "The build with the SARIF Directory.Build.targets must pass." + Environment.NewLine + log.Report());
            AssertSarif(app.Combine("artifacts", "sarif", "Contoso.Support-net10.0.sarif"), log);
        }

        [Fact]
        public void Dotnet_format_verifies_then_applies_the_fixes_in_a_pipeline()
        {
            _package.EnsurePacked();
            using var app = new TempDirectory("claudecost-e2e-ci-format");
            var project = EndToEndApp.WriteTo(app, _package, NoWarningsAsErrors);
            var log = new ProcessLog(_output);
            Assert.True(log.Restore(app.Path, project).Succeeded, "restore failed:" + Environment.NewLine + log.Report());

            // Recipe: dotnet format analyzers --severity info --verify-no-changes fails (exit code 2) and names both findings.
            var verify = log.Dotnet(app.Path, "format", "analyzers", "--severity", "info", "--verify-no-changes", "--no-restore");
            Assert.True(verify.ExitCode == 2, "--verify-no-changes must exit with 2 while fixable findings remain." + Environment.NewLine + log.Report());
            foreach (var id in new[] { "CC0001", "CC0002" })
            {
                Assert.True(verify.Output.Contains(id, StringComparison.Ordinal), $"--verify-no-changes does not name {id}." + Environment.NewLine + log.Report());
            }

            // Recipe: dotnet format analyzers --severity info applies the fixes (that the fixed app builds clean is
            // PackageEndToEndTests' business).
            var format = log.Dotnet(app.Path, "format", "analyzers", "--severity", "info", "--no-restore");
            Assert.True(format.Succeeded, "dotnet format failed." + Environment.NewLine + log.Report());
            var billing = File.ReadAllText(app.Combine(EndToEndApp.BillingAssistantFile));
            var refunds = File.ReadAllText(app.Combine(EndToEndApp.RefundDeskFile));
            log.Note(EndToEndApp.BillingAssistantFile + " after dotnet format", billing);
            log.Note(EndToEndApp.RefundDeskFile + " after dotnet format", refunds);
            Assert.True(billing != EndToEndApp.BillingAssistant && refunds != EndToEndApp.RefundDesk, "dotnet format did not change both files." + Environment.NewLine + log.Report());
            Assert.True(!billing.Contains(EndToEndApp.ClockAnchor, StringComparison.Ordinal) && refunds.Contains("CacheControl", StringComparison.Ordinal), "dotnet format did not apply the CC0001 and CC0002 fixes." + Environment.NewLine + log.Report());
        }

        /// <summary>The solution-wide SARIF recipe of docs/ci.md, verbatim.</summary>
        public const string SolutionWideSarifTargets = """
            <Project>
              <!-- One SARIF 2.1 log per project and target framework, in artifacts/sarif next to this file. -->
              <PropertyGroup>
                <SarifDirectory>$(MSBuildThisFileDirectory)artifacts/sarif/</SarifDirectory>
                <ErrorLog>$(SarifDirectory)$(MSBuildProjectName)-$(TargetFramework).sarif,version=2.1</ErrorLog>
              </PropertyGroup>
              <Target Name="CreateSarifDirectory" BeforeTargets="CoreCompile">
                <MakeDir Directories="$(SarifDirectory)" />
              </Target>
            </Project>

            """;

        /// <summary>The log is SARIF 2.1.0 with a CC0001 and a CC0002 result, each at its file and line, and the rules' help links.</summary>
        private static void AssertSarif(string path, ProcessLog log)
        {
            Assert.True(File.Exists(path), $"No SARIF log at {path}." + Environment.NewLine + log.Report());
            var text = File.ReadAllText(path);
            log.Note(path, text.Length > 20_000 ? text.Substring(0, 20_000) + "…" : text);
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            var problems = new List<string>();
            if (root.GetProperty("version").GetString() != "2.1.0")
            {
                problems.Add($"version is '{root.GetProperty("version")}', expected 2.1.0.");
            }

            var run = root.GetProperty("runs")[0];
            var results = run.GetProperty("results").EnumerateArray().ToList();
            var expected = new[]
            {
                (Id: "CC0001", File: EndToEndApp.BillingAssistantFile, Position: BuildDiagnostics.PositionOf(EndToEndApp.BillingAssistant, EndToEndApp.ClockAnchor)),
                (Id: "CC0002", File: EndToEndApp.RefundDeskFile, Position: BuildDiagnostics.PositionOf(EndToEndApp.RefundDesk, EndToEndApp.PolicyAnchor)),
            };
            foreach (var (id, file, position) in expected)
            {
                var matching = results.Where(r => r.TryGetProperty("ruleId", out var rule) && rule.GetString() == id).ToList();
                if (matching.Count != 1)
                {
                    problems.Add($"{matching.Count} results for {id}, expected 1.");
                    continue;
                }

                var location = matching[0].GetProperty("locations")[0].GetProperty("physicalLocation");
                var uri = location.GetProperty("artifactLocation").GetProperty("uri").GetString() ?? string.Empty;
                var region = location.GetProperty("region");
                var line = region.GetProperty("startLine").GetInt32();
                var column = region.GetProperty("startColumn").GetInt32();
                if (!uri.EndsWith("/" + file, StringComparison.Ordinal) || line != position.Line || column != position.Column)
                {
                    problems.Add($"{id} is at {uri}({line},{column}), expected …/{file}({position.Line},{position.Column}).");
                }

                if (!matching[0].GetProperty("message").GetProperty("text").GetString()!.Contains(id == "CC0001" ? "DateTime.Now" : "claude-sonnet-4-6", StringComparison.Ordinal))
                {
                    problems.Add($"{id}'s message does not say what it found: {matching[0].GetProperty("message")}.");
                }
            }

            var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
                .ToDictionary(r => r.GetProperty("id").GetString()!, r => r, StringComparer.Ordinal);
            foreach (var id in expected.Select(e => e.Id))
            {
                if (!rules.TryGetValue(id, out var rule) || !rule.TryGetProperty("helpUri", out var help) || help.GetString() != HelpLinks.For(id))
                {
                    problems.Add($"The rule metadata of {id} has no helpUri {HelpLinks.For(id)}.");
                }
            }

            Assert.True(problems.Count == 0, $"SARIF log {path}:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}{Environment.NewLine}{log.Report()}");
        }

        private static void AssertFindings(string[] expected, string[] actual, string what, ProcessLog log)
            => Assert.True(
                expected.SequenceEqual(actual, StringComparer.Ordinal),
                $"{what}: expected [{string.Join("; ", expected)}]{Environment.NewLine}actual   [{string.Join("; ", actual)}]{Environment.NewLine}{log.Report()}");
    }
}
