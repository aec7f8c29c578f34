using System.Text;
using NxtAIGen.Abstractions;
using NxtAIGen.Providers.Ollama.Internal;
using NxtAIGen.Testing;

namespace NxtAIGen.Providers.Ollama.Tests;

/// <summary>The content-line fast path: what it takes, what it leaves to the DTO path, and that a stream reads the same either way.</summary>
public sealed class OllamaContentLineReaderTests
{
    [Theory]
    [InlineData("""{"model":"m","created_at":"2026-01-02T03:04:05Z","message":{"role":"assistant","content":"Hi"},"done":false}""", "Hi")]
    [InlineData("""{"done":false,"message":{"content":"Hi","role":"assistant","images":null},"created_at":"x","model":"m"}""", "Hi")]
    [InlineData("""{"message":{"content":"Hi"}}""", "Hi")]
    [InlineData("""{"model":"m","message":{"role":"assistant","content":""},"done":false}""", "")]
    [InlineData("""{"model":"m","message":{"role":"assistant","content":null},"done":false}""", null)]
    [InlineData("""{"model":"m","message":null,"done":false}""", null)]
    [InlineData("""{"model":"m","message":{"role":"assistant","content":"a\"b\\c\n\u00e9\ud83d\ude00"},"unknown":{"x":[1,{"y":null}]},"done":false}""", "a\"b\\c\né😀")]
    [InlineData("""{"model":"m","message":{"role":"assistant","c\u006fntent":"Hi"},"d\u006fne":false}""", "Hi")]
    public void TryRead_PlainContentLine_ReturnsItsContent(string json, string? expected)
    {
        Assert.True(OllamaContentLineReader.TryRead(Encoding.UTF8.GetBytes(json), out var content));
        Assert.Equal(expected, content);
    }

    [Theory]
    [InlineData("""{"model":"m","message":{"role":"assistant","content":""},"done":true,"eval_count":3}""")]
    [InlineData("""{"model":"m","message":{"role":"assistant","content":"Hi","thinking":"Hm"},"done":false}""")]
    [InlineData("""{"model":"m","message":{"role":"assistant","content":"","tool_calls":[]},"done":false}""")]
    [InlineData("""{"model":"m","response":"Hi","done":false}""")]
    [InlineData("""{"model":"m","thinking":"Hm","done":false}""")]
    [InlineData("""{"error":"boom"}""")]
    [InlineData("""{"model":"m","message":{"content":"a","content":"b"},"done":false}""")]
    [InlineData("""{"model":"m","message":{"content":5},"done":false}""")]
    [InlineData("""{"model":"m","message":"Hi","done":false}""")]
    [InlineData("""{"model":5,"message":{"content":"Hi"},"done":false}""")]
    [InlineData("""{"model":"m","message":{"content":"Hi"},"done":"false"}""")]
    [InlineData("""{"model":"m","message":{"content":"Hi"},"done":false} {}""")]
    [InlineData("""{"model":"m","message":{"content":"Hi""")]
    [InlineData("null")]
    [InlineData("[]")]
    public void TryRead_AnythingElse_LeavesItToTheDtoPath(string json)
    {
        Assert.False(OllamaContentLineReader.TryRead(Encoding.UTF8.GetBytes(json), out _));
    }

    [Theory]
    [InlineData("whole")]
    [InlineData("one-byte")]
    public async Task StreamAsync_UnusualContentLines_GiveTheSameChunksAsTheDtoPath(string chunking)
    {
        var body =
            "{\"model\":\"gemma4\",\"message\":{\"role\":\"assistant\",\"content\":\"A\"},\"done\":false}\r\n" +
            "{\"done\":false,\"message\":{\"content\":\"B\",\"role\":\"assistant\"},\"model\":\"gemma4\",\"extra\":[1,2]}\n" +
            "{\"model\":\"gemma4\",\"message\":{\"role\":\"assistant\",\"content\":null},\"done\":false}\n" +
            "{\"model\":\"gemma4\",\"message\":{\"role\":\"assistant\",\"content\":\"\\u00e9\\ud83d\\ude00😀\"},\"done\":false}\r" +
            "{\"model\":\"gemma4\",\"message\":{\"role\":\"assistant\",\"content\":\"C\",\"thinking\":\"T\"},\"done\":false}\n" +
            "{\"model\":\"gemma4\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done_reason\":\"stop\",\"done\":true,\"prompt_eval_count\":3,\"eval_count\":1}\n";
        var provider = TestProviders.Create(StubHttpHandler.ForBody(Encoding.UTF8.GetBytes(body), Chunking.Parse(chunking), TestProviders.NdjsonMediaType));

        var result = await StreamFolder.CollectAsync(provider.StreamAsync(TestProviders.Hello()));

        Assert.Null(result.Error);
        Assert.Equal("ABé😀😀C", result.Text);
        Assert.Equal("T", result.Reasoning);
        Assert.Equal("gemma4", Assert.Single(result.Metadata).Model);
        Assert.Equal(1, result.Usage?.OutputTokens);
        Assert.Equal(ChatFinishReason.Stop, result.UnifiedFinishReason);
    }
}
