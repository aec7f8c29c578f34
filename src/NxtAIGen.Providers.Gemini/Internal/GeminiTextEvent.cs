namespace NxtAIGen.Providers.Gemini.Internal;

/// <summary>What <see cref="GeminiTextEventReader"/> takes out of a plain text event.</summary>
/// <param name="Text">The text of candidate 0's only part (possibly empty or <see langword="null"/>).</param>
/// <param name="HasUsage">Whether the event carried at least one token count.</param>
/// <param name="PromptTokenCount">The <c>usageMetadata.promptTokenCount</c>.</param>
/// <param name="CandidatesTokenCount">The <c>usageMetadata.candidatesTokenCount</c>.</param>
/// <param name="ThoughtsTokenCount">The <c>usageMetadata.thoughtsTokenCount</c>.</param>
/// <param name="CachedContentTokenCount">The <c>usageMetadata.cachedContentTokenCount</c>.</param>
internal readonly record struct GeminiTextEvent(
    string? Text, bool HasUsage, int? PromptTokenCount, int? CandidatesTokenCount, int? ThoughtsTokenCount, int? CachedContentTokenCount);
