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
    public override async Task<IReadOnlyList<ChatModelInfo>> ListModelsAsync(CancellationToken cancellationToken = default)
    {
        var models = new List<ChatModelInfo>();
        string? pageToken = null;
        for (var page = 0; page < MaxModelPages; page++)
        {
            var url = pageToken is null ? _modelsUrl : new Uri(_modelsUrl.AbsoluteUri + "&page_token=" + Uri.EscapeDataString(pageToken));
            var list = await GetModelPageAsync(url, cancellationToken).ConfigureAwait(false);
            if (list is null)
            {
                return [.. Settings.Models.Select(id => new ChatModelInfo(id))];
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
        var body = await GetBytesAsync(url, notFoundAsNull: Settings.Models.Count > 0, cancellationToken).ConfigureAwait(false);
        return body is null ? null : DeserializeModelList(body, CohereJsonContext.Default.CohereModelList) ?? new CohereModelList();
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
