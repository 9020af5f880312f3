using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Xml.Linq;
using Xunit;
using Xunit.Abstractions;

namespace ClaudeCost.Analyzers.Tests.EndToEnd
{
    /// <summary>
    /// The package as a user gets it: packed from the repository, restored from a feed into a fresh console app,
    /// breaking a warnings-as-errors build, and fixed by `dotnet format`.
    /// </summary>
    [Collection(EndToEndCollection.Name)]
    [Trait("Category", "EndToEnd")]
    public sealed class PackageEndToEndTests
    {
        /// <summary>The oldest compiler the package supports (.NET 8 SDK / VS 17.8). No shipped assembly may need more.</summary>
        private static readonly Version RoslynFloor = new Version(4, 8, 0, 0);

        private static readonly string[] ExpectedAssemblies =
        {
            "analyzers/dotnet/cs/ClaudeCost.Analyzers.dll",
            "analyzers/dotnet/cs/ClaudeCost.CodeFixes.dll",
        };

        /// <summary>The MSBuild files that select the analysis mode; the configs come from src/ClaudeCost.Package/build/config.</summary>
        private static readonly string[] ExpectedBuildFiles =
        {
            "build/ClaudeCost.Analyzers.props",
            "build/ClaudeCost.Analyzers.targets",
            "buildTransitive/ClaudeCost.Analyzers.props",
            "buildTransitive/ClaudeCost.Analyzers.targets",
        };

        private readonly PackedPackage _package;
        private readonly ITestOutputHelper _output;

        public PackageEndToEndTests(PackedPackage package, ITestOutputHelper output)
        {
            _package = package;
            _output = output;
        }

        [Fact]
        public void Package_contains_exactly_the_two_assemblies_and_the_mode_files_and_no_assembly_needs_a_newer_compiler()
        {
            var path = _package.EnsurePacked();
            using var zip = ZipFile.OpenRead(path);
            var entries = zip.Entries.Select(e => e.FullName).OrderBy(n => n, StringComparer.Ordinal).ToList();
            _output.WriteLine("Package entries:" + Environment.NewLine + string.Join(Environment.NewLine, entries));
            var problems = new List<string>();

            // Every file of the package is accounted for: NuGet's own metadata, the readme, the assemblies, the mode files.
            var configDirectory = Path.Combine(RepositoryLayout.Root, "src", "ClaudeCost.Package", "build", "config");
            var committedConfigs = Directory.GetFiles(configDirectory, "*.globalconfig").Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToList();
            var expectedFiles = new HashSet<string>(StringComparer.Ordinal) { "[Content_Types].xml", "_rels/.rels", PackedPackage.PackageId + ".nuspec", "README.md" };
            expectedFiles.UnionWith(ExpectedAssemblies);
            expectedFiles.UnionWith(ExpectedBuildFiles);
            expectedFiles.UnionWith(committedConfigs.Select(n => "build/config/" + n));
            foreach (var entry in entries.Where(e => !expectedFiles.Contains(e) && !(e.StartsWith("package/services/metadata/core-properties/", StringComparison.Ordinal) && e.EndsWith(".psmdcp", StringComparison.Ordinal))))
            {
                problems.Add($"Unexpected file in the package: {entry}");
            }

            foreach (var missing in expectedFiles.Where(e => !entries.Contains(e)))
            {
                problems.Add($"Missing from the package: {missing}");
            }

            if (committedConfigs.Count != 3)
            {
                problems.Add($"Expected the three mode configs in src/ClaudeCost.Package/build/config, found: {string.Join(", ", committedConfigs)}.");
            }

            // The package ships the committed configs byte for byte (the docs tests check those against the generator).
            foreach (var name in committedConfigs)
            {
                var entry = zip.GetEntry("build/config/" + name);
                if (entry == null)
                {
                    continue;
                }

                using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
                if (reader.ReadToEnd() != File.ReadAllText(Path.Combine(configDirectory, name!)))
                {
                    problems.Add($"build/config/{name} in the package differs from the committed file.");
                }
            }

            // Every assembly in the package, wherever it sits, is netstandard and needs nothing above the Roslyn floor.
            var assemblies = entries.Where(n => n.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || n.EndsWith(".exe", StringComparison.OrdinalIgnoreCase)).ToList();
            if (!ExpectedAssemblies.SequenceEqual(assemblies, StringComparer.Ordinal))
            {
                problems.Add($"Expected exactly the assemblies [{string.Join(", ", ExpectedAssemblies)}], found [{string.Join(", ", assemblies)}].");
            }

            foreach (var name in assemblies)
            {
                using var stream = new MemoryStream();
                using (var entry = zip.GetEntry(name)!.Open())
                {
                    entry.CopyTo(stream);
                }

                stream.Position = 0;
                using var pe = new PEReader(stream);
                if (!pe.HasMetadata)
                {
                    problems.Add($"{name} is not a .NET assembly.");
                    continue;
                }

                var metadata = pe.GetMetadataReader();
                var references = metadata.AssemblyReferences.Select(h => metadata.GetAssemblyReference(h)).Select(r => (Name: metadata.GetString(r.Name), r.Version)).ToList();
                _output.WriteLine($"{name} references: {string.Join(", ", references.Select(r => r.Name + " " + r.Version))}");

                if (!references.Any(r => r.Name == "netstandard"))
                {
                    problems.Add($"{name} does not target netstandard (no reference to netstandard.dll).");
                }

                foreach (var reference in references.Where(r => r.Name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) && r.Version > RoslynFloor))
                {
                    problems.Add($"{name} references {reference.Name} {reference.Version}, above the {RoslynFloor} floor: hosts older than that would not load the analyzers.");
                }
            }

