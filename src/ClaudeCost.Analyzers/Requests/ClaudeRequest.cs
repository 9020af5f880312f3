using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using ClaudeCost.Analyzers.Provenance;

namespace ClaudeCost.Analyzers.Requests
{
    /// <summary>The client library (or raw body shape) a request was written with.</summary>
    public enum RequestSurface
    {
        OfficialSdk,
        OfficialSdkBeta,
        MicrosoftExtensionsAI,
        AnthropicSdk,
        RawAnonymousObject,
        RawJsonObject,
        RawDictionary,
        RawDto,
        RawJsonText,
        BedrockConverse,

        /// <summary>The official SDK's <c>FromRawUnchecked</c>: a body written as a string → <c>JsonElement</c> dictionary.</summary>
        OfficialSdkRawBody,
    }

    /// <summary>The three parts of the prompt, in the order the API renders (and caches) them.</summary>
    public enum PromptSegment
    {
        Tools = 0,
        System = 1,
        Messages = 2,
    }

    /// <summary>How the system prompt is written at the request site (decides which fixes apply).</summary>
    public enum SystemShape
    {
        Absent,
        /// <summary>A single string value (official SDK implicit string, raw "system": "…", M.E.AI system message text).</summary>
        Text,
        /// <summary>A list/array of blocks written out at the request site.</summary>
        BlockList,
        /// <summary>Anything else (a variable holding blocks, a factory call).</summary>
        Opaque,
    }

    /// <summary>Whether a request carries an output limit.</summary>
    public enum OutputLimit
    {
        /// <summary>Set, required by the type, filled in by the client, or set later: nothing to report.</summary>
        Set,
        /// <summary>No limit anywhere: the API rejects the body (raw HTTP) or the client sends 0 / runs to the model's maximum.</summary>
        Missing,
    }

    /// <summary>One block of the prompt prefix: a tool definition or a system block.</summary>
    public sealed class PromptPart
    {
        public PromptPart(PromptSegment segment, int index, SyntaxNode syntax, SyntaxNode? textSyntax, TextValue text, bool hasBreakpoint)
        {
            Segment = segment;
            Index = index;
            Syntax = syntax;
            TextSyntax = textSyntax;
            Text = text;
            HasBreakpoint = hasBreakpoint;
        }

        public PromptSegment Segment { get; }

        /// <summary>Position within its segment.</summary>
        public int Index { get; }

        /// <summary>The block as written (element of a list, the whole value for a plain string).</summary>
        public SyntaxNode Syntax { get; }

        /// <summary>The expression that gives the block's text, when there is one.</summary>
        public SyntaxNode? TextSyntax { get; }

        /// <summary>Where the text comes from and how long it is.</summary>
        public TextValue Text { get; }

        /// <summary>The block itself carries a cache breakpoint.</summary>
        public bool HasBreakpoint { get; }

        public PromptPosition Position => new PromptPosition(Segment, Index);
    }

    /// <summary>An ordered position in the rendered prompt (tools, then system, then messages).</summary>
    public readonly struct PromptPosition
    {
        public PromptPosition(PromptSegment segment, int index)
        {
            Segment = segment;
            Index = index;
        }

        public PromptSegment Segment { get; }

        public int Index { get; }

        public static PromptPosition EndOfMessages => new PromptPosition(PromptSegment.Messages, int.MaxValue);

        public bool IsAtOrAfter(PromptPosition other)
            => Segment > other.Segment || (Segment == other.Segment && Index >= other.Index);
    }

    /// <summary>The model a request names.</summary>
    public sealed class ModelReference
    {
        public ModelReference(string? id, SyntaxNode syntax, bool isEnumMember)
        {
            Id = id;
            Syntax = syntax;
            IsEnumMember = isEnumMember;
        }

        /// <summary>The wire id when it is a compile-time constant (or an enum member), else null.</summary>
        public string? Id { get; }

        public SyntaxNode Syntax { get; }

        public bool IsEnumMember { get; }
    }

    /// <summary>
    /// One Claude request, normalized from whatever surface wrote it. Rules read only this and the knowledge tables.
    /// </summary>
    public sealed class ClaudeRequest
    {
        public ClaudeRequest(
            RequestSurface surface,
            SyntaxNode anchor,
            bool isFree,
            ModelReference? model,
            ImmutableArray<PromptPart> tools,
            ImmutableArray<PromptPart> system,
            SystemShape systemShape,
            SyntaxNode? systemValueSyntax,
            ImmutableArray<PromptPosition> breakpoints,
            SyntaxNode? firstUserMessageSyntax,
            long? maxTokens,
            bool hasUnplacedBreakpoint = false,
            bool canCache = true,
            SyntaxNode? thinkingSyntax = null,
            OutputLimit outputLimit = OutputLimit.Set)
        {
            ThinkingSyntax = thinkingSyntax;
            OutputLimitState = outputLimit;
            HasUnplacedBreakpoint = hasUnplacedBreakpoint;
            CanCache = canCache;
            Surface = surface;
            Anchor = anchor;
            IsFree = isFree;
            Model = model;
            Tools = tools;
            System = system;
            SystemShape = systemShape;
            SystemValueSyntax = systemValueSyntax;
            Breakpoints = breakpoints;
            FirstUserMessageSyntax = firstUserMessageSyntax;
            MaxTokens = maxTokens;
        }

        public RequestSurface Surface { get; }

        /// <summary>The creation or invocation that is the request.</summary>
        public SyntaxNode Anchor { get; }

        /// <summary>Token counting and other requests that cost nothing: no cost rule applies.</summary>
        public bool IsFree { get; }

        public ModelReference? Model { get; }

        public ImmutableArray<PromptPart> Tools { get; }

        public ImmutableArray<PromptPart> System { get; }

        public SystemShape SystemShape { get; }

        /// <summary>The expression given as the system prompt at the request site.</summary>
        public SyntaxNode? SystemValueSyntax { get; }

        /// <summary>Every cache breakpoint, as positions in render order (automatic caching sits at the end of messages).</summary>
        public ImmutableArray<PromptPosition> Breakpoints { get; }

        public SyntaxNode? FirstUserMessageSyntax { get; }

        public long? MaxTokens { get; }

        /// <summary>Whether the request sets an output limit (max_tokens) anywhere the analyzer can see.</summary>
        public OutputLimit OutputLimitState { get; }

        /// <summary>The member that turns on extended thinking / reasoning (the whole <c>Thinking = …</c> assignment), when set.</summary>
        public SyntaxNode? ThinkingSyntax { get; }

        /// <summary>
        /// A breakpoint is set somewhere the adapter cannot place precisely (a later <c>with</c>, a "cache_control"
        /// key added by a statement, automatic caching configured on the client): rules treat the request as cached
        /// and stay silent where the position matters.
        /// </summary>
        public bool HasUnplacedBreakpoint { get; }

        /// <summary>The surface can express a cache breakpoint at all (some IChatClient adapters cannot).</summary>
        public bool CanCache { get; }

        public bool HasAnyBreakpoint => !Breakpoints.IsDefaultOrEmpty || HasUnplacedBreakpoint;

        /// <summary>Tools then system blocks: the cacheable prefix ahead of the messages.</summary>
        public ImmutableArray<PromptPart> PrefixParts => Tools.AddRange(System);

        public bool HasBreakpointAtOrAfter(PromptPosition position)
        {
            foreach (var breakpoint in Breakpoints)
            {
                if (breakpoint.IsAtOrAfter(position))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
