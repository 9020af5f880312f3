using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using ClaudeCost.Benchmarks.Corpus;

namespace ClaudeCost.Benchmarks.EndToEnd
{
    /// <summary>
    /// End-to-end measurement: generate the two projects, build each clean with -p:ReportAnalyzer=true (compiler server
    /// warmed first), parse the compiler's analyzer report, and compare ClaudeCost's analyzers with Meziantou.Analyzer
    /// and Roslynator.Analyzers built in the same compilations.
    /// </summary>
    internal static class Program
    {
        private const string Usage = """
            Usage: dotnet run -c Release --project benchmarks/ClaudeCost.Benchmarks.EndToEnd -- [options]

              --files N              source files per generated project (default 1500)
              --runs N               measured clean builds per variant; medians are reported (default 5)
              --warmup N             unmeasured builds per variant first, to warm the compiler server (default 2)
              --variant V            both | claude | noclaude (default both)
              --seed N               generator seed (default 20261122)
              --work DIR             where the projects and logs go (default: <temp>/claudecost-benchmarks)
              --results FILE         also write the results as Markdown (default: <work>/results.md)
              --meziantou VERSION    Meziantou.Analyzer version (default 3.0.321)
              --roslynator VERSION   Roslynator.Analyzers version (default 5.0.1)
              --no-compiler-server   compile in the build process (UseSharedCompilation=false): every build then
                                     pays the JIT of the compiler and the analyzers again
              --skip-analyzer-build  use the ClaudeCost DLLs already in src/*/bin/Release
              --generate-only        write the projects and stop
            """;

