namespace ChatServer.Data;

/// <summary>One message of a stored conversation: the user's, or the assistant's answer with how it was produced.</summary>
public sealed class ConversationMessage
{
    /// <summary>Gets or sets the id (32 hex characters).</summary>
    public required string Id { get; set; }

    /// <summary>Gets or sets the conversation id.</summary>
    public required string ConversationId { get; set; }

    /// <summary>Gets or sets the position in the conversation, from 0.</summary>
    public int Position { get; set; }

    /// <summary>Gets or sets <c>user</c> or <c>assistant</c>.</summary>
    public required string Role { get; set; }

    /// <summary>Gets or sets the text.</summary>
    public string Content { get; set; } = string.Empty;

    /// <summary>Gets or sets the attachments' descriptions (name, media type, size) as JSON; the files themselves are not kept.</summary>
    public string? FilesJson { get; set; }

    /// <summary>Gets or sets the reasoning text.</summary>
    public string? Reasoning { get; set; }

    /// <summary>Gets or sets how long the model reasoned, in milliseconds.</summary>
    public long? ReasoningMs { get; set; }

    /// <summary>Gets or sets the provider id.</summary>
    public string? Provider { get; set; }

    /// <summary>Gets or sets the model.</summary>
    public string? Model { get; set; }

    /// <summary>Gets or sets the input tokens reported by the provider.</summary>
    public int? InputTokens { get; set; }

    /// <summary>Gets or sets the output tokens reported by the provider.</summary>
    public int? OutputTokens { get; set; }

    /// <summary>Gets or sets the reasoning tokens reported by the provider.</summary>
    public int? ReasoningTokens { get; set; }

    /// <summary>Gets or sets the time to first token, in milliseconds.</summary>
    public long? TtftMs { get; set; }

    /// <summary>Gets or sets the total time, in milliseconds.</summary>
    public long? ElapsedMs { get; set; }

    /// <summary>Gets or sets the finish reason (<c>stop</c>, <c>length</c>, ...).</summary>
    public string? FinishReason { get; set; }

    /// <summary>Gets or sets whether the answer was stopped by the user (partial).</summary>
    public bool Stopped { get; set; }

    /// <summary>Gets or sets the error shown when the answer failed.</summary>
    public string? Error { get; set; }

    /// <summary>Gets or sets when it was saved (UTC).</summary>
    public DateTime CreatedAt { get; set; }
}
