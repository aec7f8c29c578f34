namespace NxtAIGen.Providers.Gemini.Internal;

/// <summary>One record read by <see cref="GeminiSseReader"/>.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Payload">The event's data or the raw text, as UTF-8.</param>
internal readonly record struct GeminiSseRecord(GeminiSseRecordKind Kind, ReadOnlyMemory<byte> Payload);
