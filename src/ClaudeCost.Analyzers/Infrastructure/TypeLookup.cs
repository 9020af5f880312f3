using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ClaudeCost.Analyzers.Infrastructure
{
    /// <summary>
    /// Finds types by metadata name, once per compilation and name; client-library types only in their own assembly.
    /// </summary>
    /// <remarks>
    /// The rules look types up from their first callback, never when the compilation starts: in a build, the compiler
    /// is then still declaring the files on other threads, and a lookup that includes the source (as
    /// <c>Compilation.GetTypeByMetadataName</c> does) waits for them. By the first callback every file is declared and the
    /// source's part of a lookup is a few dictionary lookups in namespaces the compiler has already built. Reading the
    /// files' text to decide whether to ask the source at all (an earlier version) cost more than asking: 3–9 ms per build.
    /// </remarks>
    internal sealed class TypeLookup
    {
        private readonly Compilation _compilation;
        private readonly ConcurrentDictionary<string, INamedTypeSymbol?> _types = SharedCache.Create<string, INamedTypeSymbol?>(comparer: System.StringComparer.Ordinal);
        private readonly ConcurrentDictionary<(string Assembly, string Name), INamedTypeSymbol?> _libraryTypes = SharedCache.Create<(string Assembly, string Name), INamedTypeSymbol?>();
        private IAssemblySymbol[]? _references;

        public TypeLookup(Compilation compilation)
        {
            _compilation = compilation;
        }

        /// <summary>The type, or null when it is missing or ambiguous (<c>Compilation.GetTypeByMetadataName</c>).</summary>
        public INamedTypeSymbol? Find(string metadataName)
            => _types.GetOrAdd(metadataName, name => _compilation.GetTypeByMetadataName(name));

        /// <summary>
        /// A client library's type: from the referenced assembly of that name (another assembly's type of the same name
        /// is not the library's), or from the source (tests' stand-ins, a project that compiles a client's sources).
        /// </summary>
        public INamedTypeSymbol? FindInLibrary(string assemblyName, string metadataName)
            => _libraryTypes.GetOrAdd((assemblyName, metadataName), key => FindInLibraryCore(key.Assembly, key.Name));

        private INamedTypeSymbol? FindInLibraryCore(string assemblyName, string metadataName)
        {
            foreach (var assembly in References())
            {
                if (assembly.Identity.Name == assemblyName)
                {
                    if (assembly.GetTypeByMetadataName(metadataName) is { } referenced)
                    {
                        return referenced;
                    }

                    break;
                }
            }

            return _compilation.Assembly.GetTypeByMetadataName(metadataName);
        }

        private IAssemblySymbol[] References()
        {
            var references = Volatile.Read(ref _references);
            if (references == null)
            {
                var list = new List<IAssemblySymbol>();
                var seen = new HashSet<IAssemblySymbol>(SymbolEqualityComparer.Default);
                foreach (var reference in _compilation.References)
                {
                    if (_compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly && seen.Add(assembly))
                    {
                        list.Add(assembly);
                    }
                }

                references = list.ToArray();
                Volatile.Write(ref _references, references);
            }

            return references;
        }
    }
}
