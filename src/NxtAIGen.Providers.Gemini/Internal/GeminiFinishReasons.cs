using NxtAIGen.Abstractions;

namespace NxtAIGen.Providers.Gemini.Internal;

/// <summary>Maps Gemini <c>finishReason</c> values.</summary>
internal static class GeminiFinishReasons
{
    /// <summary>Maps a raw value.</summary>
    /// <param name="raw">The provider's value, for example <c>STOP</c> or <c>MAX_TOKENS</c>.</param>
    /// <param name="calledTools">Whether the answer contained function calls (a <c>STOP</c> then means they wait for results).</param>
    /// <returns>The unified reason.</returns>
    public static ChatFinishReason Map(string raw, bool calledTools) => raw switch
    {
        "STOP" => calledTools ? ChatFinishReason.ToolCalls : ChatFinishReason.Stop,
        "MAX_TOKENS" => ChatFinishReason.Length,
        "SAFETY" or "RECITATION" or "BLOCKLIST" or "PROHIBITED_CONTENT" or "SPII" or "IMAGE_SAFETY"
            or "IMAGE_PROHIBITED_CONTENT" or "IMAGE_RECITATION" => ChatFinishReason.ContentFilter,
        _ => ChatFinishReason.Other, // MALFORMED_FUNCTION_CALL, LANGUAGE, UNEXPECTED_TOOL_CALL, TOO_MANY_TOOL_CALLS, OTHER, ...
    };
}
