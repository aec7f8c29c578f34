using System.Text.Json;
using Microsoft.AspNetCore.Http;

using static ChatServer.Tests.EndToEnd;

namespace ChatServer.Tests;

/// <summary>
/// The sample with two real local upstreams: <c>openai</c> answers 503, its configured fallback <c>groq</c> answers;
/// the browser sees one answer, and <c>done</c> names the provider and model that gave it.
/// </summary>
public sealed class FallbackEndToEndTests : IAsyncLifetime
{
    private const string OpenAIKey = "sk-primary-0123456789abcdef";
    private const string GroqKey = "gsk-fallback-0123456789abcdef";
    private FakeUpstream _primary = null!;
    private FakeUpstream _fallback = null!;

    public async Task InitializeAsync()
    {
        _primary = await FakeUpstream.StartAsync();
        _fallback = await FakeUpstream.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _primary.DisposeAsync();
        await _fallback.DisposeAsync();
    }

    [Fact]
    public async Task PrimaryUnavailable_FallbackAnswers_DoneNamesIt()
    {
        _primary.Handler = context =>
        {
            context.Response.StatusCode = 503;
            return context.Response.WriteAsync("""{"error":{"message":"The server is overloaded","type":"server_error"}}""");
        };
        _fallback.Handler = FakeUpstream.Sse(Fixture("openai/text-usage-chunk.sse"), chunkSize: 11);
        await using var factory = ForProvider("openai", _primary, OpenAIKey, new()
        {
            ["NxtAIGen:Streaming:Retry:MaxAttempts"] = "2",
            ["NxtAIGen:Streaming:Retry:BaseDelay"] = "00:00:00",
            ["NxtAIGen:Providers:openai:Fallbacks:0"] = "groq/llama-3.3-70b-versatile",
            ["NxtAIGen:Providers:groq:BaseUrl"] = _fallback.BaseUrl.ToString(),
            ["NxtAIGen:Providers:groq:ApiKey"] = GroqKey,
        });

        var events = await StreamAsync(factory, """{"provider":"openai","model":"gpt-4o","message":"Say something"}""");

        Assert.Equal("start", events[0].Event);
        Assert.Equal("openai", events[0].Json.GetProperty("provider").GetString());
        Assert.Equal("done", events[^1].Event);
        Assert.DoesNotContain(events, e => e.Event == "error");
        var expected = JsonDocument.Parse(Fixture("openai/text-usage-chunk.expected.json")).RootElement;
        Assert.Equal(expected.GetProperty("text").GetString(), Concat(events, "content"));
        var done = events[^1].Json;
        Assert.Equal("groq", done.GetProperty("provider").GetString());
        Assert.Equal("gpt-4o-2024-08-06", done.GetProperty("model").GetString());

        // The primary was tried twice (one retry), then the fallback once, with its own key and model.
        Assert.Equal(2, _primary.Requests);
        Assert.Equal(1, _fallback.Requests);
        Assert.Equal("Bearer " + GroqKey, _fallback.RequestHeaders[0]["Authorization"]);
        Assert.Equal("llama-3.3-70b-versatile", JsonDocument.Parse(_fallback.RequestBodies[0]).RootElement.GetProperty("model").GetString());
        Assert.DoesNotContain(OpenAIKey, string.Join("\n", _fallback.RequestHeaders[0].Values), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrimaryAndFallbackUnavailable_EndsWithOneError()
    {
        _primary.Handler = context => { context.Response.StatusCode = 503; return Task.CompletedTask; };
        _fallback.Handler = context => { context.Response.StatusCode = 502; return Task.CompletedTask; };
        await using var factory = ForProvider("openai", _primary, OpenAIKey, new()
        {
            ["NxtAIGen:Streaming:Retry:MaxAttempts"] = "1",
            ["NxtAIGen:Providers:openai:Fallbacks:0"] = "groq",
            ["NxtAIGen:Providers:groq:BaseUrl"] = _fallback.BaseUrl.ToString(),
            ["NxtAIGen:Providers:groq:ApiKey"] = GroqKey,
        });

        var events = await StreamAsync(factory, """{"provider":"openai","message":"hi"}""");

        Assert.Equal(["start", "error"], events.Select(e => e.Event));
        Assert.Equal("provider_error", events[1].Json.GetProperty("code").GetString());
        Assert.Equal((1, 1), (_primary.Requests, _fallback.Requests));
    }
}
