using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

// The public context constructors are obsolete ("use CompilationWithAnalyzers"); replaying callbacks on the calling
// thread is exactly what CompilationWithAnalyzers cannot do, see the class comment.
#pragma warning disable CS0618

namespace ClaudeCost.Analyzers.Tests.Robustness;

/// <summary>An exception thrown by an analyzer callback during a <see cref="SynchronousDriver"/> replay.</summary>
internal sealed record ReplayException(DiagnosticAnalyzer Analyzer, string Where, Exception Exception);

/// <summary>
/// Replays analyzers on the calling thread, one callback after another.
/// <para>
/// Why: <see cref="CompilationWithAnalyzers"/> runs every analyzer callback on thread-pool threads (even with
/// concurrent analysis off), whatever thread asks for the diagnostics. Running it from a thread with a small stack would
/// therefore guard nothing. This driver calls the analyzers' registered actions directly, so that when it runs on a
/// small-stack thread (<see cref="RobustnessRunner"/> does that for deep inputs) the analyzers' own recursion really is
/// bounded by that small stack: recursion whose depth the source controls overflows here on inputs a thread-pool stack
/// would still survive, instead of passing today and crashing an IDE on the next, slightly deeper input.
/// </para>
/// <para>
/// It is not a faithful analyzer driver (no generated-code filtering, no suppression, one operation-block callback per
/// executable root); it supports the registrations analyzers commonly use and reports any other registration as a
/// failure so that a new kind of registration is noticed instead of silently not replayed.
/// </para>
/// </summary>
internal static class SynchronousDriver
{
    public static ImmutableArray<Diagnostic> Run(
        Compilation compilation,
        AnalyzerOptions options,
        ImmutableArray<DiagnosticAnalyzer> analyzers,
        Func<SyntaxTree, SemanticModel> modelOf,
        List<ReplayException> exceptions,
        CancellationToken cancellationToken)
    {
        var diagnostics = new List<Diagnostic>();
        SemanticModel ModelOf(SyntaxTree tree) => modelOf(tree);

        // The executable roots (method bodies, initializers, attributes…) of every tree, found once for all analyzers.
        List<(IOperation Root, ISymbol? Owner)>? roots = null;

        foreach (var analyzer in analyzers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var supported = analyzer.SupportedDiagnostics.Select(d => d.Id).ToImmutableHashSet(StringComparer.Ordinal);
            bool IsSupported(Diagnostic d) => supported.Contains(d.Id);
            void Report(Diagnostic d)
            {
                lock (diagnostics)
                {
                    diagnostics.Add(d);
                }
            }

            void Guard(string where, Action action)
            {
                try
                {
                    action();
                }
                catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
                {
                    exceptions.Add(new ReplayException(analyzer, where, ex));
                }
            }

            var registrations = new Registrations();
            Guard("Initialize", () => analyzer.Initialize(new RootContext(registrations)));

            foreach (var start in registrations.CompilationStart.ToList())
            {
                Guard("compilation start action", () => start(new StartContext(compilation, options, registrations, cancellationToken)));
            }

            foreach (var unsupported in registrations.Unsupported)
            {
                exceptions.Add(new ReplayException(
                    analyzer,
                    "registration",
                    new NotSupportedException(
                        $"The analyzer registers a {unsupported}, which {nameof(SynchronousDriver)} does not replay. Extend " +
                        "tests/ClaudeCost.Analyzers.Tests/Robustness/SynchronousDriver.cs so the small-stack replay keeps covering it.")));
            }

            foreach (var tree in compilation.SyntaxTrees)
            {
                foreach (var action in registrations.SyntaxTree)
                {
                    Guard($"syntax tree action on {tree.FilePath}", () => action(new SyntaxTreeAnalysisContext(tree, options, Report, IsSupported, cancellationToken)));
                }

                foreach (var action in registrations.SemanticModel)
                {
                    Guard($"semantic model action on {tree.FilePath}", () => action(new SemanticModelAnalysisContext(ModelOf(tree), options, Report, IsSupported, cancellationToken)));
                }
            }

            foreach (var file in options.AdditionalFiles)
            {
                foreach (var action in registrations.AdditionalFile)
                {
                    Guard($"additional file action on {file.Path}", () => action(NewAdditionalFileContext(file, options, Report, IsSupported, compilation, cancellationToken)));
                }
            }

            if (registrations.Symbol.Count > 0)
            {
                foreach (var symbol in SourceSymbols(compilation))
                {
                    foreach (var (action, kinds) in registrations.Symbol)
                    {
                        if (kinds.Contains(symbol.Kind))
                        {
                            Guard($"symbol action on {symbol.ToDisplayString()}", () => action(new SymbolAnalysisContext(symbol, compilation, options, Report, IsSupported, cancellationToken)));
                        }
                    }
                }
            }

            if (registrations.SyntaxNode.Count > 0)
            {
                foreach (var tree in compilation.SyntaxTrees)
                {
                    var model = ModelOf(tree);
                    foreach (var node in tree.GetRoot(cancellationToken).DescendantNodesAndSelf())
                    {
                        foreach (var (action, kinds) in registrations.SyntaxNode)
                        {
                            if (kinds.Contains(node.RawKind))
                            {
                                Guard(
                                    $"syntax node action on {node.Kind()} at {Describe(node)}",
                                    () => action(new SyntaxNodeAnalysisContext(node, model.GetEnclosingSymbol(node.SpanStart, cancellationToken), model, options, Report, IsSupported, cancellationToken)));
                            }
                        }
                    }
                }
            }

            if (registrations.Operation.Count > 0 || registrations.OperationBlock.Count > 0 || registrations.OperationBlockStart.Count > 0 || registrations.CodeBlock.Count > 0)
            {
                roots ??= ExecutableRoots(compilation.SyntaxTrees, ModelOf, cancellationToken);
                foreach (var (root, owner) in roots)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var owningSymbol = owner ?? compilation.Assembly;
                    var blockOperationActions = new List<(Action<OperationAnalysisContext> Action, ImmutableHashSet<OperationKind> Kinds)>();
                    var blockEndActions = new List<Action<OperationBlockAnalysisContext>>();
                    foreach (var startAction in registrations.OperationBlockStart)
                    {
                        Guard(
                            $"operation block start action at {Describe(root.Syntax)}",
                            () => startAction(new BlockStartContext(ImmutableArray.Create(root), owningSymbol, compilation, options, blockOperationActions, blockEndActions, cancellationToken)));
                    }

                    var operationActions = registrations.Operation.Concat(blockOperationActions).ToList();
                    if (operationActions.Count > 0)
                    {
                        foreach (var operation in root.DescendantsAndSelf())
                        {
                            foreach (var (action, kinds) in operationActions)
                            {
                                if (kinds.Contains(operation.Kind))
                                {
                                    var current = operation;
                                    Guard(
                                        $"operation action on {operation.Kind} at {Describe(operation.Syntax)}",
                                        () => action(new OperationAnalysisContext(current, owningSymbol, compilation, options, Report, IsSupported, cancellationToken)));
                                }
                            }
                        }
                    }

                    foreach (var action in registrations.OperationBlock.Concat(blockEndActions))
                    {
                        Guard(
                            $"operation block action at {Describe(root.Syntax)}",
                            () => action(new OperationBlockAnalysisContext(ImmutableArray.Create(root), owningSymbol, compilation, options, Report, IsSupported, cancellationToken)));
                    }

                    foreach (var action in registrations.CodeBlock)
                    {
                        Guard(
                            $"code block action at {Describe(root.Syntax)}",
                            () => action(new CodeBlockAnalysisContext(root.Syntax, owningSymbol, ModelOf(root.Syntax.SyntaxTree), options, Report, IsSupported, cancellationToken)));
                    }
                }
            }

            foreach (var action in registrations.CompilationEnd)
            {
                Guard("compilation (end) action", () => action(new CompilationAnalysisContext(compilation, options, Report, IsSupported, cancellationToken)));
            }
        }

