namespace ChatServer.Admin;

/// <summary>One account on the admin page.</summary>
internal sealed record AdminUserResponse(string Id, string? Email, bool IsAdmin, string Plan, PlanOverrideBody? Override, bool LockedOut, DateTimeOffset CreatedAt);
