namespace NxtAIGen.AspNetCore.Gateway;

/// <summary>A tool offered in a Chat Completions request (<c>{"type":"function","function":{…}}</c>).</summary>
internal sealed class OpenAIToolBody
{
    public string? Type { get; set; }

    public OpenAIFunctionBody? Function { get; set; }
}
