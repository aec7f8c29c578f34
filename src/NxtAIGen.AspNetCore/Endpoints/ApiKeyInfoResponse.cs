namespace NxtAIGen.AspNetCore.Endpoints;

/// <summary>One stored key as listed by <c>GET {prefix}/keys</c>: never the key itself.</summary>
internal sealed record ApiKeyInfoResponse(string Provider, string Masked, DateTimeOffset UpdatedAt)
{
    public static ApiKeyInfoResponse From(StoredApiKey key) => new(key.ProviderId, key.Masked, key.UpdatedAt);
}
