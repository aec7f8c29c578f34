using System.Text.Json;

namespace NxtAIGen.Abstractions;

/// <summary>A request for a streamed chat answer: the conversation and how to generate.</summary>
public sealed class ChatRequest
{
    /// <summary>Gets the model id; <see langword="null"/> uses the provider's default model.</summary>
    public string? Model { get; init; }

    /// <summary>Gets the conversation, oldest first. System messages may appear anywhere; providers that take one system prompt join them.</summary>
    public IList<ChatMessage> Messages { get; init; } = [];

    /// <summary>Gets the reasoning options, or <see langword="null"/> for the model's default behaviour.</summary>
    public ChatReasoningOptions? Reasoning { get; init; }

    /// <summary>Gets the maximum number of output tokens (including reasoning where the provider counts it so).</summary>
    public int? MaxOutputTokens { get; init; }

    /// <summary>Gets the sampling temperature.</summary>
    public float? Temperature { get; init; }

    /// <summary>Gets the nucleus sampling probability mass.</summary>
    public float? TopP { get; init; }

    /// <summary>Gets sequences that end generation when produced.</summary>
    public IList<string>? StopSequences { get; init; }

    /// <summary>Gets the tools the model may call.</summary>
    public IList<ChatToolDefinition>? Tools { get; init; }

    /// <summary>Gets how the model may use <see cref="Tools"/>; <see langword="null"/> leaves it to the provider (auto).</summary>
    public ChatToolChoice? ToolChoice { get; init; }

    /// <summary>
    /// Gets provider-specific settings, written as top-level members of the provider's request body
    /// (for example <c>"seed"</c> or <c>"keep_alive"</c>). They override members the provider would otherwise write.
    /// </summary>
    public IDictionary<string, JsonElement>? AdditionalProperties { get; init; }
}