        public static int Main(string[] args)
        {
            Options options;
            try
            {
                options = Options.Parse(args);
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine(e.Message);
                Console.Error.WriteLine(Usage);
                return 2;
            }

            if (options.Help)
            {
                Console.WriteLine(Usage);
                return 0;
            }

            var repository = Tooling.FindRepositoryRoot();
            Directory.CreateDirectory(options.WorkDirectory);
            Console.WriteLine($"Repository: {repository}");
            Console.WriteLine($"Work directory: {options.WorkDirectory}");

            var analyzersDll = Path.Combine(repository, "src", "ClaudeCost.Analyzers", "bin", "Release", "netstandard2.0", "ClaudeCost.Analyzers.dll");
            var codeFixesDll = Path.Combine(repository, "src", "ClaudeCost.CodeFixes", "bin", "Release", "netstandard2.0", "ClaudeCost.CodeFixes.dll");
            if (!options.SkipAnalyzerBuild)
            {
                Console.WriteLine("Building the ClaudeCost analyzers and code fixes (Release)...");
                Tooling.DotnetOrThrow(repository, "build", Path.Combine("src", "ClaudeCost.CodeFixes", "ClaudeCost.CodeFixes.csproj"), "-c", "Release", "-nologo", "-v:q");
            }

            foreach (var dll in new[] { analyzersDll, codeFixesDll })
            {
                if (!File.Exists(dll))
                {
                    throw new FileNotFoundException("Build the analyzers first (or drop --skip-analyzer-build).", dll);
                }
            }

            // The generated projects sit in their own tree: stop Directory.Build.* and .editorconfig lookups there.
            File.WriteAllText(Path.Combine(options.WorkDirectory, "Directory.Build.props"), "<Project />\n");
            File.WriteAllText(Path.Combine(options.WorkDirectory, "Directory.Build.targets"), "<Project />\n");
            // Every ClaudeCost rule at warning (as ClaudeCostAnalysisMode=Strict does), so advice findings are counted in the log too.
            File.WriteAllText(
                Path.Combine(options.WorkDirectory, ".editorconfig"),
                "root = true\n\n[*.cs]\n" + string.Concat(new[] { "Caching", "ModelSelection", "Reliability", "Configuration" }
                    .Select(category => $"dotnet_analyzer_diagnostic.category-ClaudeCost.{category}.severity = warning\n")));

            var variants = new List<Variant>();
            foreach (var kind in options.Variants)
            {
                var directory = Path.Combine(options.WorkDirectory, kind == CorpusVariant.Claude ? "with-claude" : "no-claude");
                var project = ProjectFile(kind, options, analyzersDll, codeFixesDll);
                var files = CorpusGenerator.WriteProject(directory, kind, options.Files, options.Seed, project);
                var variant = new Variant(kind, directory, Path.Combine(directory, CorpusGenerator.ProjectName(kind) + ".csproj"));
                variants.Add(variant);
                var lines = files.Sum(f => f.Text.Count(c => c == '\n'));
                var kinds = string.Join(", ", files.GroupBy(f => f.Kind).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"));
                Console.WriteLine($"Generated {variant.Title}: {files.Count} files, {lines:N0} lines ({kinds})");
                variant.Files = files.Count;
                variant.Lines = lines;
            }

            if (options.GenerateOnly)
            {
                return 0;
            }

            foreach (var variant in variants)
            {
                Console.WriteLine($"Restoring {variant.Title}...");
                Tooling.DotnetOrThrow(variant.Directory, "restore", variant.Project, "-nologo", "-v:q");
            }

            var logs = Path.Combine(options.WorkDirectory, "logs");
            Directory.CreateDirectory(logs);

            // Warm-up and measured builds alternate between the variants, so drift hits both alike.
            for (var run = 1; run <= options.Warmup; run++)
            {
                foreach (var variant in variants)
                {
                    var elapsed = Build(variant, Path.Combine(logs, $"{variant.Slug}-warmup-{run}.log"), options);
                    Console.WriteLine($"  warm-up {run}/{options.Warmup} {variant.Title}: {elapsed.TotalSeconds:0.0} s");
                }
            }

            for (var run = 1; run <= options.Runs; run++)
            {
                foreach (var variant in variants)
                {
                    var log = Path.Combine(logs, $"{variant.Slug}-run-{run}.log");
                    var busy = Tooling.WaitForQuietMachine(TimeSpan.FromSeconds(90));
                    var elapsed = Build(variant, log, options);
                    var report = BuildReport.Parse(log);
                    report.OtherLoadBeforeRun = busy;
                    variant.Runs.Add(report);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  run {run}/{options.Runs} {variant.Title}: build {elapsed.TotalSeconds:0.0} s, Csc {report.CscMilliseconds / 1000:0.00} s, analyzers {report.TotalAnalyzerSeconds:0.00} s, ClaudeCost {Variant.ClaudeCostSeconds(report) * 1000:0} ms (compiled by {report.CompiledBy}; machine {busy * 100:0}% busy before)"));
                }
            }

            var markdown = Results.Render(options, variants, Tooling.MachineDescription(), Tooling.SdkVersion());
            Console.WriteLine();
            Console.WriteLine(markdown);
            var resultsPath = options.ResultsFile ?? Path.Combine(options.WorkDirectory, "results.md");
            File.WriteAllText(resultsPath, markdown);
            Console.WriteLine($"Results written to {resultsPath}; build logs in {logs}");
            return 0;
        }

        private static TimeSpan Build(Variant variant, string log, Options options)
        {
            var (exitCode, output, elapsed) = Tooling.Dotnet(
                variant.Directory,
                "build",
                variant.Project,
                "--no-restore",
                "--no-incremental",
                "-c",
                "Release",
                "-nologo",
                "-v:q",
                "-clp:ErrorsOnly",
                "-fl",
                "-flp:LogFile=" + log + ";Verbosity=detailed;PerformanceSummary",
                "-p:ReportAnalyzer=true",
                // The compiler server (the default for dotnet build) unless asked otherwise; this also overrides a
                // UseSharedCompilation=false coming from the environment.
                "-p:UseSharedCompilation=" + (options.NoCompilerServer ? "false" : "true"));
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"Build of {variant.Project} failed ({exitCode}); log: {log}{Environment.NewLine}{Tooling.Tail(output, 40)}");
            }

            return elapsed;
        }

