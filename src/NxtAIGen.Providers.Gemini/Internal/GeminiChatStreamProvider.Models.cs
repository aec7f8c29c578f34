using NxtAIGen.Abstractions;
using NxtAIGen.Providers.Gemini.Internal.Wire;

namespace NxtAIGen.Providers.Gemini.Internal;

/// <summary>Model listing: <c>GET {root}/models</c>, page by page.</summary>
internal sealed partial class GeminiChatStreamProvider
{
    private const int PageSize = 1000;
    private const int MaxPages = 20;

    public override async Task<IReadOnlyList<ChatModelInfo>> ListModelsAsync(CancellationToken cancellationToken = default)
    {
        var models = new List<ChatModelInfo>();
        string? pageToken = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var list = await ListPageAsync(pageToken, cancellationToken).ConfigureAwait(false);
            if (list is null)
            {
                // 404: the service (a proxy, say) cannot list; offer the configured ids.
                return [.. Settings.Models.Select(id => new ChatModelInfo(id))];
            }

            foreach (var model in list.Models ?? [])
            {
                if (string.IsNullOrEmpty(model.Name)
                    || model.SupportedGenerationMethods?.Contains("generateContent", StringComparer.Ordinal) != true)
                {
                    continue;
                }

                var id = model.Name.StartsWith("models/", StringComparison.Ordinal) ? model.Name["models/".Length..] : model.Name;
                models.Add(new ChatModelInfo(id)
                {
                    Name = string.IsNullOrEmpty(model.DisplayName) ? null : model.DisplayName,
                    ContextWindow = model.InputTokenLimit,
                });
            }

            if (string.IsNullOrEmpty(list.NextPageToken) || list.NextPageToken == pageToken)
            {
                break;
            }

            pageToken = list.NextPageToken;
        }

        return models;
    }

    private async Task<GeminiModelList?> ListPageAsync(string? pageToken, CancellationToken cancellationToken)
    {
        var url = $"{_apiRoot}/models?pageSize={PageSize}";
        if (pageToken is not null)
        {
            url += "&pageToken=" + Uri.EscapeDataString(pageToken);
        }

        var body = await GetBytesAsync(new Uri(url), notFoundAsNull: Settings.Models.Count > 0, cancellationToken).ConfigureAwait(false);
        return body is null ? null : DeserializeModelList(body, GeminiJsonContext.Default.GeminiModelList) ?? new GeminiModelList();
    }
}
