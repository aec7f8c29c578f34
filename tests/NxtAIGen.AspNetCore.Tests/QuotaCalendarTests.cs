using NxtAIGen.AspNetCore.Quotas;

namespace NxtAIGen.AspNetCore.Tests;

public sealed class QuotaCalendarTests
{
    [Theory]
    [InlineData("UTC", "2026-11-25T12:00:00Z", "2026-11-25T00:00:00Z", "2026-11-26T00:00:00Z")]
    [InlineData("Europe/Berlin", "2026-11-25T23:30:00Z", "2026-11-25T23:00:00Z", "2026-11-26T23:00:00Z")]
    [InlineData("Europe/Berlin", "2027-03-28T12:00:00Z", "2027-03-27T23:00:00Z", "2027-03-28T22:00:00Z")]
    [InlineData("Europe/Berlin", "2027-10-31T12:00:00Z", "2027-10-30T22:00:00Z", "2027-10-31T23:00:00Z")]
    [InlineData("America/New_York", "2027-03-14T12:00:00Z", "2027-03-14T05:00:00Z", "2027-03-15T04:00:00Z")]
    // Chile starts summer time at midnight: 5 September 2027 begins at 01:00 local, the instant the clocks jump.
    [InlineData("America/Santiago", "2027-09-05T12:00:00Z", "2027-09-05T04:00:00Z", "2027-09-06T03:00:00Z")]
    public void Day_IsLocalMidnightToLocalMidnight(string zone, string now, string start, string end)
    {
        var (s, e) = QuotaCalendar.Day(DateTimeOffset.Parse(now, null), TimeZoneInfo.FindSystemTimeZoneById(zone));

        Assert.Equal(DateTimeOffset.Parse(start, null), s);
        Assert.Equal(DateTimeOffset.Parse(end, null), e);
    }

    [Theory]
    [InlineData("UTC", "2026-11-25T12:00:00Z", "2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z")]
    [InlineData("America/New_York", "2026-12-01T02:00:00Z", "2026-11-01T04:00:00Z", "2026-12-01T05:00:00Z")]
    [InlineData("Europe/Berlin", "2027-03-15T12:00:00Z", "2027-02-28T23:00:00Z", "2027-03-31T22:00:00Z")]
    [InlineData("Asia/Tokyo", "2026-12-31T15:00:00Z", "2026-12-31T15:00:00Z", "2027-01-31T15:00:00Z")]
    public void Month_IsTheFirstToTheFirst(string zone, string now, string start, string end)
    {
        var (s, e) = QuotaCalendar.Month(DateTimeOffset.Parse(now, null), TimeZoneInfo.FindSystemTimeZoneById(zone));

        Assert.Equal(DateTimeOffset.Parse(start, null), s);
        Assert.Equal(DateTimeOffset.Parse(end, null), e);
    }
}
