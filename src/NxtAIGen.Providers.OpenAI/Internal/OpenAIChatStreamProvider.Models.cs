using NxtAIGen.Abstractions;
using NxtAIGen.Providers.OpenAI.Internal.Wire;

namespace NxtAIGen.Providers.OpenAI.Internal;

/// <summary>Model listing.</summary>
internal sealed partial class OpenAIChatStreamProvider
{
    public override async Task<IReadOnlyList<ChatModelInfo>> ListModelsAsync(CancellationToken cancellationToken = default)
    {
        var fallback = Settings.Models.Count > 0 ? Settings.Models : _preset.KnownModels;
        var body = await GetBytesAsync(_modelsUrl, notFoundAsNull: fallback.Count > 0, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return [.. fallback.Select(id => new ChatModelInfo(id))];
        }

        var span = body.AsSpan();
        var start = span.IndexOfAnyExcept(" \t\r\n"u8);
        var models = start >= 0 && span[start] == (byte)'['
            ? DeserializeModelList(span, OpenAIJsonContext.Default.ListOpenAIModel)
            : DeserializeModelList(span, OpenAIJsonContext.Default.OpenAIModelList)?.Data;

        return [.. (models ?? []).Where(m => !string.IsNullOrEmpty(m.Id)).Select(m => new ChatModelInfo(m.Id!)
        {
            Name = m.Name,
            ContextWindow = m.ContextWindow ?? m.ContextLength ?? m.MaxContextLength,
        })];
    }
}
