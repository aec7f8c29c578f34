using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace NxtAIGen.AspNetCore.Tests;

public sealed class UserPlanTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static Task<TestApp> StartAsync(string timeZone = "UTC") => TestApp.StartAsync(new()
    {
        ["NxtAIGen:RateLimiting:Enabled"] = "false",
        ["NxtAIGen:Plans:TimeZone"] = timeZone,
    });

    private static async Task SetLimitsAsync(TestApp app, string user, int hourly, int daily, int monthly) =>
        await app.Services.GetRequiredService<IUserPlanStore>().SetAsync(user, new UserPlanOverride { Limits = new PlanLimits { Hourly = hourly, Daily = daily, Monthly = monthly } }, default);

    private static async Task<(int Status, JsonElement? Problem)> AskAsync(TestApp app, string user)
    {
        // A refused request leaves its queued answer for the next one; all answers are alike.
        app.QueueAnswers(1);
        var result = await app.ChatToEndAsync(user: user);
        if (result.Status == 200)
        {
            Assert.Equal("done", result.Events[^1].Event);
        }

        return (result.Status, result.Problem);
    }

    [Fact]
    public async Task Limits_ForAUserWithoutPlan_IsTheDefaultPlan()
    {
        await using var app = await StartAsync();

        var limits = await app.LimitsAsync(user: "u1");

        Assert.Equal("user", limits.GetProperty("kind").GetString());
        Assert.Equal("free", limits.GetProperty("plan").GetString());
        Assert.Equal(10, limits.GetProperty("limits").GetProperty("hourly").GetInt32());
        Assert.Equal(30, limits.GetProperty("limits").GetProperty("daily").GetInt32());
        Assert.Equal(150, limits.GetProperty("limits").GetProperty("monthly").GetInt32());
        Assert.Equal(0, limits.GetProperty("usage").GetProperty("daily").GetInt32());
        Assert.Equal(30, limits.GetProperty("remaining").GetProperty("daily").GetInt32());
        Assert.Equal(Start.AddHours(1), limits.GetProperty("reset_at").GetProperty("hourly").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero), limits.GetProperty("reset_at").GetProperty("daily").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), limits.GetProperty("reset_at").GetProperty("monthly").GetDateTimeOffset());
    }

    [Theory]
    [InlineData("basic", "basic", 20, 50, 1000)]
    [InlineData("Premium", "premium", 50, 200, 5000)]
    [InlineData("ultra", "ultra", 100, -1, -1)]
    [InlineData("gold", "free", 10, 30, 150)]
    public async Task Plan_FromClaim(string claim, string plan, int hourly, int daily, int monthly)
    {
        await using var app = await StartAsync();

        var limits = await app.LimitsAsync(user: "u1", plan: claim);

        Assert.Equal(plan, limits.GetProperty("plan").GetString());
        Assert.Equal(hourly, limits.GetProperty("limits").GetProperty("hourly").GetInt32());
        Assert.Equal(daily, limits.GetProperty("limits").GetProperty("daily").GetInt32());
        Assert.Equal(monthly, limits.GetProperty("limits").GetProperty("monthly").GetInt32());
        Assert.Equal(daily, limits.GetProperty("remaining").GetProperty("daily").GetInt32());
    }

    [Fact]
    public async Task AdminOverride_WinsOverTheClaim()
    {
        await using var app = await StartAsync();
        var store = app.Services.GetRequiredService<IUserPlanStore>();
        await store.SetAsync("u1", new UserPlanOverride { Plan = "ultra" }, default);
        await store.SetAsync("u2", new UserPlanOverride { Limits = new PlanLimits { Hourly = 1, Daily = 2, Monthly = 3 } }, default);

        var ultra = await app.LimitsAsync(user: "u1", plan: "basic");
        var custom = await app.LimitsAsync(user: "u2", plan: "basic");
        await store.SetAsync("u1", null, default);
        var removed = await app.LimitsAsync(user: "u1", plan: "basic");

        Assert.Equal("ultra", ultra.GetProperty("plan").GetString());
        Assert.Equal(-1, ultra.GetProperty("limits").GetProperty("monthly").GetInt32());
        Assert.Equal(-1, ultra.GetProperty("remaining").GetProperty("monthly").GetInt32());
        Assert.Equal("custom", custom.GetProperty("plan").GetString());
        Assert.Equal(1, custom.GetProperty("limits").GetProperty("hourly").GetInt32());
        Assert.Equal(3, custom.GetProperty("limits").GetProperty("monthly").GetInt32());
        Assert.Equal("basic", removed.GetProperty("plan").GetString());
    }

    [Fact]
    public async Task Done_CarriesRateLimitsOfEachWindow()
    {
        await using var app = await StartAsync();
        app.QueueAnswers(1);

        var result = await app.ChatToEndAsync(user: "u1", plan: "ultra");

        var limits = result.Events[^1].Json.GetProperty("rate_limits");
        Assert.Equal(100, limits.GetProperty("hourly").GetProperty("limit").GetInt32());
        Assert.Equal(1, limits.GetProperty("hourly").GetProperty("used").GetInt32());
        Assert.Equal(99, limits.GetProperty("hourly").GetProperty("remaining").GetInt32());
        Assert.Equal(Start.AddHours(1), limits.GetProperty("hourly").GetProperty("reset_at").GetDateTimeOffset());
        Assert.Equal(-1, limits.GetProperty("daily").GetProperty("limit").GetInt32());
        Assert.Equal(1, limits.GetProperty("daily").GetProperty("used").GetInt32());
        Assert.Equal(-1, limits.GetProperty("daily").GetProperty("remaining").GetInt32());
        Assert.Equal(-1, limits.GetProperty("monthly").GetProperty("limit").GetInt32());
        Assert.Null(result.Cookie);
        Assert.False(result.Events[^1].Json.TryGetProperty("usage_count", out _));
    }

    [Fact]
    public async Task HourlyWindow_Slides()
    {
        await using var app = await StartAsync();
        await SetLimitsAsync(app, "u1", hourly: 2, daily: -1, monthly: -1);

        Assert.Equal(200, (await AskAsync(app, "u1")).Status);   // 12:00
        app.Time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(200, (await AskAsync(app, "u1")).Status);   // 12:30
        using var refused = await app.ChatAsync(user: "u1");
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(429, (int)refused.StatusCode);
        Assert.Equal("rate_limited", problem.GetProperty("code").GetString());
        Assert.Equal("hourly", problem.GetProperty("window").GetString());
        Assert.Equal(Start.AddHours(1), problem.GetProperty("reset_at").GetDateTimeOffset());
        Assert.Equal(1800, refused.Headers.RetryAfter?.Delta?.TotalSeconds);

        app.Time.Advance(TimeSpan.FromMinutes(30) - TimeSpan.FromSeconds(1));
        Assert.Equal(429, (await AskAsync(app, "u1")).Status);   // 12:59:59
        app.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(200, (await AskAsync(app, "u1")).Status);   // 13:00: the 12:00 message has dropped out
        var again = await AskAsync(app, "u1");                    // the 12:30 one has not
        Assert.Equal(429, again.Status);
        Assert.Equal(Start.AddMinutes(90), again.Problem!.Value.GetProperty("reset_at").GetDateTimeOffset());
    }

    [Fact]
    public async Task DailyWindow_ResetsAtLocalMidnight()
    {
        await using var app = await StartAsync("Europe/Berlin");
        await SetLimitsAsync(app, "u1", hourly: -1, daily: 2, monthly: -1);

        Assert.Equal(200, (await AskAsync(app, "u1")).Status);
        Assert.Equal(200, (await AskAsync(app, "u1")).Status);
        var refused = await AskAsync(app, "u1");

        Assert.Equal(429, refused.Status);
        Assert.Equal("daily", refused.Problem!.Value.GetProperty("window").GetString());
        var midnight = new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.FromHours(1));
        Assert.Equal(midnight, refused.Problem!.Value.GetProperty("reset_at").GetDateTimeOffset());
        app.Time.SetUtcNow(midnight.AddSeconds(-1));
        Assert.Equal(429, (await AskAsync(app, "u1")).Status);
        app.Time.SetUtcNow(midnight);
        Assert.Equal(200, (await AskAsync(app, "u1")).Status);
    }

    [Fact]
    public async Task MonthlyWindow_ResetsOnTheFirstInTheConfiguredTimeZone()
    {
        await using var app = await StartAsync("America/New_York");
        await SetLimitsAsync(app, "u1", hourly: -1, daily: -1, monthly: 1);
        app.Time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(200, (await AskAsync(app, "u1")).Status);
        var refused = await AskAsync(app, "u1");
        var first = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(-5));

        Assert.Equal("monthly", refused.Problem!.Value.GetProperty("window").GetString());
        Assert.Equal(first, refused.Problem!.Value.GetProperty("reset_at").GetDateTimeOffset());
        app.Time.SetUtcNow(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero)); // already December in UTC, not in New York
        Assert.Equal(429, (await AskAsync(app, "u1")).Status);
        app.Time.SetUtcNow(first);
        Assert.Equal(200, (await AskAsync(app, "u1")).Status);
        Assert.Equal(429, (await AskAsync(app, "u1")).Status);
    }

    [Fact]
    public async Task DailyWindow_OnTheDayClocksGoBack_Is25Hours()
    {
        await using var app = await StartAsync("Europe/Berlin");
        await SetLimitsAsync(app, "u1", hourly: -1, daily: 1, monthly: -1);
        app.Time.SetUtcNow(new DateTimeOffset(2027, 10, 30, 22, 30, 0, TimeSpan.Zero)); // 00:30 CEST on Sunday 31 October

        Assert.Equal(200, (await AskAsync(app, "u1")).Status);
        var refused = await AskAsync(app, "u1");
        var nextMidnight = new DateTimeOffset(2027, 11, 1, 0, 0, 0, TimeSpan.FromHours(1));

        Assert.Equal(nextMidnight, refused.Problem!.Value.GetProperty("reset_at").GetDateTimeOffset());
        app.Time.SetUtcNow(new DateTimeOffset(2027, 10, 31, 22, 59, 59, TimeSpan.Zero)); // 24.5 hours later, still the 31st
        Assert.Equal(429, (await AskAsync(app, "u1")).Status);
        app.Time.SetUtcNow(nextMidnight);
        Assert.Equal(200, (await AskAsync(app, "u1")).Status);
    }

    [Fact]
    public async Task DailyWindow_OnTheDayClocksGoForward_Is23Hours()
    {
        await using var app = await StartAsync("Europe/Berlin");
        await SetLimitsAsync(app, "u1", hourly: -1, daily: 1, monthly: -1);
        app.Time.SetUtcNow(new DateTimeOffset(2027, 3, 27, 23, 0, 0, TimeSpan.Zero)); // midnight CET starting Sunday 28 March

        Assert.Equal(200, (await AskAsync(app, "u1")).Status);
        var refused = await AskAsync(app, "u1");

        var nextMidnight = new DateTimeOffset(2027, 3, 29, 0, 0, 0, TimeSpan.FromHours(2));
        Assert.Equal(nextMidnight, refused.Problem!.Value.GetProperty("reset_at").GetDateTimeOffset());
        Assert.Equal(TimeSpan.FromHours(23), nextMidnight - new DateTimeOffset(2027, 3, 27, 23, 0, 0, TimeSpan.Zero));
        app.Time.SetUtcNow(nextMidnight);
        Assert.Equal(200, (await AskAsync(app, "u1")).Status);
    }

    [Fact]
    public async Task UsersAreCountedSeparately_AndAUserWithoutUsageIsNeverRefused()
    {
        await using var app = await StartAsync();
        await SetLimitsAsync(app, "busy", hourly: 1, daily: 1, monthly: 1);

        Assert.Equal(200, (await AskAsync(app, "busy")).Status);
        Assert.Equal(429, (await AskAsync(app, "busy")).Status);
        Assert.Equal(200, (await AskAsync(app, "idle")).Status);
        app.Time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 23, 59, 59, TimeSpan.Zero));
        Assert.Equal(200, (await AskAsync(app, "new-at-month-end")).Status);
    }
}
