namespace NxtAIGen.AspNetCore;

/// <summary>One chat request as the usage log keeps it. Never holds a raw IP address, a prompt or an answer.</summary>
public sealed record UsageRecord
{
    /// <summary>Gets when the request arrived.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>Gets whether the caller was a guest or a user.</summary>
    public required ChatCallerKind CallerKind { get; init; }

    /// <summary>Gets the user id, or the guest id.</summary>
    public required string CallerId { get; init; }

    /// <summary>Gets the user's plan; <see langword="null"/> for guests.</summary>
    public string? Plan { get; init; }

    /// <summary>Gets the provider id.</summary>
    public required string Provider { get; init; }

    /// <summary>Gets the model, as the provider reported it when it did, else as requested.</summary>
    public string? Model { get; init; }

    /// <summary>Gets the input tokens the provider reported.</summary>
    public int? InputTokens { get; init; }

    /// <summary>Gets the output tokens the provider reported.</summary>
    public int? OutputTokens { get; init; }

    /// <summary>Gets the reasoning tokens the provider reported.</summary>
    public int? ReasoningTokens { get; init; }

    /// <summary>Gets the time from the request to the first content.</summary>
    public TimeSpan? TimeToFirstToken { get; init; }

    /// <summary>Gets the time from the request to its end.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>Gets how it ended: <c>done</c>, <c>canceled</c>, the <c>error</c> event's code, or the refusal's code (<c>guest_limit</c>, <c>rate_limited</c>).</summary>
    public required string Outcome { get; init; }

    /// <summary>Gets whether the request was charged to the caller's quota.</summary>
    public bool Charged { get; init; }

    /// <summary>Gets the salted SHA-256 (HMAC) of the client's IP address, hex; <see langword="null"/> when unknown.</summary>
    public string? IpHash { get; init; }
}
