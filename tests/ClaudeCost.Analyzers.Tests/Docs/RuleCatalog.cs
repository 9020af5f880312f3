using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using ClaudeCost.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClaudeCost.Analyzers.Tests.Docs
{
    /// <summary>What the shipped assemblies declare, found by reflection: analyzers, descriptors, code fixes, option keys.</summary>
    public static class RuleCatalog
    {
        private static readonly Lazy<Snapshot> Lazy = new Lazy<Snapshot>(Load);

        public static Assembly AnalyzersAssembly => typeof(DiagnosticIds).Assembly;

        public static Assembly CodeFixesAssembly => Assembly.Load(new AssemblyName("ClaudeCost.CodeFixes"));

        /// <summary>Every (analyzer type, descriptor) pair, in a stable order.</summary>
        public static IReadOnlyList<(Type Analyzer, DiagnosticDescriptor Descriptor)> SupportedDiagnostics => Lazy.Value.Supported;

        /// <summary>One descriptor per ID (the first seen when an ID is declared twice; the uniqueness test reports that).</summary>
        public static IReadOnlyList<DiagnosticDescriptor> Descriptors => Lazy.Value.Descriptors;

        /// <summary>ID → code-fix provider type names that list it in FixableDiagnosticIds.</summary>
        public static IReadOnlyDictionary<string, IReadOnlyList<string>> FixersById => Lazy.Value.FixersById;

        /// <summary>Every ID constant in <see cref="DiagnosticIds"/>: the IDs that exist or are reserved.</summary>
        public static IReadOnlySet<string> DeclaredIds => Lazy.Value.DeclaredIds;

        /// <summary>Every constant in <see cref="DiagnosticCategories"/>.</summary>
        public static IReadOnlySet<string> DeclaredCategories => Lazy.Value.DeclaredCategories;

        /// <summary>
        /// The .editorconfig keys the analyzers read: every string constant in the analyzer assembly that looks like
        /// <c>claudecost.something</c> (file names such as claudecost.models.json excluded).
        /// </summary>
        public static IReadOnlySet<string> OptionKeys => Lazy.Value.OptionKeys;

        public static bool IsOptionKey(string text)
            => text.StartsWith("claudecost.", StringComparison.Ordinal) &&
               !text.EndsWith(".json", StringComparison.Ordinal) &&
               text.Length > "claudecost.".Length &&
               text.All(c => c == '.' || c == '_' || char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c));

        private static Snapshot Load()
        {
            var supported = new List<(Type, DiagnosticDescriptor)>();
            foreach (var type in LoadableTypes(AnalyzersAssembly).Concat(LoadableTypes(CodeFixesAssembly))
                         .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any())
                         .OrderBy(t => t.FullName, StringComparer.Ordinal))
            {
                var analyzer = (DiagnosticAnalyzer)Activator.CreateInstance(type, nonPublic: true)!;
                foreach (var descriptor in analyzer.SupportedDiagnostics)
                {
                    supported.Add((type, descriptor));
                }
            }

            var descriptors = supported
                .GroupBy(p => p.Item2.Id, StringComparer.Ordinal)
                .Select(g => g.First().Item2)
                .OrderBy(d => d.Id, StringComparer.Ordinal)
                .ToList();

            var fixers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var type in LoadableTypes(CodeFixesAssembly).Concat(LoadableTypes(AnalyzersAssembly))
                         .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetCustomAttributes<ExportCodeFixProviderAttribute>().Any()))
            {
                var provider = (CodeFixProvider)Activator.CreateInstance(type, nonPublic: true)!;
                foreach (var id in provider.FixableDiagnosticIds)
                {
                    if (!fixers.TryGetValue(id, out var list))
                    {
                        fixers[id] = list = new List<string>();
                    }

                    list.Add(type.Name);
                }
            }

            return new Snapshot(
                supported,
                descriptors,
                fixers.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.Ordinal),
                ConstantsOf(typeof(DiagnosticIds)).ToHashSet(StringComparer.Ordinal),
                ConstantsOf(typeof(DiagnosticCategories)).ToHashSet(StringComparer.Ordinal),
                LoadableTypes(AnalyzersAssembly).SelectMany(ConstantsOf).Where(IsOptionKey).ToHashSet(StringComparer.Ordinal));
        }

        private static IEnumerable<string> ConstantsOf(Type type)
            => type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string))
                .Select(f => (string)f.GetRawConstantValue()!);

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

        private sealed record Snapshot(
            IReadOnlyList<(Type Analyzer, DiagnosticDescriptor Descriptor)> Supported,
            IReadOnlyList<DiagnosticDescriptor> Descriptors,
            IReadOnlyDictionary<string, IReadOnlyList<string>> FixersById,
            IReadOnlySet<string> DeclaredIds,
            IReadOnlySet<string> DeclaredCategories,
            IReadOnlySet<string> OptionKeys);
    }
}
