using System.Text;
using NxtAIGen.Providers.Anthropic.Internal;
using NxtAIGen.Testing;

namespace NxtAIGen.Providers.Anthropic.Tests;

/// <summary>The text-delta fast path: what it takes, what it leaves to the DTO path, and that a stream reads the same either way.</summary>
public sealed class AnthropicTextDeltaReaderTests
{
    [Theory]
    [InlineData("""{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi"}}""", "Hi")]
    [InlineData("""{"delta":{"text":"Hi","type":"text_delta"},"index":3,"type":"content_block_delta"}""", "Hi")]
    [InlineData("""{"type":"content_block_delta","delta":{"type":"text_delta","text":"Hi"}}""", "Hi")]
    [InlineData(""" { "type" : "content_block_delta" , "index" : 0 , "delta" : { "type" : "text_delta" , "text" : "Hi" } }  """, "Hi")]
    [InlineData("""{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":""}}""", "")]
    [InlineData("""{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"a\"b\\c\n\t\/\u00e9\ud83d\ude00"}}""", "a\"b\\c\n\t/é😀")]
    [InlineData("""{"t\u0079pe":"content_block_delta","index":0,"delta":{"type":"text_\u0064elta","t\u0065xt":"Hi"}}""", "Hi")]
    public void TryRead_PlainTextDelta_ReturnsItsText(string json, string expected)
    {
        Assert.True(AnthropicTextDeltaReader.TryRead(Encoding.UTF8.GetBytes(json), out var text));
        Assert.Equal(expected, text);
    }

    [Theory]
    [InlineData("""{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi"},"extra":1}""")]
    [InlineData("""{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi","citations":[]}}""")]
    [InlineData("""{"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"Hm"}}""")]
    [InlineData("""{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":null}}""")]
    [InlineData("""{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":5}}""")]
    [InlineData("""{"type":"content_block_delta","index":0,"delta":{"type":"text_delta"}}""")]
    [InlineData("""{"type":"content_block_delta","index":0,"delta":{"text":"Hi"}}""")]
    [InlineData("""{"type":"content_block_delta","index":"0","delta":{"type":"text_delta","text":"Hi"}}""")]
    [InlineData("""{"type":"content_block_delta","index":1.5,"delta":{"type":"text_delta","text":"Hi"}}""")]
    [InlineData("""{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"a","text":"b"}}""")]
    [InlineData("""{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}""")]
    [InlineData("""{"index":0,"delta":{"type":"text_delta","text":"Hi"}}""")]
    [InlineData("""{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi"}} x""")]
    [InlineData("""{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi""")]
    [InlineData("""[{"type":"content_block_delta"}]""")]
    [InlineData("""{"Type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi"}}""")]
    public void TryRead_AnythingElse_LeavesItToTheDtoPath(string json)
    {
        Assert.False(AnthropicTextDeltaReader.TryRead(Encoding.UTF8.GetBytes(json), out _));
    }

    [Fact]
    public void TryRead_InvalidUtf8InText_LeavesItToTheDtoPath()
    {
        var json = Encoding.UTF8.GetBytes("""{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"aXb"}}""");
        json[Array.IndexOf(json, (byte)'X')] = 0xFF;
        Assert.False(AnthropicTextDeltaReader.TryRead(json, out _));
    }

    [Theory]
    [InlineData("whole")]
    [InlineData("one-byte")]
    public async Task StreamAsync_UnusualTextDeltas_GiveTheSameTextAsTheDtoPath(string chunking)
    {
        var events =
            SseBodies.Event("content_block_delta", """{"delta":{"text":"A","type":"text_delta"},"type":"content_block_delta","index":0}""")
            + SseBodies.Event("content_block_delta", """{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"B"},"unknown":{"x":[1]}}""")
            + SseBodies.Event("content_block_delta", """{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":null}}""")
            + SseBodies.Event("content_block_delta", """{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":""}}""")
            + SseBodies.Event("content_block_delta", """{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"\u00e9\ud83d\ude00😀"}}""")
            + SseBodies.Event("content_block_delta", """{"type":"content_block_delta","index":"1","delta":{"type":"text_delta","text":"C"}}""");
        var body = Encoding.UTF8.GetBytes(SseBodies.Around(events));
        var provider = TestProviders.Create(StubHttpHandler.ForBody(body, Chunking.Parse(chunking)));

        var result = await StreamFolder.CollectAsync(provider.StreamAsync(TestProviders.Hello()));

        Assert.Null(result.Error);
        Assert.Equal("ABé😀😀C", result.Text);
        Assert.Equal(4, result.Chunks.Count(c => c.Kind == Abstractions.ChatChunkKind.Text));
    }

    [Fact]
    public async Task StreamAsync_TextDeltaWithInvalidIndex_IsStillReportedAsInvalidJsonShape()
    {
        var events = SseBodies.Event("content_block_delta", """{"type":"content_block_delta","index":1.5,"delta":{"type":"text_delta","text":"C"}}""")
            + SseBodies.Event("content_block_delta", """{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"D"}}""");
        var provider = TestProviders.Create(StubHttpHandler.ForBody(Encoding.UTF8.GetBytes(SseBodies.Around(events))));

        var result = await StreamFolder.CollectAsync(provider.StreamAsync(TestProviders.Hello()));

        Assert.Equal(Abstractions.ProviderErrorKind.Server, result.ProviderError?.Kind); // As before the fast path: not valid for the DTO.
    }
}
