namespace NxtAIGen.AspNetCore;

/// <summary>
/// Decides at request time which providers and models may be used, on top of configuration
/// (<c>NxtAIGen:Providers:&lt;id&gt;:Enabled</c>): an admin switching a provider or model off, say. Consulted by
/// <c>GET {prefix}/providers</c> (unavailable providers are left out), <c>GET {prefix}/providers/{id}/models</c>
/// (404 <c>unknown_provider</c> for an unavailable provider, unavailable models left out) and
/// <c>POST {prefix}/chat/stream</c> (404 <c>unknown_provider</c> / 400 <c>invalid_request</c>). The default allows
/// everything; register your own (<c>services.AddSingleton&lt;IProviderAvailability, MyAvailability&gt;()</c>) to replace it.
/// Called on every such request: keep it cheap (cache what you read from a database).
/// </summary>
public interface IProviderAvailability
{
    /// <summary>Whether the provider may be used.</summary>
    /// <param name="providerId">The provider id (as registered).</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns><see langword="true"/> when available.</returns>
    ValueTask<bool> IsProviderAvailableAsync(string providerId, CancellationToken cancellationToken);

    /// <summary>Whether the model of an available provider may be used.</summary>
    /// <param name="providerId">The provider id (as registered).</param>
    /// <param name="modelId">The model id.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns><see langword="true"/> when available.</returns>
    ValueTask<bool> IsModelAvailableAsync(string providerId, string modelId, CancellationToken cancellationToken);
}
