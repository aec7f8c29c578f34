using System.Text.Json;
using NxtAIGen.Abstractions;
using NxtAIGen.Providers.OpenAI.Internal.Wire;

namespace NxtAIGen.Providers.OpenAI.Internal;

/// <summary>Model listing.</summary>
internal sealed partial class OpenAIChatStreamProvider
{
    public async Task<IReadOnlyList<ChatModelInfo>> ListModelsAsync(CancellationToken cancellationToken = default)
    {
        using var request = CreateRequest(HttpMethod.Get, _modelsUrl);
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var fallback = _settings.Models.Count > 0 ? _settings.Models : _preset.KnownModels;
            if ((int)response.StatusCode == 404 && fallback.Count > 0)
            {
                return [.. fallback.Select(id => new ChatModelInfo(id))];
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

        List<OpenAIModel>? models;
        try
        {
            var span = body.AsSpan();
            var start = span.IndexOfAnyExcept(" \t\r\n"u8);
            models = start >= 0 && span[start] == (byte)'['
                ? JsonSerializer.Deserialize(span, OpenAIJsonContext.Default.ListOpenAIModel)
                : JsonSerializer.Deserialize(span, OpenAIJsonContext.Default.OpenAIModelList)?.Data;
        }
        catch (JsonException ex)
        {
            throw new NxtAIGenProviderException(ProviderErrorKind.Server, Id, $"{Id}: the model list is not valid JSON.", ex);
        }

        return [.. (models ?? []).Where(m => !string.IsNullOrEmpty(m.Id)).Select(m => new ChatModelInfo(m.Id!)
        {
            Name = m.Name,
            ContextWindow = m.ContextWindow ?? m.ContextLength ?? m.MaxContextLength,
        })];
    }
}
