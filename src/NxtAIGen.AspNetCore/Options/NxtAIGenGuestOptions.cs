namespace NxtAIGen.AspNetCore;

/// <summary>
/// The quota of guests, callers with no signed-in user (<c>NxtAIGen:Guest</c>). A guest is identified by an
/// HttpOnly cookie protected with ASP.NET Core Data Protection; a per-IP ceiling keeps a guest who clears cookies
/// from starting over.
/// </summary>
public sealed class NxtAIGenGuestOptions
{
    /// <summary>Gets or sets how many messages a guest may send per <see cref="Window"/> (<c>NxtAIGen:Guest:Limit</c>). Default 5; 0 turns guests away.</summary>
    /// <value>Between 0 and 1,000,000.</value>
    public int Limit { get; set; } = 5;

    /// <summary>Gets or sets the rolling window of the guest quota (<c>NxtAIGen:Guest:Window</c>): each message counts for this long after it was sent. Default <c>1.00:00:00</c>.</summary>
    /// <value>Between 1 minute and 366 days.</value>
    public TimeSpan Window { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// Gets or sets how many guest messages one IP address may send per <see cref="Window"/>, across all guest cookies
    /// (<c>NxtAIGen:Guest:PerIpLimit</c>). Default 20; 0 disables the ceiling. Behind a proxy, configure forwarded headers
    /// so the client's address is seen; requests without a known address are not subject to the ceiling.
    /// </summary>
    /// <value>Between 0 and 1,000,000.</value>
    public int PerIpLimit { get; set; } = 20;

    /// <summary>
    /// Gets or sets whether a guest who cancels an answer after content arrived is charged (<c>NxtAIGen:Guest:ChargeCanceledAfterContent</c>).
    /// Default <see langword="true"/>. A cancellation before any content is never charged.
    /// </summary>
    public bool ChargeCanceledAfterContent { get; set; } = true;

    /// <summary>Gets or sets the name of the guest cookie (<c>NxtAIGen:Guest:CookieName</c>). Default <c>nxtaigen_guest</c>.</summary>
    /// <value>1 to 64 letters, digits, <c>_</c>, <c>-</c> or <c>.</c>.</value>
    public string CookieName { get; set; } = "nxtaigen_guest";

    /// <summary>Gets or sets how long the guest cookie lives (<c>NxtAIGen:Guest:CookieLifetime</c>). Default 365 days.</summary>
    /// <value>Between 1 hour and 3650 days.</value>
    public TimeSpan CookieLifetime { get; set; } = TimeSpan.FromDays(365);
}
