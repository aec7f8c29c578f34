using Microsoft.Extensions.Options;

namespace NxtAIGen.AspNetCore.Tests;

public sealed class QuotaOptionsValidationTests
{
    [Theory]
    [InlineData("NxtAIGen:Guest:Limit", "-1")]
    [InlineData("NxtAIGen:Guest:Window", "00:00:10")]
    [InlineData("NxtAIGen:Guest:PerIpLimit", "-5")]
    [InlineData("NxtAIGen:Guest:CookieName", "bad name;")]
    [InlineData("NxtAIGen:Plans:Definitions:free:Daily", "0")]
    [InlineData("NxtAIGen:Plans:Definitions:team:Hourly", "-2")]
    [InlineData("NxtAIGen:Plans:DefaultPlan", "gold")]
    [InlineData("NxtAIGen:Plans:TimeZone", "Mars/Olympus_Mons")]
    [InlineData("NxtAIGen:RateLimiting:TokensPerPeriod", "0")]
    [InlineData("NxtAIGen:RateLimiting:Period", "00:00:00")]
    [InlineData("NxtAIGen:RateLimiting:MaxConcurrentStreams", "0")]
    [InlineData("NxtAIGen:RateLimiting:BurstLimit", "5")]
    [InlineData("NxtAIGen:UsageLog:Capacity", "-1")]
    public async Task OutOfRangeOption_FailsAtStartupNamingTheKey(string key, string value)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApp.StartAsync(new() { [key] = value }));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfiguredPlans_AddToAndChangeTheDefaults()
    {
        await using var app = await TestApp.StartAsync(new()
        {
            ["NxtAIGen:Plans:Definitions:team:Hourly"] = "7",
            ["NxtAIGen:Plans:Definitions:team:Daily"] = "-1",
            ["NxtAIGen:Plans:Definitions:team:Monthly"] = "900",
            ["NxtAIGen:Plans:Definitions:free:Daily"] = "40",
            ["NxtAIGen:Plans:DefaultPlan"] = "team",
        });

        var team = await app.LimitsAsync(user: "u1");
        var free = await app.LimitsAsync(user: "u2", plan: "free");

        Assert.Equal("team", team.GetProperty("plan").GetString());
        Assert.Equal(7, team.GetProperty("limits").GetProperty("hourly").GetInt32());
        Assert.Equal(-1, team.GetProperty("limits").GetProperty("daily").GetInt32());
        Assert.Equal(10, free.GetProperty("limits").GetProperty("hourly").GetInt32());
        Assert.Equal(40, free.GetProperty("limits").GetProperty("daily").GetInt32());
        Assert.Equal(150, free.GetProperty("limits").GetProperty("monthly").GetInt32());
    }
}
