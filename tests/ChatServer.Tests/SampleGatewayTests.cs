using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

using static ChatServer.Tests.EndToEnd;

namespace ChatServer.Tests;

/// <summary>The sample's OpenAI-compatible gateway at <c>/v1</c>: the offline demo and a real local fake of OpenAI behind it.</summary>
public sealed class SampleGatewayTests : IAsyncLifetime
{
    private const string GatewayKey = "sample-gateway-key-0123456789";
    private const string UpstreamKey = "sk-gateway-upstream-key-0123456789";
    private FakeUpstream _upstream = null!;

    public async Task InitializeAsync() => _upstream = await FakeUpstream.StartAsync();

    public async Task DisposeAsync() => await _upstream.DisposeAsync();

    [Fact]
    public async Task Demo_AnswersThroughTheGateway_AndModelsListIt()
    {
        await using var factory = new ChatServerFactory(new() { ["NxtAIGen:Gateway:Keys:0"] = GatewayKey });
        using var client = Client(factory);

        using var response = await client.PostAsync("/v1/chat/completions", Json("""{"model": "demo", "messages": [{"role": "user", "content": "hi"}]}"""));
        var completion = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        using var models = await client.GetAsync("/v1/models");
        var ids = JsonDocument.Parse(await models.Content.ReadAsStringAsync()).RootElement.GetProperty("data").EnumerateArray().Select(m => m.GetProperty("id").GetString()).ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("chat.completion", completion.GetProperty("object").GetString());
        Assert.Contains("hi", completion.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("demo/demo-1-fast", ids);
        Assert.DoesNotContain(ids, id => id!.StartsWith("openai/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OpenAIUpstream_StreamsThroughTheGateway_WithItsTextAndUsage()
    {
        _upstream.Handler = FakeUpstream.Sse(Fixture("openai/text-usage-chunk.sse"), chunkSize: 7);
        await using var factory = ForProvider("openai", _upstream, UpstreamKey, new() { ["NxtAIGen:Gateway:Keys:0"] = GatewayKey });
        using var client = Client(factory);

        using var response = await client.PostAsync("/v1/chat/completions", Json("""{"model": "openai/gpt-4o", "stream": true, "stream_options": {"include_usage": true}, "messages": [{"role": "user", "content": "Weather?"}]}"""));
        var body = await response.Content.ReadAsStringAsync();
        var data = body.Split('\n').Where(l => l.StartsWith("data: ", StringComparison.Ordinal)).Select(l => l[6..]).ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("[DONE]", data[^1]);
        var chunks = data[..^1].Select(d => JsonDocument.Parse(d).RootElement).ToList();
        var text = string.Concat(chunks.Where(c => c.GetProperty("choices").GetArrayLength() > 0)
            .Select(c => c.GetProperty("choices")[0].GetProperty("delta"))
            .Select(d => d.TryGetProperty("content", out var content) ? content.GetString() : null));
        var expected = JsonDocument.Parse(Fixture("openai/text-usage-chunk.expected.json")).RootElement;
        Assert.Equal(expected.GetProperty("text").GetString(), text);
        var usage = chunks[^1].GetProperty("usage");
        Assert.Equal(expected.GetProperty("usage").GetProperty("inputTokens").GetInt32(), usage.GetProperty("prompt_tokens").GetInt32());
        Assert.Equal(expected.GetProperty("usage").GetProperty("outputTokens").GetInt32(), usage.GetProperty("completion_tokens").GetInt32());
        var sent = JsonDocument.Parse(_upstream.RequestBodies.Single()).RootElement;
        Assert.Equal("gpt-4o", sent.GetProperty("model").GetString());
        Assert.DoesNotContain(UpstreamKey, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAIUpstream_ParallelToolCalls_ComeBackAsOneCompletion()
    {
        _upstream.Handler = FakeUpstream.Sse(Fixture("openai/parallel-tool-calls.sse"));
        await using var factory = ForProvider("openai", _upstream, UpstreamKey, new() { ["NxtAIGen:Gateway:Keys:0"] = GatewayKey });
        using var client = Client(factory);

        using var response = await client.PostAsync("/v1/chat/completions", Json("""
            {"model": "openai/gpt-4o", "messages": [{"role": "user", "content": "Weather and stock?"}],
             "tools": [{"type": "function", "function": {"name": "GetWeatherArgs", "parameters": {"type": "object"}}},
                       {"type": "function", "function": {"name": "get_stock_price", "parameters": {"type": "object"}}}]}
            """));
        var choice = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("choices")[0];

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("tool_calls", choice.GetProperty("finish_reason").GetString());
        var expected = JsonDocument.Parse(Fixture("openai/parallel-tool-calls.expected.json")).RootElement.GetProperty("toolCalls").EnumerateArray().ToList();
        var calls = choice.GetProperty("message").GetProperty("tool_calls").EnumerateArray().ToList();
        Assert.Equal(expected.Select(e => e.GetProperty("id").GetString()), calls.Select(c => c.GetProperty("id").GetString()));
        Assert.Equal(expected.Select(e => e.GetProperty("name").GetString()), calls.Select(c => c.GetProperty("function").GetProperty("name").GetString()));
        Assert.Equal("Edinburgh", JsonDocument.Parse(calls[0].GetProperty("function").GetProperty("arguments").GetString()!).RootElement.GetProperty("city").GetString());
    }

    [Fact]
    public async Task UserToken_FromTheSettingsEndpoints_AnswersAsThatUser_AndDiesWithTheAccount()
    {
        await using var factory = new ChatServerFactory();
        using var user = await SampleUsers.SignUpAsync(factory, "gateway-user@example.com");
        using var created = await user.PostAsync("/api/gateway/tokens", SampleUsers.Json(new { name = "laptop" }));
        var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var token = body.GetProperty("token").GetString()!;
        using var gateway = factory.CreateClient();
        gateway.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var answer = await gateway.PostAsync("/v1/chat/completions", Json("""{"model": "demo", "messages": [{"role": "user", "content": "hi"}]}"""));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var limits = await SampleUsers.GetJsonAsync(user, "/api/limits");
        Assert.Equal(1, limits.GetProperty("usage").GetProperty("daily").GetInt32());
        var listed = Assert.Single((await SampleUsers.GetJsonAsync(user, "/api/gateway/tokens")).EnumerateArray());
        Assert.Equal(JsonValueKind.String, listed.GetProperty("last_used_at").ValueKind);

        using var deleted = await user.DeleteAsync("/api/me");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var refused = await gateway.PostAsync("/v1/chat/completions", Json("""{"model": "demo", "messages": [{"role": "user", "content": "hi"}]}"""));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    private static HttpClient Client(ChatServerFactory factory)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", GatewayKey);
        return client;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
