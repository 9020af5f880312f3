using System;
using System.Threading;

namespace ClaudeCost.Analyzers.Infrastructure
{
    /// <summary>
    /// A rule's per-compilation state, made by its first callback instead of when the compilation starts: in a build the
    /// compilation starts while the compiler is still reading, parsing and declaring the files on other threads, and the
    /// type lookups and text searches the state needs would do (or wait for) that work; by the first per-file callback it
    /// is done. A null state means the rule has nothing to look at in this compilation. A computation that throws
    /// (cancellation) is not kept.
    /// </summary>
    internal sealed class OnFirstUse<T>
        where T : class
    {
        private static readonly object Nothing = new object();
        private readonly Func<CancellationToken, T?> _create;
        private readonly object _gate = new object();
        private object? _value;

        public OnFirstUse(Func<CancellationToken, T?> create)
        {
            _create = create;
        }

        public T? Get(CancellationToken cancellationToken)
        {
            var value = Volatile.Read(ref _value);
            if (value == null)
            {
                lock (_gate)
                {
                    value = _value;
                    if (value == null)
                    {
                        value = _create(cancellationToken) ?? Nothing;
                        Volatile.Write(ref _value, value);
                    }
                }
            }

            return ReferenceEquals(value, Nothing) ? null : (T)value;
        }
    }
}
