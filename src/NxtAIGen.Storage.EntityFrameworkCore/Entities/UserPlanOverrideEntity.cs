namespace NxtAIGen.Storage.EntityFrameworkCore;

/// <summary>An admin's plan override for one user (a row of <c>NxtAIGenUserPlanOverrides</c>).</summary>
public sealed class UserPlanOverrideEntity
{
    /// <summary>Gets or sets the user id.</summary>
    public string UserId { get; set; } = string.Empty;

    /// <summary>Gets or sets the plan name.</summary>
    public string? Plan { get; set; }

    /// <summary>Gets or sets whether custom limits are set (then <see cref="Hourly"/>, <see cref="Daily"/> and <see cref="Monthly"/> hold them).</summary>
    public bool HasLimits { get; set; }

    /// <summary>Gets or sets the custom hourly limit.</summary>
    public int Hourly { get; set; }

    /// <summary>Gets or sets the custom daily limit.</summary>
    public int Daily { get; set; }

    /// <summary>Gets or sets the custom monthly limit.</summary>
    public int Monthly { get; set; }
}
