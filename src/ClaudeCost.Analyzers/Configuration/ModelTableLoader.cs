using System;
using System.Collections.Immutable;
using System.IO;
using System.Threading;
using ClaudeCost.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ClaudeCost.Analyzers.Configuration
{
    /// <summary>The model table in force for a compilation: the embedded one, merged with <c>claudecost.models.json</c>.</summary>
    internal sealed class ModelTable
    {
        public const string OverrideFileName = "claudecost.models.json";

        public ModelTable(ModelCatalog catalog, AdditionalText? file, SourceText? text, ImmutableArray<CatalogError> errors)
        {
            Catalog = catalog;
            File = file;
            Text = text;
            Errors = errors;
        }

        public ModelCatalog Catalog { get; }

        public AdditionalText? File { get; }

        public SourceText? Text { get; }

        public ImmutableArray<CatalogError> Errors { get; }

        public static ModelTable Load(AnalyzerOptions options, CancellationToken cancellationToken)
        {
            foreach (var file in options.AdditionalFiles)
            {
                if (!string.Equals(Path.GetFileName(file.Path), OverrideFileName, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var text = file.GetText(cancellationToken);
                if (text == null)
                {
                    continue;
                }

                var catalog = ModelCatalog.Default.WithOverrides(text.ToString(), out var errors);
                return new ModelTable(catalog, file, text, errors);
            }

            return new ModelTable(ModelCatalog.Default, null, null, ImmutableArray<CatalogError>.Empty);
        }
    }
}
