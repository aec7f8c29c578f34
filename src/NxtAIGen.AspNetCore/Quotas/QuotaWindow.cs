namespace NxtAIGen.AspNetCore;

/// <summary>
/// One counter of a quota reservation, for example a guest's rolling day, an IP address's ceiling, or a user's
/// hour, day or month. The caller computes the window (with its clock and time zone); stores only count.
/// </summary>
/// <param name="Name">The window's name as clients see it: <c>guest</c>, <c>ip</c>, <c>hourly</c>, <c>daily</c>, <c>monthly</c>.</param>
/// <param name="Key">The storage key of the counter, for example <c>user:42:daily</c>. Never contains a raw IP address.</param>
/// <param name="Limit">The most uses the window allows; <see cref="PlanLimits.Unlimited"/> (-1) for no limit (uses are still counted).</param>
/// <param name="Start">Uses made at or after this instant count (for a rolling window: after it, so a use drops out exactly one length after it was made).</param>
/// <param name="End">
/// For a fixed window (<paramref name="Rolling"/> false), the instant it resets: every use counted in it drops at once.
/// For a rolling window, the present: each use drops out <c>End - Start</c> after it was made.
/// </param>
/// <param name="Rolling">Whether the window slides with time (guest windows, the hourly window) rather than resetting at <paramref name="End"/>.</param>
public sealed record QuotaWindow(string Name, string Key, long Limit, DateTimeOffset Start, DateTimeOffset End, bool Rolling)
{
    /// <summary>Gets the length of the window.</summary>
    public TimeSpan Length => End - Start;
}
