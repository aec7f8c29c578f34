using System.Text.Json;
using NxtAIGen.Abstractions;
using NxtAIGen.Providers.Cohere.Internal.Wire;

namespace NxtAIGen.Providers.Cohere.Internal;

/// <summary>Model listing.</summary>
internal sealed partial class CohereChatStreamProvider
{
    private const int MaxModelPages = 10;

    /// <summary>Lists the chat models (<c>GET /v1/models?endpoint=chat</c>, following <c>next_page_token</c>).</summary>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The models, with their context length and capabilities when Cohere states them.</returns>
    public async Task<IReadOnlyList<ChatModelInfo>> ListModelsAsync(CancellationToken cancellationToken = default)
    {
        var models = new List<ChatModelInfo>();
        string? pageToken = null;
        for (var page = 0; page < MaxModelPages; page++)
        {
            var url = pageToken is null ? _modelsUrl : new Uri(_modelsUrl.AbsoluteUri + "&page_token=" + Uri.EscapeDataString(pageToken));
            var list = await GetModelPageAsync(url, cancellationToken).ConfigureAwait(false);
            if (list is null)
            {
                return [.. _settings.Models.Select(id => new ChatModelInfo(id))];
            }

            foreach (var model in list.Models ?? [])
            {
                if (!string.IsNullOrEmpty(model.Name))
                {
                    models.Add(new ChatModelInfo(model.Name)
                    {
                        ContextWindow = model.ContextLength is { } length ? (int)length : null,
                        Capabilities = CapabilitiesOf(model),
                    });
                }
            }

            pageToken = list.NextPageToken;
            if (string.IsNullOrEmpty(pageToken))
            {
                break;
            }
        }

        return models;
    }

    /// <summary>Reads one page; <see langword="null"/> when the service has no model list (404) and models are configured.</summary>
    private async Task<CohereModelList?> GetModelPageAsync(Uri url, CancellationToken cancellationToken)
    {
        using var request = CreateRequest(HttpMethod.Get, url);
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            if ((int)response.StatusCode == 404 && _settings.Models.Count > 0)
            {
                return null;
            }

            throw await ProviderErrors.FromResponseAsync(Id, response, _settings.ApiKey, _timeProvider, cancellationToken).ConfigureAwait(false);
        }

        byte[] body;
        try
        {
            body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            throw ProviderErrors.Network(Id, ex);
        }

        try
        {
            return JsonSerializer.Deserialize(body, CohereJsonContext.Default.CohereModelList) ?? new CohereModelList();
        }
        catch (JsonException ex)
        {
            throw new NxtAIGenProviderException(ProviderErrorKind.Server, Id, $"{Id}: the model list is not valid JSON.", ex);
        }
    }

    private static ChatCapabilities? CapabilitiesOf(CohereModel model)
    {
        if (model.Features is null && model.SupportsVision is null)
        {
            return null;
        }

        var capabilities = ChatCapabilities.None;
        foreach (var feature in model.Features ?? [])
        {
            capabilities |= feature switch
            {
                "tools" or "strict_tools" => ChatCapabilities.Tools,
                "vision" => ChatCapabilities.Vision,
                "reasoning" or "thinking" => ChatCapabilities.Reasoning,
                _ => ChatCapabilities.None,
            };
        }

        if (model.SupportsVision == true)
        {
            capabilities |= ChatCapabilities.Vision;
        }

        return capabilities;
    }
}
