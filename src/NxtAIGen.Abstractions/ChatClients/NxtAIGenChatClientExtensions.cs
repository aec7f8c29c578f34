using NxtAIGen.Abstractions.Internal;
using AI = Microsoft.Extensions.AI;

namespace NxtAIGen.Abstractions;

/// <summary>
/// Bridges NxtAIGen and Microsoft.Extensions.AI both ways: a provider as an <see cref="AI.IChatClient"/> (so that
/// <c>ChatClientBuilder</c> middleware such as function invocation, OpenTelemetry and caching works on top), and any
/// <see cref="AI.IChatClient"/> as a provider.
/// </summary>
/// <remarks>
/// Reasoning signatures travel in <see cref="AI.TextReasoningContent.ProtectedData"/>; redacted reasoning is a
/// <see cref="AI.TextReasoningContent"/> with empty text, its data in <see cref="AI.TextReasoningContent.ProtectedData"/>
/// and the additional property <c>nxtaigen.redacted</c> set to <see langword="true"/>; a tool call's provider signature
/// is the additional property <c>nxtaigen.signature</c> of its <see cref="AI.FunctionCallContent"/>.
/// </remarks>
public static class NxtAIGenChatClientExtensions
{
    /// <summary>
    /// Returns <paramref name="provider"/> as an <see cref="AI.IChatClient"/>, streaming and non-streaming: text, reasoning
    /// (with its signature), tool calls, usage, finish reason, model and response ids. Tools come from
    /// <see cref="AI.ChatOptions.Tools"/> (their JSON schemas); tool results from <see cref="AI.FunctionResultContent"/>;
    /// images and documents from <see cref="AI.DataContent"/>. A <see cref="ChatRequest"/> returned by
    /// <see cref="AI.ChatOptions.RawRepresentationFactory"/> is the base request the options are applied over. Failures
    /// surface as <see cref="NxtAIGenProviderException"/>.
    /// </summary>
    /// <param name="provider">The provider.</param>
    /// <param name="defaultModelId">The model the provider uses when a request names none, for <see cref="AI.ChatClientMetadata"/>.</param>
    /// <returns>The chat client. Disposing it leaves the provider alone.</returns>
    public static AI.IChatClient AsChatClient(this IChatStreamProvider provider, string? defaultModelId = null)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return new StreamProviderChatClient(provider, defaultModelId);
    }

    /// <summary>
    /// Returns <paramref name="client"/> (OllamaSharp, an Azure or OpenAI client, any middleware pipeline) as an
    /// <see cref="IChatStreamProvider"/> with the id <paramref name="id"/>. Its failures surface as
    /// <see cref="NxtAIGenProviderException"/> (HTTP statuses and connection failures mapped to their kinds); a stream the
    /// client ends normally finishes with its finish reason, or <c>stop</c> (<c>tool_calls</c> after a call) when it gives none.
    /// </summary>
    /// <param name="client">The chat client.</param>
    /// <param name="id">The provider id, for example <c>ollama-local</c>.</param>
    /// <param name="options">Capabilities, default model and model listing; <see langword="null"/> for the defaults.</param>
    /// <returns>The provider.</returns>
    public static IChatStreamProvider AsChatStreamProvider(this AI.IChatClient client, string id, ChatClientProviderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(id);
        return new ChatClientStreamProvider(client, id, options ?? new ChatClientProviderOptions());
    }
}