        return diagnostics.ToImmutableArray();
    }

    private static string Describe(SyntaxNode node)
    {
        var span = node.GetLocation().GetLineSpan();
        return $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})";
    }

    /// <summary>
    /// The executable roots: every operation that has no parent (method and constructor bodies, initializers,
    /// attributes, top-level statements), found by walking declarations without recursion.
    /// </summary>
    internal static List<(IOperation Root, ISymbol? Owner)> ExecutableRoots(IEnumerable<SyntaxTree> trees, Func<SyntaxTree, SemanticModel> modelOf, CancellationToken cancellationToken)
    {
        var roots = new List<(IOperation, ISymbol?)>();
        foreach (var tree in trees)
        {
            var model = modelOf(tree);
            var pending = new Stack<SyntaxNode>();
            pending.Push(tree.GetRoot(cancellationToken));
            while (pending.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var node = pending.Pop();
                var container = node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or BaseTypeDeclarationSyntax or DelegateDeclarationSyntax;
                var operation = container && node is not CompilationUnitSyntax ? null : model.GetOperation(node, cancellationToken);
                if (operation is not null && operation.Parent is null)
                {
                    roots.Add((operation, model.GetDeclaredSymbol(node, cancellationToken) ?? model.GetEnclosingSymbol(node.SpanStart, cancellationToken)));
                    foreach (var child in node.ChildNodes())
                    {
                        // A root's own operation tree covers its body; declarations nested in it (types after top-level
                        // statements) and the parameter defaults and attributes of a member are roots of their own.
                        if (child is MemberDeclarationSyntax and not GlobalStatementSyntax || child is AttributeListSyntax || child is BaseParameterListSyntax)
                        {
                            pending.Push(child);
                        }
                    }

                    continue;
                }

                foreach (var child in node.ChildNodes())
                {
                    pending.Push(child);
                }
            }
        }

        return roots;
    }

    private static IEnumerable<ISymbol> SourceSymbols(Compilation compilation)
    {
        var pending = new Stack<INamespaceOrTypeSymbol>();
        pending.Push(compilation.Assembly.GlobalNamespace);
        while (pending.Count > 0)
        {
            var container = pending.Pop();
            if (container.Locations.Any(l => l.IsInSource))
            {
                yield return container;
            }

            foreach (var member in container.GetMembers())
            {
                if (member is INamespaceOrTypeSymbol nested)
                {
                    pending.Push(nested);
                }
                else if (member.Locations.Any(l => l.IsInSource))
                {
                    yield return member;
                }
            }
        }
    }

    /// <summary>The context's constructor is internal in Microsoft.CodeAnalysis 4.x; the replay builds it by reflection.</summary>
    private static AdditionalFileAnalysisContext NewAdditionalFileContext(
        AdditionalText file, AnalyzerOptions options, Action<Diagnostic> report, Func<Diagnostic, bool> isSupported, Compilation compilation, CancellationToken cancellationToken)
    {
        var constructor = typeof(AdditionalFileAnalysisContext)
            .GetConstructors(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public)
            .OrderByDescending(c => c.GetParameters().Length)
            .First();
        var available = new object[] { file, options, report, isSupported, compilation, cancellationToken };
        var arguments = constructor.GetParameters()
            .Select(p => available.FirstOrDefault(a => p.ParameterType.IsInstanceOfType(a))
                ?? throw new NotSupportedException($"AdditionalFileAnalysisContext({p.ParameterType}) cannot be replayed; extend {nameof(SynchronousDriver)}."))
            .ToArray();
        return (AdditionalFileAnalysisContext)constructor.Invoke(arguments);
    }

    private sealed class Registrations
    {
        public List<Action<CompilationStartAnalysisContext>> CompilationStart { get; } = new();
        public List<Action<CompilationAnalysisContext>> CompilationEnd { get; } = new();
        public List<Action<SyntaxTreeAnalysisContext>> SyntaxTree { get; } = new();
        public List<Action<SemanticModelAnalysisContext>> SemanticModel { get; } = new();
        public List<(Action<SymbolAnalysisContext>, ImmutableHashSet<SymbolKind>)> Symbol { get; } = new();
        public List<(Action<SyntaxNodeAnalysisContext>, ImmutableHashSet<int>)> SyntaxNode { get; } = new();
        public List<(Action<OperationAnalysisContext>, ImmutableHashSet<OperationKind>)> Operation { get; } = new();
        public List<Action<OperationBlockAnalysisContext>> OperationBlock { get; } = new();
        public List<Action<OperationBlockStartAnalysisContext>> OperationBlockStart { get; } = new();
        public List<Action<CodeBlockAnalysisContext>> CodeBlock { get; } = new();
        public List<Action<AdditionalFileAnalysisContext>> AdditionalFile { get; } = new();
        public List<string> Unsupported { get; } = new();

        public static ImmutableHashSet<int> RawKinds<TLanguageKindEnum>(ImmutableArray<TLanguageKindEnum> kinds)
            where TLanguageKindEnum : struct
            => kinds.Select(k => Convert.ToInt32(k, System.Globalization.CultureInfo.InvariantCulture)).ToImmutableHashSet();
    }

    private sealed class RootContext : AnalysisContext
    {
        private readonly Registrations _r;

        public RootContext(Registrations registrations) => _r = registrations;

        public override void EnableConcurrentExecution()
        {
        }

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode)
        {
        }

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => _r.CompilationStart.Add(action);

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => _r.CompilationEnd.Add(action);

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => _r.SyntaxTree.Add(action);

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => _r.SemanticModel.Add(action);

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => _r.Symbol.Add((action, symbolKinds.ToImmutableHashSet()));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds)
            => _r.SyntaxNode.Add((action, Registrations.RawKinds(syntaxKinds)));

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => _r.Operation.Add((action, operationKinds.ToImmutableHashSet()));

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => _r.OperationBlock.Add(action);

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => _r.OperationBlockStart.Add(action);

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _r.CodeBlock.Add(action);

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => _r.Unsupported.Add("code block start action");

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => _r.Unsupported.Add("symbol start action");

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => _r.AdditionalFile.Add(action);
    }

    private sealed class StartContext : CompilationStartAnalysisContext
    {
        private readonly Registrations _r;

        public StartContext(Compilation compilation, AnalyzerOptions options, Registrations registrations, CancellationToken cancellationToken)
            : base(compilation, options, cancellationToken)
            => _r = registrations;

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => _r.CompilationEnd.Add(action);

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => _r.SyntaxTree.Add(action);

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => _r.SemanticModel.Add(action);

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => _r.Symbol.Add((action, symbolKinds.ToImmutableHashSet()));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds)
            => _r.SyntaxNode.Add((action, Registrations.RawKinds(syntaxKinds)));

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => _r.Operation.Add((action, operationKinds.ToImmutableHashSet()));

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => _r.OperationBlock.Add(action);

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => _r.OperationBlockStart.Add(action);

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _r.CodeBlock.Add(action);

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => _r.Unsupported.Add("code block start action");

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => _r.Unsupported.Add("symbol start action");

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => _r.AdditionalFile.Add(action);
    }

    private sealed class BlockStartContext : OperationBlockStartAnalysisContext
    {
        private readonly List<(Action<OperationAnalysisContext>, ImmutableHashSet<OperationKind>)> _operationActions;
        private readonly List<Action<OperationBlockAnalysisContext>> _endActions;

        public BlockStartContext(
            ImmutableArray<IOperation> blocks,
            ISymbol owningSymbol,
            Compilation compilation,
            AnalyzerOptions options,
            List<(Action<OperationAnalysisContext>, ImmutableHashSet<OperationKind>)> operationActions,
            List<Action<OperationBlockAnalysisContext>> endActions,
            CancellationToken cancellationToken)
            : base(blocks, owningSymbol, compilation, options, cancellationToken)
        {
            _operationActions = operationActions;
            _endActions = endActions;
        }

        public override void RegisterOperationBlockEndAction(Action<OperationBlockAnalysisContext> action) => _endActions.Add(action);

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds)
            => _operationActions.Add((action, operationKinds.ToImmutableHashSet()));
    }
}
