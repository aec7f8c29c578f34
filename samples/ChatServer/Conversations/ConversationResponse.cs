namespace ChatServer.Conversations;

/// <summary>A conversation with its messages (<c>GET /api/conversations/{id}</c> and its export).</summary>
internal sealed record ConversationResponse(string Id, string Title, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, List<MessageResponse> Messages);
