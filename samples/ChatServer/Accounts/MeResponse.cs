namespace ChatServer.Accounts;

/// <summary>The body of <c>GET /api/me</c>.</summary>
internal sealed record MeResponse(bool SignedIn, string? Id, string? Email, bool IsAdmin, string? GithubLogin);
