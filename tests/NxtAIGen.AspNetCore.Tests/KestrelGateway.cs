using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NxtAIGen.Abstractions;

namespace NxtAIGen.AspNetCore.Tests;

/// <summary>
/// <see cref="TestApp"/>'s host (with <c>/v1</c> and the server key <see cref="GatewayRequests.ServerKey"/>) on a real
/// Kestrel loopback port, for real OpenAI clients. The <c>fake</c> provider answers from scripts the test queues.
/// </summary>
public sealed class KestrelGateway : IAsyncDisposable
{
    private readonly WebApplication _app;

    private KestrelGateway(WebApplication app, FakeTimeProvider time, ScriptedProvider provider)
    {
        _app = app;
        Time = time;
        Provider = provider;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = new Uri(address.TrimEnd('/') + "/v1/");
    }

    /// <summary>Gets the gateway's root, <c>http://127.0.0.1:PORT/v1/</c>.</summary>
    public Uri BaseUrl { get; }

    public FakeTimeProvider Time { get; }

    public ScriptedProvider Provider { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<KestrelGateway> StartAsync(Dictionary<string, string?>? configuration = null)
    {
        var app = TestApp.Build(
            GatewayRequests.WithServerKey(configuration),
            ChatCapabilities.Reasoning | ChatCapabilities.Tools | ChatCapabilities.Vision,
            configure: null,
            out var time,
            out var provider,
            kestrel: true);
        await app.StartAsync();
        return new KestrelGateway(app, time, provider);
    }

    /// <summary>Queues the fake upstream's answer for a text request: two pieces of text, usage, stop.</summary>
    public void QueueText() => Provider.NextCall()
        .Text("Hello from ")
        .Text("the gateway.")
        .Yield(ChatChunk.ForUsage(new ChatUsage { InputTokens = 11, OutputTokens = 5 }))
        .Finish();

    /// <summary>Queues the fake upstream's answer for a tool request: one <c>get_weather</c> call for Paris.</summary>
    public void QueueToolCall() => Provider.NextCall()
        .Yield(ChatChunk.ForToolCall(new ChatToolCall("call_42", "get_weather", """{"city":"Paris"}""")))
        .Yield(ChatChunk.ForUsage(new ChatUsage { InputTokens = 20, OutputTokens = 9 }))
        .Finish(ChatFinishReason.ToolCalls, "tool_calls");

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
