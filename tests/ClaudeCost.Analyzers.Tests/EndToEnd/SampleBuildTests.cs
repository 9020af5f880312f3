using System;
using System.IO;
using System.Linq;
using Xunit;

namespace ClaudeCost.Analyzers.Tests.EndToEnd
{
    /// <summary>
    /// samples/ClaudeCost.Sample is what the README tells people to build first: it must build, show every shipped
    /// code rule, and keep its Fixed/ folder free of findings.
    /// </summary>
    [Collection(EndToEndCollection.Name)]
    [Trait("Category", "EndToEnd")]
    public sealed class SampleBuildTests
    {
        /// <summary>
        /// The code rules the sample must demonstrate: every shipped CC0xxx rule (CC9xxx rules need broken configuration,
        /// so they are not in it). A new rule fails this test until the sample shows it.
        /// </summary>
        private static readonly string[] ShownRules = typeof(ClaudeCost.Analyzers.Infrastructure.DiagnosticIds).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer).IsAssignableFrom(t))
            .SelectMany(t => ((Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
            .Select(d => d.Id)
            .Where(id => id.StartsWith("CC0", StringComparison.Ordinal))
            .Distinct()
            .OrderBy(id => id, StringComparer.Ordinal)
            .ToArray();

        [Fact]
        public void Sample_builds_with_every_code_rule_shown_and_none_in_the_fixed_code()
        {
            using var artifacts = new TempDirectory("claudecost-sample");
            var build = ProcessRunner.Dotnet(
                RepositoryLayout.Root,
                "build",
                RepositoryLayout.SampleProject,
                "--artifacts-path", artifacts.Path,
                "-nodeReuse:false",
                "-tl:off",
                "-p:UseSharedCompilation=false");
            Assert.True(build.Succeeded, "The sample must build (its findings are warnings):" + Environment.NewLine + build.Describe());

            var diagnostics = BuildDiagnostics.Parse(build.Output);
            var findings = diagnostics.Where(d => d.Id.StartsWith("CC", StringComparison.Ordinal)).ToList();
            var problems = new System.Collections.Generic.List<string>();

            foreach (var id in ShownRules.Where(id => !findings.Any(f => f.Id == id)))
            {
                problems.Add($"{id} is not shown by the sample.");
            }

            var sampleRoot = Path.GetDirectoryName(RepositoryLayout.SampleProject)!;
            string Relative(BuildDiagnostic d) => Path.GetRelativePath(sampleRoot, d.File).Replace('\\', '/');
            string Folder(BuildDiagnostic d) => Relative(d).Split('/')[0];
            string Show(BuildDiagnostic d) => $"{Relative(d)}({d.Line},{d.Column}): {d.Id}: {d.Message}";

            foreach (var finding in findings.Where(f => Folder(f) == "Fixed"))
            {
                problems.Add("Finding in the fixed code: " + Show(finding));
            }

            if (!findings.Any(f => f.Id == "CC0001" && f.FileName == "TriagePromptBuilder.cs"))
            {
                problems.Add("CC0001 is not reported in Prompts/TriagePromptBuilder.cs (a clock in a prompt builder in another file than the request).");
            }

            foreach (var loadProblem in diagnostics.Where(d => d.Id is "AD0001" or "CS8032" or "CS9057"))
            {
                problems.Add("Analyzer failure: " + loadProblem);
            }

            Assert.True(
                problems.Count == 0,
                string.Join(Environment.NewLine, problems) + Environment.NewLine + "All ClaudeCost findings:" + Environment.NewLine +
                string.Join(Environment.NewLine, findings.Select(Show)) + Environment.NewLine + build.Describe());
        }
    }
}
