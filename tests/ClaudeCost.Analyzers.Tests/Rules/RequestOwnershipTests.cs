using System.Threading.Tasks;
using ClaudeCost.Analyzers.Rules;
using ClaudeCost.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Xunit;
using static ClaudeCost.Analyzers.Tests.Verifiers.DiagnosticResult;

namespace ClaudeCost.Analyzers.Tests.Rules
{
    /// <summary>
    /// Every request is found, and reported once, wherever its code sits: top-level statements and the types after them,
    /// primary-constructor arguments, field and property initializers, constructor initializers, lambdas in them.
    /// </summary>
    public class RequestOwnershipTests
    {
        private const string Body = """new { model = "claude-sonnet-4-6", messages = new[] { new { role = "user", content = "hi" } } }""";

        [Fact]
        public Task TopLevelStatementsAndTheTypesAfterThemReportEachRequestOnce()
        {
            var test = new AnalyzerTest<CC0005MissingOutputLimitAnalyzer> { OutputKind = OutputKind.ConsoleApplication };
            test.TestCode = $$"""
                var first = {|#0:{{Body}}|};
                System.Console.WriteLine(first);

                static object Local() => {|#1:{{Body}}|};

                class Later
                {
                    public object Method() => {|#2:{{Body}}|};

                    public static readonly object Field = {|#3:{{Body}}|};
                }
                """;
            test.ExpectedDiagnostics.Add(Diagnostic("CC0005").WithLocation(0));
            test.ExpectedDiagnostics.Add(Diagnostic("CC0005").WithLocation(1));
            test.ExpectedDiagnostics.Add(Diagnostic("CC0005").WithLocation(2));
            test.ExpectedDiagnostics.Add(Diagnostic("CC0005").WithLocation(3));
            return test.RunAsync();
        }

        [Fact]
        public Task PrimaryConstructorArgumentsAndTheTypesMembersReportEachRequestOnce()
            => new AnalyzerTest<CC0005MissingOutputLimitAnalyzer>
            {
                TestCode = $$"""
                    class Sender(object body)
                    {
                        public object Body { get; } = body;
                    }

                    class Defaults() : Sender({|#0:{{Body}}|})
                    {
                        public object Other => {|#1:{{Body}}|};

                        private readonly object _field = {|#2:{{Body}}|};
                    }
                    """,
                ExpectedDiagnostics = { Diagnostic("CC0005").WithLocation(0), Diagnostic("CC0005").WithLocation(1), Diagnostic("CC0005").WithLocation(2) },
            }.RunAsync();

        [Fact]
        public Task InitializersConstructorInitializersAndLambdasInThemAreLookedAt()
            => new AnalyzerTest<CC0005MissingOutputLimitAnalyzer>
            {
                TestCode = $$"""
                    using System;

                    class Sender
                    {
                        public Sender(object body) { }
                    }

                    class Requests : Sender
                    {
                        public Requests() : base({|#0:{{Body}}|}) { }

                        public object Property { get; } = {|#1:{{Body}}|};

                        public static readonly Func<object> Factory = () => {|#2:{{Body}}|};

                        public object this[int i] { get { return {|#3:{{Body}}|}; } }
                    }
                    """,
                ExpectedDiagnostics =
                {
                    Diagnostic("CC0005").WithLocation(0), Diagnostic("CC0005").WithLocation(1),
                    Diagnostic("CC0005").WithLocation(2), Diagnostic("CC0005").WithLocation(3),
                },
            }.RunAsync();
    }
}
