namespace NxtAIGen.AspNetCore.Requests;

/// <summary>A file attached to a message: name, media type and base64 data.</summary>
internal sealed class ChatFileBody
{
    public string? Name { get; set; }

    public string? MediaType { get; set; }

    public string? Data { get; set; }
}
