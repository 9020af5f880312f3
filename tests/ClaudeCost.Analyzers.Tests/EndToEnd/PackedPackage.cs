using System;
using System.Globalization;
using System.IO;
using System.Linq;
using Xunit;

namespace ClaudeCost.Analyzers.Tests.EndToEnd
{
    /// <summary>
    /// Packs src/ClaudeCost.Package once for all end-to-end tests (a collection fixture) into a temporary local feed, with a version no earlier run
    /// used, so a restore can never pick up a stale copy from the NuGet caches. Build output goes to a temporary
    /// artifacts folder, not to the repository's bin/obj folders.
    /// </summary>
    public sealed class PackedPackage : IDisposable
    {
        private readonly TempDirectory _work = new TempDirectory("claudecost-pack");
        private readonly Lazy<ProcessResult> _pack;

        public PackedPackage()
        {
            Version = "0.0.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + ".g" + Guid.NewGuid().ToString("N").Substring(0, 8);
            FeedDirectory = _work.Combine("feed");
            Directory.CreateDirectory(FeedDirectory);
            _pack = new Lazy<ProcessResult>(Pack);
        }

        public const string PackageId = "ClaudeCost.Analyzers";

        public string Version { get; }

        public string FeedDirectory { get; }

        public string PackagePath => Path.Combine(FeedDirectory, PackageId + "." + Version + ".nupkg");

        /// <summary>Packs on first use; fails the calling test with the full pack output when packing fails.</summary>
        public string EnsurePacked()
        {
            var result = _pack.Value;
            Assert.True(result.Succeeded, "dotnet pack failed:" + Environment.NewLine + result.Describe());
            Assert.True(File.Exists(PackagePath), $"dotnet pack succeeded but {PackagePath} does not exist. Feed contains: {string.Join(", ", Directory.GetFiles(FeedDirectory).Select(Path.GetFileName))}{Environment.NewLine}{result.Describe()}");
            return PackagePath;
        }

        private ProcessResult Pack()
        {
            return ProcessRunner.Dotnet(
                RepositoryLayout.Root,
                "pack",
                RepositoryLayout.PackageProject,
                "-c", "Release",
                "-o", FeedDirectory,
                "--artifacts-path", _work.Combine("artifacts"),
                "-p:ClaudeCostVersion=" + Version,
                "-nodeReuse:false",
                "-tl:off");
        }

        public void Dispose()
        {
            _work.Dispose();
            RemoveFromGlobalPackagesFolder();
        }

        /// <summary>Restoring the test app extracted this one-off version into the NuGet global packages folder; remove it.</summary>
        private void RemoveFromGlobalPackagesFolder()
        {
            try
            {
                var root = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
                if (string.IsNullOrEmpty(root))
                {
                    root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
                }

                var folder = Path.Combine(root, PackageId.ToLowerInvariant(), Version.ToLowerInvariant());
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
            catch (IOException)
            {
                // Best effort: a leftover folder only costs disk space.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    /// <summary>
    /// The end-to-end tests run one at a time (each runs several full builds on a small machine) and share one packed
    /// package: test classes in this collection take a <see cref="PackedPackage"/> constructor parameter.
    /// </summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class EndToEndCollection : ICollectionFixture<PackedPackage>
    {
        public const string Name = "EndToEnd";
    }
}
