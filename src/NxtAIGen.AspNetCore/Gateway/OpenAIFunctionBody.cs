using System.Text.Json;

namespace NxtAIGen.AspNetCore.Gateway;

/// <summary>A function tool: name, description and JSON schema of its parameters.</summary>
internal sealed class OpenAIFunctionBody
{
    public string? Name { get; set; }

    public string? Description { get; set; }

    public JsonElement? Parameters { get; set; }
}
