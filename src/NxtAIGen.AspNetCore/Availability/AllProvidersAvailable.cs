namespace NxtAIGen.AspNetCore.Availability;

/// <summary>The default <see cref="IProviderAvailability"/>: everything configuration enables is available.</summary>
internal sealed class AllProvidersAvailable : IProviderAvailability
{
    public ValueTask<bool> IsProviderAvailableAsync(string providerId, CancellationToken cancellationToken) => ValueTask.FromResult(true);

    public ValueTask<bool> IsModelAvailableAsync(string providerId, string modelId, CancellationToken cancellationToken) => ValueTask.FromResult(true);
}
