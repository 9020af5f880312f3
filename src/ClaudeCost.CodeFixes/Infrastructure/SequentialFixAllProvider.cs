using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ClaudeCost.CodeFixes.Infrastructure
{
    /// <summary>
    /// A syntax rewrite for one diagnostic: given the current root and the diagnostic's nodes found by annotation,
    /// returns the new root, or null when the fix does not apply (any more).
    /// </summary>
    internal delegate SyntaxNode? DiagnosticRewrite(SyntaxNode root, AnnotatedDiagnostic diagnostic);

    /// <summary>A diagnostic whose primary and additional locations are tracked by annotations across edits.</summary>
    internal sealed class AnnotatedDiagnostic
    {
        public AnnotatedDiagnostic(Diagnostic diagnostic, SyntaxAnnotation primary, ImmutableArray<SyntaxAnnotation> additional)
        {
            Diagnostic = diagnostic;
            Primary = primary;
            Additional = additional;
        }

        public Diagnostic Diagnostic { get; }

        public SyntaxAnnotation Primary { get; }

        public ImmutableArray<SyntaxAnnotation> Additional { get; }

        public SyntaxNode? PrimaryNode(SyntaxNode root) => root.GetAnnotatedNodes(Primary).FirstOrDefault();

        public SyntaxNode? AdditionalNode(SyntaxNode root, int index)
            => index < Additional.Length ? root.GetAnnotatedNodes(Additional[index]).FirstOrDefault() : null;

        public string? Property(string name) => Diagnostic.Properties.TryGetValue(name, out var value) ? value : null;
    }

    /// <summary>
    /// Applies a document's fixes one after another on one tree, finding each diagnostic's nodes by annotation, so
    /// that FixAll gives the same result as fixing one by one, even when two fixes touch the same initializer.
    /// </summary>
    internal static class SequentialFixer
    {
        public static async Task<Document> ApplyAsync(Document document, IEnumerable<Diagnostic> diagnostics, DiagnosticRewrite rewrite, Func<Document, CancellationToken, Task<Document>> finish, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return document;
            }

            var tracked = new List<AnnotatedDiagnostic>();
            var nodesToAnnotate = new Dictionary<SyntaxNode, List<SyntaxAnnotation>>();
            foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
            {
                var primaryNode = FindNode(root, diagnostic.Location);
                if (primaryNode == null || IsTooDeep(primaryNode))
                {
                    continue;
                }

                var primary = new SyntaxAnnotation("ClaudeCost.Fix");
                Add(nodesToAnnotate, primaryNode, primary);
                var additional = ImmutableArray.CreateBuilder<SyntaxAnnotation>();
                foreach (var location in diagnostic.AdditionalLocations)
                {
                    var annotation = new SyntaxAnnotation("ClaudeCost.Fix");
                    var node = location.SourceTree == root.SyntaxTree ? FindNode(root, location) : null;
                    if (node != null)
                    {
                        Add(nodesToAnnotate, node, annotation);
                    }

                    additional.Add(annotation);
                }

                tracked.Add(new AnnotatedDiagnostic(diagnostic, primary, additional.ToImmutable()));
            }

            if (tracked.Count == 0)
            {
                return document;
            }

            var changed = false;
            try
            {
                root = root.ReplaceNodes(nodesToAnnotate.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(nodesToAnnotate[original]));
                foreach (var item in tracked)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var next = rewrite(root, item);
                    if (next != null)
                    {
                        root = next;
                        changed = true;
                    }
                }

                if (!changed)
                {
                    return document;
                }

                return await finish(document.WithSyntaxRoot(root), cancellationToken).ConfigureAwait(false);
            }
            catch (InsufficientExecutionStackException)
            {
                // Syntax so deep that Roslyn's own rewriters or the formatter run out of stack: leave the document as
                // it was rather than fail the whole FixAll.
                return document;
            }
        }

        /// <summary>
        /// Runs a rewrite for one diagnostic on the current tree without applying it: fixes are validated before they are
        /// registered, so a fix that would change nothing is never offered.
        /// </summary>
        public static bool Probe(SyntaxNode root, Diagnostic diagnostic, DiagnosticRewrite rewrite)
        {
            if (diagnostic.Location.SourceTree != root.SyntaxTree)
            {
                return false;
            }

            var primaryNode = FindNode(root, diagnostic.Location);
            if (primaryNode == null || IsTooDeep(primaryNode))
            {
                return false;
            }

            var map = new Dictionary<SyntaxNode, List<SyntaxAnnotation>>();
            var primary = new SyntaxAnnotation("ClaudeCost.Probe");
            Add(map, primaryNode, primary);
            var additional = ImmutableArray.CreateBuilder<SyntaxAnnotation>();
            foreach (var location in diagnostic.AdditionalLocations)
            {
                var annotation = new SyntaxAnnotation("ClaudeCost.Probe");
                var node = location.SourceTree == root.SyntaxTree ? FindNode(root, location) : null;
                if (node != null)
                {
                    Add(map, node, annotation);
                }

                additional.Add(annotation);
            }

            try
            {
                var annotated = root.ReplaceNodes(map.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(map[original]));
                return rewrite(annotated, new AnnotatedDiagnostic(diagnostic, primary, additional.ToImmutable())) != null;
            }
            catch (InsufficientExecutionStackException)
            {
                return false;
            }
        }

        /// <summary>
        /// Whether a node sits so deep (e.g. inside a several-thousand-part concatenation) that rewriting the tree above
        /// it would recurse once per level; such fixes are not offered. Counted iteratively, so the check itself is safe.
        /// </summary>
        public static bool IsTooDeep(SyntaxNode node)
        {
            var depth = 0;
            for (var current = node.Parent; current != null; current = current.Parent)
            {
                if (++depth > MaxFixableDepth)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Deeper nodes are not rewritten; ordinary code stays far below this (each part of a `+` concatenation adds one level).</summary>
        public const int MaxFixableDepth = 1000;

        /// <summary>The node whose span is exactly the location's, or the smallest node containing it.</summary>
        public static SyntaxNode? FindNode(SyntaxNode root, Location location)
        {
            var span = location.SourceSpan;
            if (!root.FullSpan.Contains(span))
            {
                return null;
            }

            var node = root.FindNode(span, getInnermostNodeForTie: true);
            for (var current = node; current != null; current = current.Parent)
            {
                if (current.Span == span)
                {
                    return current;
                }

                if (current.Span.Start != span.Start)
                {
                    break;
                }
            }

            return node;
        }

        public static FixAllProvider Create(DiagnosticRewrite rewrite, Func<Document, CancellationToken, Task<Document>> finish)
            => FixAllProvider.Create(async (context, document, diagnostics) =>
            {
                var relevant = diagnostics.Where(d => context.CodeActionEquivalenceKey == null || EquivalenceKeys.Offers(d, context.CodeActionEquivalenceKey));
                return await ApplyAsync(document, relevant, rewrite, finish, context.CancellationToken).ConfigureAwait(false);
            });

        private static void Add(Dictionary<SyntaxNode, List<SyntaxAnnotation>> map, SyntaxNode node, SyntaxAnnotation annotation)
        {
            if (!map.TryGetValue(node, out var list))
            {
                list = new List<SyntaxAnnotation>();
                map[node] = list;
            }

            list.Add(annotation);
        }
    }

    /// <summary>Equivalence keys, one per kind of fix (FixAll applies the kind the user picked).</summary>
    internal static class EquivalenceKeys
    {
        public const string UseToday = "CC0001.UseToday";
        public const string MoveAfterPrefix = "CC0001.MoveAfterPrefix";
        public const string AddBreakpoint = "CC0002.AddBreakpoint";

        public static bool Offers(Diagnostic diagnostic, string key) => diagnostic.Id == key.Substring(0, 6);
    }
}
