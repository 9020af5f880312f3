using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;

namespace ClaudeCost.Analyzers.Tests.EndToEnd
{
    /// <summary>The outcome of one child process: exit code and the interleaved stdout/stderr text.</summary>
    public sealed class ProcessResult
    {
        public ProcessResult(string commandLine, string workingDirectory, int exitCode, bool timedOut, TimeSpan elapsed, string output)
        {
            CommandLine = commandLine;
            WorkingDirectory = workingDirectory;
            ExitCode = exitCode;
            TimedOut = timedOut;
            Elapsed = elapsed;
            Output = output;
        }

        public string CommandLine { get; }

        public string WorkingDirectory { get; }

        public int ExitCode { get; }

        public bool TimedOut { get; }

        public TimeSpan Elapsed { get; }

        public string Output { get; }

        public bool Succeeded => !TimedOut && ExitCode == 0;

        /// <summary>Everything needed to understand a failure, for assertion messages.</summary>
        public string Describe()
        {
            var status = TimedOut ? "TIMED OUT (killed)" : "exit code " + ExitCode;
            return $"> {CommandLine}{Environment.NewLine}  (in {WorkingDirectory}; {status}; {Elapsed.TotalSeconds:0.0} s){Environment.NewLine}{Output}";
        }
    }

    /// <summary>
    /// Runs child processes (dotnet pack/build/format) with a time limit, isolated from the test host's MSBuild
    /// environment, and with no build servers left behind that would keep the output pipes open.
    /// </summary>
    public static class ProcessRunner
    {
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

        /// <summary>Variables the outer `dotnet test` may set that must not steer a nested, independent build.</summary>
        private static readonly string[] InheritedVariablesToRemove =
        {
            "MSBuildExtensionsPath",
            "MSBuildSDKsPath",
            "MSBUILD_EXE_PATH",
            "MSBuildLoadMicrosoftTargetsReadOnly",
            "MSBUILDNOINPROCNODE",
            "_MSBUILDTLENABLED",
            "VSTEST_HOST_DEBUG",
            "VSTEST_RUNNER_DEBUG",
        };

        /// <summary>The dotnet host that runs this test (so nested builds use the same SDK installation).</summary>
        public static string DotnetExecutable
        {
            get
            {
                var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
                return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
            }
        }

        /// <summary>Runs `dotnet args…` in <paramref name="workingDirectory"/>.</summary>
        public static ProcessResult Dotnet(string workingDirectory, params string[] arguments)
            => Run(DotnetExecutable, arguments, workingDirectory, DefaultTimeout);

        public static ProcessResult Run(string fileName, IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
        {
            var startInfo = new ProcessStartInfo(fileName)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
                CreateNoWindow = true,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
            };
            foreach (var argument in arguments)
            {
                startInfo.ArgumentList.Add(argument);
            }

            foreach (var name in InheritedVariablesToRemove)
            {
                startInfo.Environment.Remove(name);
            }

            startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            startInfo.Environment["DOTNET_NOLOGO"] = "1";
            startInfo.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
            startInfo.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
            // No MSBuild node reuse, no MSBuild server, no compiler server: a lingering server would inherit our
            // output pipes and keep them open after the command exits.
            startInfo.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            startInfo.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
            startInfo.Environment["UseSharedCompilation"] = "false";
            if (environment != null)
            {
                foreach (var pair in environment)
                {
                    startInfo.Environment[pair.Key] = pair.Value;
                }
            }

            var commandLine = fileName + " " + string.Join(" ", arguments.Select(Quote));
            var output = new StringBuilder();
            var gate = new object();
            using var stdoutDone = new ManualResetEventSlim();
            using var stderrDone = new ManualResetEventSlim();
            using var process = new Process { StartInfo = startInfo };
            process.OutputDataReceived += (_, e) => Append(e.Data, stdoutDone);
            process.ErrorDataReceived += (_, e) => Append(e.Data, stderrDone);

            var stopwatch = Stopwatch.StartNew();
            process.Start();
            process.StandardInput.Close();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            var timedOut = !process.WaitForExit((int)timeout.TotalMilliseconds);
            if (timedOut)
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // It exited on its own in the meantime.
                }

                process.WaitForExit(10_000);
            }

            // The streams normally close with the process; a grandchild that inherited them must not hang the test.
            stdoutDone.Wait(TimeSpan.FromSeconds(15));
            stderrDone.Wait(TimeSpan.FromSeconds(15));
            stopwatch.Stop();

            string text;
            lock (gate)
            {
                text = output.ToString();
            }

            return new ProcessResult(commandLine, workingDirectory, timedOut ? -1 : process.ExitCode, timedOut, stopwatch.Elapsed, text);

            void Append(string? line, ManualResetEventSlim done)
            {
                if (line == null)
                {
                    done.Set();
                    return;
                }

                lock (gate)
                {
                    output.AppendLine(line);
                }
            }
        }

        private static string Quote(string argument)
            => argument.Length > 0 && argument.IndexOfAny(new[] { ' ', '"', '\'' }) < 0 ? argument : "\"" + argument.Replace("\"", "\\\"") + "\"";
    }
}
