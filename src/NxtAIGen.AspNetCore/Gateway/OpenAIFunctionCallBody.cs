namespace NxtAIGen.AspNetCore.Gateway;

/// <summary>The function of a tool call: its name and arguments as JSON text.</summary>
internal sealed class OpenAIFunctionCallBody
{
    public string? Name { get; set; }

    public string? Arguments { get; set; }
}
