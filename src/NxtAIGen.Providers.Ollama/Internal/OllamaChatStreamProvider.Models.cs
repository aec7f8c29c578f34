using System.Text.Json;
using NxtAIGen.Abstractions;
using NxtAIGen.Providers.Ollama.Internal.Wire;

namespace NxtAIGen.Providers.Ollama.Internal;

/// <summary>Model listing.</summary>
internal sealed partial class OllamaChatStreamProvider
{
    /// <summary>Lists the models the server has pulled (<c>GET /api/tags</c>), in the server's order.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The models: <c>name</c> as the id, with size and quantization in the display name.</returns>
    public async Task<IReadOnlyList<ChatModelInfo>> ListModelsAsync(CancellationToken cancellationToken = default)
    {
        using var request = CreateRequest(HttpMethod.Get, _tagsUrl);
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            if ((int)response.StatusCode == 404 && _settings.Models.Count > 0)
            {
                return [.. _settings.Models.Select(id => new ChatModelInfo(id))];
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

        OllamaTagList? tags;
        try
        {
            tags = JsonSerializer.Deserialize(body, OllamaJsonContext.Default.OllamaTagList);
        }
        catch (JsonException ex)
        {
            throw new NxtAIGenProviderException(ProviderErrorKind.Server, Id, $"{Id}: the model list is not valid JSON.", ex);
        }

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
