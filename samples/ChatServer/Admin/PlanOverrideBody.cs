namespace ChatServer.Admin;

/// <summary>A user's plan override: a plan by name and/or custom limits. All members <see langword="null"/> clears it.</summary>
internal sealed record PlanOverrideBody(string? Plan, int? Hourly, int? Daily, int? Monthly);
