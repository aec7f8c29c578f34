using NxtAIGen.Providers.Demo.Internal;

namespace NxtAIGen.Providers.Demo.Tests;

public sealed class DemoTextTests
{
    [Theory]
    [InlineData("Hello world", new[] { "Hello", " world" })]
    [InlineData("  lead and trail  ", new[] { "  lead", " and", " trail", "  " })]
    [InlineData("a\n\nb\r\nc", new[] { "a", "\n\nb", "\r\nc" })]
    [InlineData("", new string[0])]
    public void SplitWords_Text_KeepsWhitespace(string text, string[] expected)
    {
        var words = DemoText.SplitWords(text);

        Assert.Equal(expected, words);
        Assert.Equal(text, string.Concat(words));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(4, 1)]
    [InlineData(5, 2)]
    public void EstimateTokens_Characters_AboutFourPerToken(int characters, int tokens) =>
        Assert.Equal(tokens, DemoText.EstimateTokens(characters));

    [Fact]
    public void Quote_LongOrMultiline_CutWithEllipsis()
    {
        Assert.Equal("first line…", DemoText.Quote("first line\nsecond", 80));
        Assert.Equal("abc…", DemoText.Quote("abcdef", 3));
        Assert.Equal("short", DemoText.Quote("  short ", 80));
    }
}
