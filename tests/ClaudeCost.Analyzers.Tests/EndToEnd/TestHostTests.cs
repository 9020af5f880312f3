using System;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace ClaudeCost.Analyzers.Tests.EndToEnd
{
    /// <summary>
    /// The suite runs on two Roslyn hosts (.ci/run): the default TestRoslynVersion and the newest, pinned with
    /// -p:TestRoslynVersion=…. .ci/run sets CLAUDECOST_EXPECTED_ROSLYN for the second run, so a build that silently
    /// fell back to the default host (a shared output folder, a cached restore) fails here instead of testing twice
    /// the same thing.
    /// </summary>
    [Trait("Category", "Host")]
    public sealed class TestHostTests
    {
        public const string ExpectedVersionVariable = "CLAUDECOST_EXPECTED_ROSLYN";

        private readonly ITestOutputHelper _output;

        public TestHostTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void Tests_run_on_the_expected_Roslyn_host()
        {
            var compiler = typeof(Compilation).Assembly.GetName().Version!;
            var workspaces = typeof(Workspace).Assembly.GetName().Version!;
            _output.WriteLine($"Microsoft.CodeAnalysis {compiler}, Microsoft.CodeAnalysis.Workspaces {workspaces}");

            var expectedText = Environment.GetEnvironmentVariable(ExpectedVersionVariable);
            if (string.IsNullOrWhiteSpace(expectedText))
            {
                return;
            }

            var expected = Version.Parse(expectedText);
            Assert.True(
                (compiler.Major, compiler.Minor) == (expected.Major, expected.Minor) && (workspaces.Major, workspaces.Minor) == (expected.Major, expected.Minor),
                $"{ExpectedVersionVariable}={expectedText}, but the tests run on Microsoft.CodeAnalysis {compiler} and Workspaces {workspaces}.");
        }
    }
}
