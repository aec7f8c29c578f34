namespace NxtAIGen.Providers.Gemini.Internal;

/// <summary>What a <see cref="GeminiSseRecord"/> holds.</summary>
internal enum GeminiSseRecordKind
{
    /// <summary>The body ended.</summary>
    End,

    /// <summary>An SSE event's data.</summary>
    Event,

    /// <summary>Text that is not SSE: a raw JSON value (Google's mid-stream error object).</summary>
    Raw,
}
