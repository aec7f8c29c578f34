using NxtAIGen.Abstractions;

namespace NxtAIGen.Providers.Cohere.Internal;

/// <summary>Maps Cohere's <c>finish_reason</c> values (ERROR and TIMEOUT are stream errors, not finishes).</summary>
internal static class CohereFinishReasons
{
    /// <summary>Maps a raw value.</summary>
    /// <param name="raw">The provider's value.</param>
    /// <returns>The unified reason.</returns>
    public static ChatFinishReason Map(string? raw) => raw switch
    {
        null or "COMPLETE" or "STOP_SEQUENCE" => ChatFinishReason.Stop,
        "MAX_TOKENS" => ChatFinishReason.Length,
        "TOOL_CALL" => ChatFinishReason.ToolCalls,
        _ => ChatFinishReason.Other,
    };
}
