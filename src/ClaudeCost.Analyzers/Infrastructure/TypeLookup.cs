using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ClaudeCost.Analyzers.Infrastructure
{
    /// <summary>
    /// Finds types by metadata name, once per compilation and name, with the answers of
    /// <c>Compilation.GetTypeByMetadataName</c> — without asking the compilation's own source when no type of the source
    /// has the type's name.
    /// </summary>
    /// <remarks>
    /// Library types (<c>System.*</c>, <c>Anthropic.*</c>, <c>Polly.*</c>) come from references in real projects. A lookup
    /// that includes the source (as <c>Compilation.GetTypeByMetadataName</c> always does) searches the source's merged
    /// namespaces too, so the source is asked only when it declares a type of that simple name somewhere (tests'
    /// stand-ins, a project that compiles a client's sources into itself). The rules look types up from their first
    /// callback, when the compiler has declared every file: the source's type names are then a set it already holds
    /// (<c>IAssemblySymbol.TypeNames</c>); before, they were read from every file's text (3–9 ms per build).
    /// </remarks>
    internal sealed class TypeLookup
    {
        private readonly Compilation _compilation;
        private readonly ConcurrentDictionary<string, INamedTypeSymbol?> _types = SharedCache.Create<string, INamedTypeSymbol?>(comparer: System.StringComparer.Ordinal);
        private readonly ConcurrentDictionary<(string Assembly, string Name), INamedTypeSymbol?> _libraryTypes = SharedCache.Create<(string Assembly, string Name), INamedTypeSymbol?>();
        private int _addsModules; // 0: not known yet, 1: yes, 2: no
        private IAssemblySymbol[]? _references;

        public TypeLookup(Compilation compilation)
        {
            _compilation = compilation;
        }

        /// <summary>The type, or null when it is missing or ambiguous (as <c>Compilation.GetTypeByMetadataName</c>).</summary>
        public INamedTypeSymbol? Find(string metadataName)
            => _types.GetOrAdd(metadataName, name => SourceMayDeclare(name) ? _compilation.GetTypeByMetadataName(name) : FindInReferences(name));

        /// <summary>
        /// A client library's type: from the referenced assembly of that name (another assembly's type of the same name
        /// is not the library's), or from source that may declare it.
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

            return SourceMayDeclare(metadataName) ? _compilation.Assembly.GetTypeByMetadataName(metadataName) : null;
        }

        private INamedTypeSymbol? FindInReferences(string metadataName)
        {
            INamedTypeSymbol? found = null;
            foreach (var assembly in References())
            {
                if (assembly.GetTypeByMetadataName(metadataName) is { } candidate && IsVisible(candidate))
                {
                    if (found != null && !SymbolEqualityComparer.Default.Equals(found, candidate))
                    {
                        return null; // in two references: ambiguous, as for the compiler
                    }

                    found = candidate;
                }
            }

            return found;
        }

        private static bool IsVisible(INamedTypeSymbol type)
            => type.DeclaredAccessibility == Accessibility.Public;

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

        /// <summary>
        /// Whether the source may declare the type: some type of the source has its top-level type's simple name (a
        /// superset of the compiler's answer, checked against it by the lookup itself), or the compilation adds modules,
        /// whose types are the source assembly's too.
        /// </summary>
        private bool SourceMayDeclare(string metadataName)
        {
            var addsModules = Volatile.Read(ref _addsModules);
            if (addsModules == 0)
            {
                addsModules = 2;
                foreach (var reference in _compilation.References)
                {
                    if (reference.Properties.Kind == MetadataImageKind.Module)
                    {
                        addsModules = 1;
                        break;
                    }
                }

                Volatile.Write(ref _addsModules, addsModules);
            }

            return addsModules == 1 || _compilation.Assembly.TypeNames.Contains(TopLevelSimpleName(metadataName));
        }

        /// <summary><c>A.B.Outer`1+Inner</c> → <c>Outer</c>: the name a source declaration of the type's outermost type has.</summary>
        internal static string TopLevelSimpleName(string metadataName)
        {
            var end = metadataName.IndexOf('+');
            if (end < 0)
            {
                end = metadataName.Length;
            }

            var start = end == 0 ? 0 : metadataName.LastIndexOf('.', end - 1) + 1;
            var arity = metadataName.IndexOf('`', start, end - start);
            return metadataName.Substring(start, (arity < 0 ? end : arity) - start);
        }
    }
}
