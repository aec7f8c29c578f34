using System.Net;
using System.Text;
using System.Text.Json;
using NxtAIGen.AspNetCore.Tests;

using static ChatServer.Tests.EndToEnd;

namespace ChatServer.Tests;

/// <summary>
/// The sample with the <c>cohere</c> provider pointed at a real local fake of Cohere's v2 chat API
/// (<c>POST /v2/chat</c>, SSE): what a browser sees for a full answer, an error at the end of the stream and a body
/// that stops early.
/// </summary>
public sealed class CohereEndToEndTests : IAsyncLifetime
{
    private const string Key = "co-e2e-secret-key-0123456789";

    private const string Head =
        "event: message-start\ndata: {\"id\":\"m-1\",\"type\":\"message-start\",\"delta\":{\"message\":{\"role\":\"assistant\",\"content\":[],\"tool_plan\":\"\",\"tool_calls\":[],\"citations\":[]}}}\n\n" +
        "event: content-start\ndata: {\"type\":\"content-start\",\"index\":0,\"delta\":{\"message\":{\"content\":{\"type\":\"thinking\",\"thinking\":\"\"}}}}\n\n" +
        "event: content-delta\ndata: {\"type\":\"content-delta\",\"index\":0,\"delta\":{\"message\":{\"content\":{\"thinking\":\"Need the \"}}}}\n\n" +
        "event: content-delta\ndata: {\"type\":\"content-delta\",\"index\":0,\"delta\":{\"message\":{\"content\":{\"thinking\":\"weather.\"}}}}\n\n" +
        "event: content-end\ndata: {\"type\":\"content-end\",\"index\":0}\n\n" +
        "event: content-start\ndata: {\"type\":\"content-start\",\"index\":1,\"delta\":{\"message\":{\"content\":{\"type\":\"text\",\"text\":\"\"}}}}\n\n" +
        "event: content-delta\ndata: {\"type\":\"content-delta\",\"index\":1,\"delta\":{\"message\":{\"content\":{\"text\":\"Looking it \"}}}}\n\n" +
        "event: content-delta\ndata: {\"type\":\"content-delta\",\"index\":1,\"delta\":{\"message\":{\"content\":{\"text\":\"up: 20°C.\"}}}}\n\n" +
        "event: content-end\ndata: {\"type\":\"content-end\",\"index\":1}\n\n";

    private const string Tail =
        "event: tool-call-start\ndata: {\"type\":\"tool-call-start\",\"index\":0,\"delta\":{\"message\":{\"tool_calls\":{\"id\":\"get_weather_abc\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"\"}}}}}\n\n" +
        "event: tool-call-delta\ndata: {\"type\":\"tool-call-delta\",\"index\":0,\"delta\":{\"message\":{\"tool_calls\":{\"function\":{\"arguments\":\"{\\\"city\\\": \"}}}}}\n\n" +
        "event: tool-call-delta\ndata: {\"type\":\"tool-call-delta\",\"index\":0,\"delta\":{\"message\":{\"tool_calls\":{\"function\":{\"arguments\":\"\\\"Toronto\\\"}\"}}}}}\n\n" +
        "event: tool-call-end\ndata: {\"type\":\"tool-call-end\",\"index\":0}\n\n" +
        "event: message-end\ndata: {\"type\":\"message-end\",\"delta\":{\"finish_reason\":\"TOOL_CALL\",\"usage\":{\"billed_units\":{\"input_tokens\":9,\"output_tokens\":12},\"tokens\":{\"input_tokens\":120,\"output_tokens\":33}}}}\n\n";

    private FakeUpstream _upstream = null!;

    public async Task InitializeAsync() => _upstream = await FakeUpstream.StartAsync("/v2/chat", string.Empty);

    public async Task DisposeAsync() => await _upstream.DisposeAsync();

    [Fact]
    public async Task FullAnswer_ArrivesAsThinkingContentToolCallThenDoneWithUsage()
    {
        _upstream.Handler = FakeUpstream.Sse(Encoding.UTF8.GetBytes(Head + Tail), chunkSize: 7);
        await using var factory = Factory();

        var events = await StreamAsync(factory, """{"provider":"cohere","model":"command-a-reasoning-08-2025","message":"Weather in Toronto?","reasoning":{"effort":"low"}}""");

        Assert.Equal("start", events[0].Event);
        Assert.Equal("Need the weather.", string.Concat(events.Where(e => e.Event == "thinking").Select(e => e.Json.GetProperty("thinking").GetString())));
        Assert.Equal("Looking it up: 20°C.", string.Concat(events.Where(e => e.Event == "content").Select(e => e.Json.GetProperty("content").GetString())));
        var call = Assert.Single(events, e => e.Event == "tool_call").Json;
        Assert.Equal("get_weather_abc", call.GetProperty("id").GetString());
        Assert.Equal("get_weather", call.GetProperty("name").GetString());
        Assert.Equal("Toronto", call.GetProperty("arguments").GetProperty("city").GetString());
        var done = events[^1];
        Assert.Equal("done", done.Event);
        Assert.Equal("tool_calls", done.Json.GetProperty("finish_reason").GetString());
        Assert.Equal(120, done.Json.GetProperty("usage").GetProperty("input_tokens").GetInt32());
        Assert.Equal(33, done.Json.GetProperty("usage").GetProperty("output_tokens").GetInt32());

        var sent = JsonDocument.Parse(_upstream.RequestBodies.Single()).RootElement;
        Assert.Equal("command-a-reasoning-08-2025", sent.GetProperty("model").GetString());
        Assert.True(sent.GetProperty("stream").GetBoolean());
        Assert.Equal("enabled", sent.GetProperty("thinking").GetProperty("type").GetString());
    }

    [Fact]
    public async Task ErrorFinishAfterOutput_IsContentThenOneErrorEventWithoutTheKey()
    {
        var body = Head + "event: message-end\ndata: {\"type\":\"message-end\",\"delta\":{\"finish_reason\":\"ERROR\",\"error\":\"internal error for key " + Key + "\"}}\n\n";
        _upstream.Handler = FakeUpstream.Sse(Encoding.UTF8.GetBytes(body));
        await using var factory = Factory();

        var events = await StreamAsync(factory, """{"provider":"cohere","message":"hi"}""");

        Assert.Contains(events, e => e.Event == "content");
        Assert.Equal("error", events[^1].Event);
        Assert.Equal("provider_error", events[^1].Json.GetProperty("code").GetString());
        Assert.DoesNotContain(Key, events[^1].Data, StringComparison.Ordinal);
        Assert.Single(events, e => e.Event is "error" or "done");
        Assert.Equal(1, _upstream.Requests);
    }

    [Fact]
    public async Task BodyWithoutMessageEnd_EndsWithIncompleteError()
    {
        _upstream.Handler = FakeUpstream.Sse(Encoding.UTF8.GetBytes(Head));
        await using var factory = Factory();

        var events = await StreamAsync(factory, """{"provider":"cohere","message":"hi"}""");

        Assert.Equal("error", events[^1].Event);
        Assert.Equal("incomplete", events[^1].Json.GetProperty("code").GetString());
        Assert.DoesNotContain(events, e => e.Event == "done");
    }

    private ChatServerFactory Factory() => ForProvider("cohere", _upstream, Key);
}
