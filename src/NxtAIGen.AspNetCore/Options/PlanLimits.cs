namespace NxtAIGen.AspNetCore;

/// <summary>The message limits of one plan (<c>NxtAIGen:Plans:Definitions:&lt;name&gt;</c>); -1 means unlimited.</summary>
public sealed class PlanLimits
{
    /// <summary>Unlimited.</summary>
    public const int Unlimited = -1;

    /// <summary>Gets or sets the messages per sliding hour. Default 10.</summary>
    /// <value>-1 (unlimited) or between 1 and 1,000,000,000.</value>
    public int Hourly { get; set; } = 10;

    /// <summary>Gets or sets the messages per day; the day starts at midnight in <see cref="NxtAIGenPlanOptions.TimeZone"/>. Default 30.</summary>
    /// <value>-1 (unlimited) or between 1 and 1,000,000,000.</value>
    public int Daily { get; set; } = 30;

    /// <summary>Gets or sets the messages per calendar month; the month starts on the 1st at midnight in <see cref="NxtAIGenPlanOptions.TimeZone"/>. Default 150.</summary>
    /// <value>-1 (unlimited) or between 1 and 1,000,000,000.</value>
    public int Monthly { get; set; } = 150;
}
