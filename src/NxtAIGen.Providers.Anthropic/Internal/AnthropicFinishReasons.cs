using NxtAIGen.Abstractions;

namespace NxtAIGen.Providers.Anthropic.Internal;

/// <summary>Maps Anthropic <c>stop_reason</c> values.</summary>
internal static class AnthropicFinishReasons
{
    /// <summary>Maps a raw value; <see langword="null"/> (a <c>message_stop</c> without a reason) is a normal stop.</summary>
    /// <param name="raw">The provider's value.</param>
    /// <returns>The unified reason.</returns>
    public static ChatFinishReason Map(string? raw) => raw switch
    {
        null or "end_turn" or "stop_sequence" => ChatFinishReason.Stop,
        "max_tokens" or "model_context_window_exceeded" => ChatFinishReason.Length,
        "tool_use" => ChatFinishReason.ToolCalls,
        "refusal" => ChatFinishReason.ContentFilter,
        _ => ChatFinishReason.Other, // pause_turn and anything newer.
    };
}
