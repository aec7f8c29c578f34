using System.Text.Json.Serialization;

namespace NxtAIGen.Providers.OpenAI.Internal.Wire;

/// <summary>What a choice adds in one chunk.</summary>
internal sealed class OpenAIChunkDelta
{
    /// <summary>Gets or sets the content: a string, or (Mistral magistral) an array of <c>text</c>/<c>thinking</c> blocks.</summary>
    [JsonConverter(typeof(OpenAIDeltaContentConverter))]
    public OpenAIDeltaContent Content { get; set; }

    /// <summary>Gets or sets DeepSeek/xAI/Moonshot reasoning text.</summary>
    [JsonConverter(typeof(OpenAILenientStringConverter))]
    public string? ReasoningContent { get; set; }

    /// <summary>Gets or sets Groq/OpenRouter/vLLM reasoning text.</summary>
    [JsonConverter(typeof(OpenAILenientStringConverter))]
    public string? Reasoning { get; set; }

    [JsonConverter(typeof(OpenAILenientStringConverter))]
    public string? Refusal { get; set; }

    public List<OpenAIToolCallDelta>? ToolCalls { get; set; }
}
