using NxtAIGen.AspNetCore;

namespace NxtAIGen.Storage.EntityFrameworkCore;

/// <summary>One chat request of the usage log (a row of <c>NxtAIGenUsageRecords</c>); see <see cref="UsageRecord"/>.</summary>
public sealed class UsageRecordEntity
{
    /// <summary>Gets or sets the row id (increasing with insertion).</summary>
    public long Id { get; set; }

    /// <summary>Gets or sets when the request arrived, as UTC ticks.</summary>
    public long TimestampUtcTicks { get; set; }

    /// <summary>Gets or sets whether the caller was a guest or a user.</summary>
    public ChatCallerKind CallerKind { get; set; }

    /// <summary>Gets or sets the user or guest id.</summary>
    public string CallerId { get; set; } = string.Empty;

    /// <summary>Gets or sets the user's plan.</summary>
    public string? Plan { get; set; }

    /// <summary>Gets or sets the provider id.</summary>
    public string Provider { get; set; } = string.Empty;

    /// <summary>Gets or sets the model.</summary>
    public string? Model { get; set; }

    /// <summary>Gets or sets the input tokens.</summary>
    public int? InputTokens { get; set; }

    /// <summary>Gets or sets the output tokens.</summary>
    public int? OutputTokens { get; set; }

    /// <summary>Gets or sets the reasoning tokens.</summary>
    public int? ReasoningTokens { get; set; }

    /// <summary>Gets or sets the time to the first token, in ticks.</summary>
    public long? TimeToFirstTokenTicks { get; set; }

    /// <summary>Gets or sets the duration, in ticks.</summary>
    public long DurationTicks { get; set; }

    /// <summary>Gets or sets the outcome.</summary>
    public string Outcome { get; set; } = string.Empty;

    /// <summary>Gets or sets whether the request was charged.</summary>
    public bool Charged { get; set; }

    /// <summary>Gets or sets the hashed IP address.</summary>
    public string? IpHash { get; set; }
}
