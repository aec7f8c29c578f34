using System.Globalization;
using System.Text.Json;
using NxtAIGen.Abstractions;

namespace NxtAIGen.AspNetCore.Tests;

public sealed class GuestQuotaTests
{
    private static readonly Dictionary<string, string?> NoRateLimit = new() { ["NxtAIGen:RateLimiting:Enabled"] = "false" };

    private static Dictionary<string, string?> Config(params (string Key, string Value)[] settings)
    {
        var config = new Dictionary<string, string?>(NoRateLimit);
        foreach (var (key, value) in settings)
        {
            config[key] = value;
        }

        return config;
    }

    [Fact]
    public async Task FirstRequest_IssuesProtectedHttpOnlyLaxCookie()
    {
        await using var app = await TestApp.StartAsync(NoRateLimit);
        app.QueueAnswers(1);

        using var response = await app.ChatAsync();
        await response.Content.ReadAsStringAsync();

        var setCookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(QuotaHttp.CookieName + "=", setCookie, StringComparison.Ordinal);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", setCookie, StringComparison.OrdinalIgnoreCase);
        var value = setCookie.Split(';')[0][(QuotaHttp.CookieName.Length + 1)..];
        Assert.True(value.Length > 32, "the id is protected, not sent as is");
    }

    [Fact]
    public async Task Done_CarriesGuestUsage_AndTheCookieKeepsCounting()
    {
        await using var app = await TestApp.StartAsync(NoRateLimit);
        app.QueueAnswers(2);

        var first = await app.ChatToEndAsync();
        var second = await app.ChatToEndAsync(cookie: first.Cookie);

        var done = first.Events[^1];
        Assert.Equal("done", done.Event);
        Assert.Equal(1, done.Json.GetProperty("usage_count").GetInt32());
        Assert.Equal(5, done.Json.GetProperty("usage_limit").GetInt32());
        Assert.Equal(4, done.Json.GetProperty("remaining").GetInt32());
        Assert.Null(second.Cookie);
        Assert.Equal(2, second.Events[^1].Json.GetProperty("usage_count").GetInt32());
        Assert.Equal(3, second.Events[^1].Json.GetProperty("remaining").GetInt32());
    }

