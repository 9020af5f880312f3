using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ClaudeCost.Analyzers.Infrastructure
{
    /// <summary>
    /// Finds types by metadata name, once per compilation and name, with the answers of
    /// <c>Compilation.GetTypeByMetadataName</c> — without asking the compilation's own source when no file declares a
    /// namespace the type could be in.
    /// </summary>
    /// <remarks>
    /// The rules look their library types up when the compilation starts. In a build that is while the compiler is still
    /// building the source's declarations on other threads: a lookup that includes the source (as
    /// <c>Compilation.GetTypeByMetadataName</c> always does) merges them, and waits for the files other threads are on.
    /// Library types (<c>System.*</c>, <c>Anthropic.*</c>, <c>Polly.*</c>) come from references in real projects, so the
    /// source is asked only when one of its files may declare the type's namespace (tests' stand-ins, a project that
    /// compiles a client's sources into itself, extension methods in <c>namespace System.Net.Http</c>); a
    /// <c>System.Text.RegularExpressions.Generated</c> from the regex generator does not make it ask for
    /// <c>System.Guid</c>. Which namespaces the files declare is read from their text (<see cref="SourceNamespaces"/>).
    /// </remarks>
    internal sealed class TypeLookup
    {
        private readonly Compilation _compilation;
        private readonly ConcurrentDictionary<string, INamedTypeSymbol?> _types = SharedCache.Create<string, INamedTypeSymbol?>(comparer: System.StringComparer.Ordinal);
        private readonly ConcurrentDictionary<(string Assembly, string Name), INamedTypeSymbol?> _libraryTypes = SharedCache.Create<(string Assembly, string Name), INamedTypeSymbol?>();
        private SourceNamespaces? _sourceNamespaces; // null: not read yet
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

        private bool SourceMayDeclare(string metadataName)
        {
            var namespaces = Volatile.Read(ref _sourceNamespaces);
            if (namespaces == null)
            {
                namespaces = SourceNamespaces.Read(_compilation, CancellationToken.None);
                Volatile.Write(ref _sourceNamespaces, namespaces);
            }

            return namespaces.MayDeclare(metadataName);
        }
    }
}
