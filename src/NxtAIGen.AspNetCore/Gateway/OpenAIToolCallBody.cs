namespace NxtAIGen.AspNetCore.Gateway;

/// <summary>A tool call in an assistant message of a Chat Completions request.</summary>
internal sealed class OpenAIToolCallBody
{
    public string? Id { get; set; }

    public string? Type { get; set; }

    public OpenAIFunctionCallBody? Function { get; set; }
}
