using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace ClaudeCost.Analyzers.Tests.EndToEnd
{
    /// <summary>Paths in the repository, from the RepositoryRoot metadata the test project stamps on its assembly.</summary>
    public static class RepositoryLayout
    {
        private static readonly Lazy<string> LazyRoot = new Lazy<string>(FindRoot);

        public static string Root => LazyRoot.Value;

        public static string PackageProject => Path.Combine(Root, "src", "ClaudeCost.Package", "ClaudeCost.Package.csproj");

        public static string SampleProject => Path.Combine(Root, "samples", "ClaudeCost.Sample", "ClaudeCost.Sample.csproj");

        public static string ReadmePath => Path.Combine(Root, "README.md");

        public static string DocsDirectory => Path.Combine(Root, "docs");

        public static string RulesDocsDirectory => Path.Combine(Root, "docs", "rules");

        public static string AnalyzerProjectDirectory => Path.Combine(Root, "src", "ClaudeCost.Analyzers");

        private static string FindRoot()
        {
            var value = typeof(RepositoryLayout).Assembly
                .GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
            if (string.IsNullOrEmpty(value))
            {
                throw new InvalidOperationException("The test assembly has no [AssemblyMetadata(\"RepositoryRoot\", …)] attribute; see ClaudeCost.Analyzers.Tests.csproj.");
            }

            var root = Path.GetFullPath(value);
            if (!File.Exists(Path.Combine(root, "ClaudeCost.Analyzers.sln")))
            {
                throw new InvalidOperationException($"RepositoryRoot '{root}' does not contain ClaudeCost.Analyzers.sln.");
            }

            return root;
        }
    }

    /// <summary>A fresh directory under the system temp folder, deleted on dispose (best effort).</summary>
    public sealed class TempDirectory : IDisposable
    {
        public TempDirectory(string prefix)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), prefix + "-" + Guid.NewGuid().ToString("N").Substring(0, 12));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public string Combine(params string[] parts) => System.IO.Path.Combine(new[] { Path }.Concat(parts).ToArray());

        public string WriteFile(string relativePath, string content)
        {
            var full = Combine(relativePath);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
            return full;
        }

        public void Dispose()
        {
            for (var attempt = 0; attempt < 3; attempt++)
            {
                try
                {
                    if (Directory.Exists(Path))
                    {
                        Directory.Delete(Path, recursive: true);
                    }

                    return;
                }
                catch (IOException)
                {
                    System.Threading.Thread.Sleep(500);
                }
                catch (UnauthorizedAccessException)
                {
                    System.Threading.Thread.Sleep(500);
                }
            }
        }
    }
}
