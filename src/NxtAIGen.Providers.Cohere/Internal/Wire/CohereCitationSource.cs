using System.Text.Json;

namespace NxtAIGen.Providers.Cohere.Internal.Wire;

/// <summary>What a citation points at: a <c>document</c> or a <c>tool</c> output, by id.</summary>
internal sealed class CohereCitationSource
{
    public string? Type { get; set; }

    public string? Id { get; set; }

    public JsonElement? Document { get; set; }

    public JsonElement? ToolOutput { get; set; }
}
