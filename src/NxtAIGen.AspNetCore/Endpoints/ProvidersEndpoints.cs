using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using NxtAIGen.Abstractions;
using NxtAIGen.AspNetCore.Internal;

namespace NxtAIGen.AspNetCore.Endpoints;

/// <summary><c>GET {prefix}/providers</c> and <c>GET {prefix}/providers/{id}/models</c>.</summary>
internal static class ProvidersEndpoints
{
    /// <summary>A provider is <c>configured</c> for the caller when configuration, an admin's stored key or the caller's own key makes it usable.</summary>
    public static async Task<IResult> ListAsync(HttpContext context, IChatProviderRegistry registry, ICallerResolver callers, IApiKeyStore keys, IProviderAvailability availability)
    {
        var cancellationToken = context.RequestAborted;
        var caller = await callers.ResolveAsync(context).ConfigureAwait(false);
        var stored = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in await keys.ListAsync(ApiKeyOwner.Server, cancellationToken).ConfigureAwait(false))
        {
            stored.Add(key.ProviderId);
        }

        if (caller.IsUser)
        {
            foreach (var key in await keys.ListAsync(ApiKeyOwner.ForUser(caller.Id), cancellationToken).ConfigureAwait(false))
            {
                stored.Add(key.ProviderId);
            }
        }

        var items = new List<ProviderInfoResponse>();
        foreach (var p in registry.Providers)
        {
            if (await availability.IsProviderAvailableAsync(p.Id, cancellationToken).ConfigureAwait(false))
            {
                items.Add(new ProviderInfoResponse(p.Id, p.Name, p.Enabled, p.Configured || stored.Contains(p.Id), p.DefaultModel, CapabilitiesResponse.From(p.Capabilities)));
            }
        }

        return TypedResults.Json(items, NxtAIGenJsonContext.Default.ListProviderInfoResponse);
    }

    public static async Task<IResult> ModelsAsync(
        string id,
        HttpContext context,
        IChatProviderRegistry registry,
        ICallerResolver callers,
        IProviderKeyResolver keys,
        ModelListCache cache,
        IOptionsMonitor<NxtAIGenOptions> options,
        IProviderAvailability availability)
    {
        var cancellationToken = context.RequestAborted;
        if (!registry.TryGetDescriptor(id, out var descriptor) || !descriptor.Enabled
            || !await availability.IsProviderAvailableAsync(descriptor.Id, cancellationToken).ConfigureAwait(false))
        {
            return ApiProblem.UnknownProvider(id);
        }

        var caller = await callers.ResolveAsync(context).ConfigureAwait(false);
        var credentials = await keys.ResolveCredentialsAsync(caller, descriptor.Id, cancellationToken).ConfigureAwait(false);
        if (credentials is null && !descriptor.Configured)
        {
            // Without a key the service cannot be asked; offer what configuration names.
            var fallback = await AvailableAsync(descriptor.Id, FallbackModels(descriptor), availability, cancellationToken).ConfigureAwait(false);
            return TypedResults.Json(fallback, NxtAIGenJsonContext.Default.ListModelInfoResponse);
        }

        var (items, problem) = await GetModelsAsync(descriptor, credentials, registry, cache, options.CurrentValue.ModelListCacheDuration, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var available = await AvailableAsync(descriptor.Id, items!, availability, cancellationToken).ConfigureAwait(false);
        return TypedResults.Json(available, NxtAIGenJsonContext.Default.ListModelInfoResponse);
    }

    /// <summary>The provider's models as the caller's credentials (or configuration) see them, cached per key.</summary>
    internal static async Task<(List<ModelInfoResponse>? Models, ApiProblem? Problem)> GetModelsAsync(
        ChatProviderDescriptor descriptor,
        ProviderCredentials? credentials,
        IChatProviderRegistry registry,
        ModelListCache cache,
        TimeSpan duration,
        CancellationToken cancellationToken)
    {
        // Lists can differ per key, so a stored key gets its own entry (named by a hash, never the key).
        var cacheKey = credentials is null
            ? $"nxtaigen:models:{descriptor.Id}"
            : $"nxtaigen:models:{descriptor.Id}:{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(credentials.ApiKey + "|" + credentials.BaseUrl)), 0, 8)}";
        if (duration > TimeSpan.Zero && await cache.GetAsync(cacheKey, cancellationToken).ConfigureAwait(false) is { } cached)
        {
            return (cached, null);
        }

        IReadOnlyList<ChatModelInfo> models;
        try
        {
            models = await registry.GetProvider(descriptor.Id, credentials?.ApiKey, credentials?.BaseUrl).ListModelsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NxtAIGenProviderException ex)
        {
            return (null, new ApiProblem(StatusCodes.Status502BadGateway, "provider_error", ex.Message));
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
            await cache.SetAsync(cacheKey, items, duration, cancellationToken).ConfigureAwait(false);
        }

        return (items, null);
    }

    /// <summary>The models the availability hook allows; filtered after the cache so a change applies at once.</summary>
    internal static async Task<List<ModelInfoResponse>> AvailableAsync(string providerId, List<ModelInfoResponse> models, IProviderAvailability availability, CancellationToken cancellationToken)
    {
        var available = new List<ModelInfoResponse>(models.Count);
        foreach (var model in models)
        {
            if (await availability.IsModelAvailableAsync(providerId, model.Id, cancellationToken).ConfigureAwait(false))
            {
                available.Add(model);
            }
        }

        return available;
    }

    internal static List<ModelInfoResponse> FallbackModels(ChatProviderDescriptor descriptor) =>
        descriptor.DefaultModel is { } model ? [new ModelInfoResponse(model, model, null, null)] : [];
}
