using System.Text.Json;

namespace NxtAIGen.AspNetCore.Gateway;

/// <summary>The body of <c>POST /v1/chat/completions</c>, as OpenAI's Chat Completions API defines it (the members the gateway reads).</summary>
internal sealed class OpenAIChatCompletionRequest
{
    public string? Model { get; set; }

    public List<OpenAIChatMessage>? Messages { get; set; }

    public bool? Stream { get; set; }

    public OpenAIStreamOptions? StreamOptions { get; set; }

    public List<OpenAIToolBody>? Tools { get; set; }

    /// <summary>A string (<c>none</c>, <c>auto</c>, <c>required</c>) or <c>{"type":"function","function":{"name":…}}</c>.</summary>
    public JsonElement? ToolChoice { get; set; }

    public string? ReasoningEffort { get; set; }

    public int? MaxTokens { get; set; }

    public int? MaxCompletionTokens { get; set; }

    public float? Temperature { get; set; }

    public float? TopP { get; set; }

    /// <summary>A string or an array of strings.</summary>
    public JsonElement? Stop { get; set; }

    public int? N { get; set; }

    public JsonElement? ResponseFormat { get; set; }

    public bool? Logprobs { get; set; }
}
