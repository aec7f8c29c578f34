namespace NxtAIGen.AspNetCore.Quotas;

/// <summary>
/// The bounds of days and months in a time zone, as instants. Daylight-saving safe: a day that skips or repeats an
/// hour is 23 or 25 hours long, and a midnight that does not exist starts the day at the first local time that does.
/// </summary>
internal static class QuotaCalendar
{
    public static (DateTimeOffset Start, DateTimeOffset End) Day(DateTimeOffset now, TimeZoneInfo zone)
    {
        var date = LocalDate(now, zone);
        return (StartOfDay(date, zone), StartOfDay(date.AddDays(1), zone));
    }

    public static (DateTimeOffset Start, DateTimeOffset End) Month(DateTimeOffset now, TimeZoneInfo zone)
    {
        var date = LocalDate(now, zone);
        var first = new DateOnly(date.Year, date.Month, 1);
        return (StartOfDay(first, zone), StartOfDay(first.AddMonths(1), zone));
    }

    public static DateTimeOffset StartOfDay(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // A skipped midnight (clocks jump from 23:59 to 01:00): the day starts when the clocks resume.
        for (var i = 0; i < 24 * 60 && zone.IsInvalidTime(local); i++)
        {
            local = local.AddMinutes(1);
        }

        // A repeated midnight: the day starts at its first occurrence, the one with the larger offset.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    private static DateOnly LocalDate(DateTimeOffset now, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
}
