using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using System.Threading;
using ClaudeCost.Analyzers.Knowledge;
using ClaudeCost.Analyzers.Provenance;
using ClaudeCost.Analyzers.Requests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ClaudeCost.Analyzers.Surfaces
{
    /// <summary>
    /// Request bodies written as JSON text: a string, verbatim, raw or interpolated literal that contains "model" and
    /// "messages" keys. The constant text is scanned with a small JSON tokenizer; interpolation holes are the parts
    /// whose provenance is tracked. Positions inside a segment are character offsets, so "a cache_control after the
    /// hole" means a breakpoint after the value in render order.
    /// </summary>
    internal sealed class JsonTextAdapter
    {
        private const char HoleMarker = '\u0001';

        private readonly ValueTracker _tracker;
        private readonly ClaudeEvidence _evidence;

        public JsonTextAdapter(ValueTracker tracker, ClaudeEvidence evidence)
        {
            _tracker = tracker;
            _evidence = evidence;
        }

        /// <summary>Cheap test on the literal's own text before anything else.</summary>
        public static bool LooksLikeBody(SyntaxNode syntax)
        {
            switch (syntax)
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                    var text = literal.Token.ValueText;
                    return text.IndexOf("\"messages\"", System.StringComparison.Ordinal) >= 0 && text.IndexOf("\"model\"", System.StringComparison.Ordinal) >= 0;
                case InterpolatedStringExpressionSyntax interpolated:
                    var messages = false;
                    var model = false;
                    foreach (var content in interpolated.Contents)
                    {
                        if (content is InterpolatedStringTextSyntax part)
                        {
                            var value = part.TextToken.ValueText;
                            messages |= value.IndexOf("\"messages\"", System.StringComparison.Ordinal) >= 0;
                            model |= value.IndexOf("\"model\"", System.StringComparison.Ordinal) >= 0;
                        }
                    }

                    return messages && model;
                default:
                    return false;
            }
        }

        public ClaudeRequest? TryCreate(IOperation operation, CancellationToken cancellationToken)
        {
            // Flatten to text with a marker per hole.
            var builder = new StringBuilder();
            var holes = new List<IOperation>();
            if (operation is IInterpolatedStringOperation interpolated)
            {
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolatedStringTextOperation text)
                    {
                        builder.Append(text.Text.ConstantValue.Value as string ?? "");
                    }
                    else if (part is IInterpolationOperation hole)
                    {
                        builder.Append(HoleMarker);
                        holes.Add(hole.Expression);
                    }
                }
            }
            else if (operation.ConstantValue.Value is string constant)
            {
                builder.Append(constant);
            }
            else
            {
                return null;
            }

            var json = builder.ToString();
            var keys = TopLevelValues(json);
            if (!keys.TryGetValue("model", out var modelRange) || !keys.ContainsKey("messages"))
            {
                return null;
            }

            string? modelId = null;
            var modelText = json.Substring(modelRange.Start, modelRange.Length).Trim();
            if (modelText.Length >= 2 && modelText[0] == '"' && modelText.IndexOf(HoleMarker) < 0)
            {
                modelId = modelText.Substring(1, modelText.Length - 2);
            }
            else if (modelText.Length > 0 && modelText.IndexOf(HoleMarker) >= 0)
            {
                var index = HoleIndex(json, modelRange.Start + modelText.IndexOf(HoleMarker));
                modelId = index >= 0 && index < holes.Count ? _tracker.Evaluate(holes[index], cancellationToken).ConstantText : null;
            }

            if (modelId != null ? !ModelCatalog.IsClaudeShaped(modelId) : !_evidence.MentionsAnthropic(operation.Syntax) || _evidence.MentionsOtherProvider(operation.Syntax))
            {
                return null;
            }

            var breakpoints = ImmutableArray.CreateBuilder<PromptPosition>();
            var tools = keys.TryGetValue("tools", out var toolsRange) ? Parts(json, toolsRange, PromptSegment.Tools, holes, operation.Syntax, breakpoints, cancellationToken) : ImmutableArray<PromptPart>.Empty;
            var system = keys.TryGetValue("system", out var systemRange) ? Parts(json, systemRange, PromptSegment.System, holes, operation.Syntax, breakpoints, cancellationToken) : ImmutableArray<PromptPart>.Empty;
            if (keys.TryGetValue("messages", out var messagesRange) && json.IndexOf("\"cache_control\"", messagesRange.Start, messagesRange.Length, System.StringComparison.Ordinal) >= 0)
            {
                breakpoints.Add(new PromptPosition(PromptSegment.Messages, 0));
            }

            if (keys.ContainsKey("cache_control"))
            {
                breakpoints.Add(PromptPosition.EndOfMessages);
            }

            long? maxTokens = keys.TryGetValue("max_tokens", out var maxRange) && long.TryParse(json.Substring(maxRange.Start, maxRange.Length).Trim(), out var max) ? max : null;
            var shape = system.IsEmpty ? SystemShape.Absent : SystemShape.Opaque;
            return new ClaudeRequest(
                RequestSurface.RawJsonText,
                operation.Syntax,
                _evidence.IsCountTokens(operation.Syntax),
                new ModelReference(modelId, operation.Syntax, isEnumMember: false),
                tools,
                system,
                shape,
                system.IsEmpty ? null : operation.Syntax,
                breakpoints.ToImmutable(),
                null,
                maxTokens,
                _evidence.HasCacheControlOutside(operation.Syntax),
                outputLimit: keys.ContainsKey("max_tokens") ? OutputLimit.Set : OutputLimit.Missing);
        }

        /// <summary>Constant runs and holes of a value range, in order, each a part at its character offset.</summary>
        private ImmutableArray<PromptPart> Parts(string json, (int Start, int Length) range, PromptSegment segment, List<IOperation> holes, SyntaxNode syntax, ImmutableArray<PromptPosition>.Builder breakpoints, CancellationToken cancellationToken)
        {
            var parts = ImmutableArray.CreateBuilder<PromptPart>();
            var end = range.Start + range.Length;
            var runStart = range.Start;
            for (var i = range.Start; i <= end; i++)
            {
                if (i < end && json[i] != HoleMarker)
                {
                    if (json[i] == '"' && string.CompareOrdinal(json, i, "\"cache_control\"", 0, 15) == 0)
                    {
                        breakpoints.Add(new PromptPosition(segment, i - range.Start));
                    }

                    continue;
                }

                if (i > runStart)
                {
                    var text = json.Substring(runStart, i - runStart);
                    parts.Add(new PromptPart(segment, runStart - range.Start, syntax, null, TextValue.Constant(text), hasBreakpoint: false));
                }

                if (i < end)
                {
                    var index = HoleIndex(json, i);
                    var hole = index >= 0 && index < holes.Count ? holes[index] : null;
                    var value = hole == null ? TextValue.Dynamic : _tracker.Evaluate(hole, cancellationToken);
                    parts.Add(new PromptPart(segment, i - range.Start, hole?.Syntax ?? syntax, hole?.Syntax, value, hasBreakpoint: false));
                    runStart = i + 1;
                }
            }

            return parts.ToImmutable();
        }

        private static int HoleIndex(string json, int position)
        {
            var index = 0;
            for (var i = 0; i < position; i++)
            {
                if (json[i] == HoleMarker)
                {
                    index++;
                }
            }

            return index;
        }

        /// <summary>The top-level keys of a JSON object and the text range of each value (holes count as values).</summary>
        private static Dictionary<string, (int Start, int Length)> TopLevelValues(string json)
        {
            var result = new Dictionary<string, (int, int)>(System.StringComparer.Ordinal);
            var depth = 0;
            string? pendingKey = null;
            var valueStart = -1;
            for (var i = 0; i < json.Length; i++)
            {
                var c = json[i];
                switch (c)
                {
                    case '"':
                        var close = SkipString(json, i);
                        if (depth == 1 && pendingKey == null && valueStart < 0)
                        {
                            var key = json.Substring(i + 1, System.Math.Max(0, close - i - 1));
                            var colon = NextNonSpace(json, close + 1);
                            if (colon < json.Length && json[colon] == ':')
                            {
                                pendingKey = key;
                                valueStart = colon + 1;
                                i = colon;
                                continue;
                            }
                        }

                        i = close;
                        break;
                    case '{':
                    case '[':
                        depth++;
                        break;
                    case '}':
                    case ']':
                        if (depth == 1 && pendingKey != null && c == '}')
                        {
                            result[pendingKey] = (valueStart, i - valueStart);
                            pendingKey = null;
                            valueStart = -1;
                        }

                        depth--;
                        if (depth < 0)
                        {
                            return result;
                        }

                        break;
                    case ',':
                        if (depth == 1 && pendingKey != null)
                        {
                            result[pendingKey] = (valueStart, i - valueStart);
                            pendingKey = null;
                            valueStart = -1;
                        }

                        break;
                }
            }

            return result;
        }

        private static int SkipString(string json, int open)
        {
            for (var i = open + 1; i < json.Length; i++)
            {
                if (json[i] == '\\')
                {
                    i++;
                    continue;
                }

                if (json[i] == '"')
                {
                    return i;
                }
            }

            return json.Length - 1;
        }

        private static int NextNonSpace(string json, int start)
        {
            var i = start;
            while (i < json.Length && char.IsWhiteSpace(json[i]))
            {
                i++;
            }

            return i;
        }
    }
}
