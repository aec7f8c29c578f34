using System.Net;
using System.Text;
using System.Text.Json;
using NxtAIGen.AspNetCore.Tests;

using static ChatServer.Tests.EndToEnd;

namespace ChatServer.Tests;

/// <summary>
/// The sample with the <c>ollama</c> provider pointed at a real local fake of an Ollama server (<c>POST /api/chat</c>,
/// NDJSON): what a browser sees for a full answer, an error line in the stream and a body that stops early.
/// </summary>
public sealed class OllamaEndToEndTests : IAsyncLifetime
{
    private const string NdjsonType = "application/x-ndjson";

    private const string FullAnswer =
        "{\"model\":\"qwen3\",\"created_at\":\"2026-01-02T03:04:05Z\",\"message\":{\"role\":\"assistant\",\"content\":\"\",\"thinking\":\"Let me \"},\"done\":false}\n" +
        "{\"model\":\"qwen3\",\"created_at\":\"2026-01-02T03:04:05Z\",\"message\":{\"role\":\"assistant\",\"content\":\"\",\"thinking\":\"check.\"},\"done\":false}\n" +
        "{\"model\":\"qwen3\",\"created_at\":\"2026-01-02T03:04:05Z\",\"message\":{\"role\":\"assistant\",\"content\":\"Checking the \"},\"done\":false}\n" +
        "{\"model\":\"qwen3\",\"created_at\":\"2026-01-02T03:04:05Z\",\"message\":{\"role\":\"assistant\",\"content\":\"weather 東京.\"},\"done\":false}\n" +
        "{\"model\":\"qwen3\",\"created_at\":\"2026-01-02T03:04:05Z\",\"message\":{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[{\"function\":{\"name\":\"get_weather\",\"arguments\":{\"city\":\"Tokyo\"}}}]},\"done\":false}\n" +
        "{\"model\":\"qwen3\",\"created_at\":\"2026-01-02T03:04:06Z\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done_reason\":\"stop\",\"done\":true,\"prompt_eval_count\":42,\"eval_count\":17}\n";

    private FakeUpstream _upstream = null!;

    public async Task InitializeAsync() => _upstream = await FakeUpstream.StartAsync("/api/chat", string.Empty);

    public async Task DisposeAsync() => await _upstream.DisposeAsync();

    [Fact]
    public async Task FullAnswer_ArrivesAsThinkingContentToolCallThenDoneWithUsage()
    {
        _upstream.Handler = FakeUpstream.Body(Encoding.UTF8.GetBytes(FullAnswer), NdjsonType, chunkSize: 5);
        await using var factory = Factory();

        var events = await StreamAsync(factory, """{"provider":"ollama","model":"qwen3","message":"Weather in Tokyo?","reasoning":{"effort":"high"}}""");

        Assert.Equal("start", events[0].Event);
        Assert.Equal("Let me check.", string.Concat(events.Where(e => e.Event == "thinking").Select(e => e.Json.GetProperty("thinking").GetString())));
        Assert.Equal("Checking the weather 東京.", string.Concat(events.Where(e => e.Event == "content").Select(e => e.Json.GetProperty("content").GetString())));
        var call = Assert.Single(events, e => e.Event == "tool_call").Json;
        Assert.Equal("get_weather", call.GetProperty("name").GetString());
        Assert.Equal("Tokyo", call.GetProperty("arguments").GetProperty("city").GetString());
        Assert.StartsWith("call_", call.GetProperty("id").GetString(), StringComparison.Ordinal);
        var done = events[^1];
        Assert.Equal("done", done.Event);
        Assert.Equal("tool_calls", done.Json.GetProperty("finish_reason").GetString());
        Assert.Equal(42, done.Json.GetProperty("usage").GetProperty("input_tokens").GetInt32());
        Assert.Equal(17, done.Json.GetProperty("usage").GetProperty("output_tokens").GetInt32());

        var sent = JsonDocument.Parse(_upstream.RequestBodies.Single()).RootElement;
        Assert.Equal("qwen3", sent.GetProperty("model").GetString());
        Assert.True(sent.GetProperty("stream").GetBoolean());
        Assert.True(sent.GetProperty("think").GetBoolean());
        Assert.Equal("Weather in Tokyo?", sent.GetProperty("messages").EnumerateArray().Last().GetProperty("content").GetString());
    }

    [Fact]
    public async Task ErrorLineAfterOutput_IsContentThenOneErrorEvent()
    {
        var body = FullAnswer.Split('\n')[2] + "\n{\"error\":\"an error was encountered while running the model\"}\n";
        _upstream.Handler = FakeUpstream.Body(Encoding.UTF8.GetBytes(body), NdjsonType);
        await using var factory = Factory();

        var events = await StreamAsync(factory, """{"provider":"ollama","message":"hi"}""");

        Assert.Contains(events, e => e.Event == "content");
        Assert.Equal("error", events[^1].Event);
        Assert.Equal("provider_error", events[^1].Json.GetProperty("code").GetString());
        Assert.Contains("running the model", events[^1].Json.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Single(events, e => e.Event is "error" or "done");
        Assert.Equal(1, _upstream.Requests);
    }

    [Fact]
    public async Task BodyWithoutDoneObject_EndsWithIncompleteError()
    {
        var lines = FullAnswer.Split('\n');
        _upstream.Handler = FakeUpstream.Body(Encoding.UTF8.GetBytes(string.Join('\n', lines[..4]) + "\n"), NdjsonType);
        await using var factory = Factory();

        var events = await StreamAsync(factory, """{"provider":"ollama","message":"hi"}""");

        Assert.Equal("error", events[^1].Event);
        Assert.Equal("incomplete", events[^1].Json.GetProperty("code").GetString());
        Assert.DoesNotContain(events, e => e.Event == "done");
    }

    private ChatServerFactory Factory() => new(new Dictionary<string, string?>
    {
        ["NxtAIGen:Providers:ollama:BaseUrl"] = _upstream.BaseUrl.ToString(),
    });
}
