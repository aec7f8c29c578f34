using System.Text.Json;
using Microsoft.AspNetCore.Http;
using NxtAIGen.Abstractions;

namespace NxtAIGen.AspNetCore;

/// <summary>A chat request about to be sent upstream, as <see cref="IChatStreamObserver.OnStartAsync"/> sees it.</summary>
public sealed class ChatStreamStart
{
    /// <summary>Gets the HTTP request (its <see cref="HttpContext.Items"/> can carry an observer's state to <see cref="IChatStreamObserver.OnEndAsync"/>).</summary>
    public required HttpContext HttpContext { get; init; }

    /// <summary>Gets the request id, the <c>id</c> of the <c>start</c> event.</summary>
    public required string RequestId { get; init; }

    /// <summary>Gets who is asking.</summary>
    public required ChatCaller Caller { get; init; }

    /// <summary>Gets the provider id.</summary>
    public required string ProviderId { get; init; }

    /// <summary>Gets the model requested (or the provider's default model).</summary>
    public required string Model { get; init; }

    /// <summary>
    /// Gets the parsed request with every message the client sent (attachments already turned into parts). What is
    /// sent upstream may be shorter: <see cref="NxtAIGenRequestOptions.MaxHistoryTokens"/> trims it after the observers ran.
    /// </summary>
    public required ChatRequest Request { get; init; }

    /// <summary>Gets the body's <c>conversation_id</c>, when it had one.</summary>
    public string? ConversationId { get; init; }

    /// <summary>Gets the body's members that are not part of PROTOCOL.md's request (a host's own fields), by their JSON name.</summary>
    public IReadOnlyDictionary<string, JsonElement> AdditionalFields { get; init; } = new Dictionary<string, JsonElement>();
}
