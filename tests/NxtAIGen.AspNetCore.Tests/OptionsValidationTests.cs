using Microsoft.Extensions.Options;

namespace NxtAIGen.AspNetCore.Tests;

public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("NxtAIGen:Streaming:HeartbeatInterval", "00:00:00")]
    [InlineData("NxtAIGen:Streaming:IdleTimeout", "00:00:00.5")]
    [InlineData("NxtAIGen:Streaming:Retry:MaxAttempts", "50")]
    [InlineData("NxtAIGen:Streaming:Retry:MaxAttempts", "0")]
    [InlineData("NxtAIGen:Streaming:Retry:MaxRetryAfter", "01:00:00")]
    [InlineData("NxtAIGen:Requests:MaxFiles", "-1")]
    public async Task OutOfRangeOption_FailsAtStartupNamingTheKey(string key, string value)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApp.StartAsync(new() { [key] = value }));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownProviderIdWithoutType_FailsAtStartupNamingTheKey()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApp.StartAsync(new() { ["NxtAIGen:Providers:vllm:BaseUrl"] = "http://127.0.0.1:8000/v1" }));

        Assert.Contains("NxtAIGen:Providers:vllm", error.Message, StringComparison.Ordinal);
        Assert.Contains("Type", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownType_FailsAtStartup()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApp.StartAsync(new() { ["NxtAIGen:Providers:x:Type"] = "martian" }));

        Assert.Contains("NxtAIGen:Providers:x:Type", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownDefaultProvider_FailsAtStartup()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApp.StartAsync(new() { ["NxtAIGen:DefaultProvider"] = "martian" }));

        Assert.Contains("NxtAIGen:DefaultProvider", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfiguredIdWithKnownType_IsListed()
    {
        await using var app = await TestApp.StartAsync(new() { ["NxtAIGen:Providers:second-fake:Type"] = "fake", ["NxtAIGen:Providers:second-fake:DefaultModel"] = "fake-9" });

        var body = await app.Client.GetStringAsync("/api/providers");

        Assert.Contains("\"id\":\"second-fake\"", body, StringComparison.Ordinal);
        Assert.Contains("\"default_model\":\"fake-9\"", body, StringComparison.Ordinal);
    }
}
