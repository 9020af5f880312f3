using System.Collections.Concurrent;
using System.Collections.Generic;

namespace ClaudeCost.Analyzers.Infrastructure
{
    /// <summary>
    /// The per-compilation caches the rules share across the driver's threads. A default <c>ConcurrentDictionary</c> has
    /// one lock per processor (two on a 2-core build machine) and starts small, so adds from several threads wait on each
    /// other, and on the resizes that take every lock; in a build, a waiting thread may wait for a lock holder the
    /// scheduler has stopped. More locks and a sensible first size keep those waits rare.
    /// </summary>
    internal static class SharedCache
    {
        private const int Locks = 32;

        public static ConcurrentDictionary<TKey, TValue> Create<TKey, TValue>(int capacity = 64, IEqualityComparer<TKey>? comparer = null)
            where TKey : notnull
            => new ConcurrentDictionary<TKey, TValue>(Locks, capacity, comparer ?? EqualityComparer<TKey>.Default);
    }
}
