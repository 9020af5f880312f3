using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClaudeCost.ConfigGenerator
{
    /// <summary>The values of the MSBuild property ClaudeCostAnalysisMode.</summary>
    public enum AnalysisMode
    {
        /// <summary>Every ClaudeCost rule off.</summary>
        None,

        /// <summary>Every rule at its documented default severity; the config sets nothing.</summary>
        Default,

        /// <summary>Every rule on, at warning or above: advice rules (Info, Hidden) raised, rules off by default turned on.</summary>
        Strict,
    }

    /// <summary>
    /// Renders one global analyzer config per <see cref="AnalysisMode"/> from a list of descriptors. Pure functions of
    /// the descriptors, so the committed files can be checked against them and the logic tested with made-up rules.
    /// </summary>
    public static class AnalysisModeConfigs
    {
        /// <summary>Below the default level of every config a user writes (0, or 100 for a file named .globalconfig).</summary>
        public const int GlobalLevel = -100;

        /// <summary>Where the committed configs live, relative to the repository root.</summary>
        public const string RelativeDirectory = "src/ClaudeCost.Package/build/config";

        public const string RegenerateCommand = "dotnet run --project tools/ClaudeCost.ConfigGenerator";

        public static IReadOnlyList<AnalysisMode> Modes { get; } = new[] { AnalysisMode.None, AnalysisMode.Default, AnalysisMode.Strict };

        /// <summary>"claudecost.strict.globalconfig": the names build/ClaudeCost.Analyzers.props selects from (lower case; paths are case-sensitive on Linux).</summary>
        public static string FileName(AnalysisMode mode) => "claudecost." + mode.ToString().ToLowerInvariant() + ".globalconfig";

        /// <summary>
        /// What the config of <paramref name="mode"/> writes for the rule: an .editorconfig severity value
        /// (none, silent, suggestion, warning, error), or null when it leaves the rule alone.
        /// </summary>
        public static string? ConfiguredSeverity(AnalysisMode mode, DiagnosticDescriptor descriptor)
        {
            switch (mode)
            {
                case AnalysisMode.None:
                    return "none";
                case AnalysisMode.Default:
                    // Nothing: an ID-specific entry, even one repeating the default, would override the user's
                    // category-wide and all-analyzer settings (dotnet_analyzer_diagnostic.*), which must keep working.
                    return null;
                case AnalysisMode.Strict:
                    return ToConfigValue(descriptor.DefaultSeverity == DiagnosticSeverity.Error ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning);
                default:
                    throw new ArgumentOutOfRangeException(nameof(mode), mode, null);
            }
        }

        /// <summary>The severity a build reports the rule at in <paramref name="mode"/> when the user configures nothing ("none" when off).</summary>
        public static string EffectiveSeverity(AnalysisMode mode, DiagnosticDescriptor descriptor)
            => ConfiguredSeverity(mode, descriptor) ?? (descriptor.IsEnabledByDefault ? ToConfigValue(descriptor.DefaultSeverity) : "none");

        /// <summary>The .editorconfig spelling of a severity.</summary>
        public static string ToConfigValue(DiagnosticSeverity severity)
        {
            switch (severity)
            {
                case DiagnosticSeverity.Hidden:
                    return "silent";
                case DiagnosticSeverity.Info:
                    return "suggestion";
                case DiagnosticSeverity.Warning:
                    return "warning";
                case DiagnosticSeverity.Error:
                    return "error";
                default:
                    throw new ArgumentOutOfRangeException(nameof(severity), severity, null);
            }
        }

        /// <summary>File name → content, one per mode.</summary>
        public static IReadOnlyDictionary<string, string> RenderAll(IEnumerable<DiagnosticDescriptor> descriptors)
        {
            var list = Normalize(descriptors);
            return Modes.ToDictionary(FileName, mode => Render(mode, list), StringComparer.Ordinal);
        }

        /// <summary>The global analyzer config of one mode ("\n" line endings).</summary>
        public static string Render(AnalysisMode mode, IEnumerable<DiagnosticDescriptor> descriptors)
        {
            var rules = Normalize(descriptors);
            var text = new StringBuilder();
            void Line(string line = "") => text.Append(line).Append('\n');

            Line("# ClaudeCost.Analyzers analysis mode: " + mode);
            foreach (var line in Summary(mode))
            {
                Line("# " + line);
            }

            Line("#");
            Line($"# Selected with <ClaudeCostAnalysisMode>{mode}</ClaudeCostAnalysisMode> (None, Default or Strict; default: Default).");
            Line("# Your own settings win: a dotnet_diagnostic.<ID>.severity entry in your .editorconfig or .globalconfig replaces");
            Line($"# the entry for that rule here (global_level {GlobalLevel.ToString(CultureInfo.InvariantCulture)} is below every config of yours).");
            Line("#");
            Line("# GENERATED from the rule descriptors by tools/ClaudeCost.ConfigGenerator. Do not edit; regenerate with:");
            Line("#   " + RegenerateCommand);
            Line("is_global = true");
            Line("global_level = " + GlobalLevel.ToString(CultureInfo.InvariantCulture));

            foreach (var rule in rules)
            {
                Line();
                var defaults = rule.DefaultSeverity + (rule.IsEnabledByDefault ? string.Empty : ", disabled by default");
                Line($"# {rule.Id}: {OneLine(rule.Title.ToString(CultureInfo.InvariantCulture))} ({rule.Category}; default: {defaults})");
                var configured = ConfiguredSeverity(mode, rule);
                if (configured == null)
                {
                    Line($"# {rule.Id} is left at its default ({EffectiveSeverity(mode, rule)}): this mode sets nothing.");
                }
                else
                {
                    Line($"dotnet_diagnostic.{rule.Id}.severity = {configured}");
                }
            }

            return text.ToString();
        }

        /// <summary>
        /// Every descriptor the analyzers in <paramref name="assemblies"/> support (types with [DiagnosticAnalyzer]),
        /// one per ID, ordered by ID.
        /// </summary>
        public static IReadOnlyList<DiagnosticDescriptor> DiscoverDescriptors(params Assembly[] assemblies)
        {
            var descriptors = new List<DiagnosticDescriptor>();
            foreach (var type in assemblies.SelectMany(LoadableTypes)
                         .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any())
                         .OrderBy(t => t.FullName, StringComparer.Ordinal))
            {
                var analyzer = (DiagnosticAnalyzer)Activator.CreateInstance(type, nonPublic: true)!;
                descriptors.AddRange(analyzer.SupportedDiagnostics);
            }

            return Normalize(descriptors);
        }

        private static IReadOnlyList<DiagnosticDescriptor> Normalize(IEnumerable<DiagnosticDescriptor> descriptors)
            => descriptors.GroupBy(d => d.Id, StringComparer.Ordinal).Select(g => g.First()).OrderBy(d => d.Id, StringComparer.Ordinal).ToList();

        private static IEnumerable<string> Summary(AnalysisMode mode)
        {
            switch (mode)
            {
                case AnalysisMode.None:
                    return new[] { "Every ClaudeCost rule is off." };
                case AnalysisMode.Default:
                    return new[]
                    {
                        "Every rule at its documented default severity. This file sets no severity, so category-wide settings",
                        "(dotnet_analyzer_diagnostic.category-<Category>.severity) and all-analyzer settings of yours keep working.",
                    };
                default:
                    return new[]
                    {
                        "Every rule on: advice rules (default severity Info or Hidden) and rules that are off by default are",
                        "reported as warnings, rules that are errors by default stay errors. For teams that gate CI on cost.",
                    };
            }
        }

        private static string OneLine(string text) => text.Replace("\r", " ").Replace("\n", " ");

        private static IEnumerable<Type> LoadableTypes(Assembly assembly)
        {
            try
            {
                return assembly.GetTypes();
            }
            catch (ReflectionTypeLoadException e)
            {
                return e.Types.Where(t => t != null)!;
            }
        }
    }
}
