using NxtAIGen.Abstractions;
using NxtAIGen.Providers.Ollama.Internal.Wire;

namespace NxtAIGen.Providers.Ollama.Internal;

/// <summary>Model listing.</summary>
internal sealed partial class OllamaChatStreamProvider
{
    /// <summary>Lists the models the server has pulled (<c>GET /api/tags</c>), in the server's order.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The models: <c>name</c> as the id, with size and quantization in the display name.</returns>
    public override async Task<IReadOnlyList<ChatModelInfo>> ListModelsAsync(CancellationToken cancellationToken = default)
    {
        var body = await GetBytesAsync(_tagsUrl, notFoundAsNull: Settings.Models.Count > 0, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return [.. Settings.Models.Select(id => new ChatModelInfo(id))];
        }

        var tags = DeserializeModelList(body, OllamaJsonContext.Default.OllamaTagList);
        var models = new List<ChatModelInfo>();
        foreach (var model in tags?.Models ?? [])
        {
            var id = string.IsNullOrEmpty(model.Name) ? model.Model : model.Name;
            if (!string.IsNullOrEmpty(id))
            {
                models.Add(new ChatModelInfo(id) { Name = DisplayName(id, model.Details) });
            }
        }

        return models;
    }

    private static string DisplayName(string id, OllamaModelDetails? details)
    {
        var facts = string.Join(", ", new[] { details?.ParameterSize, details?.QuantizationLevel }.Where(f => !string.IsNullOrEmpty(f)));
        return facts.Length == 0 ? id : $"{id} ({facts})";
    }
}
