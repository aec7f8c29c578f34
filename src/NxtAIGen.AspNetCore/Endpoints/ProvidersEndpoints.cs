using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using NxtAIGen.Abstractions;
using NxtAIGen.AspNetCore.Internal;

namespace NxtAIGen.AspNetCore.Endpoints;

/// <summary><c>GET {prefix}/providers</c> and <c>GET {prefix}/providers/{id}/models</c>.</summary>
internal static class ProvidersEndpoints
{
    public static IResult List(IChatProviderRegistry registry)
    {
        var items = registry.Providers
            .Select(p => new ProviderInfoResponse(p.Id, p.Name, p.Enabled, p.Configured, p.DefaultModel, CapabilitiesResponse.From(p.Capabilities)))
            .ToList();
        return TypedResults.Json(items, NxtAIGenJsonContext.Default.ListProviderInfoResponse);
    }

    public static async Task<IResult> ModelsAsync(
        string id,
        IChatProviderRegistry registry,
        IMemoryCache cache,
        IOptionsMonitor<NxtAIGenOptions> options,
        CancellationToken cancellationToken)
    {
        if (!registry.TryGetDescriptor(id, out var descriptor) || !descriptor.Enabled)
        {
            return ApiProblem.UnknownProvider(id);
        }

        if (!descriptor.Configured)
        {
            // Without a key the service cannot be asked; offer what configuration names.
            return TypedResults.Json(FallbackModels(descriptor), NxtAIGenJsonContext.Default.ListModelInfoResponse);
        }

        var duration = options.CurrentValue.ModelListCacheDuration;
        var cacheKey = $"nxtaigen:models:{descriptor.Id}";
        if (duration > TimeSpan.Zero && cache.TryGetValue(cacheKey, out List<ModelInfoResponse>? cached) && cached is not null)
        {
            return TypedResults.Json(cached, NxtAIGenJsonContext.Default.ListModelInfoResponse);
        }

        IReadOnlyList<ChatModelInfo> models;
        try
        {
            models = await registry.GetProvider(descriptor.Id).ListModelsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NxtAIGenProviderException ex)
        {
            return new ApiProblem(StatusCodes.Status502BadGateway, "provider_error", ex.Message);
        }

        var items = models.Select(m => new ModelInfoResponse(
                m.Id,
                m.Name ?? m.Id,
                m.ContextWindow,
                m.Capabilities is { } c ? CapabilitiesResponse.From(c) : null))
            .ToList();
        if (items.Count == 0)
        {
            items = FallbackModels(descriptor);
        }

        if (duration > TimeSpan.Zero)
        {
            cache.Set(cacheKey, items, duration);
        }

        return TypedResults.Json(items, NxtAIGenJsonContext.Default.ListModelInfoResponse);
    }

    private static List<ModelInfoResponse> FallbackModels(ChatProviderDescriptor descriptor) =>
        descriptor.DefaultModel is { } model ? [new ModelInfoResponse(model, model, null, null)] : [];
}
