using System;
using System.Globalization;
using System.Text;

namespace ClaudeCost.Analyzers.Knowledge
{
    /// <summary>How a Claude id is built.</summary>
    public enum ModelNaming
    {
        /// <summary><c>claude-{family}-{major}[-{minor}][-{yyyymmdd}|-latest]</c>, e.g. claude-opus-4-6, claude-sonnet-4-20250514; also claude-mythos-preview.</summary>
        FamilyFirst = 0,

        /// <summary><c>claude-{major}[-{minor}]-{family}[-v2][-{yyyymmdd}|-latest]</c>, e.g. claude-3-5-sonnet-20241022.</summary>
        FamilyLast,

        /// <summary><c>claude-[instant-]{major}[.{minor}]</c>, e.g. claude-2.1, claude-instant-1.2.</summary>
        Numbered,
    }

    /// <summary>The parts of a Claude-shaped id, whether or not the table knows it.</summary>
    public sealed class ModelIdShape
    {
        internal ModelIdShape(string normalizedId, string canonicalId, ModelNaming naming, string family, int major, int? minor, string? date, bool isLatest, bool isPreview, ModelPlatform platform)
        {
            NormalizedId = normalizedId;
            CanonicalId = canonicalId;
            Naming = naming;
            Family = family;
            Major = major;
            Minor = minor;
            Date = date;
            IsLatest = isLatest;
            IsPreview = isPreview;
            Platform = platform;
        }

        /// <summary>The id after normalization (lower case, platform decorations removed, <c>@</c> turned into <c>-</c>).</summary>
        public string NormalizedId { get; }

        /// <summary>The id rebuilt in API form (e.g. the Vertex <c>-v2</c> marker dropped).</summary>
        public string CanonicalId { get; }

        public ModelNaming Naming { get; }

        /// <summary>haiku / sonnet / opus / fable / mythos, "instant", or "claude-{major}" for numbered ids.</summary>
        public string Family { get; }

        public int Major { get; }

        public int? Minor { get; }

        /// <summary>The 8-digit snapshot date (yyyymmdd), if any.</summary>
        public string? Date { get; }

        public bool IsLatest { get; }

        /// <summary>True for claude-{family}-preview (Mythos Preview).</summary>
        public bool IsPreview { get; }

        /// <summary>The platform the spelling implies.</summary>
        public ModelPlatform Platform { get; }

        /// <summary>"4.6", "5", "3.5", "2.1" or "preview".</summary>
        public string Version => IsPreview
            ? "preview"
            : Minor is int m
                ? Major.ToString(CultureInfo.InvariantCulture) + "." + m.ToString(CultureInfo.InvariantCulture)
                : Major.ToString(CultureInfo.InvariantCulture);

        /// <summary>Tier by family: Haiku and Instant small, Sonnet mid, Opus / Fable / Mythos premium, else unknown.</summary>
        public ModelTier Tier => ModelIds.TierOfFamily(Family);

        /// <summary>
        /// Tokenizer guess: current for Opus 4.7 and later (any family-first id from 4.7 on, every 5.x and later, previews),
        /// legacy for everything older.
        /// </summary>
        public TokenizerGeneration Tokenizer
        {
            get
            {
                if (Naming != ModelNaming.FamilyFirst)
                {
                    return TokenizerGeneration.Legacy;
                }

                if (IsPreview || Major >= 5 || (Major == 4 && (Minor ?? 0) >= 7))
                {
                    return TokenizerGeneration.Current;
                }

                return TokenizerGeneration.Legacy;
            }
        }

        public override string ToString() => CanonicalId;
    }

    /// <summary>Model-id helpers: SDK enum names, platform spellings and the shape of Claude ids.</summary>
    public static class ModelIds
    {
        private const string AnthropicPrefix = "anthropic.";

