using Microsoft.Extensions.DependencyInjection;
using NxtAIGen.Abstractions;
using NxtAIGen.AspNetCore.Streaming;

namespace NxtAIGen.AspNetCore.Tests;

/// <summary>Retries with backoff (on the fake clock) and fallbacks to other providers, only before the first content.</summary>
public sealed class StreamResilienceTests
{
    private static readonly object Hello = new { message = "hi" };

    [Fact]
    public async Task Retry_WithoutRetryAfter_WaitsTheJitteredBackoff()
    {
        await using var app = await TestApp.StartAsync(new()
        {
            ["NxtAIGen:Streaming:Retry:BaseDelay"] = "00:00:02",
            ["NxtAIGen:Streaming:Retry:MaxAttempts"] = "3",
        });
        app.Provider.NextCall().Throw(Overloaded("fake"));
        var second = app.Provider.NextCall();

        using var response = await app.PostStreamAsync(Hello);
        await using var sse = new SseReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal("start", (await sse.NextEventAsync())!.Event);
        // The chosen delay is logged when the retry is scheduled: between half and all of the 2 s base delay.
        string? line = null;
        await Wait.UntilAsync(() => (line = app.Logs.Entries.Select(e => e.Text).FirstOrDefault(t => t.StartsWith("Provider fake failed before the first content (Overloaded); retry 1 in ", StringComparison.Ordinal))) is not null, "the retry log");
        var delayText = line![(line!.IndexOf("; retry 1 in ", StringComparison.Ordinal) + 13)..line.IndexOf(" ms.", StringComparison.Ordinal)];
        var delay = TimeSpan.FromMilliseconds(long.Parse(delayText, System.Globalization.CultureInfo.InvariantCulture));
        Assert.InRange(delay, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));

        // Nothing happens before the delay has passed on the clock, and the retry comes once it has.
        app.Time.Advance(delay - TimeSpan.FromMilliseconds(1));
        Assert.False(second.Started.Task.IsCompleted, "retried before the backoff elapsed");
        await Wait.UntilAsync(() => second.Started.Task.IsCompleted, "the retry", () => app.Time.Advance(TimeSpan.FromMilliseconds(10)));
        Assert.Equal(2, app.Provider.Calls);

