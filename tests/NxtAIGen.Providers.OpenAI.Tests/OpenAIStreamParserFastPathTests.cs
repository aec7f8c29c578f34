using System.Text;
using System.Text.Json;
using NxtAIGen.Abstractions;
using NxtAIGen.Providers.OpenAI.Internal;
using NxtAIGen.Testing;

namespace NxtAIGen.Providers.OpenAI.Tests;

/// <summary>
/// The parser's <c>Utf8JsonReader</c> fast path must give exactly the chunks of the source-generated DTO path, and hand
/// every shape it does not read the same way to that path.
/// </summary>
public sealed class OpenAIStreamParserFastPathTests
{
    /// <summary>Gets events (JSON) and whether the fast path reads them itself.</summary>
    public static TheoryData<string, bool> Events => new()
    {
        { """{"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","system_fingerprint":"fp","choices":[{"index":0,"delta":{"content":"Hi"},"logprobs":null,"finish_reason":null}]}""", true },
        { """{"choices":[{"finish_reason":null,"delta":{"content":"order"},"index":0}],"model":"m","id":"c1"}""", true },
        { """{"id":"c1","choices":[{"index":0,"delta":{"content":"a\"b\\c\n\t\/ \u00e9\u4e2d"}}]}""", true },
        { """{"id":"c1","choices":[{"index":0,"delta":{"content":"\ud83d\ude00 emoji"}}]}""", true },
        { """{"id":"c1","choices":[{"index":0,"delta":{"content":"é中😀 raw"}}]}""", true },
        { """{"id":"c1","choices":[{"index":0,"delta":{"content":""}}]}""", true },
        { """{"id":"c1","choices":[{"index":0,"delta":{"content":null}}]}""", true },
        { """{"id":"c1","choices":[{"index":0,"delta":{"content":42}}]}""", true },
        { """{"id":"c1","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null}}]}""", true },
        { """{"id":"c1","choices":[{"index":0,"delta":{"reasoning_content":"think"}}]}""", true },
        { """{"id":"c1","choices":[{"index":0,"delta":{"reasoning":"think","content":"say"}}]}""", true },
        { """{"id":"c1","choices":[{"index":0,"delta":{"refusal":"no"}}]}""", true },
        { """{"id":"c1","choices":[{"index":0,"delta":{},"finish_reason":"length"}]}""", true },
        { """{"id":"c1","choices":[{"index":0,"delta":null,"finish_reason":"stop"}]}""", true },
        { """{"id":"c1","choices":[],"usage":null}""", true },
        { """{"id":"c1","choices":null}""", true },
        { """{"id":"","model":"","prompt_filter_results":[{"prompt_index":0}],"choices":[]}""", true },
        { """{"id":"c1","unknown":{"nested":[1,{"content":"not me"}]},"choices":[{"index":0,"extra":[],"delta":{"x":{"content":"no"},"content":"yes"}}]}""", true },
        { """{"id":"c1","obfuscation":"abc","choices":[{"index":0,"delta":{"content":"x"},"logprobs":{"content":[{"token":"x"}]}}]}""", true },
        { """{"id":"c1","choices":[{"index":0,"delta":{"content":"first","content":"last"}}]}""", true },
        { """{"id":"c1","choices":[{"index":0,"delta":{"tool_calls":null,"content":"x"}}]}""", true },

        // Left to the deserializer.
        { """{"id":"c1","choices":[{"index":0,"delta":{"\u0063ontent":"escaped name"}}]}""", true },
        { """{"id":"c1","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"t","function":{"name":"f","arguments":"{}"}}]}}]}""", false },
        { """{"id":"c1","choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":4}}""", false },
        { """{"id":"c1","choices":[{"index":1,"delta":{"content":"second choice"}}]}""", false },
        { """{"id":"c1","choices":[{"index":0,"delta":{"content":"a"}},{"index":1,"delta":{"content":"b"}}]}""", false },
        { """{"id":"c1","choices":[{"index":"0","delta":{"content":"index as text"}}]}""", false },
        { """{"id":"c1","choices":[{"index":0,"delta":{"content":[{"type":"thinking","thinking":[{"type":"text","text":"t"}]},{"type":"text","text":"a"}]}}]}""", false },
        { """{"id":"c1","choices":[{"index":0,"delta":{"reasoning":{"summary":"object"},"content":"x"}}]}""", false },
        { """{"id":"c1","choices":[{"index":0,"delta":{"content":"x"}}],"x_groq":{"usage":{"prompt_tokens":1}}}""", false },
    };

