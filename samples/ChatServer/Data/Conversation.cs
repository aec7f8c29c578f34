namespace ChatServer.Data;

/// <summary>A stored conversation of one user.</summary>
public sealed class Conversation
{
    /// <summary>Gets or sets the id (32 hex characters).</summary>
    public required string Id { get; set; }

    /// <summary>Gets or sets the owner's user id.</summary>
    public required string UserId { get; set; }

    /// <summary>Gets or sets the title (from the first user message unless renamed).</summary>
    public string Title { get; set; } = string.Empty;

    /// <summary>Gets or sets when it was created (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Gets or sets when it last changed (UTC): the list's order.</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>Gets the messages.</summary>
    public List<ConversationMessage> Messages { get; } = [];
}