        /// <summary>
        /// Official SDK enum member name to wire id: ClaudeHaiku4_5_20251001 -> claude-haiku-4-5-20251001. Inserts '-' at each
        /// lower→upper, letter→digit and digit→letter boundary, turns '_' into '-', lower-cases and collapses "--".
        /// </summary>
        public static string EnumMemberToWireId(string memberName)
        {
            if (string.IsNullOrEmpty(memberName))
            {
                return "";
            }

            var sb = new StringBuilder(memberName.Length + 8);
            var previous = '\0';
            foreach (var c in memberName)
            {
                var separator = c == '_' || c == '-';
                if (!separator && previous != '\0')
                {
                    var boundary = (char.IsLower(previous) && char.IsUpper(c))
                        || (char.IsLetter(previous) && char.IsDigit(c))
                        || (char.IsDigit(previous) && char.IsLetter(c));
                    if (boundary)
                    {
                        Append('-');
                    }
                }

                Append(separator ? '-' : char.ToLowerInvariant(c));
                previous = separator ? '\0' : c;
            }

            while (sb.Length > 0 && sb[sb.Length - 1] == '-')
            {
                sb.Length--;
            }

            return sb.ToString();

            void Append(char ch)
            {
                if (ch == '-' && (sb.Length == 0 || sb[sb.Length - 1] == '-'))
                {
                    return;
                }

                sb.Append(ch);
            }
        }

        /// <summary>
        /// Normalizes any spelling to an API-like id (facts §1.5): trims, lower-cases, strips an ARN up to the last '/',
        /// a Claude Code "[1m]" suffix, a cross-Region prefix (global., us., eu., jp., apac., au., …), "anthropic.", a
        /// trailing Bedrock version (-v1, -v1:0, -v2:0), and turns a Vertex "@yyyymmdd" into "-yyyymmdd". Completion-era
        /// Bedrock ids become numbered ids (anthropic.claude-v2:1 -> claude-2.1). Returns "" for null or blank input.
        /// </summary>
        public static string Normalize(string? rawId, out ModelPlatform platform)
        {
            var parts = Decompose(rawId);
            platform = parts.Platform;
            return parts.Id;
        }

        /// <summary>The cross-Region inference-profile prefix of a Bedrock id ("us.", "global.", …), or null.</summary>
        public static string? BedrockProfilePrefix(string? rawId)
        {
            if (rawId == null)
            {
                return null;
            }

            var s = rawId.Trim();
            var slash = s.LastIndexOf('/');
            if (slash >= 0)
            {
                s = s.Substring(slash + 1);
            }

            var idx = s.IndexOf(AnthropicPrefix, StringComparison.OrdinalIgnoreCase);
            return idx > 0 && IsRegionPrefix(s, idx) ? s.Substring(0, idx).ToLowerInvariant() : null;
        }

        /// <summary>The parts of a Claude-shaped id (facts §1.5 patterns, hand-parsed), or null when the id is not Claude-shaped.</summary>
        public static ModelIdShape? ParseShape(string? rawId)
        {
            var parts = Decompose(rawId);
            return parts.Id.Length == 0 ? null : ParseNormalized(parts.Id, parts.Platform);
        }

        /// <summary>Tier by family name (case-insensitive): haiku/instant small, sonnet mid, opus/fable/mythos premium.</summary>
        public static ModelTier TierOfFamily(string? family)
        {
            switch (family?.ToLowerInvariant())
            {
                case "haiku":
                case "instant":
                    return ModelTier.Small;
                case "sonnet":
                    return ModelTier.Mid;
                case "opus":
                case "fable":
                case "mythos":
                    return ModelTier.Premium;
                default:
                    return ModelTier.Unknown;
            }
        }

        internal static bool IsFamilyName(string s) =>
            s == "opus" || s == "sonnet" || s == "haiku" || s == "fable" || s == "mythos";

        /// <summary>The intermediate forms of a normalization, for table lookups.</summary>
        internal readonly struct Decomposed
        {
            public Decomposed(string id, ModelPlatform platform, string? bedrockForm, string? vertexForm, string? stripped)
            {
                Id = id;
                Platform = platform;
                BedrockForm = bedrockForm;
                VertexForm = vertexForm;
                Stripped = stripped;
            }

            /// <summary>The fully normalized id.</summary>
            public string Id { get; }

            public ModelPlatform Platform { get; }

            /// <summary>"anthropic.…" with ARN and Region prefix removed (Bedrock spellings are looked up as the table writes them).</summary>
            public string? BedrockForm { get; }

            /// <summary>"…@yyyymmdd" as written (Vertex spellings are looked up as the table writes them).</summary>
            public string? VertexForm { get; }

            /// <summary>The id before the Bedrock version suffix was removed, when one was.</summary>
            public string? Stripped { get; }
        }

