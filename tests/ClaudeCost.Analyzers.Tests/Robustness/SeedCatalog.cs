using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ClaudeCost.Analyzers.Tests.EndToEnd;
using ClaudeCost.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ClaudeCost.Analyzers.Tests.Robustness;

/// <summary>A test source taken from a rule test, markup stripped and placeholders filled in.</summary>
internal sealed record Seed(string Name, string Text);

/// <summary>A configuration text (models.json or .editorconfig) taken from a rule test.</summary>
internal sealed record ConfigSeed(string Name, string Text, bool IsJson);

/// <summary>
/// The test sources of the rule tests (tests/ClaudeCost.Analyzers.Tests/Rules/*.cs), read from the repository and
/// parsed with Roslyn: every raw string literal that looks like C# becomes a seed, harness markup (<c>[|</c>,
/// <c>|]</c>, <c>{|ID:</c>, <c>{|#0:</c>, <c>|}</c>, <c>|#0}</c>) stripped, the tests' placeholders filled in
/// (<c>POLICY</c> by a short literal, <c>SYSTEM</c>/<c>VALUE</c> by each <c>[InlineData]</c> string of the same file,
/// <c>MODEL</c>, <c>MEMBERS</c>, <c>EXTRA</c>), and fragments without usings prefixed by the usings the file's other
/// sources use. Raw strings that are JSON or .editorconfig text become configuration seeds.
/// </summary>
internal static class SeedCatalog
{
    public const string ShortPolicy = "\"You are a support agent. Answer briefly and politely.\"";

    private const int MaxSubstitutionsPerTemplate = 12;

