namespace NxtAIGen.AspNetCore;

/// <summary>An admin's override of one user's plan: a plan by name, or custom limits (which win).</summary>
public sealed record UserPlanOverride
{
    /// <summary>Gets the plan name (a key of <c>NxtAIGen:Plans:Definitions</c>); with <see cref="Limits"/>, the name reported to the user (default <c>custom</c>).</summary>
    public string? Plan { get; init; }

    /// <summary>Gets custom limits for this user, instead of a plan's.</summary>
    public PlanLimits? Limits { get; init; }
}