    [Fact]
    public async Task FiftyConcurrentRequests_WithFiveLeft_GiveExactlyFiveAnswers()
    {
        await using var app = await TestApp.StartAsync(Config(("NxtAIGen:Guest:Limit", "6")));
        app.QueueAnswers(51);
        var first = await app.ChatToEndAsync();
        Assert.Equal("done", first.Events[^1].Event);

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => app.ChatToEndAsync(cookie: first.Cookie))));

        Assert.Equal(5, results.Count(r => r.Status == 200 && r.Events[^1].Event == "done"));
        var refused = results.Where(r => r.Status == 429).ToList();
        Assert.Equal(45, refused.Count);
        Assert.All(refused, r => Assert.Equal("guest_limit", r.Problem!.Value.GetProperty("code").GetString()));
        Assert.Equal(6, app.Provider.Calls);
        var limits = await app.LimitsAsync(cookie: first.Cookie);
        Assert.Equal(6, limits.GetProperty("usage").GetProperty("guest").GetInt32());
    }

    [Fact]
    public async Task LimitReached_Is429GuestLimitWithResetAtAndRetryAfter_AndRefusalsChargeNothing()
    {
        await using var app = await TestApp.StartAsync(Config(("NxtAIGen:Guest:Limit", "2")));
        app.QueueAnswers(3);
        var first = await app.ChatToEndAsync();
        app.Time.Advance(TimeSpan.FromHours(1));
        await app.ChatToEndAsync(cookie: first.Cookie);

        using var refused = await app.ChatAsync(cookie: first.Cookie);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        var again = await app.ChatToEndAsync(cookie: first.Cookie);

        Assert.Equal(429, (int)refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("guest_limit", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("limit_reached").GetBoolean());
        Assert.Equal(2, problem.GetProperty("usage_count").GetInt32());
        Assert.Equal(2, problem.GetProperty("usage_limit").GetInt32());
        Assert.Equal(0, problem.GetProperty("remaining").GetInt32());
        // The first message frees up one rolling day after it was sent: 23 hours from now.
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero), problem.GetProperty("reset_at").GetDateTimeOffset());
        Assert.Equal(TimeSpan.FromHours(23).TotalSeconds, refused.Headers.RetryAfter?.Delta?.TotalSeconds);
        Assert.Equal(429, again.Status);
        Assert.Equal(2, (await app.LimitsAsync(cookie: first.Cookie)).GetProperty("usage").GetProperty("guest").GetInt32());

        app.Time.Advance(TimeSpan.FromHours(23));
        var later = await app.ChatToEndAsync(cookie: first.Cookie);
        Assert.Equal("done", later.Events[^1].Event);
        Assert.Equal(2, later.Events[^1].Json.GetProperty("usage_count").GetInt32());
    }

    [Fact]
    public async Task FailedStream_ChargesNothing()
    {
        await using var app = await TestApp.StartAsync(NoRateLimit);
        app.Provider.NextCall().Text("par").Throw(new NxtAIGenProviderException(ProviderErrorKind.Authentication, "fake", "fake: 401."));
        app.Provider.NextCall().Text("cut").End();

        var failed = await app.ChatToEndAsync();
        var incomplete = await app.ChatToEndAsync(cookie: failed.Cookie);

        Assert.Equal("error", failed.Events[^1].Event);
        Assert.Equal("error", incomplete.Events[^1].Event);
        Assert.Equal(0, (await app.LimitsAsync(cookie: failed.Cookie)).GetProperty("usage").GetProperty("guest").GetInt32());
    }

    [Fact]
    public async Task CancelBeforeContent_ChargesNothing()
    {
        await using var app = await TestApp.StartAsync(NoRateLimit);
        var script = app.Provider.NextCall();
        var response = await app.ChatAsync();
        var cookie = QuotaHttp.IssuedCookie(response);
        var sse = new SseReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal("start", (await sse.NextEventAsync())!.Event);
        await Wait.ForAsync(script.Started.Task, "the provider call");

        await sse.DisposeAsync();
        response.Dispose();

        await Wait.UntilAsync(() => app.UsageLog().GetRecords().Count == 1, "the usage record");
        var record = app.UsageLog().GetRecords()[0];
        Assert.Equal("canceled", record.Outcome);
        Assert.False(record.Charged);
        Assert.Equal(0, (await app.LimitsAsync(cookie: cookie)).GetProperty("usage").GetProperty("guest").GetInt32());
    }

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 0)]
    public async Task CancelAfterContent_ChargesPerOption(bool charge, int expectedUsage)
    {
        await using var app = await TestApp.StartAsync(Config(("NxtAIGen:Guest:ChargeCanceledAfterContent", charge.ToString(CultureInfo.InvariantCulture))));
        var script = app.Provider.NextCall();
        var response = await app.ChatAsync();
        var cookie = QuotaHttp.IssuedCookie(response);
        var sse = new SseReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal("start", (await sse.NextEventAsync())!.Event);
        await Wait.ForAsync(script.Started.Task, "the provider call");
        script.Text("partial");
        Assert.Equal("content", (await sse.NextEventAsync())!.Event);

        await sse.DisposeAsync();
        response.Dispose();

        await Wait.UntilAsync(() => app.UsageLog().GetRecords().Count == 1, "the usage record");
        Assert.Equal(charge, app.UsageLog().GetRecords()[0].Charged);
        Assert.Equal(expectedUsage, (await app.LimitsAsync(cookie: cookie)).GetProperty("usage").GetProperty("guest").GetInt32());
    }

    [Fact]
    public async Task TamperedCookie_GetsNewIdentity_ButThePerIpCeilingHolds()
    {
        await using var app = await TestApp.StartAsync(Config(("NxtAIGen:Guest:Limit", "5"), ("NxtAIGen:Guest:PerIpLimit", "3")));
        app.QueueAnswers(5);
        const string Ip = "203.0.113.7";
        var first = await app.ChatToEndAsync(ip: Ip);
        await app.ChatToEndAsync(cookie: first.Cookie, ip: Ip);
        var tampered = Tamper(first.Cookie!);

        // Another address: the tampered cookie is simply a new guest.
        var elsewhere = await app.ChatToEndAsync(cookie: tampered, ip: "198.51.100.1");
        Assert.NotNull(elsewhere.Cookie);
        Assert.NotEqual(first.Cookie, elsewhere.Cookie);
        Assert.Equal(1, elsewhere.Events[^1].Json.GetProperty("usage_count").GetInt32());

        // Same address: one more is allowed (3 per IP), then the ceiling refuses whatever the cookie says.
        var third = await app.ChatToEndAsync(cookie: tampered, ip: Ip);
        Assert.Equal("done", third.Events[^1].Event);
        Assert.Equal(0, third.Events[^1].Json.GetProperty("remaining").GetInt32());
        var fresh = await app.ChatToEndAsync(ip: Ip);
        Assert.Equal(429, fresh.Status);
        Assert.NotNull(fresh.Cookie);
        Assert.Equal("guest_limit", fresh.Problem!.Value.GetProperty("code").GetString());
        Assert.Equal(3, fresh.Problem!.Value.GetProperty("usage_limit").GetInt32());
        var original = await app.ChatToEndAsync(cookie: first.Cookie, ip: Ip);
        Assert.Equal(429, original.Status);
    }

    [Fact]
    public async Task Limits_ForAGuest_ReportsGuestAndIpWindows_WithoutReserving()
    {
        await using var app = await TestApp.StartAsync(Config(("NxtAIGen:Guest:PerIpLimit", "20")));
        app.QueueAnswers(1);
        var first = await app.ChatToEndAsync(ip: "192.0.2.5");

        var limits = await app.LimitsAsync(cookie: first.Cookie, ip: "192.0.2.5");
        await app.LimitsAsync(cookie: first.Cookie, ip: "192.0.2.5");
        var again = await app.LimitsAsync(cookie: first.Cookie, ip: "192.0.2.5");

        Assert.Equal("guest", limits.GetProperty("kind").GetString());
        Assert.False(limits.TryGetProperty("plan", out _));
        Assert.Equal(5, limits.GetProperty("limits").GetProperty("guest").GetInt32());
        Assert.Equal(20, limits.GetProperty("limits").GetProperty("ip").GetInt32());
        Assert.Equal(1, again.GetProperty("usage").GetProperty("guest").GetInt32());
        Assert.Equal(4, again.GetProperty("remaining").GetProperty("guest").GetInt32());
        Assert.Equal(19, again.GetProperty("remaining").GetProperty("ip").GetInt32());
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero), again.GetProperty("reset_at").GetProperty("guest").GetDateTimeOffset());
    }

    [Fact]
    public async Task ZeroLimit_TurnsGuestsAway()
    {
        await using var app = await TestApp.StartAsync(Config(("NxtAIGen:Guest:Limit", "0")));

        var refused = await app.ChatToEndAsync();

        Assert.Equal(429, refused.Status);
        Assert.Equal("guest_limit", refused.Problem!.Value.GetProperty("code").GetString());
        Assert.Equal(0, app.Provider.Calls);
    }

    private static string Tamper(string cookie)
    {
        var chars = cookie.ToCharArray();
        var i = chars.Length - 10;
        chars[i] = chars[i] == 'A' ? 'B' : 'A';
        return new string(chars);
    }
}
