using NxtAIGen.Abstractions;

namespace NxtAIGen.Providers.OpenAI.Internal;

/// <summary>Maps OpenAI-style <c>finish_reason</c> values.</summary>
internal static class OpenAIFinishReasons
{
    /// <summary>Maps a raw value; <see langword="null"/> (a <c>[DONE]</c> without a reason) is a normal stop.</summary>
    /// <param name="raw">The provider's value.</param>
    /// <returns>The unified reason.</returns>
    public static ChatFinishReason Map(string? raw) => raw switch
    {
        null or "stop" or "eos" or "end_turn" or "stop_sequence" => ChatFinishReason.Stop,
        "length" or "max_tokens" => ChatFinishReason.Length,
        "tool_calls" or "function_call" => ChatFinishReason.ToolCalls,
        "content_filter" => ChatFinishReason.ContentFilter,
        _ => ChatFinishReason.Other,
    };
}
