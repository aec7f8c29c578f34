using System.Text.Json;

namespace NxtAIGen.AspNetCore.Tests;

public sealed class RateLimitingTests
{
    [Fact]
    public async Task BucketEmpty_Is429RateLimitedWithRetryAfter()
    {
        await using var app = await TestApp.StartAsync(new()
        {
            ["NxtAIGen:RateLimiting:BurstLimit"] = "2",
            ["NxtAIGen:RateLimiting:TokensPerPeriod"] = "1",
            ["NxtAIGen:RateLimiting:Period"] = "01:00:00",
        });
        app.QueueAnswers(3);

        var first = await app.ChatToEndAsync(ip: "192.0.2.1");
        var second = await app.ChatToEndAsync(ip: "192.0.2.1");
        using var refused = await app.ChatAsync(ip: "192.0.2.1");
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        var otherAddress = await app.ChatToEndAsync(ip: "192.0.2.2");

        Assert.Equal(200, first.Status);
        Assert.Equal(200, second.Status);
        Assert.Equal(429, (int)refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("rate_limited", problem.GetProperty("code").GetString());
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 3600);
        Assert.Equal(retryAfter.Value.TotalSeconds, problem.GetProperty("retry_after").GetInt64());
        Assert.Equal(200, otherAddress.Status);
        Assert.Equal(3, app.Provider.Calls);
    }

    [Fact]
    public async Task TooManySimultaneousStreams_Is429RateLimitedWithRetryAfter_AndTheUserIsItsOwnPartition()
    {
        await using var app = await TestApp.StartAsync(new() { ["NxtAIGen:RateLimiting:MaxConcurrentStreams"] = "1" });
        var script = app.Provider.NextCall();
        using var open = await app.ChatAsync(ip: "192.0.2.9");
        await using var sse = new SseReader(await open.Content.ReadAsStreamAsync());
        Assert.Equal("start", (await sse.NextEventAsync())!.Event);
        await Wait.ForAsync(script.Started.Task, "the provider call");

        var refused = await app.ChatToEndAsync(ip: "192.0.2.9");
        app.QueueAnswers(1);
        var user = await app.ChatToEndAsync(ip: "192.0.2.9", user: "u1");
        script.Text("ok").Finish();
        Assert.Equal("done", (await sse.ReadToEndAsync()).Where(f => !f.IsPing).Last().Event);
        app.QueueAnswers(1);
        var afterwards = await app.ChatToEndAsync(ip: "192.0.2.9");

        Assert.Equal(429, refused.Status);
        Assert.Equal("rate_limited", refused.Problem!.Value.GetProperty("code").GetString());
        Assert.Equal(1, refused.Problem!.Value.GetProperty("retry_after").GetInt64());
        Assert.Equal(200, user.Status);
        Assert.Equal(200, afterwards.Status);
    }

    [Fact]
    public async Task RefusedByTheRateLimiter_ChargesNoQuota()
    {
        await using var app = await TestApp.StartAsync(new()
        {
            ["NxtAIGen:RateLimiting:BurstLimit"] = "1",
            ["NxtAIGen:RateLimiting:TokensPerPeriod"] = "1",
            ["NxtAIGen:RateLimiting:Period"] = "01:00:00",
        });
        app.QueueAnswers(1);
        var first = await app.ChatToEndAsync(ip: "192.0.2.3");

        var refused = await app.ChatToEndAsync(cookie: first.Cookie, ip: "192.0.2.3");

        Assert.Equal(429, refused.Status);
        Assert.Equal(1, (await app.LimitsAsync(cookie: first.Cookie, ip: "192.0.2.3")).GetProperty("usage").GetProperty("guest").GetInt32());
    }

    [Fact]
    public async Task Disabled_LetsEveryRequestThrough()
    {
        await using var app = await TestApp.StartAsync(new()
        {
            ["NxtAIGen:RateLimiting:Enabled"] = "false",
            ["NxtAIGen:RateLimiting:BurstLimit"] = "1",
            ["NxtAIGen:RateLimiting:TokensPerPeriod"] = "1",
        });
        app.QueueAnswers(3);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(200, (await app.ChatToEndAsync(ip: "192.0.2.4")).Status);
        }
    }
}
