namespace ChatServer.Admin;

/// <summary>The body of <c>PUT /api/admin/providers/{id}</c>: what is given changes, what is left out stays.</summary>
internal sealed record AdminProviderBody(bool? Enabled, List<string>? DisabledModels);
