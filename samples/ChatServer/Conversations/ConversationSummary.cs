namespace ChatServer.Conversations;

/// <summary>One row of <c>GET /api/conversations</c>.</summary>
internal sealed record ConversationSummary(string Id, string Title, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int MessageCount);
