using System.Text.Json;
using System.Text.Json.Serialization;

namespace NxtAIGen.AspNetCore.Requests;

/// <summary>The JSON body of <c>POST {prefix}/chat/stream</c> (PROTOCOL.md).</summary>
internal sealed class ChatStreamRequestBody
{
    public string? Provider { get; set; }

    public string? Model { get; set; }

    public List<ChatMessageBody>? Messages { get; set; }

    /// <summary>Shorthand for one user turn, as the PHP application sent it.</summary>
    public string? Message { get; set; }

    /// <summary>Files of the <see cref="Message"/> shorthand.</summary>
    public List<ChatFileBody>? Files { get; set; }

    public ReasoningBody? Reasoning { get; set; }

    /// <summary><c>thinking: true</c> is <c>reasoning: {effort: "medium"}</c>.</summary>
    public bool? Thinking { get; set; }

    public int? MaxOutputTokens { get; set; }

    public float? Temperature { get; set; }

    public float? TopP { get; set; }

    public List<string>? Stop { get; set; }

    public string? ConversationId { get; set; }

    /// <summary>Members PROTOCOL.md does not define: a host's own fields, passed to observers.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