    [Theory]
    [MemberData(nameof(Events))]
    public void Apply_FastPath_GivesTheDeserializerChunks(string json, bool fast)
    {
        var data = Encoding.UTF8.GetBytes(json);
        var viaFastPath = new OpenAIStreamParser("openai", null);
        var viaDtos = new OpenAIStreamParser("openai", null);
        var fastChunks = new List<ChatChunk>();
        var dtoChunks = new List<ChatChunk>();

        // Twice: the second time the metadata chunk is already out, so id and model are skipped.
        for (var i = 0; i < 2; i++)
        {
            var read = viaFastPath.TryReadCommonEvent(data, out var reused);
            Assert.Equal(fast, read);
            if (!read)
            {
                reused = Deserialize(data);
            }

            viaFastPath.Apply(reused, fastChunks);
            viaDtos.Apply(Deserialize(data), dtoChunks);
        }

        viaFastPath.Complete(fastChunks);
        viaDtos.Complete(dtoChunks);
        Assert.Equal(dtoChunks.Select(c => c.ToString()), fastChunks.Select(c => c.ToString()));
        Assert.Equal(dtoChunks.Select(c => (c.Metadata?.ResponseId, c.Metadata?.Model)), fastChunks.Select(c => (c.Metadata?.ResponseId, c.Metadata?.Model)));
        Assert.Equal(dtoChunks.Select(c => c.Usage), fastChunks.Select(c => c.Usage));
    }

    [Theory]
    [InlineData("{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"}}]} trailing")]
    [InlineData("{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"}}]")]
    [InlineData("[{\"id\":\"c1\"}]")]
    [InlineData("\"text\"")]
    [InlineData("{\"id\":7,\"choices\":[]}")]
    [InlineData("{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"lone \\ud800 surrogate\"}}]}")]
    public void TryReadCommonEvent_MalformedOrOddJson_LeavesItToTheDeserializer(string json) =>
        Assert.False(new OpenAIStreamParser("openai", null).TryReadCommonEvent(Encoding.UTF8.GetBytes(json), out _));

    [Fact]
    public void TryReadCommonEvent_InvalidUtf8_LeavesItToTheDeserializer()
    {
        byte[] data = [.. "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a"u8, 0xC3, .. "\"}}]}"u8];
        Assert.False(new OpenAIStreamParser("openai", null).TryReadCommonEvent(data, out _));
    }

    [Fact]
    public async Task StreamAsync_EscapesAndSurrogatePairsSplitAcrossOneByteReads_KeepTheText()
    {
        const string Body =
            "data: {\"id\":\"c1\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}\n\n" +
            "data: {\"id\":\"c1\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\\ud83d\\ude00 \\\"q\\\"\"}}]}\n\n" +
            "data: {\"choices\":[{\"delta\":{\"content\":\"😀é\\n\"},\"index\":0}],\"id\":\"c1\"}\n\n" +
            "data: {\"id\":\"c1\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":null},\"finish_reason\":\"stop\"}]}\n\n" +
            "data: [DONE]\n\n";
        var provider = TestProviders.Create("openai", StubHttpHandler.ForBody(Encoding.UTF8.GetBytes(Body), Chunking.OneByte));

        var result = await StreamFolder.CollectAsync(provider.StreamAsync(TestProviders.Hello()));

        Assert.Null(result.Error);
        Assert.Equal("😀 \"q\"😀é\n", result.Text);
        Assert.Equal(["c1"], result.Metadata.Select(m => m.ResponseId));
        Assert.Equal("stop", result.FinishReason);
    }

    [Fact]
    public async Task StreamAsync_TextThenToolCallThenText_KeepsOrderAcrossBothPaths()
    {
        const string Body =
            "data: {\"id\":\"c1\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Let me check.\"}}]}\n\n" +
            "data: {\"id\":\"c1\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"function\":{\"name\":\"f\",\"arguments\":\"{\\\"a\\\"\"}}]}}]}\n\n" +
            "data: {\"id\":\"c1\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\":1}\"}}]}}]}\n\n" +
            "data: {\"id\":\"c1\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}\n\n" +
            "data: [DONE]\n\n";
        var provider = TestProviders.Create("openai", StubHttpHandler.ForBody(Encoding.UTF8.GetBytes(Body)));

        var result = await StreamFolder.CollectAsync(provider.StreamAsync(TestProviders.Hello()));

        Assert.Null(result.Error);
        Assert.Equal("Let me check.", result.Text);
        var call = Assert.Single(result.ToolCalls);
        Assert.Equal(("call_1", "f", "{\"a\":1}"), (call.Id, call.Name, call.Arguments));
        Assert.Equal(ChatFinishReason.ToolCalls, result.UnifiedFinishReason);
    }

    private static NxtAIGen.Providers.OpenAI.Internal.Wire.OpenAIChatCompletionChunk Deserialize(byte[] data) =>
        JsonSerializer.Deserialize(data, OpenAIJsonContext.Default.OpenAIChatCompletionChunk)!;
}
