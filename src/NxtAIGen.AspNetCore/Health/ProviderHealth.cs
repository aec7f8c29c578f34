namespace NxtAIGen.AspNetCore.Health;

/// <summary>The result of probing one provider: whether it answered, and a description safe to show (never a key).</summary>
internal sealed record ProviderHealth(string ProviderId, bool Healthy, string Description);