        internal static Decomposed Decompose(string? rawId)
        {
            if (rawId == null)
            {
                return new Decomposed("", ModelPlatform.ClaudeApi, null, null, null);
            }

            var s = rawId.Trim().ToLowerInvariant();
            var platform = ModelPlatform.ClaudeApi;
            if (s.StartsWith("arn:", StringComparison.Ordinal))
            {
                platform = ModelPlatform.Bedrock;
                var slash = s.LastIndexOf('/');
                s = slash >= 0 ? s.Substring(slash + 1) : s;
            }

            // Claude Code window selector, e.g. "claude-opus-4-6[1m]".
            if (s.Length > 0 && s[s.Length - 1] == ']')
            {
                var open = s.LastIndexOf('[');
                if (open > 0)
                {
                    s = s.Substring(0, open).TrimEnd();
                }
            }

            string? bedrockForm = null;
            var anthropic = s.IndexOf(AnthropicPrefix, StringComparison.Ordinal);
            if (anthropic > 0 && IsRegionPrefix(s, anthropic))
            {
                s = s.Substring(anthropic);
                anthropic = 0;
            }

            if (anthropic == 0)
            {
                platform = ModelPlatform.Bedrock;
                bedrockForm = s;
                s = s.Substring(AnthropicPrefix.Length);
            }

            string? vertexForm = null;
            var at = s.IndexOf('@');
            if (at > 0)
            {
                platform = ModelPlatform.Vertex;
                vertexForm = s;
                s = s.Substring(0, at) + "-" + s.Substring(at + 1);
            }

            string? stripped = null;
            var withoutVersion = StripBedrockVersion(s);
            if (!ReferenceEquals(withoutVersion, s))
            {
                stripped = s;
                s = withoutVersion;
            }

            return new Decomposed(s, platform, bedrockForm, vertexForm, stripped);
        }