        private static string ProjectFile(CorpusVariant kind, Options options, string analyzersDll, string codeFixesDll)
        {
            var anthropic = kind == CorpusVariant.Claude
                ? $"""
                    <!-- The official SDK; it brings Microsoft.Extensions.AI.Abstractions (IChatClient, AsIChatClient). -->
                    <PackageReference Include="Anthropic" Version="{CorpusGenerator.AnthropicVersion}" />

                """
                : string.Empty;
            return $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <!-- Generated by benchmarks/ClaudeCost.Benchmarks.EndToEnd ({kind}, {options.Files} files, seed {options.Seed}). -->
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <Nullable>enable</Nullable>
                    <LangVersion>latest</LangVersion>
                    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
                    <GenerateDocumentationFile>false</GenerateDocumentationFile>
                  </PropertyGroup>
                  <ItemGroup>
                {anthropic}    <PackageReference Include="Meziantou.Analyzer" Version="{options.MeziantouVersion}" PrivateAssets="all" IncludeAssets="runtime; build; native; contentfiles; analyzers; buildtransitive" />
                    <PackageReference Include="Roslynator.Analyzers" Version="{options.RoslynatorVersion}" PrivateAssets="all" IncludeAssets="runtime; build; native; contentfiles; analyzers; buildtransitive" />
                  </ItemGroup>
                  <ItemGroup>
                    <!-- The ClaudeCost assemblies as the NuGet package loads them: analyzers only, not referenced. -->
                    <Analyzer Include="{analyzersDll}" />
                    <Analyzer Include="{codeFixesDll}" />
                  </ItemGroup>
                </Project>

                """;
        }
    }

    internal sealed class Options
    {
        public int Files { get; private set; } = 1500;

        public int Runs { get; private set; } = 5;

        public int Warmup { get; private set; } = 2;

        public int Seed { get; private set; } = CorpusGenerator.DefaultSeed;

        public List<CorpusVariant> Variants { get; } = new() { CorpusVariant.Claude, CorpusVariant.NoClaude };

        public string WorkDirectory { get; private set; } = Path.Combine(Path.GetTempPath(), "claudecost-benchmarks");

        public string? ResultsFile { get; private set; }

        public string MeziantouVersion { get; private set; } = "3.0.321";

        public string RoslynatorVersion { get; private set; } = "5.0.1";

        public bool SkipAnalyzerBuild { get; private set; }

        public bool NoCompilerServer { get; private set; }

        public bool GenerateOnly { get; private set; }

        public bool Help { get; private set; }

        public static Options Parse(string[] args)
        {
            var options = new Options();
            for (var i = 0; i < args.Length; i++)
            {
                string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
                int Number(int minimum)
                {
                    var name = args[i];
                    var text = Value();
                    return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum
                        ? value
                        : throw new ArgumentException($"{name} needs a whole number of at least {minimum}, not '{text}'.");
                }

                switch (args[i])
                {
                    case "--files":
                        options.Files = Number(10);
                        break;
                    case "--runs":
                        options.Runs = Number(1);
                        break;
                    case "--warmup":
                        options.Warmup = Number(0);
                        break;
                    case "--seed":
                        options.Seed = Number(0);
                        break;
                    case "--variant":
                        var variant = Value();
                        options.Variants.Clear();
                        switch (variant)
                        {
                            case "both":
                                options.Variants.AddRange(new[] { CorpusVariant.Claude, CorpusVariant.NoClaude });
                                break;
                            case "claude":
                                options.Variants.Add(CorpusVariant.Claude);
                                break;
                            case "noclaude":
                                options.Variants.Add(CorpusVariant.NoClaude);
                                break;
                            default:
                                throw new ArgumentException($"--variant is both, claude or noclaude, not '{variant}'.");
                        }

                        break;
                    case "--work":
                        options.WorkDirectory = Path.GetFullPath(Value());
                        break;
                    case "--results":
                        options.ResultsFile = Path.GetFullPath(Value());
                        break;
                    case "--meziantou":
                        options.MeziantouVersion = Value();
                        break;
                    case "--roslynator":
                        options.RoslynatorVersion = Value();
                        break;
                    case "--no-compiler-server":
                        options.NoCompilerServer = true;
                        break;
                    case "--skip-analyzer-build":
                        options.SkipAnalyzerBuild = true;
                        break;
                    case "--generate-only":
                        options.GenerateOnly = true;
                        break;
                    case "-h":
                    case "--help":
                        options.Help = true;
                        break;
                    default:
                        throw new ArgumentException($"Unknown option '{args[i]}'.");
                }
            }

            return options;
        }
    }

    internal sealed class Variant
    {
        public Variant(CorpusVariant kind, string directory, string project)
        {
            Kind = kind;
            Directory = directory;
            Project = project;
        }

        public CorpusVariant Kind { get; }

        public string Directory { get; }

        public string Project { get; }

        public int Files { get; set; }

        public int Lines { get; set; }

        public List<BuildReport> Runs { get; } = new();

        public string Title => Kind == CorpusVariant.Claude ? "with Claude" : "no Claude";

        public string Slug => Kind == CorpusVariant.Claude ? "with-claude" : "no-claude";

        public static bool IsClaudeCost(string assembly) => assembly.StartsWith("ClaudeCost.", StringComparison.Ordinal);

        public static bool IsMeziantou(string assembly) => assembly.StartsWith("Meziantou.", StringComparison.Ordinal);

        public static bool IsRoslynator(string assembly) => assembly.StartsWith("Roslynator", StringComparison.Ordinal);

        public static bool IsAnchor(string assembly) => IsMeziantou(assembly) || IsRoslynator(assembly);

        public static double ClaudeCostSeconds(BuildReport report) => report.AssemblySeconds.Where(a => IsClaudeCost(a.Key)).Sum(a => a.Value);

        public double MedianCscSeconds => Stats.Median(Runs.Select(r => r.CscMilliseconds / 1000));

        public double MedianAnalyzerSeconds => Stats.Median(Runs.Select(r => r.TotalAnalyzerSeconds));

        /// <summary>Median over the runs of the assemblies' time, in seconds.</summary>
        public double MedianSeconds(Func<string, bool> assembly) => Stats.Median(Runs.Select(r => r.AssemblySeconds.Where(a => assembly(a.Key)).Sum(a => a.Value)));

        /// <summary>Median over the runs of the assemblies' share of the Csc task time.</summary>
        public double MedianShare(Func<string, bool> assembly) => Stats.Median(Runs.Select(r => r.AssemblySeconds.Where(a => assembly(a.Key)).Sum(a => a.Value) / (r.CscMilliseconds / 1000)));

        /// <summary>Each analyzer type's median time over the runs (a type missing from a run counts 0 there).</summary>
        public List<AnalyzerTime> MedianAnalyzers(Func<string, bool> assembly)
        {
            var keys = Runs.SelectMany(r => r.Analyzers).Where(a => assembly(a.Assembly)).Select(a => (a.Assembly, a.Type, a.Ids)).Distinct().ToList();
            return keys.Select(key =>
            {
                var values = Runs.Select(r => r.Analyzers.FirstOrDefault(a => a.Assembly == key.Assembly && a.Type == key.Type)?.Seconds ?? 0).ToList();
                var median = Stats.Median(values);
                return new AnalyzerTime(key.Assembly, key.Type, key.Ids, median, median <= BuildReport.BelowResolutionSeconds);
            }).OrderByDescending(a => a.Seconds).ThenBy(a => a.Type, StringComparer.Ordinal).ToList();
        }

        public int MedianWarnings(string id) => (int)Stats.Median(Runs.Select(r => (double)r.WarningsById.GetValueOrDefault(id)));

        /// <summary>"CC0001 130, CC0002 112, …": the median count of each ClaudeCost rule that reported anything.</summary>
        public string ClaudeCostFindings()
        {
            var ids = Runs.SelectMany(r => r.WarningsById.Keys).Where(id => id.StartsWith("CC", StringComparison.Ordinal)).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToList();
            return ids.Count == 0 ? "none" : string.Join(", ", ids.Select(id => $"{id} {MedianWarnings(id)}"));
        }

        public int MedianWarningsWithPrefix(string prefix) => (int)Stats.Median(Runs.Select(r => (double)r.WarningsById.Where(w => w.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(w => w.Value)));
    }

    internal static class Results
    {
        public static string Render(Options options, List<Variant> variants, string machine, string sdk)
        {
            var text = new StringBuilder();
            var inv = CultureInfo.InvariantCulture;
            void Line(string line = "") => text.AppendLine(line);

            Line($"## End-to-end results, {DateTime.Now.ToString("yyyy-MM-dd", inv)}");
            Line();
            Line($"- Machine: {machine}; .NET SDK {sdk}.");
            Line($"- Projects: {string.Join("; ", variants.Select(v => $"{v.Title} {v.Files:N0} files, {v.Lines:N0} lines"))}; seed {options.Seed}.");
            Line(options.NoCompilerServer
                ? $"- Builds: clean (`--no-incremental`), Release, `-p:ReportAnalyzer=true`, compiled in the build process (`UseSharedCompilation=false`, no compiler server), {options.Warmup} unmeasured build(s) per variant first; medians of {options.Runs} measured build(s) per variant."
                : $"- Builds: clean (`--no-incremental`), Release, `-p:ReportAnalyzer=true`, compiler server (`UseSharedCompilation=true`) warmed by {options.Warmup} build(s) per variant; medians of {options.Runs} measured build(s) per variant.");
            Line($"- In the same compilations: Meziantou.Analyzer {options.MeziantouVersion}, Roslynator.Analyzers {options.RoslynatorVersion}, the SDK's own analyzers, ClaudeCost.Analyzers (this repository, Release).");
            Line();

            Line("| | " + string.Join(" | ", variants.Select(v => v.Title)) + " |");
            Line("|---|" + string.Concat(variants.Select(_ => "---:|")));
            Row("Compile time (Csc task)", v => Seconds(v.MedianCscSeconds));
            Row("All analyzers (sum of analyzer times)", v => Seconds(v.MedianAnalyzerSeconds));
            Row("Meziantou.Analyzer", v => SecondsAndShare(v, Variant.IsMeziantou));
            Row("Roslynator.Analyzers", v => SecondsAndShare(v, Variant.IsRoslynator));
            Row("**ClaudeCost.Analyzers**", v => "**" + SecondsAndShare(v, Variant.IsClaudeCost) + "**");
            foreach (var analyzer in variants[0].MedianAnalyzers(Variant.IsClaudeCost).OrderBy(a => a.Type, StringComparer.Ordinal))
            {
                var name = analyzer.Type.Substring(analyzer.Type.LastIndexOf('.') + 1);
                Row($"&nbsp;&nbsp;{name} ({analyzer.Ids})", v => Milliseconds(v.MedianAnalyzers(Variant.IsClaudeCost).FirstOrDefault(a => a.Type == analyzer.Type)));
            }

            Row("ClaudeCost mean per analyzer", v => Milliseconds(v.MedianAnalyzers(Variant.IsClaudeCost).Average(a => a.Seconds)));
            Row("Anchors (Meziantou + Roslynator): analyzer types", v => v.MedianAnalyzers(Variant.IsAnchor).Count.ToString(inv));
            Row("Anchors: mean per analyzer", v => Milliseconds(v.MedianAnalyzers(Variant.IsAnchor).Average(a => a.Seconds)));
            Row("Anchors: median per analyzer", v => Milliseconds(Stats.Median(v.MedianAnalyzers(Variant.IsAnchor).Select(a => a.Seconds))));
            Row("Anchors: 95th percentile per analyzer", v => Milliseconds(Stats.Percentile(v.MedianAnalyzers(Variant.IsAnchor).Select(a => a.Seconds), 95)));
            Row("Anchors: slowest analyzer", v => Slowest(v.MedianAnalyzers(Variant.IsAnchor)));
            Row("ClaudeCost findings (all rules at warning)", v => v.ClaudeCostFindings());
            Row("Other warnings (MA / RCS / CA / CS)", v => $"{v.MedianWarningsWithPrefix("MA"):N0} / {v.MedianWarningsWithPrefix("RCS"):N0} / {v.MedianWarningsWithPrefix("CA"):N0} / {v.MedianWarningsWithPrefix("CS"):N0}");
            Line();

            Line("Targets:");
            Line();
            var claude = variants.FirstOrDefault(v => v.Kind == CorpusVariant.Claude);
            var noClaude = variants.FirstOrDefault(v => v.Kind == CorpusVariant.NoClaude);
            if (claude != null)
            {
                var share = claude.MedianShare(Variant.IsClaudeCost);
                Target(share <= 0.01, $"ClaudeCost total ≤ 1% of compile time (with Claude): {Percent(share)}");
                var ours = claude.MedianAnalyzers(Variant.IsClaudeCost);
                var anchors = claude.MedianAnalyzers(Variant.IsAnchor);
                var slowest = ours.Max(a => a.Seconds);
                var p95 = Stats.Percentile(anchors.Select(a => a.Seconds), 95);
                Target(slowest <= p95, $"slowest ClaudeCost analyzer ≤ anchors' 95th percentile (with Claude): {Milliseconds(slowest)} vs {Milliseconds(p95)}");
                var mean = ours.Average(a => a.Seconds);
                var anchorMean = anchors.Average(a => a.Seconds);
                Target(mean <= anchorMean, $"ClaudeCost mean analyzer ≤ anchors' mean (with Claude): {Milliseconds(mean)} vs {Milliseconds(anchorMean)}");
            }

            if (noClaude != null)
            {
                var share = noClaude.MedianShare(Variant.IsClaudeCost);
                Target(share <= 0.002, $"ClaudeCost total ≤ 0.2% of compile time (no Claude): {Percent(share)}");
                var findings = noClaude.MedianWarningsWithPrefix("CC");
                Target(findings == 0, $"no ClaudeCost finding in the no-Claude project: {findings}");
            }

            Line();
            Line("Per run (Csc s / all analyzers s / Meziantou s / Roslynator s / ClaudeCost ms; CPU busy with other work just before the run):");
            Line();
            foreach (var v in variants)
            {
                var runs = v.Runs.Select(r => string.Create(inv,
                    $"{r.CscMilliseconds / 1000:0.00} / {r.TotalAnalyzerSeconds:0.00} / {Sum(r, Variant.IsMeziantou):0.00} / {Sum(r, Variant.IsRoslynator):0.00} / {Sum(r, Variant.IsClaudeCost) * 1000:0} ({r.OtherLoadBeforeRun * 100:0}% busy)"));
                Line($"- {v.Title}: {string.Join("; ", runs)}");
            }

            Line();
            Line("Slowest anchor analyzers (with the first variant):");
            Line();
            foreach (var a in variants[0].MedianAnalyzers(Variant.IsAnchor).Take(5))
            {
                Line($"- {a.Type} ({a.Ids}): {Milliseconds(a.Seconds)}");
            }

            return text.ToString();

            void Row(string label, Func<Variant, string> cell) => Line($"| {label} | {string.Join(" | ", variants.Select(cell))} |");

            void Target(bool met, string description) => Line($"- {(met ? "PASS" : "MISS")}: {description}");

            string SecondsAndShare(Variant v, Func<string, bool> assembly) => $"{Seconds(v.MedianSeconds(assembly))} ({Percent(v.MedianShare(assembly))})";

            static double Sum(BuildReport r, Func<string, bool> assembly) => r.AssemblySeconds.Where(a => assembly(a.Key)).Sum(a => a.Value);
        }

        private static string Seconds(double seconds) => string.Create(CultureInfo.InvariantCulture, $"{seconds:0.00} s");

        private static string Percent(double share) => string.Create(CultureInfo.InvariantCulture, $"{share * 100:0.00}%");

        private static string Milliseconds(AnalyzerTime? analyzer) => analyzer == null ? "–" : Milliseconds(analyzer.Seconds);

        private static string Milliseconds(double seconds) => seconds <= BuildReport.BelowResolutionSeconds
            ? "< 1 ms"
            : string.Create(CultureInfo.InvariantCulture, $"{seconds * 1000:0} ms");

        private static string Slowest(List<AnalyzerTime> analyzers)
        {
            var slowest = analyzers.FirstOrDefault();
            return slowest == null ? "–" : $"{Milliseconds(slowest.Seconds)} ({slowest.Type.Substring(slowest.Type.LastIndexOf('.') + 1)})";
        }
    }
}
