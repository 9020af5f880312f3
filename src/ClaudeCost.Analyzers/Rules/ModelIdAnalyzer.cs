using System;
using System.Collections.Immutable;
using System.IO;
using ClaudeCost.Analyzers.Infrastructure;
using ClaudeCost.Analyzers.Knowledge;
using ClaudeCost.Analyzers.Requests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace ClaudeCost.Analyzers.Rules
{
    /// <summary>
    /// Base of the model-id rules (CC0010, CC0019, CC0015, CC0016): finds model ids in value positions — whole string
    /// literals and constants (call sites, consts, config fallbacks, initializers, attribute arguments, switch-expression
    /// results), official-SDK <c>Model</c> enum members, library constants, and string values in JSON AdditionalFiles —
    /// and reports the ones whose shared verdict is this rule's. Case labels, comparisons and old→new mapping keys are
    /// not value positions.
    /// </summary>
    public abstract class ModelIdAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Property: the replacement id (same platform and spelling), when there is one.</summary>
        public const string ReplacementProperty = "Replacement";
        /// <summary>Property: for an SDK enum member, the replacement member's name when the user's SDK has it.</summary>
        public const string ReplacementMemberProperty = "ReplacementMember";
        /// <summary>Property: "true" when the enclosing request sets temperature, top_p or top_k.</summary>
        public const string SamplingProperty = "SetsSampling";
        /// <summary>Property: "true" when the replacement is a 4.7-or-later model (sampling parameters fail there).</summary>
        public const string ReplacementRejectsSamplingProperty = "ReplacementRejectsSampling";

        internal abstract ModelIdRule Verdict { get; }

        internal abstract DiagnosticDescriptor Descriptor { get; }

        /// <summary>The message arguments for a finding.</summary>
        internal abstract object[] MessageArguments(string id, ModelIdVerdict verdict, ModelCatalog catalog);

        public sealed override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            // Not analyzed, and no finding reported there; the rule checks its findings' locations itself (GeneratedCode).
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                var compilation = start.Compilation;
                var options = start.Options;
                var state = new OnFirstUse<ClaudeCompilationContext>(cancellationToken => ClaudeCompilationContext.Get(compilation, options, cancellationToken));
                start.RegisterSemanticModelAction(c =>
                {
                    var shared = state.Get(c.CancellationToken)!;
                    var catalog = shared.ModelTable.Catalog;
                    var modelEnum = shared.Symbols.ModelEnum;
                    System.Action<Diagnostic>? report = null;
                    foreach (var occurrence in Occurrences(shared, c.SemanticModel, catalog, modelEnum, c.CancellationToken))
                    {
                        if (occurrence.Verdict.Rule == Verdict)
                        {
                            Report(report ??= shared.OutsideGeneratedCode(c.ReportDiagnostic, c.CancellationToken), occurrence.Operation, occurrence.Id, occurrence.Verdict, catalog);
                        }
                    }
                });
                start.RegisterAdditionalFileAction(c => AnalyzeJsonFile(c, state.Get(c.CancellationToken)!.ModelTable.Catalog));
            });
        }

        /// <summary>
        /// The model ids of a file that have a verdict, in value positions — found once per file for the four model-id
        /// rules, from the candidate syntax of <see cref="TreeCandidates"/> (literals that mention Claude, <c>Claude…</c>
        /// members) rather than from a callback on every literal and field reference of the compilation.
        /// </summary>
        private static ImmutableArray<ModelIdOccurrence> Occurrences(ClaudeCompilationContext shared, SemanticModel model, ModelCatalog catalog, INamedTypeSymbol? modelEnum, System.Threading.CancellationToken cancellationToken)
            => shared.PerTree(model.SyntaxTree, "model-ids", () =>
            {
                var candidates = shared.ModelIdCandidatesIn(model.SyntaxTree, cancellationToken);
                var found = ImmutableArray.CreateBuilder<ModelIdOccurrence>();
                foreach (var node in candidates)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var operation = model.SafeGetOperation(node, cancellationToken);
                    var id = operation switch
                    {
                        ILiteralOperation literal => literal.ConstantValue.Value as string,
                        IFieldReferenceOperation reference => FieldModelId(reference, modelEnum),
                        _ => null,
                    };

                    if (id == null)
                    {
                        continue;
                    }

                    var verdict = ModelIdVerdict.For(catalog, id);
                    if (verdict.Rule != ModelIdRule.None && IsValuePosition(operation!))
                    {
                        found.Add(new ModelIdOccurrence(operation!, id, verdict));
                    }
                }

                return found.ToImmutable();
            });

        private static string? FieldModelId(IFieldReferenceOperation reference, INamedTypeSymbol? modelEnum)
        {
            var field = reference.Field;
            if (modelEnum != null && SymbolEqualityComparer.Default.Equals(field.ContainingType, modelEnum))
            {
                return ModelIds.EnumMemberToWireId(field.Name);
            }

            if (field.IsConst && field.ConstantValue is string value && (field.DeclaringSyntaxReferences.IsEmpty || IsKnownLibrary(field.ContainingNamespace)))
            {
                // A library constant (Anthropic.SDK's AnthropicModels, Claudia's Models…); source constants are
                // reported at their declaration's literal instead.
                return value;
            }

            return null;
        }

        private readonly struct ModelIdOccurrence
        {
            public ModelIdOccurrence(IOperation operation, string id, ModelIdVerdict verdict)
            {
                Operation = operation;
                Id = id;
                Verdict = verdict;
            }

            public IOperation Operation { get; }

            public string Id { get; }

            public ModelIdVerdict Verdict { get; }
        }

        /// <summary>Client libraries whose model constants are reported where they are used (Anthropic.SDK, Claudia).</summary>
        private static bool IsKnownLibrary(INamespaceSymbol? ns)
        {
            var name = ns?.ToDisplayString() ?? "";
            return name.StartsWith("Anthropic.SDK", StringComparison.Ordinal) || name.StartsWith("Claudia", StringComparison.Ordinal);
        }

        private void Report(Action<Diagnostic> report, IOperation operation, string id, ModelIdVerdict verdict, ModelCatalog catalog)
        {
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            if (verdict.Replacement != null)
            {
                properties[ReplacementProperty] = verdict.Replacement;
                if (operation is IFieldReferenceOperation { Field: { ContainingType: { TypeKind: TypeKind.Enum } enumType } })
                {
                    foreach (var member in enumType.GetMembers())
                    {
                        if (member is IFieldSymbol && ModelIds.EnumMemberToWireId(member.Name) == verdict.Replacement && member.GetAttributes().IsEmpty)
                        {
                            properties[ReplacementMemberProperty] = member.Name;
                            break;
                        }
                    }
                }
                else if (operation is IFieldReferenceOperation)
                {
                    // A library constant: no safe same-form replacement (the library may not have the successor).
                    properties.Remove(ReplacementProperty);
                }
            }

            if (SetsSampling(operation))
            {
                properties[SamplingProperty] = "true";
            }

            if (verdict.ReplacementModel?.Tokenizer == TokenizerGeneration.Current)
            {
                properties[ReplacementRejectsSamplingProperty] = "true";
            }

            report(Diagnostic.Create(Descriptor, operation.Syntax.GetLocation(), properties.ToImmutable(), MessageArguments(id, verdict, catalog)));
        }

        private void AnalyzeJsonFile(AdditionalFileAnalysisContext context, ModelCatalog catalog)
        {
            var path = context.AdditionalFile.Path;
            if (!path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ||
                string.Equals(Path.GetFileName(path), Configuration.ModelTable.OverrideFileName, StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            var text = context.AdditionalFile.GetText(context.CancellationToken);
            if (text == null || text.Length > 1_000_000)
            {
                return;
            }

            var content = text.ToString();
            for (var i = content.IndexOf('"'); i >= 0 && i < content.Length; i = content.IndexOf('"', i + 1))
            {
                var end = i + 1;
                while (end < content.Length && content[end] != '"' && content[end] != '\n')
                {
                    end += content[end] == '\\' ? 2 : 1;
                }

                if (end >= content.Length || content[end] != '"')
                {
                    return;
                }

                var value = content.Substring(i + 1, end - i - 1);
                var next = end + 1;
                while (next < content.Length && char.IsWhiteSpace(content[next]))
                {
                    next++;
                }

                var isKey = next < content.Length && content[next] == ':';
                if (!isKey)
                {
                    var verdict = ModelIdVerdict.For(catalog, value);
                    if (verdict.Rule == Verdict)
                    {
                        var span = TextSpan.FromBounds(i, end + 1);
                        var location = Location.Create(path, span, text.Lines.GetLinePositionSpan(span));
                        context.ReportDiagnostic(Diagnostic.Create(Descriptor, location, MessageArguments(value, verdict, catalog)));
                    }
                }

                i = end;
            }
        }

        /// <summary>
        /// Not a value position: a case label or pattern, an operand of a comparison or string test, or the key of an
        /// old→new mapping table (a dictionary key, the first element of a pair).
        /// </summary>
        internal static bool IsValuePosition(IOperation operation)
        {
            var child = operation;
            var parent = operation.Parent;
            while (parent is IConversionOperation)
            {
                child = parent;
                parent = parent.Parent;
            }

            switch (parent)
            {
                case null:
                    return true;
                case IBinaryOperation:
                case IPatternOperation:
                case ICaseClauseOperation:
                case ISwitchExpressionArmOperation arm when arm.Pattern == child:
                    return false;
                case IArgumentOperation argument:
                    if (argument.Parent is IInvocationOperation invocation)
                    {
                        switch (invocation.TargetMethod.Name)
                        {
                            case "Equals":
                            case "StartsWith":
                            case "EndsWith":
                            case "Contains":
                            case "IndexOf":
                            case "Compare":
                            case "CompareOrdinal":
                            case "ContainsKey":
                            case "TryGetValue":
                            case "Remove":
                                return false;
                            case "Add" when invocation.Arguments.Length == 2 && argument == invocation.Arguments[0] && OtherIsClaudeId(invocation.Arguments[1].Value):
                                return false;
                            case "Replace" when argument == invocation.Arguments[0]:
                                return false;
                        }
                    }

                    if (argument.Parent is IPropertyReferenceOperation { Property: { IsIndexer: true } } indexer &&
                        indexer.Parent is ISimpleAssignmentOperation mapping && mapping.Target == indexer && OtherIsClaudeId(mapping.Value))
                    {
                        // ["claude-3-opus-20240229"] = "claude-opus-4-8": an old→new mapping key.
                        return false;
                    }

                    return true;
                case ITupleOperation tuple when tuple.Elements.Length == 2 && tuple.Elements[0] == child && OtherIsClaudeId(tuple.Elements[1]):
                    return false;
                default:
                    return true;
            }
        }

        private static bool OtherIsClaudeId(IOperation value)
        {
            var constant = value;
            while (constant is IConversionOperation conversion)
            {
                constant = conversion.Operand;
            }

            return constant.ConstantValue.Value is string text && ModelCatalog.IsClaudeShaped(text);
        }

        /// <summary>The enclosing request object sets temperature, top_p or top_k (HTTP 400 on 4.7-and-later models).</summary>
        internal static bool SetsSampling(IOperation operation)
        {
            for (var current = operation.Parent; current != null; current = current.Parent)
            {
                IObjectOrCollectionInitializerOperation? initializer = null;
                switch (current)
                {
                    case IObjectCreationOperation creation:
                        initializer = creation.Initializer;
                        break;
                    case IAnonymousObjectCreationOperation anonymous:
                        foreach (var member in anonymous.Initializers)
                        {
                            if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } && IsSamplingName(property.Property.Name))
                            {
                                return true;
                            }
                        }

                        return false;
                }

                if (initializer != null)
                {
                    foreach (var member in initializer.Initializers)
                    {
                        if (member is ISimpleAssignmentOperation assignment &&
                            (assignment.Target is IPropertyReferenceOperation { Property: { IsIndexer: false } } p && IsSamplingName(p.Property.Name) ||
                             assignment.Target is IPropertyReferenceOperation { Property: { IsIndexer: true } } i && i.Arguments.Length == 1 && i.Arguments[0].Value.ConstantValue.Value is string key && IsSamplingName(key)))
                        {
                            return true;
                        }
                    }

                    return false;
                }

                if (current is IBlockOperation || current is IMethodBodyOperation)
                {
                    return false;
                }
            }

            return false;
        }

        private static bool IsSamplingName(string name)
        {
            var normalized = Surfaces.RawHttpAdapter.NormalizeKey(name);
            return normalized == "temperature" || normalized == "topp" || normalized == "topk";
        }
    }
}
