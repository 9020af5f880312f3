using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ClaudeCost.Analyzers.Infrastructure
{
    /// <summary>
    /// The namespaces a compilation's files may declare, read from their text: each dotted name after the word
    /// <c>namespace</c>. Read from the text, not the syntax: when the compilation starts, the compiler may not have parsed
    /// every file yet. The reading errs on the side of "may declare": the word in a comment or a string counts too.
    /// </summary>
    internal sealed class SourceNamespaces
    {
        private static readonly SourceNamespaces Any = new SourceNamespaces(anything: true);

        private readonly HashSet<string> _declared = new HashSet<string>(System.StringComparer.Ordinal);
        private readonly List<string> _loose = new List<string>();
        private readonly bool _anything;

        private SourceNamespaces(bool anything)
        {
            _anything = anything;
        }

        /// <summary>Everything when the compilation adds modules, whose types are the source assembly's too.</summary>
        public static SourceNamespaces Read(Compilation compilation, CancellationToken cancellationToken)
        {
            foreach (var reference in compilation.References)
            {
                if (reference.Properties.Kind == MetadataImageKind.Module)
                {
                    return Any;
                }
            }

            var namespaces = new SourceNamespaces(anything: false);
            foreach (var tree in compilation.SyntaxTrees)
            {
                namespaces.Add(SourceSearch.FileText(tree, cancellationToken));
            }

            return namespaces;
        }

        /// <summary>The namespaces of one text (tests).</summary>
        internal static SourceNamespaces FromText(string text)
        {
            var namespaces = new SourceNamespaces(anything: false);
            namespaces.Add(text);
            return namespaces;
        }

        /// <summary>
        /// Whether a type of this metadata name (<c>A.B.Type</c>, <c>A.B.Outer+Inner</c>, <c>Type</c>) may be declared in
        /// these files. A declaration's written name is its full namespace, or the end of it when nested in another
        /// namespace declaration; a name that is not followed by <c>{</c> or <c>;</c> (a comment, a string) matches any
        /// namespace with that run of segments.
        /// </summary>
        public bool MayDeclare(string metadataName)
        {
            if (_anything)
            {
                return true;
            }

            var plus = metadataName.IndexOf('+');
            var outer = plus < 0 ? metadataName : metadataName.Substring(0, plus);
            var dot = outer.LastIndexOf('.');
            if (dot < 0)
            {
                return true; // the global namespace: any file may declare a type there
            }

            var ns = outer.Substring(0, dot);
            if (_declared.Contains(ns))
            {
                return true;
            }

            foreach (var name in _declared)
            {
                if (EndsWithSegments(ns, name))
                {
                    return true;
                }
            }

            foreach (var name in _loose)
            {
                var at = ("." + ns + ".").IndexOf("." + name + ".", System.StringComparison.Ordinal);
                if (at >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool EndsWithSegments(string ns, string name)
            => ns.Length > name.Length && ns[ns.Length - name.Length - 1] == '.' && ns.EndsWith(name, System.StringComparison.Ordinal);

        private void Add(string text)
        {
            const string Keyword = "namespace";
            for (var at = text.IndexOf(Keyword, System.StringComparison.Ordinal); at >= 0; at = text.IndexOf(Keyword, at + Keyword.Length, System.StringComparison.Ordinal))
            {
                if (at > 0 && IsIdentifierChar(text[at - 1]))
                {
                    continue;
                }

                var i = at + Keyword.Length;
                if (i >= text.Length || !char.IsWhiteSpace(text[i]))
                {
                    continue; // "namespaces", "namespace(" …
                }

                var name = new System.Text.StringBuilder();
                while (true)
                {
                    i = SkipWhiteSpace(text, i);
                    if (i < text.Length && text[i] == '@')
                    {
                        i++;
                    }

                    var start = i;
                    while (i < text.Length && IsIdentifierChar(text[i]))
                    {
                        i++;
                    }

                    if (i == start)
                    {
                        break;
                    }

                    name.Append(text, start, i - start);
                    var next = SkipWhiteSpace(text, i);
                    if (next < text.Length && text[next] == '.')
                    {
                        name.Append('.');
                        i = next + 1;
                        continue;
                    }

                    break;
                }

                if (name.Length == 0)
                {
                    continue;
                }

                var end = SkipWhiteSpace(text, i);
                var written = name.ToString().TrimEnd('.');
                if (end < text.Length && (text[end] == '{' || text[end] == ';') && !name.ToString().EndsWith(".", System.StringComparison.Ordinal))
                {
                    _declared.Add(written);
                }
                else if (written.Length > 0 && !_loose.Contains(written))
                {
                    _loose.Add(written);
                }
            }
        }

        private static int SkipWhiteSpace(string text, int i)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            return i;
        }

        private static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c == '_';
    }
}
