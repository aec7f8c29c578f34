namespace NxtAIGen.AspNetCore.Requests;

/// <summary>One message of a chat request body.</summary>
internal sealed class ChatMessageBody
{
    public string? Role { get; set; }

    public string? Content { get; set; }

    public List<ChatFileBody>? Files { get; set; }
}
