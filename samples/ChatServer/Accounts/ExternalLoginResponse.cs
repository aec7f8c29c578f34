namespace ChatServer.Accounts;

/// <summary>One configured external sign-in of <c>GET /api/auth/external</c>.</summary>
internal sealed record ExternalLoginResponse(string Provider, string DisplayName, string Url);