        second.Text("ok").Finish();
        Assert.Equal("content", (await sse.NextEventAsync())!.Event);
        Assert.Equal("done", (await sse.NextEventAsync())!.Event);
    }

    [Fact]
    public async Task Retry_MaxAttemptsExhausted_EndsWithTheLastError()
    {
        await using var app = await TestApp.StartAsync(new() { ["NxtAIGen:Streaming:Retry:MaxAttempts"] = "2" });
        app.Provider.NextCall().Throw(Overloaded("fake"));
        app.Provider.NextCall().Throw(Overloaded("fake"));
        app.Provider.NextCall().Text("never").Finish();

        var events = await ReadAllAsync(app);

        Assert.Equal(["start", "error"], events.Select(e => e.Event));
        Assert.Equal("overloaded", events[1].Json.GetProperty("code").GetString());
        Assert.Equal(2, app.Provider.Calls);
    }

    [Theory]
    [InlineData(0, 1000, 1000)]
    [InlineData(1, 1000, 2000)]
    [InlineData(3, 1000, 8000)]
    [InlineData(10, 1000, 5000)]
    public void Backoff_DoublesUpToTheCap_AndJittersWithinHalfToAll(int attempt, int baseMs, int expectedCeilingMs)
    {
        var max = TimeSpan.FromSeconds(5);
        var low = StreamRetryPolicy.Backoff(attempt, TimeSpan.FromMilliseconds(baseMs), attempt == 10 ? max : TimeSpan.FromMinutes(1), 0);
        var high = StreamRetryPolicy.Backoff(attempt, TimeSpan.FromMilliseconds(baseMs), attempt == 10 ? max : TimeSpan.FromMinutes(1), 1);

        Assert.Equal(TimeSpan.FromMilliseconds(expectedCeilingMs), high);
        Assert.Equal(TimeSpan.FromMilliseconds(expectedCeilingMs / 2.0), low);
    }

    [Fact]
    public async Task Fallback_PrimaryFailsBeforeContent_SecondProviderAnswers_DoneAndUsageLogNameIt()
    {
        var backup = new ScriptedProvider("backup");
        await using var app = await TestApp.StartAsync(
            new()
            {
                ["NxtAIGen:Streaming:Retry:MaxAttempts"] = "1",
                ["NxtAIGen:Providers:fake:Fallbacks:0"] = "backup/backup-large",
            },
            configure: b => b.AddProviderType(Registration("backup", backup)));
        app.Provider.NextCall().Throw(Overloaded("fake"));
        backup.NextCall()
            .Yield(ChatChunk.ForUsage(new ChatUsage { InputTokens = 3, OutputTokens = 2 }))
            .Text("from the backup")
            .Finish();

        var events = await ReadAllAsync(app);

        Assert.Equal(["start", "content", "done"], events.Select(e => e.Event));
        Assert.Equal("fake", events[0].Json.GetProperty("provider").GetString());
        Assert.Equal("from the backup", events[1].Json.GetProperty("content").GetString());
        Assert.Equal("backup", events[2].Json.GetProperty("provider").GetString());
        Assert.Equal("backup-large", events[2].Json.GetProperty("model").GetString());
        Assert.Equal("backup-large", Assert.Single(backup.Requests).Model);
        await Wait.UntilAsync(() => app.UsageLog().GetRecords().Count == 1, "the usage record");
        var record = app.UsageLog().GetRecords()[0];
        Assert.Equal(("backup", "backup-large", "done", 3), (record.Provider, record.Model, record.Outcome, record.InputTokens));
    }

    [Fact]
    public async Task Fallback_PerModelList_WinsOverTheProviderList()
    {
        var backup = new ScriptedProvider("backup");
        var other = new ScriptedProvider("other");
        await using var app = await TestApp.StartAsync(
            new()
            {
                ["NxtAIGen:Streaming:Retry:MaxAttempts"] = "1",
                ["NxtAIGen:Providers:fake:Fallbacks:0"] = "other",
                ["NxtAIGen:Providers:fake:ModelFallbacks:fake-1:0"] = "backup",
            },
            configure: b => b.AddProviderType(Registration("backup", backup)).AddProviderType(Registration("other", other)));
        app.Provider.NextCall().Throw(Overloaded("fake"));
        backup.NextCall().Text("per model").Finish();

        var events = await ReadAllAsync(app);

        Assert.Equal("per model", events[1].Json.GetProperty("content").GetString());
        Assert.Equal("backup", events[^1].Json.GetProperty("provider").GetString());
        Assert.Equal("backup-1", events[^1].Json.GetProperty("model").GetString());
        Assert.Empty(other.Requests);
    }

    [Fact]
    public async Task Fallback_ErrorAfterContent_IsNotFallenBackFrom()
    {
        var backup = new ScriptedProvider("backup");
        await using var app = await TestApp.StartAsync(
            new() { ["NxtAIGen:Providers:fake:Fallbacks:0"] = "backup" },
            configure: b => b.AddProviderType(Registration("backup", backup)));
        app.Provider.NextCall().Text("Hel").Throw(Overloaded("fake"));

        var events = await ReadAllAsync(app);

        Assert.Equal(["start", "content", "error"], events.Select(e => e.Event));
        Assert.Empty(backup.Requests);
    }

    [Fact]
    public async Task Fallback_InvalidRequest_IsNotFallenBackFrom()
    {
        var backup = new ScriptedProvider("backup");
        await using var app = await TestApp.StartAsync(
            new() { ["NxtAIGen:Providers:fake:Fallbacks:0"] = "backup" },
            configure: b => b.AddProviderType(Registration("backup", backup)));
        app.Provider.NextCall().Throw(new NxtAIGenProviderException(ProviderErrorKind.InvalidRequest, "fake", "fake: HTTP 400 Bad Request."));

        var events = await ReadAllAsync(app);

        Assert.Equal(["start", "error"], events.Select(e => e.Event));
        Assert.Empty(backup.Requests);
    }

    [Fact]
    public async Task Fallback_WithoutAKeyOrDisabled_IsSkipped()
    {
        var backup = new ScriptedProvider("backup");
        await using var app = await TestApp.StartAsync(
            new()
            {
                ["NxtAIGen:Streaming:Retry:MaxAttempts"] = "1",
                ["NxtAIGen:Providers:fake:Fallbacks:0"] = "keyed",
                ["NxtAIGen:Providers:fake:Fallbacks:1"] = "off",
                ["NxtAIGen:Providers:fake:Fallbacks:2"] = "backup",
                ["NxtAIGen:Providers:off:Type"] = "backup",
                ["NxtAIGen:Providers:off:Enabled"] = "false",
            },
            configure: b => b.AddProviderType(Registration("backup", backup)));
        app.Provider.NextCall().Throw(Overloaded("fake"));
        backup.NextCall().Text("third in line").Finish();

        var events = await ReadAllAsync(app);

        Assert.Equal("third in line", events[1].Json.GetProperty("content").GetString());
        Assert.Empty(app.KeyedProviders);
        Assert.Single(backup.Requests);
    }

    [Fact]
    public async Task Fallback_AllFail_ErrorIsTheLastProviders()
    {
        var backup = new ScriptedProvider("backup");
        await using var app = await TestApp.StartAsync(
            new()
            {
                ["NxtAIGen:Streaming:Retry:MaxAttempts"] = "1",
                ["NxtAIGen:Providers:fake:Fallbacks:0"] = "backup",
            },
            configure: b => b.AddProviderType(Registration("backup", backup)));
        app.Provider.NextCall().Throw(Overloaded("fake"));
        backup.NextCall().Throw(new NxtAIGenProviderException(ProviderErrorKind.RateLimited, "backup", "backup: slow down.") { RetryAfter = TimeSpan.FromSeconds(90) });

        var events = await ReadAllAsync(app);

        Assert.Equal(["start", "error"], events.Select(e => e.Event));
        Assert.Equal("rate_limited", events[1].Json.GetProperty("code").GetString());
        Assert.Equal(90, events[1].Json.GetProperty("retry_after").GetInt32());
    }

    [Fact]
    public async Task Fallback_UnknownProviderInConfiguration_FailsAtStartup()
    {
        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            TestApp.StartAsync(new() { ["NxtAIGen:Providers:fake:Fallbacks:0"] = "nowhere/model-x" }));

        Assert.Contains("NxtAIGen:Providers:fake:Fallbacks:0", error.Message, StringComparison.Ordinal);
    }

    private static NxtAIGenProviderException Overloaded(string id) => new(ProviderErrorKind.Overloaded, id, id + ": overloaded.") { StatusCode = 503 };

    private static ChatProviderRegistration Registration(string type, ScriptedProvider provider) => new()
    {
        Type = type,
        Name = type,
        DefaultModel = type + "-1",
        RequiresApiKey = false,
        RequiresBaseUrl = false,
        Capabilities = ChatCapabilities.Reasoning | ChatCapabilities.Tools,
        Create = (_, _) => provider,
    };

    private static async Task<List<SseFrame>> ReadAllAsync(TestApp app)
    {
        using var response = await app.PostStreamAsync(Hello);
        await using var sse = new SseReader(await response.Content.ReadAsStreamAsync());
        return (await sse.ReadToEndAsync()).Where(f => !f.IsPing).ToList();
    }
}