            var nuspecEntry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/'));
            using (var reader = new StreamReader(nuspecEntry.Open(), Encoding.UTF8))
            {
                var nuspec = XDocument.Parse(reader.ReadToEnd());
                var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
                string? Value(string element) => metadata.Elements().FirstOrDefault(e => e.Name.LocalName == element)?.Value;
                if (Value("id") != PackedPackage.PackageId)
                {
                    problems.Add($"nuspec id is '{Value("id")}', expected '{PackedPackage.PackageId}'.");
                }

                if (Value("version") != _package.Version)
                {
                    problems.Add($"nuspec version is '{Value("version")}', expected '{_package.Version}'.");
                }

                if (Value("developmentDependency") != "true")
                {
                    problems.Add("nuspec is not marked developmentDependency=true.");
                }

                if (metadata.Elements().Any(e => e.Name.LocalName == "dependencies" && e.Descendants().Any(d => d.Name.LocalName == "dependency")))
                {
                    problems.Add("nuspec declares dependencies; an analyzer package must not flow any.");
                }
            }

            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems) + Environment.NewLine + "Package entries:" + Environment.NewLine + string.Join(Environment.NewLine, entries));
        }

        [Fact]
        public void Fresh_console_app_fails_with_CC0001_and_CC0002_and_dotnet_format_fixes_both()
        {
            _package.EnsurePacked();
            using var app = new TempDirectory("claudecost-e2e-app");
            var project = app.WriteFile("Contoso.Support.csproj", EndToEndApp.ProjectFile(_package.Version));
            app.WriteFile("nuget.config", EndToEndApp.NuGetConfig(_package.FeedDirectory));
            app.WriteFile("Directory.Build.props", EndToEndApp.EmptyDirectoryBuildFile);
            app.WriteFile("Directory.Build.targets", EndToEndApp.EmptyDirectoryBuildFile);
            app.WriteFile("Program.cs", EndToEndApp.Program);
            app.WriteFile("RefundPolicy.cs", EndToEndApp.RefundPolicyFile());
            var billing = app.WriteFile(EndToEndApp.BillingAssistantFile, EndToEndApp.BillingAssistant);
            var refunds = app.WriteFile(EndToEndApp.RefundDeskFile, EndToEndApp.RefundDesk);
            var log = new StringBuilder();

            var restore = Run(log, app.Path, "restore", project, "-nodeReuse:false", "-tl:off");
            Assert.True(restore.Succeeded, "restore failed:" + Environment.NewLine + restore.Describe());

            // 1. The warnings-as-errors build fails, with exactly the two findings, where they belong.
            var firstBuild = Run(log, app.Path, "build", project, "--no-restore", "-nodeReuse:false", "-tl:off", "-p:UseSharedCompilation=false");
            var firstDiagnostics = BuildDiagnostics.Parse(firstBuild.Output);
            var clock = BuildDiagnostics.PositionOf(EndToEndApp.BillingAssistant, EndToEndApp.ClockAnchor);
            var policy = BuildDiagnostics.PositionOf(EndToEndApp.RefundDesk, EndToEndApp.PolicyAnchor);
            var expected = new[]
            {
                $"{EndToEndApp.BillingAssistantFile}({clock.Line},{clock.Column}): error CC0001",
                $"{EndToEndApp.RefundDeskFile}({policy.Line},{policy.Column}): error CC0002",
            };
            var actualClaudeCost = firstDiagnostics.Where(d => d.Id.StartsWith("CC", StringComparison.Ordinal)).Select(d => d.Position).OrderBy(p => p, StringComparer.Ordinal).ToArray();
            Assert.False(firstBuild.Succeeded, "The first build should fail (TreatWarningsAsErrors) with CC0001 and CC0002, but it succeeded." + Environment.NewLine + Report(log));
            Assert.True(
                expected.SequenceEqual(actualClaudeCost, StringComparer.Ordinal),
                $"Expected [{string.Join("; ", expected)}]{Environment.NewLine}Actual   [{string.Join("; ", actualClaudeCost)}]{Environment.NewLine}{Report(log)}");
            var otherProblems = firstDiagnostics.Where(d => !d.Id.StartsWith("CC", StringComparison.Ordinal) && (d.Severity == "error" || IsAnalyzerLoadProblem(d.Id))).ToList();
            Assert.True(otherProblems.Count == 0, "Only the ClaudeCost findings may fail the build; also found:" + Environment.NewLine + string.Join(Environment.NewLine, otherProblems) + Environment.NewLine + Report(log));
            Assert.Contains(firstDiagnostics, d => d.Id == "CC0002" && d.Message.Contains("claude-sonnet-4-6", StringComparison.Ordinal));

            // 2. dotnet format applies the first (safe) fix of each rule.
            var format = Run(log, app.Path, "format", "analyzers", project, "--diagnostics", "CC0001", "CC0002", "--severity", "warn", "--no-restore", "--verbosity", "diagnostic");
            Assert.True(format.Succeeded, "dotnet format failed:" + Environment.NewLine + Report(log));

            var billingAfter = File.ReadAllText(billing);
            var refundsAfter = File.ReadAllText(refunds);
            log.AppendLine("----- " + EndToEndApp.BillingAssistantFile + " after dotnet format").AppendLine(billingAfter);
            log.AppendLine("----- " + EndToEndApp.RefundDeskFile + " after dotnet format").AppendLine(refundsAfter);
            Assert.True(billingAfter != EndToEndApp.BillingAssistant, "dotnet format did not change " + EndToEndApp.BillingAssistantFile + Environment.NewLine + Report(log));
            Assert.True(refundsAfter != EndToEndApp.RefundDesk, "dotnet format did not change " + EndToEndApp.RefundDeskFile + Environment.NewLine + Report(log));
            Assert.Contains("CacheControl", refundsAfter, StringComparison.Ordinal);

            // 3. The fixed app builds, with warnings as errors, and no finding is left.
            var secondBuild = Run(log, app.Path, "build", project, "--no-restore", "-nodeReuse:false", "-tl:off", "-p:UseSharedCompilation=false");
            Assert.True(secondBuild.Succeeded, "The build after dotnet format should pass." + Environment.NewLine + Report(log));
            Assert.DoesNotContain(BuildDiagnostics.Parse(secondBuild.Output), d => d.Id.StartsWith("CC", StringComparison.Ordinal));

            // 4. The fixes kept every comment.
            var missing = EndToEndApp.Comments
                .SelectMany(pair => pair.Value.Select(comment => (File: pair.Key, Comment: comment)))
                .Where(c => !(c.File == EndToEndApp.BillingAssistantFile ? billingAfter : refundsAfter).Contains(c.Comment, StringComparison.Ordinal))
                .Select(c => $"{c.File}: {c.Comment}")
                .ToList();
            Assert.True(missing.Count == 0, "Comments lost by the fixes:" + Environment.NewLine + string.Join(Environment.NewLine, missing) + Environment.NewLine + Report(log));
        }

        /// <summary>CS8032/CS9057: the analyzer assembly could not be loaded or needs a newer compiler; AD0001: it crashed.</summary>
        private static bool IsAnalyzerLoadProblem(string id) => id is "CS8032" or "CS9057" or "AD0001";

        private ProcessResult Run(StringBuilder log, string directory, params string[] arguments)
        {
            var result = ProcessRunner.Dotnet(directory, arguments);
            log.AppendLine(result.Describe());
            _output.WriteLine($"> {result.CommandLine}: {(result.TimedOut ? "timed out" : "exit code " + result.ExitCode)}, {result.Elapsed.TotalSeconds:0.0} s");
            return result;
        }

        private static string Report(StringBuilder log) => "Process log:" + Environment.NewLine + log;
    }
}
