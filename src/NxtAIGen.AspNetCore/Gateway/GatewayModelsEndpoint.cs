using Microsoft.AspNetCore.Http;
using NxtAIGen.AspNetCore.Endpoints;

namespace NxtAIGen.AspNetCore.Gateway;

/// <summary>
/// <c>GET /v1/models</c>: every enabled provider the caller can use (configured, or with a stored key for them), each
/// model as <c>provider/model</c>, in OpenAI's list shape. A provider whose listing fails offers its default model.
/// </summary>
internal static class GatewayModelsEndpoint
{
    public static async Task HandleAsync(HttpContext context, GatewayEndpointServices s, ModelListCache cache)
    {
        var (gatewayCaller, refusal) = await s.Authenticator.AuthenticateAsync(context).ConfigureAwait(false);
        if (refusal is not null)
        {
            await refusal.ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        var all = await ListAllAsync(gatewayCaller!.Caller, s, cache, context.RequestAborted).ConfigureAwait(false);
        var created = s.TimeProvider.GetUtcNow().ToUnixTimeSeconds();
        await WriteAsync(context, json =>
        {
            json.WriteStartObject();
            json.WriteString("object"u8, "list"u8);
            json.WriteStartArray("data"u8);
            foreach (var (provider, models) in all)
            {
                foreach (var model in models)
                {
                    WriteModel(json, provider, model.Id, created);
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }).ConfigureAwait(false);
    }

    /// <summary><c>GET /v1/models/{provider/model}</c>: one model object, or 404 <c>model_not_found</c>.</summary>
    public static async Task RetrieveAsync(string id, HttpContext context, GatewayEndpointServices s, ModelListCache cache)
    {
        var (gatewayCaller, refusal) = await s.Authenticator.AuthenticateAsync(context).ConfigureAwait(false);
        if (refusal is not null)
        {
            await refusal.ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        var all = await ListAllAsync(gatewayCaller!.Caller, s, cache, context.RequestAborted).ConfigureAwait(false);
        var match = all.SelectMany(p => p.Models.Select(m => (p.Provider, m.Id)))
            .FirstOrDefault(m => string.Equals(m.Provider + "/" + m.Id, id, StringComparison.OrdinalIgnoreCase));
        if (match.Provider is null)
        {
            await OpenAIError.ModelNotFound(id).ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        var created = s.TimeProvider.GetUtcNow().ToUnixTimeSeconds();
        await WriteAsync(context, json => WriteModel(json, match.Provider, match.Id, created)).ConfigureAwait(false);
    }

    private static void WriteModel(System.Text.Json.Utf8JsonWriter json, string provider, string model, long created)
    {
        json.WriteStartObject();
        json.WriteString("id"u8, provider + "/" + model);
        json.WriteString("object"u8, "model"u8);
        json.WriteNumber("created"u8, created);
        json.WriteString("owned_by"u8, provider);
        json.WriteEndObject();
    }

    private static async Task WriteAsync(HttpContext context, Action<System.Text.Json.Utf8JsonWriter> write)
    {
        var response = context.Response;
        response.ContentType = "application/json; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        var json = new System.Text.Json.Utf8JsonWriter(response.BodyWriter, OpenAIWire.JsonOptions);
        await using (json.ConfigureAwait(false))
        {
            write(json);
        }

        await response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task<(string Provider, List<ModelInfoResponse> Models)[]> ListAllAsync(ChatCaller caller, GatewayEndpointServices s, ModelListCache cache, CancellationToken cancellationToken)
    {
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

        return await Task.WhenAll(lists).ConfigureAwait(false);

        async Task<(string, List<ModelInfoResponse>)> ListAsync(NxtAIGen.Abstractions.ChatProviderDescriptor descriptor, ProviderCredentials? credentials)
        {
            var (models, problem) = await ProvidersEndpoints.GetModelsAsync(descriptor, credentials, s.Registry, cache, duration, cancellationToken).ConfigureAwait(false);
            var listed = problem is null ? models! : ProvidersEndpoints.FallbackModels(descriptor);
            return (descriptor.Id, await ProvidersEndpoints.AvailableAsync(descriptor.Id, listed, s.Availability, cancellationToken).ConfigureAwait(false));
        }
    }
}
