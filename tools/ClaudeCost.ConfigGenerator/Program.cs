using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ClaudeCost.Analyzers.Infrastructure;

namespace ClaudeCost.ConfigGenerator
{
    /// <summary>
    /// Writes src/ClaudeCost.Package/build/config/claudecost.{none,default,strict}.globalconfig from the descriptors of
    /// the analyzers in ClaudeCost.Analyzers.dll.
    ///
    ///   dotnet run --project tools/ClaudeCost.ConfigGenerator              write the files
    ///   dotnet run --project tools/ClaudeCost.ConfigGenerator -- --check   only compare; exit code 1 when stale
    ///   … -- --root PATH                                                    the repository root (default: found from here)
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            var check = args.Contains("--check");
            var rootIndex = Array.IndexOf(args, "--root");
            var unknown = args.Where((a, i) => a != "--check" && a != "--root" && (rootIndex < 0 || i != rootIndex + 1)).ToList();
            if (unknown.Count > 0 || (rootIndex >= 0 && rootIndex + 1 >= args.Length))
            {
                Console.Error.WriteLine("usage: ClaudeCost.ConfigGenerator [--check] [--root <repository root>]");
                return 2;
            }

            var root = rootIndex >= 0 ? Path.GetFullPath(args[rootIndex + 1]) : FindRoot();
            if (root == null)
            {
                Console.Error.WriteLine("Cannot find the repository root (the folder with ClaudeCost.Analyzers.sln); pass --root.");
                return 2;
            }

            var directory = Path.Combine(root, AnalysisModeConfigs.RelativeDirectory.Replace('/', Path.DirectorySeparatorChar));
            var expected = AnalysisModeConfigs.RenderAll(AnalysisModeConfigs.DiscoverDescriptors(typeof(DiagnosticIds).Assembly));
            var stale = Compare(directory, expected);
            if (check)
            {
                foreach (var problem in stale)
                {
                    Console.Error.WriteLine(problem);
                }

                Console.WriteLine(stale.Count == 0 ? "The analysis-mode configs are up to date." : "Stale; regenerate with: " + AnalysisModeConfigs.RegenerateCommand);
                return stale.Count == 0 ? 0 : 1;
            }

            Directory.CreateDirectory(directory);
            foreach (var extra in Directory.GetFiles(directory, "claudecost.*.globalconfig").Where(f => !expected.ContainsKey(Path.GetFileName(f))))
            {
                File.Delete(extra);
                Console.WriteLine("deleted " + extra);
            }

            foreach (var (name, content) in expected)
            {
                File.WriteAllText(Path.Combine(directory, name), content);
            }

            Console.WriteLine($"{(stale.Count == 0 ? "Unchanged" : "Wrote")}: {string.Join(", ", expected.Keys)} in {directory}");
            return 0;
        }

        /// <summary>One line per file that is missing, different (line endings ignored) or not generated.</summary>
        public static List<string> Compare(string directory, IReadOnlyDictionary<string, string> expected)
        {
            var problems = new List<string>();
            foreach (var (name, content) in expected)
            {
                var path = Path.Combine(directory, name);
                if (!File.Exists(path))
                {
                    problems.Add($"{name}: missing.");
                    continue;
                }

                var actual = File.ReadAllText(path).Replace("\r\n", "\n");
                if (actual != content)
                {
                    problems.Add($"{name}: differs from the generator's output ({FirstDifference(content, actual)}).");
                }
            }

            if (Directory.Exists(directory))
            {
                foreach (var extra in Directory.GetFiles(directory, "claudecost.*.globalconfig").Select(Path.GetFileName).Where(n => !expected.ContainsKey(n!)))
                {
                    problems.Add($"{extra}: not produced by the generator (a mode that no longer exists?).");
                }
            }

            return problems;
        }

        private static string FirstDifference(string expected, string actual)
        {
            var e = expected.Split('\n');
            var a = actual.Split('\n');
            for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
            {
                var left = i < e.Length ? e[i] : "<end of file>";
                var right = i < a.Length ? a[i] : "<end of file>";
                if (left != right)
                {
                    return $"line {i + 1}: expected '{left}', committed '{right}'";
                }
            }

            return "no line differs";
        }

        private static string? FindRoot()
        {
            foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            {
                for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
                {
                    if (File.Exists(Path.Combine(dir.FullName, "ClaudeCost.Analyzers.sln")))
                    {
                        return dir.FullName;
                    }
                }
            }

            return null;
        }
    }
}
