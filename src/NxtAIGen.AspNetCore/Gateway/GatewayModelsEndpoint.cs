using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Memory;
using NxtAIGen.AspNetCore.Endpoints;

namespace NxtAIGen.AspNetCore.Gateway;

/// <summary>
/// <c>GET /v1/models</c>: every enabled provider the caller can use (configured, or with a stored key for them), each
/// model as <c>provider/model</c>, in OpenAI's list shape. A provider whose listing fails offers its default model.
/// </summary>
internal static class GatewayModelsEndpoint
{
    public static async Task HandleAsync(HttpContext context, GatewayEndpointServices s, IMemoryCache cache)
    {
        var (gatewayCaller, refusal) = await s.Authenticator.AuthenticateAsync(context).ConfigureAwait(false);
        if (refusal is not null)
        {
            await refusal.ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        var caller = gatewayCaller!.Caller;
        var cancellationToken = context.RequestAborted;
        var duration = s.Options.CurrentValue.ModelListCacheDuration;
        var lists = new List<Task<(string Provider, List<ModelInfoResponse> Models)>>();
        foreach (var descriptor in s.Registry.Providers.Where(p => p.Enabled))
        {
            if (!await s.Availability.IsProviderAvailableAsync(descriptor.Id, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            var credentials = await s.Keys.ResolveCredentialsAsync(caller, descriptor.Id, cancellationToken).ConfigureAwait(false);
            if (credentials is null && !descriptor.Configured)
            {
                continue;
            }

            lists.Add(ListAsync(descriptor, credentials));
        }

        var all = await Task.WhenAll(lists).ConfigureAwait(false);
        var created = s.TimeProvider.GetUtcNow().ToUnixTimeSeconds();
        var response = context.Response;
        response.ContentType = "application/json; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        var json = new System.Text.Json.Utf8JsonWriter(response.BodyWriter, OpenAIWire.JsonOptions);
        await using (json.ConfigureAwait(false))
        {
            json.WriteStartObject();
            json.WriteString("object"u8, "list"u8);
            json.WriteStartArray("data"u8);
            foreach (var (provider, models) in all)
            {
                foreach (var model in models)
                {
                    json.WriteStartObject();
                    json.WriteString("id"u8, provider + "/" + model.Id);
                    json.WriteString("object"u8, "model"u8);
                    json.WriteNumber("created"u8, created);
                    json.WriteString("owned_by"u8, provider);
                    json.WriteEndObject();
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        await response.BodyWriter.FlushAsync(cancellationToken).ConfigureAwait(false);

        async Task<(string, List<ModelInfoResponse>)> ListAsync(NxtAIGen.Abstractions.ChatProviderDescriptor descriptor, ProviderCredentials? credentials)
        {
            var (models, problem) = await ProvidersEndpoints.GetModelsAsync(descriptor, credentials, s.Registry, cache, duration, cancellationToken).ConfigureAwait(false);
            var listed = problem is null ? models! : ProvidersEndpoints.FallbackModels(descriptor);
            return (descriptor.Id, await ProvidersEndpoints.AvailableAsync(descriptor.Id, listed, s.Availability, cancellationToken).ConfigureAwait(false));
        }
    }
}
