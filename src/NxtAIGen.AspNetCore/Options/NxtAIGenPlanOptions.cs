namespace NxtAIGen.AspNetCore;

/// <summary>
/// Message limits of signed-in users (<c>NxtAIGen:Plans</c>). A user's plan is, in order: an admin override from
/// <see cref="IUserPlanStore"/>, the <see cref="PlanClaimType"/> claim, then <see cref="DefaultPlan"/>.
/// </summary>
public sealed class NxtAIGenPlanOptions
{
    /// <summary>
    /// Gets the plans by name, case-insensitive (<c>NxtAIGen:Plans:Definitions:&lt;name&gt;:Hourly|Daily|Monthly</c>).
    /// Defaults: <c>free</c> 10/30/150, <c>basic</c> 20/50/1000, <c>premium</c> 50/200/5000, <c>ultra</c> 100/-1/-1
    /// (hourly/daily/monthly; -1 unlimited). Configuration adds plans and changes these.
    /// </summary>
    public IDictionary<string, PlanLimits> Definitions { get; } = new Dictionary<string, PlanLimits>(StringComparer.OrdinalIgnoreCase)
    {
        ["free"] = new() { Hourly = 10, Daily = 30, Monthly = 150 },
        ["basic"] = new() { Hourly = 20, Daily = 50, Monthly = 1000 },
        ["premium"] = new() { Hourly = 50, Daily = 200, Monthly = 5000 },
        ["ultra"] = new() { Hourly = 100, Daily = PlanLimits.Unlimited, Monthly = PlanLimits.Unlimited },
    };

    /// <summary>Gets or sets the plan of users with no override and no plan claim (<c>NxtAIGen:Plans:DefaultPlan</c>). Default <c>free</c>.</summary>
    /// <value>A name in <see cref="Definitions"/>.</value>
    public string DefaultPlan { get; set; } = "free";

    /// <summary>Gets or sets the claim type that names a user's plan (<c>NxtAIGen:Plans:PlanClaimType</c>). Default <c>nxtaigen:plan</c>. A claim naming an unknown plan is ignored.</summary>
    public string PlanClaimType { get; set; } = "nxtaigen:plan";

    /// <summary>
    /// Gets or sets the time zone in which days and months start (<c>NxtAIGen:Plans:TimeZone</c>), an IANA id such as
    /// <c>Europe/Berlin</c>. Default <c>UTC</c>. Daylight-saving changes are honoured: a day is 23 or 25 hours when the clocks change.
    /// </summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>
    /// Gets or sets whether a user who cancels an answer after content arrived is charged (<c>NxtAIGen:Plans:ChargeCanceledAfterContent</c>).
    /// Default <see langword="true"/>. A cancellation before any content is never charged.
    /// </summary>
    public bool ChargeCanceledAfterContent { get; set; } = true;
}
