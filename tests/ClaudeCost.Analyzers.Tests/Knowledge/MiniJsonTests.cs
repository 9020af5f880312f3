using System.Linq;
using ClaudeCost.Analyzers.Knowledge;
using Xunit;

namespace ClaudeCost.Analyzers.Tests.Knowledge
{
    public class MiniJsonTests
    {
        private static JsonValue Parse(string text)
        {
            Assert.True(MiniJson.TryParse(text, out var value, out var error), error?.Message);
            Assert.NotNull(value);
            return value!;
        }

        private static JsonError Fail(string text)
        {
            Assert.False(MiniJson.TryParse(text, out var value, out var error));
            Assert.Null(value);
            Assert.NotNull(error);
            return error!;
        }

        [Fact]
        public void ParsesScalars()
        {
            Assert.Equal(JsonKind.True, Parse("true").Kind);
            Assert.Equal(JsonKind.False, Parse(" false ").Kind);
            Assert.Equal(JsonKind.Null, Parse("null").Kind);
            Assert.Equal("abc", Parse("\"abc\"").Text);
            Assert.Equal("", Parse("\"\"").Text);
        }

        [Theory]
        [InlineData("0", "0")]
        [InlineData("-0", "0")]
        [InlineData("3.75", "3.75")]
        [InlineData("0.125", "0.125")]
        [InlineData("1e3", "1000")]
        [InlineData("2.5E-1", "0.25")]
        [InlineData("0.1", "0.1")]
        public void NumbersAreDecimalExact(string text, string expected)
        {
            Assert.True(Parse(text).TryGetDecimal(out var d));
            Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), d);
        }

        [Fact]
        public void DecimalDoesNotDrift()
        {
            Assert.True(Parse("0.30").TryGetDecimal(out var d));
            Assert.Equal(0.3m, d);
            Assert.Equal(0.3m * 3, d * 3);
        }

        [Fact]
        public void IntegersAreChecked()
        {
            Assert.True(Parse("4096").TryGetInt32(out var n));
            Assert.Equal(4096, n);
            Assert.False(Parse("1.5").TryGetInt32(out _));
            Assert.False(Parse("99999999999").TryGetInt32(out _));
            Assert.False(Parse("1e400").TryGetDecimal(out _));
        }

        [Fact]
        public void StringEscapes()
        {
            var v = Parse("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u0041\\u00e9\\uD83D\\uDE00\"");
            Assert.Equal("a\"b\\c/d\b\f\n\r\tAé\U0001F600", v.Text);
        }

        [Fact]
        public void ObjectsAndArraysKeepOrderAndPositions()
        {
            var v = Parse("{\n  \"a\": [1, 2, {\"b\": null}],\n  \"c\": \"x\"\n}");
            Assert.Equal(JsonKind.Object, v.Kind);
            Assert.Equal(new[] { "a", "c" }, v.Members.Select(m => m.Name));
            var a = v.Find("a")!.Value;
            Assert.Equal(3, a.Items.Length);
            Assert.Equal(1, a.Start.Line);
            Assert.Equal(7, a.Start.Column);
            var c = v.Find("c")!;
            Assert.Equal(2, c.NameStart.Line);
            Assert.Equal(2, c.NameStart.Column);
            Assert.Equal(2, c.Value.Start.Line);
            Assert.Equal(7, c.Value.Start.Column);
            Assert.Equal(3, c.Value.Length);
        }

        [Fact]
        public void DuplicateKeysLastWins()
        {
            var v = Parse("{\"a\": 1, \"a\": 2}");
            Assert.Equal(2, v.Members.Length);
            Assert.Equal("2", v.Find("a")!.Value.Text);
        }

        [Theory]
        [InlineData("{\"a\": 1,}", 0, 8)]
        [InlineData("[1, 2,]", 0, 6)]
        [InlineData("{\"a\" 1}", 0, 5)]
        [InlineData("{\n  \"a\": tru\n}", 1, 7)]
        [InlineData("{\n  \"a\": 01\n}", 1, 8)]
        [InlineData("{\n\n    \"a\": \"x\\q\"\n}", 2, 11)]
        [InlineData("{\"a\": 1} x", 0, 9)]
        [InlineData("", 0, 0)]
        [InlineData("   ", 0, 3)]
        [InlineData("{ // c\n}", 0, 2)]
        [InlineData("{'a': 1}", 0, 1)]
        [InlineData("[1 2]", 0, 3)]
        [InlineData("\"\\u12G4\"", 0, 1)]
        [InlineData("-", 0, 1)]
        [InlineData("1.", 0, 2)]
        [InlineData("1e", 0, 2)]
        public void SyntaxErrorsArePositioned(string text, int line, int column)
        {
            var e = Fail(text);
            Assert.Equal(line, e.Position.Line);
            Assert.Equal(column, e.Position.Column);
        }

        [Fact]
        public void UnterminatedStringPointsAtItsQuote()
        {
            var e = Fail("{\n  \"a\": \"abc");
            Assert.Equal(1, e.Position.Line);
            Assert.Equal(7, e.Position.Column);
            Assert.Contains("unterminated", e.Message);
        }

        [Fact]
        public void LineBreaksCountLikeSourceText()
        {
            // CRLF counts once, a lone CR counts, and so does LF.
            var e = Fail("{\r\n\"a\": 1,\r\"b\": 2,\n\"c\" 3}");
            Assert.Equal(3, e.Position.Line);
            Assert.Equal(4, e.Position.Column);
        }

        [Fact]
        public void ByteOrderMarkIsSkipped()
        {
            Assert.Equal(JsonKind.Object, Parse("\uFEFF{}").Kind);
        }

        [Fact]
        public void ControlCharacterInStringIsAnError()
        {
            var e = Fail("\"a\tb\"");
            Assert.Equal(2, e.Position.Column);
        }

        [Fact]
        public void DeepNestingIsAnErrorNotACrash()
        {
            var deep = new string('[', 100000) + new string(']', 100000);
            var e = Fail(deep);
            Assert.Contains("deeper", e.Message);
            Assert.Equal(MiniJson.MaxDepth, e.Position.Column);

            var deepObjects = string.Concat(Enumerable.Repeat("{\"a\":", 5000)) + "1" + new string('}', 5000);
            Assert.Contains("deeper", Fail(deepObjects).Message);
        }

        [Fact]
        public void NestingAtTheLimitIsFine()
        {
            var ok = new string('[', MiniJson.MaxDepth) + new string(']', MiniJson.MaxDepth);
            Assert.Equal(JsonKind.Array, Parse(ok).Kind);
            var tooDeep = new string('[', MiniJson.MaxDepth + 1) + new string(']', MiniJson.MaxDepth + 1);
            Fail(tooDeep);
        }

        [Fact]
        public void NullTextIsAnError()
        {
            Assert.False(MiniJson.TryParse(null, out _, out var error));
            Assert.NotNull(error);
        }
    }
}
