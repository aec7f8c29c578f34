namespace ChatServer.Admin;

/// <summary>One provider on the admin page.</summary>
internal sealed record AdminProviderResponse(string Id, string Name, bool Enabled, bool Configured, List<string> DisabledModels);
