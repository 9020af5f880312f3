using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;

namespace ClaudeCost.Benchmarks.EndToEnd
{
    /// <summary>Runs dotnet commands and finds the repository.</summary>
    internal static class Tooling
    {
        public static string FindRepositoryRoot()
        {
            foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            {
                for (var directory = new DirectoryInfo(start); directory != null; directory = directory.Parent)
                {
                    if (File.Exists(Path.Combine(directory.FullName, "ClaudeCost.Analyzers.sln")))
                    {
                        return directory.FullName;
                    }
                }
            }

            throw new InvalidOperationException("Cannot find the repository (ClaudeCost.Analyzers.sln) above the current directory or the program.");
        }

        /// <summary>Runs dotnet with the arguments; returns the exit code and the combined output.</summary>
        public static (int ExitCode, string Output, TimeSpan Elapsed) Dotnet(string workingDirectory, params string[] arguments)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

            var output = new StringBuilder();
            var stopwatch = Stopwatch.StartNew();
            using var process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) => Append(output, e.Data);
            process.ErrorDataReceived += (_, e) => Append(output, e.Data);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            process.WaitForExit();
            stopwatch.Stop();
            return (process.ExitCode, output.ToString(), stopwatch.Elapsed);
        }

        public static void DotnetOrThrow(string workingDirectory, params string[] arguments)
        {
            var (exitCode, output, _) = Dotnet(workingDirectory, arguments);
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed ({exitCode}):{Environment.NewLine}{Tail(output, 60)}");
            }
        }

        public static string Tail(string text, int lines)
            => string.Join(Environment.NewLine, text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).TakeLast(lines));

        public static string MachineDescription()
        {
            var cpu = "unknown CPU";
            try
            {
                if (File.Exists("/proc/cpuinfo"))
                {
                    var model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
                    if (model != null)
                    {
                        cpu = model.Substring(model.IndexOf(':', StringComparison.Ordinal) + 1).Trim();
                    }
                }
            }
            catch (IOException)
            {
            }

            var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
            return $"{Environment.ProcessorCount} cores ({cpu}), {memory:0} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}";
        }

        /// <summary>
        /// Waits (up to <paramref name="maximum"/>) until the CPUs are less than 15% busy over one second, so a build of
        /// someone else does not land in a measurement; returns the last busy fraction seen (0 where /proc/stat is missing).
        /// </summary>
        public static double WaitForQuietMachine(TimeSpan maximum)
        {
            var deadline = Stopwatch.StartNew();
            while (true)
            {
                var busy = BusyFraction(TimeSpan.FromSeconds(1));
                if (busy < 0.15 || deadline.Elapsed >= maximum)
                {
                    return busy;
                }

                System.Threading.Thread.Sleep(2000);
            }
        }

        private static double BusyFraction(TimeSpan interval)
        {
            static (long Busy, long Total)? Sample()
            {
                if (!File.Exists("/proc/stat"))
                {
                    return null;
                }

                var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
                var idle = fields[3] + (fields.Length > 4 ? fields[4] : 0);
                var total = fields.Sum();
                return (total - idle, total);
            }

            var first = Sample();
            System.Threading.Thread.Sleep(interval);
            var second = Sample();
            if (first == null || second == null || second.Value.Total == first.Value.Total)
            {
                return 0;
            }

            return (double)(second.Value.Busy - first.Value.Busy) / (second.Value.Total - first.Value.Total);
        }

        public static string SdkVersion()
        {
            var (exitCode, output, _) = Dotnet(Directory.GetCurrentDirectory(), "--version");
            return exitCode == 0 ? output.Trim() : "unknown";
        }

        private static void Append(StringBuilder output, string? line)
        {
            if (line == null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    internal static class Stats
    {
        public static double Median(IEnumerable<double> values)
        {
            var sorted = values.OrderBy(v => v).ToArray();
            if (sorted.Length == 0)
            {
                return double.NaN;
            }

            var middle = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }

        /// <summary>Nearest-rank percentile.</summary>
        public static double Percentile(IEnumerable<double> values, double percentile)
        {
            var sorted = values.OrderBy(v => v).ToArray();
            if (sorted.Length == 0)
            {
                return double.NaN;
            }

            var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length);
            return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
        }
    }
}
