using System.Text;
using NxtAIGen.Abstractions;
using NxtAIGen.Providers.Cohere.Internal;
using NxtAIGen.Testing;

namespace NxtAIGen.Providers.Cohere.Tests;

/// <summary>The text-delta fast path: what it takes, what it leaves to the DTO path, and that a stream reads the same either way.</summary>
public sealed class CohereTextDeltaReaderTests
{
    [Theory]
    [InlineData("""{"type":"content-delta","index":0,"delta":{"message":{"content":{"text":"Hi"}}}}""", "Hi")]
    [InlineData("""{"delta":{"message":{"content":{"type":"text","text":"Hi"}}},"index":2,"type":"content-delta"}""", "Hi")]
    [InlineData("""{"type":"content-delta","delta":{"message":{"content":{"text":""}}}}""", "")]
    [InlineData("""{"type":"content-delta","index":0,"delta":{"message":{"content":{"text":"a\"b\\c\n\u00e9\ud83d\ude00"}}}}""", "a\"b\\c\né😀")]
    [InlineData("""{"typ\u0065":"content-delta","index":0,"delta":{"message":{"content":{"t\u0065xt":"Hi"}}}}""", "Hi")]
    public void TryRead_PlainTextDelta_ReturnsItsText(string json, string expected)
    {
        Assert.True(CohereTextDeltaReader.TryRead(Encoding.UTF8.GetBytes(json), out var text));
        Assert.Equal(expected, text);
    }

    [Theory]
    [InlineData("""{"type":"content-delta","index":0,"delta":{"message":{"content":{"thinking":"Hm"}}}}""")]
    [InlineData("""{"type":"content-delta","index":0,"delta":{"message":{"content":{"text":"Hi","thinking":"Hm"}}}}""")]
    [InlineData("""{"type":"content-delta","index":0,"delta":{"message":{"content":{"text":null}}}}""")]
    [InlineData("""{"type":"content-delta","index":0,"delta":{"message":{"content":{"text":"a","text":"b"}}}}""")]
    [InlineData("""{"type":"content-delta","index":0,"delta":{"message":{"content":{"text":"Hi"},"tool_plan":"x"}}}""")]
    [InlineData("""{"type":"content-delta","index":0,"delta":{"message":{"content":{"text":"Hi"}},"usage":{}}}""")]
    [InlineData("""{"type":"content-delta","index":0,"delta":{"message":{"content":[{"text":"Hi"}]}}}""")]
    [InlineData("""{"type":"content-delta","index":0,"delta":{"message":{"content":{"text":"Hi"}}},"id":"x"}""")]
    [InlineData("""{"type":"content-start","index":0,"delta":{"message":{"content":{"type":"text","text":""}}}}""")]
    [InlineData("""{"index":0,"delta":{"message":{"content":{"text":"Hi"}}}}""")]
    [InlineData("""{"type":"content-delta","index":"0","delta":{"message":{"content":{"text":"Hi"}}}}""")]
    [InlineData("""{"type":"content-delta","index":0,"delta":{"message":{"content":{"text":"Hi"}}}} x""")]
    [InlineData("""{"type":"content-delta","index":0,"delta":{"message":{"content":{"text":"Hi""")]
    public void TryRead_AnythingElse_LeavesItToTheDtoPath(string json)
    {
        Assert.False(CohereTextDeltaReader.TryRead(Encoding.UTF8.GetBytes(json), out _));
    }

    [Theory]
    [InlineData("whole")]
    [InlineData("one-byte")]
    public async Task StreamAsync_UnusualTextDeltas_GiveTheSameChunksAsTheDtoPath(string chunking)
    {
        static string Delta(string json) => "event: content-delta\ndata: " + json + "\n\n";
        var body = SseBodies.Start
            + Delta("""{"delta":{"message":{"content":{"text":"A"}}},"type":"content-delta","index":0}""")
            + Delta("""{"type":"content-delta","index":0,"delta":{"message":{"content":{"text":"B","extra":1}}}}""")
            + Delta("""{"type":"content-delta","index":0,"delta":{"message":{"content":{"text":null}}}}""")
            + Delta("""{"type":"content-delta","index":0,"delta":{"message":{"content":{"text":"\u00e9\ud83d\ude00😀"}}}}""")
            + Delta("""{"type":"content-delta","index":0,"delta":{"message":{"content":{"text":"C","thinking":"T"}}}}""")
            + SseBodies.End;
        var provider = TestProviders.Create(StubHttpHandler.ForBody(Encoding.UTF8.GetBytes(body), Chunking.Parse(chunking)));

        var result = await StreamFolder.CollectAsync(provider.StreamAsync(TestProviders.Hello()));

        Assert.Null(result.Error);
        Assert.Equal("ABé😀😀C", result.Text);
        Assert.Equal("T", result.Reasoning);
        Assert.Equal(ChatFinishReason.Stop, result.UnifiedFinishReason);
    }
}
