namespace NxtAIGen.Abstractions;

/// <summary>
/// A chat model service that streams its answer. One implementation per wire format
/// (OpenAI, Anthropic, Gemini, ...); an instance is bound to one provider id and its settings.
/// </summary>
/// <remarks>
/// Implementations validate their arguments eagerly, send the upstream request only when the
/// returned sequence is enumerated, and surface failures as <see cref="NxtAIGenProviderException"/>.
/// Cancellation always surfaces as <see cref="OperationCanceledException"/>.
/// </remarks>
public interface IChatStreamProvider
{
    /// <summary>Gets the provider id, for example <c>openai</c> or <c>demo</c>.</summary>
    string Id { get; }

    /// <summary>Gets what the provider accepts: images, documents, reasoning options, tools.</summary>
    ChatCapabilities Capabilities { get; }

    /// <summary>Streams the answer to <paramref name="request"/>.</summary>
    /// <param name="request">The conversation and generation options.</param>
    /// <param name="cancellationToken">Cancels the upstream request.</param>
    /// <returns>The answer as it arrives: text, reasoning, tool calls, usage, then finish.</returns>
    /// <exception cref="NxtAIGenProviderException">The provider refused the request or failed mid-stream.</exception>
    IAsyncEnumerable<ChatChunk> StreamAsync(ChatRequest request, CancellationToken cancellationToken = default);

    /// <summary>Lists the models the provider offers to the configured key.</summary>
    /// <param name="cancellationToken">Cancels the upstream request.</param>
    /// <returns>The models, in the provider's order.</returns>
    Task<IReadOnlyList<ChatModelInfo>> ListModelsAsync(CancellationToken cancellationToken = default);
}