    private static readonly Regex s_using = new(@"^\s*using\s+(static\s+)?[A-Za-z_][A-Za-z0-9_.]*\s*;\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    private static readonly Regex s_markupOpen = new(@"\{\|[^:|{}\s]+:", RegexOptions.CultureInvariant);

    private static readonly Regex s_markupNumberedClose = new(@"\|#\d+\}", RegexOptions.CultureInvariant);

    private static readonly Lazy<(ImmutableArray<Seed> Seeds, ImmutableArray<ConfigSeed> Configs, ImmutableArray<RobustInput> PerFile)> s_catalog = new(Build);

    public static string RulesDirectory => Path.Combine(RepositoryLayout.Root, "tests", "ClaudeCost.Analyzers.Tests", "Rules");

    /// <summary>The C# seeds, in file order.</summary>
    public static ImmutableArray<Seed> Seeds => s_catalog.Value.Seeds;

    /// <summary>The JSON and .editorconfig texts of the rule tests.</summary>
    public static ImmutableArray<ConfigSeed> Configs => s_catalog.Value.Configs;

    /// <summary>One input per rule-test file with all its seeds as separate documents of one compilation (cross-file flows, duplicate types).</summary>
    public static ImmutableArray<RobustInput> PerFile => s_catalog.Value.PerFile;

    /// <summary>Removes the harness markup; the markup parser first, a plain textual strip for unbalanced fragments.</summary>
    public static string StripMarkup(string text)
    {
        try
        {
            return MarkupParser.Parse(text).Text;
        }
        catch (Exception)
        {
            text = s_markupOpen.Replace(text, "");
            text = s_markupNumberedClose.Replace(text, "");
            return text.Replace("[|", "").Replace("|]", "").Replace("|}", "");
        }
    }

    private static (ImmutableArray<Seed>, ImmutableArray<ConfigSeed>, ImmutableArray<RobustInput>) Build()
    {
        var seeds = ImmutableArray.CreateBuilder<Seed>();
        var configs = ImmutableArray.CreateBuilder<ConfigSeed>();
        var perFile = ImmutableArray.CreateBuilder<RobustInput>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in Directory.GetFiles(RulesDirectory, "*.cs").OrderBy(p => p, StringComparer.Ordinal))
        {
            var fileName = Path.GetFileName(path);
            var root = CSharpSyntaxTree.ParseText(File.ReadAllText(path), new CSharpParseOptions(LanguageVersion.Preview)).GetCompilationUnitRoot();
            var literals = root.DescendantTokens()
                .Where(t => t.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) || t.IsKind(SyntaxKind.SingleLineRawStringLiteralToken))
                .Select(t => (Line: t.GetLocation().GetLineSpan().StartLinePosition.Line + 1, Text: StripMarkup(t.ValueText)))
                .ToList();
            var inlineData = root.DescendantNodes().OfType<AttributeSyntax>()
                .Where(a => a.Name.ToString() is "InlineData" or "InlineDataAttribute")
                .SelectMany(a => a.ArgumentList?.Arguments ?? default)
                .Select(a => a.Expression)
                .OfType<LiteralExpressionSyntax>()
                .Where(l => l.IsKind(SyntaxKind.StringLiteralExpression))
                .Select(l => StripMarkup(l.Token.ValueText))
                .Where(s => s.Trim().Length > 0)
                .Distinct(StringComparer.Ordinal)
                .Take(MaxSubstitutionsPerTemplate)
                .ToList();
            var usings = string.Concat(literals
                .SelectMany(l => s_using.Matches(l.Text).Select(m => m.Value.Trim()))
                .Distinct(StringComparer.Ordinal)
                .Select(u => u + "\n"));

            var fileSeeds = new List<InputDocument>();
            foreach (var (line, raw) in literals)
            {
                var trimmed = raw.TrimStart();
                if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
                {
                    var isJson = !trimmed.StartsWith("[*", StringComparison.Ordinal);
                    configs.Add(new ConfigSeed($"{fileName}:{line}", raw, isJson));
                    continue;
                }

                if (trimmed.StartsWith("is_global", StringComparison.Ordinal) || trimmed.StartsWith("root", StringComparison.Ordinal))
                {
                    configs.Add(new ConfigSeed($"{fileName}:{line}", raw, IsJson: false));
                    continue;
                }

                if (!LooksLikeCode(raw))
                {
                    continue;
                }

                var text = s_using.IsMatch(raw) ? raw : usings + raw;
                text = Fill(text, "POLICY", ShortPolicy);
                text = Fill(text, "MODEL", "Model.ClaudeSonnet4_6");
                text = Fill(text, "MEMBERS", "");
                text = Fill(text, "EXTRA", "");
                var variants = new List<(string Suffix, string Text)>();
                if (Regex.IsMatch(text, @"\b(SYSTEM|VALUE)\b"))
                {
                    foreach (var substitute in inlineData.DefaultIfEmpty("$\"Now {DateTime.UtcNow}\""))
                    {
                        variants.Add(($" with SYSTEM/VALUE = {Abbreviate(substitute)}", Fill(Fill(text, "SYSTEM", substitute), "VALUE", substitute)));
                    }
                }
                else
                {
                    variants.Add(("", text));
                }

                foreach (var (suffix, variant) in variants)
                {
                    if (seen.Add(variant))
                    {
                        seeds.Add(new Seed($"{fileName}:{line}{suffix}", variant));
                        fileSeeds.Add(new InputDocument($"{Path.GetFileNameWithoutExtension(fileName)}_{line}_{fileSeeds.Count}.cs", variant));
                    }
                }
            }

            if (fileSeeds.Count > 1)
            {
                perFile.Add(new RobustInput("seed", $"{fileName}: all {fileSeeds.Count} sources in one compilation", fileSeeds.ToImmutableArray()));
            }
        }

        return (seeds.ToImmutable(), configs.ToImmutable(), perFile.ToImmutable());
    }

    private static bool LooksLikeCode(string text)
        => (text.Contains(';') || text.Contains('{'))
            && Regex.IsMatch(text, @"\b(class|record|struct|interface|using|static|namespace|var|await)\b");

    private static string Fill(string text, string placeholder, string value)
        => Regex.Replace(text, @"\b" + placeholder + @"\b", value.Replace("$", "$$"));

    internal static string Abbreviate(string text)
    {
        var single = text.Replace("\r", "").Replace("\n", "⏎");
        return single.Length <= 60 ? single : single.Substring(0, 57) + "…";
    }
}
