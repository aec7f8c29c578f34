using System.Text;
using NxtAIGen.Abstractions;
using NxtAIGen.Providers.Gemini.Internal;
using NxtAIGen.Testing;

namespace NxtAIGen.Providers.Gemini.Tests;

/// <summary>The text-event fast path: what it takes, what it leaves to the DTO path, and that a stream reads the same either way.</summary>
public sealed class GeminiTextEventReaderTests
{
    [Theory]
    [InlineData("""{"candidates":[{"content":{"parts":[{"text":"Hi"}],"role":"model"}}],"modelVersion":"g"}""", "Hi")]
    [InlineData("""{"modelVersion":"g","responseId":"r","candidates":[{"index":0,"safetyRatings":[{"category":"X","probability":"NEGLIGIBLE"}],"content":{"role":"model","parts":[{"text":"Hi"}]}}]}""", "Hi")]
    [InlineData("""{ "candidates": [ { "content": { "parts": [ { "text": "" } ] } } ] }""", "")]
    [InlineData("""{"candidates":[{"content":{"parts":[{"text":"a\"b\\c\n\u79cb\ud83d\ude00"}]}}],"unknown":{"x":[1]}}""", "a\"b\\c\n秋😀")]
    [InlineData("""{"c\u0061ndidates":[{"content":{"parts":[{"t\u0065xt":"Hi"}]}}]}""", "Hi")]
    public void TryRead_PlainTextEvent_ReturnsItsText(string json, string expected)
    {
        Assert.True(GeminiTextEventReader.TryRead(Encoding.UTF8.GetBytes(json), out var result));
        Assert.Equal(expected, result.Text);
        Assert.False(result.HasUsage);
    }

    [Fact]
    public void TryRead_UsageMetadata_ReturnsTheCounts()
    {
        var json = """{"candidates":[{"content":{"parts":[{"text":"Hi"}]}}],"usageMetadata":{"promptTokenCount":7,"candidatesTokenCount":2,"thoughtsTokenCount":3,"cachedContentTokenCount":1,"totalTokenCount":13,"promptTokensDetails":[{"modality":"TEXT","tokenCount":7}]}}""";
        Assert.True(GeminiTextEventReader.TryRead(Encoding.UTF8.GetBytes(json), out var result));
        Assert.Equal(new GeminiTextEvent("Hi", true, 7, 2, 3, 1), result);
    }

    [Theory]
    [InlineData("""{"candidates":[{"content":{"parts":[{"text":"Hi"}]},"finishReason":"STOP"}]}""")]
    [InlineData("""{"candidates":[{"content":{"parts":[{"text":"Hi","thought":true}]}}]}""")]
    [InlineData("""{"candidates":[{"content":{"parts":[{"text":"Hi","thoughtSignature":"sig"}]}}]}""")]
    [InlineData("""{"candidates":[{"content":{"parts":[{"functionCall":{"name":"f","args":{}}}]}}]}""")]
    [InlineData("""{"candidates":[{"content":{"parts":[{"text":"A"},{"text":"B"}]}}]}""")]
    [InlineData("""{"candidates":[{"content":{"parts":[{"text":"A"}]}},{"index":1,"content":{"parts":[{"text":"B"}]}}]}""")]
    [InlineData("""{"candidates":[{"index":1,"content":{"parts":[{"text":"Hi"}]}}]}""")]
    [InlineData("""{"candidates":[{"content":{"parts":[{"text":null}]}}]}""")]
    [InlineData("""{"candidates":[{"content":{"parts":[{"text":"a","text":"b"}]}}]}""")]
    [InlineData("""{"candidates":[{"content":{"parts":[{"text":"Hi"}]},"citationMetadata":{"citationSources":[]}}]}""")]
    [InlineData("""{"candidates":[{"content":{"parts":[{"text":"Hi"}]},"groundingMetadata":{}}]}""")]
    [InlineData("""{"candidates":[{"content":{"parts":[{"text":"Hi"}]}}],"usageMetadata":{"promptTokenCount":"7"}}""")]
    [InlineData("""{"candidates":[{"content":{"parts":[{"text":"Hi"}]}}],"usageMetadata":{"promptTokenCount":null}}""")]
    [InlineData("""{"candidates":[{"content":{"parts":[{"text":"Hi"}]}}],"promptFeedback":{"blockReason":"SAFETY"}}""")]
    [InlineData("""{"candidates":[{"content":{"parts":[{"text":"Hi"}]}}],"error":{"code":500}}""")]
    [InlineData("""{"candidates":[{"content":{"parts":[{"text":"Hi"}]}}],"modelVersion":5}""")]
    [InlineData("""{"candidates":[]}""")]
    [InlineData("""{"usageMetadata":{"promptTokenCount":7}}""")]
    [InlineData("""{"candidates":[{"content":{"parts":[{"text":"Hi"}]}}]} x""")]
    [InlineData("""{"candidates":[{"content":{"parts":[{"text":"Hi""")]
    public void TryRead_AnythingElse_LeavesItToTheDtoPath(string json)
    {
        Assert.False(GeminiTextEventReader.TryRead(Encoding.UTF8.GetBytes(json), out _));
    }

