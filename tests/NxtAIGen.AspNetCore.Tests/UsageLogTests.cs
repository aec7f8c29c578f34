using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NxtAIGen.Abstractions;

namespace NxtAIGen.AspNetCore.Tests;

public sealed class UsageLogTests
{
    private const string Ip = "198.51.100.23";
    private const string Salt = "test-salt";

    private static Task<TestApp> StartAsync(params (string Key, string Value)[] settings)
    {
        var config = new Dictionary<string, string?>
        {
            ["NxtAIGen:RateLimiting:Enabled"] = "false",
            ["NxtAIGen:UsageLog:IpHashSalt"] = Salt,
        };
        foreach (var (key, value) in settings)
        {
            config[key] = value;
        }

        return TestApp.StartAsync(config);
    }

    [Fact]
    public async Task Done_IsRecordedWithTokensTimingsAndHashedIp()
    {
        await using var app = await StartAsync();
        var script = app.Provider.NextCall();
        using var response = await app.ChatAsync(ip: Ip, user: "u1", plan: "basic");
        await using var sse = new SseReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal("start", (await sse.NextEventAsync())!.Event);
        await Wait.ForAsync(script.Started.Task, "the provider call");
        app.Time.Advance(TimeSpan.FromMilliseconds(300));
        script.Yield(ChatChunk.ForMetadata(new ChatResponseMetadata { Model = "fake-1-2026" })).Text("Hello");
        Assert.Equal("content", (await sse.NextEventAsync())!.Event);
        app.Time.Advance(TimeSpan.FromMilliseconds(700));
        script.Yield(ChatChunk.ForUsage(new ChatUsage { InputTokens = 12, OutputTokens = 7, ReasoningTokens = 3 })).Finish();
        await sse.ReadToEndAsync();

        var record = Assert.Single(app.UsageLog().GetRecords());
        Assert.Equal(ChatCallerKind.User, record.CallerKind);
        Assert.Equal("u1", record.CallerId);
        Assert.Equal("basic", record.Plan);
        Assert.Equal("fake", record.Provider);
        Assert.Equal("fake-1-2026", record.Model);
        Assert.Equal(12, record.InputTokens);
        Assert.Equal(7, record.OutputTokens);
        Assert.Equal(3, record.ReasoningTokens);
        Assert.Equal(TimeSpan.FromMilliseconds(300), record.TimeToFirstToken);
        Assert.Equal(TimeSpan.FromSeconds(1), record.Duration);
        Assert.Equal("done", record.Outcome);
        Assert.True(record.Charged);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero), record.Timestamp);
        Assert.Equal(Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Salt), Encoding.UTF8.GetBytes(Ip))), record.IpHash);
    }

    [Fact]
    public async Task EveryOutcome_IsRecorded_AndNoneHoldsTheRawIp()
    {
        await using var app = await StartAsync(("NxtAIGen:Guest:Limit", "1"));
        app.Provider.NextCall().Text("a").Throw(new NxtAIGenProviderException(ProviderErrorKind.Authentication, "fake", "fake: 401."));
        var failed = await app.ChatToEndAsync(ip: Ip);
        app.QueueAnswers(1);
        await app.ChatToEndAsync(cookie: failed.Cookie, ip: Ip);
        await app.ChatToEndAsync(cookie: failed.Cookie, ip: Ip);

        var records = app.UsageLog().GetRecords();

        Assert.Equal(["provider_error", "done", "guest_limit"], records.Select(r => r.Outcome));
        Assert.Equal([false, true, false], records.Select(r => r.Charged));
        Assert.All(records, r => Assert.Equal(ChatCallerKind.Guest, r.CallerKind));
        Assert.Single(records.Select(r => r.CallerId).Distinct());
        Assert.Single(records.Select(r => r.IpHash).Distinct());
        foreach (var record in records)
        {
            Assert.DoesNotContain(Ip, record.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(Ip, JsonSerializer.Serialize(record, TestApp.Json), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task WithoutSalt_TheIpIsStillOnlyHashed()
    {
        await using var app = await TestApp.StartAsync(new() { ["NxtAIGen:RateLimiting:Enabled"] = "false" });
        app.QueueAnswers(1);

        await app.ChatToEndAsync(ip: Ip);

        var record = Assert.Single(app.UsageLog().GetRecords());
        Assert.Equal(64, record.IpHash!.Length);
        Assert.NotEqual(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Ip))), record.IpHash);
    }

    [Fact]
    public async Task Capacity_BoundsTheInMemoryLog()
    {
        await using var app = await StartAsync(("NxtAIGen:UsageLog:Capacity", "2"), ("NxtAIGen:Guest:Limit", "10"));
        app.QueueAnswers(3);

        for (var i = 0; i < 3; i++)
        {
            await app.ChatToEndAsync();
        }

        Assert.Equal(2, app.UsageLog().GetRecords().Count);
    }
}
