using System.Text.Json;

namespace NxtAIGen.Providers.OpenAI.Internal.Wire;

/// <summary>One <c>chat.completion.chunk</c> event (or an error object sent in its place). Unknown members are ignored.</summary>
internal sealed class OpenAIChatCompletionChunk
{
    public string? Id { get; set; }

    public string? Model { get; set; }

    public List<OpenAIChunkChoice>? Choices { get; set; }

    public OpenAIUsage? Usage { get; set; }

    /// <summary>Gets or sets an in-stream error: an object (<c>type</c>/<c>code</c>, <c>message</c>) or a string.</summary>
    public JsonElement? Error { get; set; }

    /// <summary>Gets or sets Perplexity's source URLs (repeated on every chunk).</summary>
    public List<string>? Citations { get; set; }

    /// <summary>Gets or sets Groq's extra object, whose <c>usage</c> duplicates the standard one.</summary>
    public OpenAIXGroq? XGroq { get; set; }
}
