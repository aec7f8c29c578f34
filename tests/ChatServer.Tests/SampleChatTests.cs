using System.Net;
using System.Text;
using System.Text.Json;
using NxtAIGen.AspNetCore.Tests;

namespace ChatServer.Tests;

public sealed class SampleChatTests
{
    [Fact]
    public async Task Home_ServesTheChatPage()
    {
        await using var factory = new ChatServerFactory();
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync("/");

        Assert.Contains("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("app.js", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChatStream_WithNoKeyAndNoNetwork_StreamsTheDemoAnswer()
    {
        await using var factory = new ChatServerFactory();
        using var client = factory.CreateClient();
        using var content = new StringContent("""{"message":"hi"}""", Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/chat/stream") { Content = content };

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await using var sse = new SseReader(await response.Content.ReadAsStreamAsync());
        var events = (await sse.ReadToEndAsync()).Where(f => !f.IsPing).ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("start", events[0].Event);
        Assert.Equal("demo", events[0].Json.GetProperty("provider").GetString());
        Assert.True(events.Count(e => e.Event == "content") > 5, "the answer should arrive word by word");
        Assert.Equal("done", events[^1].Event);
        Assert.Equal("stop", events[^1].Json.GetProperty("finish_reason").GetString());
        var text = string.Concat(events.Where(e => e.Event == "content").Select(e => e.Json.GetProperty("content").GetString()));
        Assert.Contains("hi", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Providers_ListDemoAsConfiguredAndOpenAIAsNeedingAKey()
    {
        await using var factory = new ChatServerFactory();
        using var client = factory.CreateClient();

        var providers = JsonDocument.Parse(await client.GetStringAsync("/api/providers")).RootElement.EnumerateArray().ToList();

        var demo = providers.Single(p => p.GetProperty("id").GetString() == "demo");
        Assert.True(demo.GetProperty("configured").GetBoolean());
        var openai = providers.Single(p => p.GetProperty("id").GetString() == "openai");
        Assert.False(openai.GetProperty("configured").GetBoolean());
        Assert.Contains(providers, p => p.GetProperty("id").GetString() == "deepseek");
    }

    [Fact]
    public async Task Providers_ConfiguredKeyMakesOpenAIAvailable()
    {
        await using var factory = new ChatServerFactory(new() { ["NxtAIGen:Providers:openai:ApiKey"] = "sk-test-key-123456" });
        using var client = factory.CreateClient();

        var body = await client.GetStringAsync("/api/providers");
        var openai = JsonDocument.Parse(body).RootElement.EnumerateArray().Single(p => p.GetProperty("id").GetString() == "openai");

        Assert.True(openai.GetProperty("configured").GetBoolean());
        Assert.DoesNotContain("sk-test-key-123456", body, StringComparison.Ordinal);
    }
}
