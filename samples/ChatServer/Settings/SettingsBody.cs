namespace ChatServer.Settings;

/// <summary>The body of <c>GET|PUT /api/settings</c>.</summary>
internal sealed record SettingsBody(string? DefaultProvider, string? DefaultModel);