    [Theory]
    [InlineData("whole")]
    [InlineData("one-byte")]
    public async Task StreamAsync_UnusualTextEvents_GiveTheSameChunksAsTheDtoPath(string chunking)
    {
        static string Event(string json) => "data: " + json + "\r\n\r\n";
        var body =
            Event("""{"candidates":[{"content":{"parts":[{"text":"A"}],"role":"model"}}],"usageMetadata":{"promptTokenCount":7,"totalTokenCount":7},"modelVersion":"gemini-test"}""")
            + Event("""{"modelVersion":"gemini-test","usageMetadata":{"totalTokenCount":7,"promptTokenCount":7},"candidates":[{"content":{"role":"model","parts":[{"text":"B"}]},"safetyRatings":[]}]}""")
            + Event("""{"candidates":[{"content":{"parts":[{"text":"\u79cb\ud83d\ude00😀"}]}}],"usageMetadata":{"promptTokenCount":7,"candidatesTokenCount":2}}""")
            + Event("""{"candidates":[{"content":{"parts":[{"text":"T","thought":true}]}}]}""")
            + Event("""{"candidates":[{"content":{"parts":[{"text":"C"}]},"finishReason":"STOP"}],"usageMetadata":{"promptTokenCount":7,"candidatesTokenCount":4,"totalTokenCount":11}}""");
        var provider = TestProviders.Create(StubHttpHandler.ForBody(Encoding.UTF8.GetBytes(body), Chunking.Parse(chunking)));

        var result = await StreamFolder.CollectAsync(provider.StreamAsync(TestProviders.Hello()));

        Assert.Null(result.Error);
        Assert.Equal("AB秋😀😀C", result.Text);
        Assert.Equal("T", result.Reasoning);
        Assert.Equal("gemini-test", Assert.Single(result.Metadata).Model);
        Assert.Equal(new ChatUsage { InputTokens = 7, OutputTokens = 4 }, result.Usage);
        Assert.Equal(ChatFinishReason.Stop, result.UnifiedFinishReason);
    }

    [Fact]
    public async Task StreamAsync_UsageOnlyInAFastPathEvent_IsTheUsageReported()
    {
        static string Event(string json) => "data: " + json + "\n\n";
        var body =
            Event("""{"candidates":[{"content":{"parts":[{"text":"A"}]}}],"modelVersion":"gemini-test"}""")
            + Event("""{"candidates":[{"content":{"parts":[{"text":"B"}]}}],"usageMetadata":{"promptTokenCount":5,"thoughtsTokenCount":2,"cachedContentTokenCount":1}}""")
            + Event("""{"candidates":[{"content":{"parts":[{"text":""}]},"finishReason":"MAX_TOKENS"}]}""");
        var provider = TestProviders.Create(StubHttpHandler.ForBody(Encoding.UTF8.GetBytes(body)));

        var result = await StreamFolder.CollectAsync(provider.StreamAsync(TestProviders.Hello()));

        Assert.Null(result.Error);
        Assert.Equal("AB", result.Text);
        Assert.Equal(new ChatUsage { InputTokens = 5, ReasoningTokens = 2, CachedInputTokens = 1 }, result.Usage);
        Assert.Equal(ChatFinishReason.Length, result.UnifiedFinishReason);
    }
}
