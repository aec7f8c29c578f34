using System.Text.Json;

namespace NxtAIGen.Providers.Cohere.Internal.Wire;

/// <summary>The data of one v2 chat stream event (<c>message-start</c>, <c>content-delta</c>, ...). Unknown members are ignored.</summary>
internal sealed class CohereStreamPayload
{
    public string? Type { get; set; }

    /// <summary>Gets or sets the response id (<c>message-start</c>).</summary>
    public string? Id { get; set; }

    /// <summary>Gets or sets the index of the content block, tool call or citation the event belongs to.</summary>
    public int? Index { get; set; }

    public CohereDelta? Delta { get; set; }

    /// <summary>Gets or sets the message of an error object sent in place of an event.</summary>
    public string? Message { get; set; }

    /// <summary>Gets or sets an error sent in place of an event: a string or an object.</summary>
    public JsonElement? Error { get; set; }
}
