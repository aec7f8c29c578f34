using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NxtAIGen.Abstractions;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

using static ChatServer.Tests.EndToEnd;

namespace ChatServer.Tests;

/// <summary>The sample's OpenTelemetry switch (<c>ChatServer:Telemetry:Exporter</c>) and its provider health endpoint.</summary>
public sealed class SampleTelemetryTests
{
    [Fact]
    public void Exporter_None_RegistersNoOpenTelemetry()
    {
        using var factory = new ChatServerFactory();

        Assert.Null(factory.Services.GetService<TracerProvider>());
        Assert.Null(factory.Services.GetService<MeterProvider>());
    }

    [Theory]
    [InlineData("console")]
    [InlineData("otlp")]
    public async Task Exporter_ConsoleOrOtlp_TracesNxtAIGenGenerations(string exporter)
    {
        await using var factory = new ChatServerFactory(new()
        {
            ["ChatServer:Telemetry:Exporter"] = exporter,
            ["ChatServer:Telemetry:OtlpEndpoint"] = "http://127.0.0.1:4317",
        });
        Assert.NotNull(factory.Services.GetService<TracerProvider>());
        Assert.NotNull(factory.Services.GetService<MeterProvider>());

        // The SDK listens to the NxtAIGen source: a demo generation produces its GenAI span.
        var seen = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == NxtAIGenDiagnostics.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (seen) { seen.Add(a); } },
        };
        ActivitySource.AddActivityListener(listener);
        var events = await StreamAsync(factory, """{"provider":"demo","message":"hello"}""");

        Assert.Equal("done", events[^1].Event);
        lock (seen)
        {
            var span = Assert.Single(seen, a => (string?)a.GetTagItem(NxtAIGenDiagnostics.ProviderIdAttribute) == "demo");
            Assert.Equal("chat", span.GetTagItem("gen_ai.operation.name"));
        }
    }

    [Fact]
    public void Exporter_Unknown_StopsTheHost()
    {
        using var factory = new ChatServerFactory(new() { ["ChatServer:Telemetry:Exporter"] = "carrier-pigeon" });

        var error = Assert.Throws<InvalidOperationException>(() => factory.Services);
        Assert.Contains("ChatServer:Telemetry:Exporter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthzProviders_ConfiguredProvidersAnswer_IsHealthy()
    {
        // Ollama needs no key, so it counts as configured; no Ollama runs here.
        await using var factory = new ChatServerFactory(new() { ["NxtAIGen:Providers:ollama:Enabled"] = "false" });
        using var client = factory.CreateClient();

        using var providers = await client.GetAsync("/healthz/providers");
        using var liveness = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, providers.StatusCode);
        Assert.Equal("Healthy", await providers.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, liveness.StatusCode);
    }

    [Fact]
    public async Task HealthzProviders_AnUnreachableProvider_IsDegraded_WhileLivenessStaysHealthy()
    {
        await using var factory = new ChatServerFactory(new() { ["NxtAIGen:Providers:ollama:BaseUrl"] = "http://127.0.0.1:9" });
        using var client = factory.CreateClient();

        using var providers = await client.GetAsync("/healthz/providers");
        using var liveness = await client.GetAsync("/healthz");

        Assert.Equal("Degraded", await providers.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", await liveness.Content.ReadAsStringAsync());
    }
}
