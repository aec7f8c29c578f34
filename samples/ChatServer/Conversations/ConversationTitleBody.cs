namespace ChatServer.Conversations;

/// <summary>The body of <c>POST /api/conversations</c> and <c>PATCH /api/conversations/{id}</c>.</summary>
internal sealed record ConversationTitleBody(string? Title);
