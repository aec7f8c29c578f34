using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NxtAIGen.Abstractions;

namespace NxtAIGen.AspNetCore.Tests;

/// <summary><c>AddHealthChecks().AddNxtAIGenProviders()</c>: model listing per configured provider, with a timeout and a cache.</summary>
public sealed class ProviderHealthCheckTests
{
    private const string Secret = "sk-health-secret-0123456789";

    [Fact]
    public async Task Check_ConfiguredProvidersAnswer_IsHealthy_UnconfiguredOnesAreNotAsked()
    {
        await using var app = await TestApp.StartAsync(configure: b => b.Services.AddHealthChecks().AddNxtAIGenProviders());

        var report = await CheckAsync(app);

        var entry = report.Entries["nxtaigen-providers"];
        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.StartsWith("healthy: 1 models", (string)entry.Data["fake"], StringComparison.Ordinal);
        Assert.False(entry.Data.ContainsKey("keyed"), "a provider without a key was probed");
        Assert.Equal(1, app.Provider.ModelListCalls);
    }

    [Fact]
    public async Task Check_AllFail_IsUnhealthy_WithoutTheKey()
    {
        await using var app = await TestApp.StartAsync(configure: b => b.Services.AddHealthChecks().AddNxtAIGenProviders());
        app.Provider.ModelListError = new NxtAIGenProviderException(ProviderErrorKind.Authentication, "fake", "fake: HTTP 401 Unauthorized: Incorrect API key provided: sk-h***.");

        var report = await CheckAsync(app);

        var entry = report.Entries["nxtaigen-providers"];
        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Contains("0 of 1 providers answered; fake: fake: HTTP 401", entry.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_SomeFail_IsDegraded()
    {
        var broken = new ScriptedProvider("broken") { ModelListError = new HttpRequestException("connection refused to https://user:" + Secret + "@host") };
        await using var app = await TestApp.StartAsync(configure: b =>
        {
            b.AddProviderType(new ChatProviderRegistration { Type = "broken", Name = "Broken", RequiresApiKey = false, RequiresBaseUrl = false, Create = (_, _) => broken });
            b.Services.AddHealthChecks().AddNxtAIGenProviders();
        });

        var report = await CheckAsync(app);

        var entry = report.Entries["nxtaigen-providers"];
        Assert.Equal(HealthStatus.Degraded, entry.Status);
        Assert.Equal("failing: the model listing failed (HttpRequestException)", entry.Data["broken"]);
        Assert.DoesNotContain(Secret, entry.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, string.Join(",", entry.Data.Values), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_WithinCacheDuration_ReusesTheAnswer_AfterItAsksAgain()
    {
        await using var app = await TestApp.StartAsync(configure: b => b.Services.AddHealthChecks().AddNxtAIGenProviders(o => o.CacheDuration = TimeSpan.FromSeconds(30)));

        await CheckAsync(app);
        app.Time.Advance(TimeSpan.FromSeconds(29));
        await CheckAsync(app);
        Assert.Equal(1, app.Provider.ModelListCalls);

        app.Time.Advance(TimeSpan.FromSeconds(2));
        await CheckAsync(app);
        Assert.Equal(2, app.Provider.ModelListCalls);
    }

    [Fact]
    public async Task Check_ProviderSilent_FailsAfterTheTimeout()
    {
        var silent = new SilentProvider();
        await using var app = await TestApp.StartAsync(configure: b =>
        {
            b.AddProviderType(new ChatProviderRegistration { Type = "silent", Name = "Silent", RequiresApiKey = false, RequiresBaseUrl = false, Create = (_, _) => silent });
            b.Services.AddHealthChecks().AddNxtAIGenProviders(o =>
            {
                o.Providers.Add("silent");
                o.Timeout = TimeSpan.FromSeconds(5);
            });
        });

        var check = CheckAsync(app);
        await Wait.ForAsync(silent.Asked.Task, "the model listing");
        Assert.False(check.IsCompleted);
        app.Time.Advance(TimeSpan.FromSeconds(5));
        var report = await check;

        var entry = report.Entries["nxtaigen-providers"];
        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Equal("failing: no answer within 5 s", entry.Data["silent"]);
    }

    private static Task<HealthReport> CheckAsync(TestApp app) => app.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

    private sealed class SilentProvider : IChatStreamProvider
    {
        public TaskCompletionSource Asked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Id => "silent";

        public ChatCapabilities Capabilities => ChatCapabilities.None;

        public IAsyncEnumerable<ChatChunk> StreamAsync(ChatRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public async Task<IReadOnlyList<ChatModelInfo>> ListModelsAsync(CancellationToken cancellationToken = default)
        {
            Asked.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return [];
        }
    }
}
