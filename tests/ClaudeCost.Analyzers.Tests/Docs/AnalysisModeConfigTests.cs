using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using ClaudeCost.Analyzers.Tests.EndToEnd;
using ClaudeCost.ConfigGenerator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace ClaudeCost.Analyzers.Tests.Docs
{
    /// <summary>
    /// The analysis-mode configs shipped in the package (src/ClaudeCost.Package/build/config) are exactly what
    /// tools/ClaudeCost.ConfigGenerator produces from the descriptors, cover every rule, and mean what the modes
    /// promise when the compiler reads them (checked in-process with the Roslyn host the suite runs on).
    /// </summary>
    [Trait("Category", "Docs")]
    public sealed class AnalysisModeConfigTests
    {
        private static string ConfigDirectory => Path.Combine(RepositoryLayout.Root, AnalysisModeConfigs.RelativeDirectory.Replace('/', Path.DirectorySeparatorChar));

        [Fact]
        public void Committed_configs_are_what_the_generator_produces()
        {
            var expected = AnalysisModeConfigs.RenderAll(RuleCatalog.Descriptors);
            var problems = ClaudeCost.ConfigGenerator.Program.Compare(ConfigDirectory, expected);
            Assert.True(
                problems.Count == 0,
                $"The analysis-mode configs in {AnalysisModeConfigs.RelativeDirectory} are stale (they are generated, never edited):{Environment.NewLine}- " +
                string.Join(Environment.NewLine + "- ", problems) + Environment.NewLine +
                $"Regenerate them from the repository root with `{AnalysisModeConfigs.RegenerateCommand}` and commit the result.");
        }

        [Fact]
        public void Generator_finds_the_same_rules_as_the_catalog()
        {
            var generator = AnalysisModeConfigs.DiscoverDescriptors(RuleCatalog.AnalyzersAssembly).Select(Describe).ToList();
            var catalog = RuleCatalog.Descriptors.Select(Describe).ToList();
            Assert.True(
                generator.SequenceEqual(catalog, StringComparer.Ordinal),
                $"The generator reads the analyzers of ClaudeCost.Analyzers.dll; the catalog also those of ClaudeCost.CodeFixes.dll.{Environment.NewLine}generator: {string.Join("; ", generator)}{Environment.NewLine}catalog:   {string.Join("; ", catalog)}");

            static string Describe(DiagnosticDescriptor d) => $"{d.Id} {d.Category} {d.DefaultSeverity} {d.IsEnabledByDefault}";
        }

        [Fact]
        public void Every_config_names_every_rule_and_None_and_Strict_set_each_by_id()
        {
            var problems = new List<string>();
            foreach (var mode in AnalysisModeConfigs.Modes)
            {
                var name = AnalysisModeConfigs.FileName(mode);
                var path = Path.Combine(ConfigDirectory, name);
                if (!File.Exists(path))
                {
                    problems.Add($"{name} is missing.");
                    continue;
                }

                var text = File.ReadAllText(path);
                var lines = Markdown.Lines(text).Select(l => l.Trim()).ToList();
                if (!lines.Contains("is_global = true") || !lines.Contains("global_level = -100"))
                {
                    problems.Add($"{name}: lacks 'is_global = true' / 'global_level = -100'.");
                }

                var active = lines.Where(l => l.Length > 0 && !l.StartsWith("#", StringComparison.Ordinal) && l.StartsWith("dotnet_", StringComparison.Ordinal)).ToList();
                foreach (var descriptor in RuleCatalog.Descriptors)
                {
                    if (!text.Contains(descriptor.Id, StringComparison.Ordinal))
                    {
                        problems.Add($"{name}: does not name {descriptor.Id}.");
                    }

                    var entry = $"dotnet_diagnostic.{descriptor.Id}.severity = ";
                    var set = active.Where(l => l.StartsWith(entry, StringComparison.Ordinal)).ToList();
                    if (mode != AnalysisMode.Default && set.Count != 1)
                    {
                        problems.Add($"{name}: {set.Count} '{entry}…' entries for {descriptor.Id}, expected exactly 1.");
                    }
                }

                // Default must set nothing: any ID or category entry would override the user's category-wide settings.
                if (mode == AnalysisMode.Default && active.Count > 0)
                {
                    problems.Add($"{name}: sets [{string.Join("; ", active)}]; the Default mode must set nothing.");
                }
            }

            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        }

        // ------------------------------------------------------------------ what the compiler makes of the configs

        /// <summary>Every real rule, reported by a stand-in analyzer under the committed config of each mode, at the mode's severity.</summary>
        [Theory]
        [InlineData(AnalysisMode.None)]
        [InlineData(AnalysisMode.Default)]
        [InlineData(AnalysisMode.Strict)]
        public async Task Committed_config_gives_every_rule_the_severity_of_its_mode(AnalysisMode mode)
        {
            var descriptors = RuleCatalog.Descriptors;
            var config = File.ReadAllText(Path.Combine(ConfigDirectory, AnalysisModeConfigs.FileName(mode)));
            var actual = await EffectiveSeveritiesAsync(descriptors, config);
            var expected = descriptors.ToDictionary(d => d.Id, d => AnalysisModeConfigs.EffectiveSeverity(mode, d), StringComparer.Ordinal);
            AssertSeverities(expected, actual, mode + " (committed " + AnalysisModeConfigs.FileName(mode) + ")");
        }

        /// <summary>Made-up rules of every kind the real ones do not have yet: Hidden, Info, Error, and off by default.</summary>
        private static readonly DiagnosticDescriptor[] MadeUpRules =
        {
            MadeUp("SYN001", DiagnosticSeverity.Hidden, enabled: true, "Test.Advice"),
            MadeUp("SYN002", DiagnosticSeverity.Info, enabled: true, "Test.Advice"),
            MadeUp("SYN003", DiagnosticSeverity.Warning, enabled: true, "Test.Cost"),
            MadeUp("SYN004", DiagnosticSeverity.Error, enabled: true, "Test.Cost"),
            MadeUp("SYN005", DiagnosticSeverity.Info, enabled: false, "Test.Advice"),
        };

        [Fact]
        public void Generator_writes_each_made_up_rule_for_each_mode()
        {
            var configs = AnalysisModeConfigs.RenderAll(MadeUpRules);
            Assert.Equal(new[] { "claudecost.default.globalconfig", "claudecost.none.globalconfig", "claudecost.strict.globalconfig" }, configs.Keys.OrderBy(k => k, StringComparer.Ordinal));

            string[] Entries(AnalysisMode mode) => Markdown.Lines(configs[AnalysisModeConfigs.FileName(mode)])
                .Where(l => l.StartsWith("dotnet_", StringComparison.Ordinal))
                .ToArray();

            Assert.Equal(
                new[]
                {
                    "dotnet_diagnostic.SYN001.severity = none",
                    "dotnet_diagnostic.SYN002.severity = none",
                    "dotnet_diagnostic.SYN003.severity = none",
                    "dotnet_diagnostic.SYN004.severity = none",
                    "dotnet_diagnostic.SYN005.severity = none",
                },
                Entries(AnalysisMode.None));
            Assert.Empty(Entries(AnalysisMode.Default));
            Assert.Equal(
                new[]
                {
                    "dotnet_diagnostic.SYN001.severity = warning",
                    "dotnet_diagnostic.SYN002.severity = warning",
                    "dotnet_diagnostic.SYN003.severity = warning",
                    "dotnet_diagnostic.SYN004.severity = error",
                    "dotnet_diagnostic.SYN005.severity = warning",
                },
                Entries(AnalysisMode.Strict));

            var defaults = configs[AnalysisModeConfigs.FileName(AnalysisMode.Default)];
            Assert.Contains("# SYN005: SYN005 title (Test.Advice; default: Info, disabled by default)", defaults, StringComparison.Ordinal);
            Assert.Contains("# SYN005 is left at its default (none): this mode sets nothing.", defaults, StringComparison.Ordinal);
            Assert.Contains("# SYN001 is left at its default (silent): this mode sets nothing.", defaults, StringComparison.Ordinal);

            // Every line is a comment, a blank line or a key = value pair, and the header comes first.
            foreach (var config in configs.Values)
            {
                Assert.StartsWith("# ClaudeCost.Analyzers analysis mode: ", config, StringComparison.Ordinal);
                Assert.All(Markdown.Lines(config), l => Assert.True(l.Length == 0 || l.StartsWith("#", StringComparison.Ordinal) || l.Contains(" = ", StringComparison.Ordinal), l));
            }
        }

        [Theory]
        [InlineData(AnalysisMode.None, "none none none none none")]
        [InlineData(AnalysisMode.Default, "silent suggestion warning error none")]
        [InlineData(AnalysisMode.Strict, "warning warning warning error warning")]
        public async Task Generated_config_gives_made_up_rules_the_promised_severity(AnalysisMode mode, string severities)
        {
            var expected = MadeUpRules.Zip(severities.Split(' ')).ToDictionary(p => p.First.Id, p => p.Second, StringComparer.Ordinal);
            var actual = await EffectiveSeveritiesAsync(MadeUpRules, AnalysisModeConfigs.Render(mode, MadeUpRules));
            AssertSeverities(expected, actual, mode + " (made-up rules)");

            // The generator's own account of the mode (used in the files' comments and the committed-config test) agrees.
            Assert.Equal(severities, string.Join(" ", MadeUpRules.Select(d => AnalysisModeConfigs.EffectiveSeverity(mode, d))));
        }

        [Theory]
        [InlineData(AnalysisMode.None)]
        [InlineData(AnalysisMode.Default)]
        [InlineData(AnalysisMode.Strict)]
        public async Task A_users_own_entries_win_over_every_mode(AnalysisMode mode)
        {
            // An .editorconfig section raises SYN002 to error; a user's .globalconfig (level 100 by its name) turns SYN003 off.
            const string EditorConfig = "root = true\n\n[*.cs]\ndotnet_diagnostic.SYN002.severity = error\n";
            const string UserGlobalConfig = "is_global = true\ndotnet_diagnostic.SYN003.severity = none\n";
            var actual = await EffectiveSeveritiesAsync(MadeUpRules, AnalysisModeConfigs.Render(mode, MadeUpRules), EditorConfig, UserGlobalConfig);
            Assert.True(actual.TryGetValue("SYN002", out var raised) && raised == "error", $"{mode}: the user's .editorconfig sets SYN002 to error, got {Show(actual, "SYN002")}.");
            Assert.True(!actual.ContainsKey("SYN003"), $"{mode}: the user's .globalconfig turns SYN003 off, got {Show(actual, "SYN003")}.");
        }

        [Fact]
        public async Task Category_settings_of_the_user_work_in_Default_and_yield_to_the_mode_in_Strict()
        {
            // As docs/configuration.md says: Default sets nothing, so a category-wide setting applies; None and Strict set
            // every rule by ID, and an ID entry beats a category entry wherever each is written.
            const string EditorConfig = "root = true\n\n[*.cs]\ndotnet_analyzer_diagnostic.category-Test.Cost.severity = suggestion\n";
            var inDefault = await EffectiveSeveritiesAsync(MadeUpRules, AnalysisModeConfigs.Render(AnalysisMode.Default, MadeUpRules), EditorConfig);
            Assert.True(Show(inDefault, "SYN003") == "suggestion" && Show(inDefault, "SYN004") == "suggestion", $"Default: Test.Cost rules at suggestion expected, got SYN003 {Show(inDefault, "SYN003")}, SYN004 {Show(inDefault, "SYN004")}.");

            var inStrict = await EffectiveSeveritiesAsync(MadeUpRules, AnalysisModeConfigs.Render(AnalysisMode.Strict, MadeUpRules), EditorConfig);
            Assert.True(Show(inStrict, "SYN003") == "warning" && Show(inStrict, "SYN004") == "error", $"Strict: the mode's ID entries expected to win, got SYN003 {Show(inStrict, "SYN003")}, SYN004 {Show(inStrict, "SYN004")}.");
        }

        // ------------------------------------------------------------------ helpers

        private static DiagnosticDescriptor MadeUp(string id, DiagnosticSeverity severity, bool enabled, string category)
            => new DiagnosticDescriptor(id, id + " title", id + " message", category, severity, enabled);

        private static string Show(IReadOnlyDictionary<string, string> severities, string id) => severities.TryGetValue(id, out var s) ? s : "none";

        private static void AssertSeverities(IReadOnlyDictionary<string, string> expected, IReadOnlyDictionary<string, string> actual, string what)
        {
            var problems = expected
                .Where(p => Show(actual, p.Key) != p.Value)
                .Select(p => $"{p.Key}: expected {p.Value}, reported {Show(actual, p.Key)}")
                .ToList();
            Assert.True(problems.Count == 0, what + ":" + Environment.NewLine + string.Join(Environment.NewLine, problems));
        }

        /// <summary>
        /// Compiles one class with an analyzer that reports every descriptor on it, under the mode config (as the
        /// package's GlobalAnalyzerConfigFiles item adds it) and optionally a user's .editorconfig and .globalconfig;
        /// returns ID → .editorconfig severity of what is reported (IDs that are not reported are off).
        /// </summary>
        private static async Task<IReadOnlyDictionary<string, string>> EffectiveSeveritiesAsync(IReadOnlyList<DiagnosticDescriptor> descriptors, string modeConfig, string? editorConfig = null, string? userGlobalConfig = null)
        {
            var root = OperatingSystem.IsWindows() ? @"Z:\app\" : "/app/";
            using var workspace = new AdhocWorkspace();
            var projectId = ProjectId.CreateNewId("App");
            var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
                projectId,
                VersionStamp.Default,
                "App",
                "App",
                LanguageNames.CSharp,
                filePath: root + "App.csproj",
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
                metadataReferences: new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) }));
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), "C.cs", SourceText.From("class C { }\n", Encoding.UTF8), filePath: root + "C.cs");
            solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), "claudecost.mode.globalconfig", SourceText.From(modeConfig, Encoding.UTF8), filePath: root + "packages/claudecost.analyzers/build/config/claudecost.mode.globalconfig");
            if (editorConfig != null)
            {
                solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".editorconfig", SourceText.From(editorConfig, Encoding.UTF8), filePath: root + ".editorconfig");
            }

            if (userGlobalConfig != null)
            {
                solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".globalconfig", SourceText.From(userGlobalConfig, Encoding.UTF8), filePath: root + ".globalconfig");
            }

            var project = solution.GetProject(projectId)!;
            var compilation = (await project.GetCompilationAsync())!;
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error || d.Id.StartsWith("CS87", StringComparison.Ordinal)).ToList();
            Assert.True(errors.Count == 0, "The test project does not compile or a config is rejected: " + string.Join("; ", errors));

            var exceptions = new List<Exception>();
            var options = new CompilationWithAnalyzersOptions(project.AnalyzerOptions, (e, _, _) => exceptions.Add(e), concurrentAnalysis: false, logAnalyzerExecutionTime: false);
            var analyzer = new ReportEverythingAnalyzer(descriptors.ToImmutableArray());
            var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer), options).GetAnalyzerDiagnosticsAsync();
            Assert.True(exceptions.Count == 0, "The stand-in analyzer threw: " + string.Join(Environment.NewLine, exceptions));
            return diagnostics
                .Where(d => !d.IsSuppressed)
                .ToDictionary(d => d.Id, d => AnalysisModeConfigs.ToConfigValue(d.Severity), StringComparer.Ordinal);
        }

        /// <summary>Reports each of its descriptors on every class name: a stand-in, run in-process only.</summary>
#pragma warning disable RS1036, RS1038, RS1041 // Not a shipped analyzer: the test assembly is never loaded by a compiler.
        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class ReportEverythingAnalyzer : DiagnosticAnalyzer
#pragma warning restore RS1036, RS1038, RS1041
        {
            public ReportEverythingAnalyzer(ImmutableArray<DiagnosticDescriptor> descriptors) => SupportedDiagnostics = descriptors;

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

            public override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.RegisterSyntaxNodeAction(
                    c =>
                    {
                        foreach (var descriptor in SupportedDiagnostics)
                        {
                            c.ReportDiagnostic(Diagnostic.Create(descriptor, ((ClassDeclarationSyntax)c.Node).Identifier.GetLocation()));
                        }
                    },
                    SyntaxKind.ClassDeclaration);
            }
        }
    }
}