        /// <summary>True when s[0..end) is a cross-Region prefix such as "us.", "apac.", "us-gov." (letters and '-', one trailing dot).</summary>
        private static bool IsRegionPrefix(string s, int end)
        {
            if (end < 3 || end > 12 || s[end - 1] != '.')
            {
                return false;
            }

            for (var i = 0; i < end - 1; i++)
            {
                var c = s[i];
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-'))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Removes a trailing Bedrock version "-v{N}", "-v{N}:{M}" or "-v{N}:{M}:{ctx}k". "claude-v2:1" and "claude-instant-v1"
        /// (completion-era ids) become "claude-2.1" and "claude-instant-1". Returns the same instance when nothing applies.
        /// </summary>
        private static string StripBedrockVersion(string s)
        {
            var v = s.LastIndexOf("-v", StringComparison.Ordinal);
            if (v < 0 || v + 2 >= s.Length)
            {
                return s;
            }

            var p = v + 2;
            var majorStart = p;
            while (p < s.Length && IsDigit(s[p]))
            {
                p++;
            }

            if (p == majorStart)
            {
                return s;
            }

            var majorEnd = p;
            var minorStart = -1;
            var minorEnd = -1;
            if (p < s.Length && s[p] == ':')
            {
                p++;
                minorStart = p;
                while (p < s.Length && IsDigit(s[p]))
                {
                    p++;
                }

                if (p == minorStart)
                {
                    return s;
                }

                minorEnd = p;
                if (p < s.Length && s[p] == ':')
                {
                    // Provisioned-throughput context variant, e.g. ":200k".
                    p++;
                    var ctxStart = p;
                    while (p < s.Length && IsDigit(s[p]))
                    {
                        p++;
                    }

                    if (p == ctxStart || p >= s.Length || s[p] != 'k')
                    {
                        return s;
                    }

                    p++;
                }
            }

            if (p != s.Length)
            {
                return s;
            }

            var head = s.Substring(0, v);
            if (head == "claude" || head == "claude-instant")
            {
                var number = s.Substring(majorStart, majorEnd - majorStart);
                if (minorStart >= 0)
                {
                    number += "." + s.Substring(minorStart, minorEnd - minorStart);
                }

                return head + "-" + number;
            }

            return head;
        }

        private static bool IsDigit(char c) => c >= '0' && c <= '9';

        private static bool AllDigits(string s, int minLength, int maxLength)
        {
            if (s.Length < minLength || s.Length > maxLength)
            {
                return false;
            }

            foreach (var c in s)
            {
                if (!IsDigit(c))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Hand-parsed equivalents of the facts-file patterns (anchored, no regular expressions).</summary>
        internal static ModelIdShape? ParseNormalized(string id, ModelPlatform platform)
        {
            if (!id.StartsWith("claude-", StringComparison.Ordinal) || id.Length <= 7)
            {
                return null;
            }

            var parts = id.Substring(7).Split('-');
            foreach (var part in parts)
            {
                if (part.Length == 0)
                {
                    return null;
                }
            }

            // claude-(instant-)?\d(\.\d)?
            if (parts[0] == "instant")
            {
                return parts.Length == 2 && TryParseDotted(parts[1], out var iMajor, out var iMinor)
                    ? new ModelIdShape(id, id, ModelNaming.Numbered, "instant", iMajor, iMinor, null, false, false, platform)
                    : null;
            }

            if (parts.Length == 1 && TryParseDotted(parts[0], out var nMajor, out var nMinor))
            {
                var family = "claude-" + nMajor.ToString(CultureInfo.InvariantCulture);
                return new ModelIdShape(id, id, ModelNaming.Numbered, family, nMajor, nMinor, null, false, false, platform);
            }

            // claude-(opus|sonnet|haiku|fable|mythos)-(\d+)(-(\d{1,2}))?(-(\d{8}|latest))?  and claude-{family}-preview
            if (IsFamilyName(parts[0]))
            {
                var family = parts[0];
                if (parts.Length == 2 && parts[1] == "preview")
                {
                    return new ModelIdShape(id, id, ModelNaming.FamilyFirst, family, 0, null, null, false, true, platform);
                }

                if (parts.Length < 2 || !AllDigits(parts[1], 1, 3))
                {
                    return null;
                }

                var major = int.Parse(parts[1], CultureInfo.InvariantCulture);
                var i = 2;
                int? minor = null;
                if (i < parts.Length && AllDigits(parts[i], 1, 2))
                {
                    minor = int.Parse(parts[i], CultureInfo.InvariantCulture);
                    i++;
                }

                if (!TryParseTail(parts, ref i, out var date, out var latest) || i != parts.Length)
                {
                    return null;
                }

                return new ModelIdShape(id, Rebuild(id, parts, -1), ModelNaming.FamilyFirst, family, major, minor, date, latest, false, platform);
            }

            // claude-(\d)(-(\d))?-(opus|sonnet|haiku)(-v2)?(-(\d{8}|latest))?
            if (AllDigits(parts[0], 1, 1))
            {
                var major = parts[0][0] - '0';
                var i = 1;
                int? minor = null;
                if (i < parts.Length && AllDigits(parts[i], 1, 1))
                {
                    minor = parts[i][0] - '0';
                    i++;
                }

                if (i >= parts.Length || !(parts[i] == "opus" || parts[i] == "sonnet" || parts[i] == "haiku"))
                {
                    return null;
                }

                var family = parts[i];
                i++;
                var v2Index = -1;
                if (i < parts.Length && parts[i] == "v2")
                {
                    v2Index = i;
                    i++;
                }

                if (!TryParseTail(parts, ref i, out var date, out var latest) || i != parts.Length)
                {
                    return null;
                }

                return new ModelIdShape(id, Rebuild(id, parts, v2Index), ModelNaming.FamilyLast, family, major, minor, date, latest, false, platform);
            }

            return null;
        }

        private static bool TryParseTail(string[] parts, ref int i, out string? date, out bool latest)
        {
            date = null;
            latest = false;
            if (i >= parts.Length)
            {
                return true;
            }

            if (parts[i] == "latest")
            {
                latest = true;
                i++;
                return true;
            }

            if (AllDigits(parts[i], 8, 8))
            {
                date = parts[i];
                i++;
                return true;
            }

            return false;
        }

        private static string Rebuild(string id, string[] parts, int skipIndex)
        {
            if (skipIndex < 0)
            {
                return id;
            }

            var sb = new StringBuilder("claude", id.Length);
            for (var i = 0; i < parts.Length; i++)
            {
                if (i != skipIndex)
                {
                    sb.Append('-').Append(parts[i]);
                }
            }

            return sb.ToString();
        }

        /// <summary>"2", "2.1", "1.3": one digit, optionally a dot and one digit.</summary>
        private static bool TryParseDotted(string s, out int major, out int? minor)
        {
            major = 0;
            minor = null;
            if (s.Length == 1 && IsDigit(s[0]))
            {
                major = s[0] - '0';
                return true;
            }

            if (s.Length == 3 && IsDigit(s[0]) && s[1] == '.' && IsDigit(s[2]))
            {
                major = s[0] - '0';
                minor = s[2] - '0';
                return true;
            }

            return false;
        }
    }
}
