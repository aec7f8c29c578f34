namespace NxtAIGen.Benchmarks;

/// <summary>Takes the answer text out of one event's JSON; <see langword="null"/> when the event carries none.</summary>
/// <param name="json">The event's data (SSE) or line (NDJSON).</param>
/// <returns>The text, or <see langword="null"/>.</returns>
internal delegate string? HandTunedTextExtractor(ReadOnlySpan<byte> json);
