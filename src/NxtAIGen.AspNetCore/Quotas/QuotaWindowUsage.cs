namespace NxtAIGen.AspNetCore;

/// <summary>The state of one <see cref="QuotaWindow"/>: pending reservations count as used.</summary>
/// <param name="Name">The window's name (<c>guest</c>, <c>ip</c>, <c>hourly</c>, <c>daily</c>, <c>monthly</c>).</param>
/// <param name="Limit">The limit; -1 for unlimited.</param>
/// <param name="Used">The uses counted in the window, committed and pending.</param>
/// <param name="Remaining">The uses left; -1 when the window is unlimited.</param>
/// <param name="ResetAt">
/// When the window frees a use: the end of a fixed window; for a rolling window, when its oldest counted use drops out
/// (or, with none, one window length from now).
/// </param>
public sealed record QuotaWindowUsage(string Name, long Limit, long Used, long Remaining, DateTimeOffset ResetAt)
{
    /// <summary>Gets whether the window is unlimited.</summary>
    public bool IsUnlimited => Limit < 0;
}
