using NxtAIGen.Abstractions;
using NxtAIGen.Providers.Anthropic.Internal.Wire;

namespace NxtAIGen.Providers.Anthropic.Internal;

/// <summary>Model listing: <c>GET {BaseUrl}/v1/models</c>, page by page.</summary>
internal sealed partial class AnthropicChatStreamProvider
{
    private const int ModelsPageSize = 1000;
    private const int MaxModelPages = 20;

    public override async Task<IReadOnlyList<ChatModelInfo>> ListModelsAsync(CancellationToken cancellationToken = default)
    {
        var models = new List<ChatModelInfo>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? after = null;
        for (var page = 0; page < MaxModelPages; page++)
        {
            var url = $"{_modelsUrl}?limit={ModelsPageSize}" + (after is null ? string.Empty : "&after_id=" + Uri.EscapeDataString(after));
            var list = await GetModelPageAsync(new Uri(url), page == 0, cancellationToken).ConfigureAwait(false);
            if (list is null)
            {
                var fallback = Settings.Models.Count > 0 ? Settings.Models : AnthropicDefaults.KnownModels;
                return [.. fallback.Select(id => new ChatModelInfo(id))];
            }

            foreach (var model in list.Data ?? [])
            {
                if (!string.IsNullOrEmpty(model.Id) && seen.Add(model.Id))
                {
                    models.Add(new ChatModelInfo(model.Id) { Name = string.IsNullOrEmpty(model.DisplayName) ? null : model.DisplayName });
                }
            }

            if (!list.HasMore || string.IsNullOrEmpty(list.LastId) || list.LastId == after)
            {
                break;
            }

            after = list.LastId;
        }

        return models;
    }

    /// <summary>Reads one page; <see langword="null"/> when the first page is a 404 (a gateway without model listing).</summary>
    private async Task<AnthropicModelList?> GetModelPageAsync(Uri url, bool firstPage, CancellationToken cancellationToken)
    {
        var body = await GetBytesAsync(url, notFoundAsNull: firstPage, cancellationToken).ConfigureAwait(false);
        return body is null ? null : DeserializeModelList(body, AnthropicJsonContext.Default.AnthropicModelList) ?? new AnthropicModelList();
    }
}
