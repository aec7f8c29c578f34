using System.Text.Json;
using ChatServer.Data;
using ChatServer.Http;

namespace ChatServer.Conversations;

/// <summary>Entities to API shapes.</summary>
internal static class ConversationMapper
{
    public const int MaxTitleLength = 200;

    public static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    public static ConversationResponse ToResponse(Conversation conversation) => new(
        conversation.Id,
        conversation.Title,
        Utc(conversation.CreatedAt),
        Utc(conversation.UpdatedAt),
        [.. conversation.Messages.OrderBy(m => m.Position).Select(ToResponse)]);

    public static MessageResponse ToResponse(ConversationMessage m) => new()
    {
        Id = m.Id,
        Role = m.Role,
        Content = m.Content,
        CreatedAt = Utc(m.CreatedAt),
        Files = m.FilesJson is null ? null : JsonSerializer.Deserialize(m.FilesJson, ChatServerJsonContext.Default.ListStoredFile),
        Reasoning = string.IsNullOrEmpty(m.Reasoning) ? null : m.Reasoning,
        ReasoningMs = m.ReasoningMs,
        Provider = m.Provider,
        Model = m.Model,
        Usage = m.InputTokens is null && m.OutputTokens is null && m.ReasoningTokens is null ? null : new UsageResponse(m.InputTokens, m.OutputTokens, m.ReasoningTokens),
        TtftMs = m.TtftMs,
        ElapsedMs = m.ElapsedMs,
        FinishReason = m.FinishReason,
        Stopped = m.Stopped,
        Error = m.Error,
    };

    /// <summary>A title from a first message: whitespace collapsed, at most 60 characters.</summary>
    public static string TitleFrom(string text)
    {
        var collapsed = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (collapsed.Length == 0)
        {
            return "New chat";
        }

        return collapsed.Length <= 60 ? collapsed : collapsed[..59].TrimEnd() + "…";
    }
}
