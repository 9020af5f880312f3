using System;
using System.Threading.Tasks;
using ClaudeCost.Analyzers.Knowledge;
using Xunit;

namespace ClaudeCost.Analyzers.Tests.Knowledge
{
    public class HotPathTests
    {
        [Fact]
        public void RepeatedLookupsDoNotAllocate()
        {
            var catalog = ModelCatalog.Default;
            var spellings = new[] { "claude-sonnet-4-6", "CLAUDE-SONNET-4-6", "anthropic.claude-3-haiku-20240307-v1:0", "us.anthropic.claude-sonnet-4-6", "claude-opus-9", "gpt-4o" };

            // Warm up: the first miss of each spelling normalizes once and is remembered; the first loop lets the JIT settle.
            foreach (var s in spellings)
            {
                catalog.TryResolve(s, out _);
                ModelCatalog.IsClaudeShaped(s);
            }

            var hits = Run(catalog, spellings);
            Assert.Equal(4000, hits);
            var before = GC.GetAllocatedBytesForCurrentThread();
            hits = Run(catalog, spellings);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(4000, hits);
            Assert.Equal(0, allocated);
        }

        private static int Run(ModelCatalog catalog, string[] spellings)
        {
            var hits = 0;
            for (var i = 0; i < 1000; i++)
            {
                foreach (var s in spellings)
                {
                    if (catalog.TryResolve(s, out _))
                    {
                        hits++;
                    }

                    ModelCatalog.IsClaudeShaped(s);
                }
            }

            return hits;
        }

        [Fact]
        public void ConcurrentLookupsAgree()
        {
            var catalog = ModelCatalog.Default.WithOverrides("{}", out _);
            var inputs = new[]
            {
                "us.anthropic.claude-sonnet-4-5-20250929-v1:0", "claude-3-5-sonnet-v2@20241022", "claude-opus-4-6[1m]", " claude-haiku-4-5 ", "llama3",
            };
            var expected = new[] { "claude-sonnet-4-5-20250929", "claude-3-5-sonnet-20241022", "claude-opus-4-6", "claude-haiku-4-5-20251001", null };
            Parallel.For(0, 2000, i =>
            {
                var k = i % inputs.Length;
                var found = catalog.TryResolve(inputs[k], out var match);
                Assert.Equal(expected[k] != null, found);
                if (found)
                {
                    Assert.Equal(expected[k], match.CanonicalId);
                }
            });
        }
    }
}
