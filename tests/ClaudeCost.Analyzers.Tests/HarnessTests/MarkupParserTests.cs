using System.Linq;
using ClaudeCost.Analyzers.Tests.Verifiers;
using Xunit;

namespace ClaudeCost.Analyzers.Tests.HarnessTests;

public class MarkupParserTests
{
    [Fact]
    public void DefaultSpanIsStrippedAndMeasuredOnTheStrippedText()
    {
        var result = MarkupParser.Parse("a [|bc|] d");
        Assert.Equal("a bc d", result.Text);
        var span = Assert.Single(result.Spans);
        Assert.Equal(MarkupSpanKind.Default, span.Kind);
        Assert.Equal("bc", result.Text.Substring(span.Span.Start, span.Span.Length));
    }

    [Fact]
    public void IdAndIndexedSpansNest()
    {
        var result = MarkupParser.Parse("x {|CC0001:a {|#0:b|} c|} [|d|]");
        Assert.Equal("x a b c d", result.Text);
        Assert.Collection(
            result.Spans,
            s => { Assert.Equal(MarkupSpanKind.Diagnostic, s.Kind); Assert.Equal("CC0001", s.Id); Assert.Equal("a b c", result.Text.Substring(s.Span.Start, s.Span.Length)); },
            s => { Assert.Equal(MarkupSpanKind.Location, s.Kind); Assert.Equal(0, s.Index); Assert.Equal("b", result.Text.Substring(s.Span.Start, s.Span.Length)); },
            s => { Assert.Equal(MarkupSpanKind.Default, s.Kind); Assert.Equal("d", result.Text.Substring(s.Span.Start, s.Span.Length)); });
    }

    [Fact]
    public void NumberedEndTagsAllowOverlappingSpans()
    {
        // #0 covers "ab", #1 covers "bc": they overlap, so they cannot be written with plain |} ends.
        var result = MarkupParser.Parse("{|#0:a{|#1:b|#0}c|#1}");
        Assert.Equal("abc", result.Text);
        var zero = result.Spans.Single(s => s.Index == 0);
        var one = result.Spans.Single(s => s.Index == 1);
        Assert.Equal("ab", result.Text.Substring(zero.Span.Start, zero.Span.Length));
        Assert.Equal("bc", result.Text.Substring(one.Span.Start, one.Span.Length));
    }

    [Fact]
    public void EmptySpanForCompilerDiagnostic()
    {
        var result = MarkupParser.Parse("int x = 1{|CS1002:|}");
        var span = Assert.Single(result.Spans);
        Assert.Equal("CS1002", span.Id);
        Assert.Equal(0, span.Span.Length);
        Assert.Equal(result.Text.Length, span.Span.Start);
    }

    [Theory]
    [InlineData("a [|b", 2)]
    [InlineData("a |] b", 2)]
    [InlineData("a {|CC0001:b", 2)]
    [InlineData("a |} b", 2)]
    [InlineData("{|#1:a|} {|#1:b|}", 9)]
    [InlineData("a |#3} b", 2)]
    [InlineData("a {|bad id:b|}", 2)]
    public void MalformedMarkupThrowsWithTheOffset(string markup, int offset)
    {
        var ex = Assert.Throws<MarkupException>(() => MarkupParser.Parse(markup));
        Assert.Equal(offset, ex.Offset);
        Assert.Contains("offset " + offset, ex.Message);
    }

    [Fact]
    public void MalformedMarkupReportsLineAndColumn()
    {
        var ex = Assert.Throws<MarkupException>(() => MarkupParser.Parse("line1\n  [|x"));
        Assert.Equal(2, ex.Line);
        Assert.Equal(3, ex.Column);
    }

    [Fact]
    public void OrdinaryCodeIsUntouched()
    {
        const string Code = "var a = b | c; var d = x[0]; var s = $$\"\"\"{{y}}\"\"\"; if (a || b) { }";
        var result = MarkupParser.Parse(Code);
        Assert.Equal(Code, result.Text);
        Assert.Empty(result.Spans);
    }
}
