using System.Text.Json;
using ChatServer.Data;
using ChatServer.Http;
using Microsoft.EntityFrameworkCore;
using NxtAIGen.Abstractions;
using NxtAIGen.AspNetCore;

namespace ChatServer.Conversations;

/// <summary>
/// Keeps a stored conversation in step with <c>POST /api/chat/stream</c> requests that carry <c>conversation_id</c>:
/// before the upstream call it checks the conversation is the caller's, makes the stored messages equal to the
/// request's non-system messages (what follows the first difference is replaced: edit-and-resend and regenerate) and
/// so saves the new user message; when the stream ends it saves the answer (partial with <c>stopped</c>, or with the
/// error).
/// </summary>
internal sealed class ConversationRecorder(ChatDbContext db, TimeProvider time) : IChatStreamObserver
{
    private static readonly object StateKey = new();

    public async ValueTask<ChatStreamRefusal?> OnStartAsync(ChatStreamStart start, CancellationToken cancellationToken)
    {
        if (start.ConversationId is not { } id)
        {
            return null;
        }

        if (!start.Caller.IsUser)
        {
            return new ChatStreamRefusal(StatusCodes.Status401Unauthorized, "unauthorized", "Sign in to keep conversations; guests send no conversation_id.");
        }

        var conversation = await db.Conversations.Include(c => c.Messages)
            .FirstOrDefaultAsync(c => c.Id == id && c.UserId == start.Caller.Id, cancellationToken);
        if (conversation is null)
        {
            return ChatStreamRefusal.NotFound("No such conversation.");
        }

        var turns = start.Request.Messages.Where(m => m.Role != ChatRole.System).ToList();
        var stored = conversation.Messages.OrderBy(m => m.Position).ToList();
        var same = 0;
        while (same < stored.Count && same < turns.Count && Matches(stored[same], turns[same]))
        {
            same++;
        }

        db.Messages.RemoveRange(stored.Skip(same));
        var now = time.GetUtcNow().UtcDateTime;
        for (var i = same; i < turns.Count; i++)
        {
            var turn = turns[i];
            var files = Files(turn);
            db.Messages.Add(new ConversationMessage
            {
                Id = Guid.CreateVersion7().ToString("N"),
                ConversationId = conversation.Id,
                Position = i,
                Role = turn.Role == ChatRole.User ? "user" : "assistant",
                Content = turn.Text,
                FilesJson = files.Count == 0 ? null : JsonSerializer.Serialize(files, ChatServerJsonContext.Default.ListStoredFile),
                CreatedAt = now,
            });
        }

        if (string.IsNullOrEmpty(conversation.Title) && turns.FirstOrDefault(t => t.Role == ChatRole.User) is { } first)
        {
            conversation.Title = ConversationMapper.TitleFrom(first.Text);
        }

        conversation.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        start.HttpContext.Items[StateKey] = new State(conversation.Id, turns.Count);
        return null;
    }

    public async ValueTask OnEndAsync(ChatStreamCompletion completion, CancellationToken cancellationToken)
    {
        if (completion.Start.HttpContext.Items[StateKey] is not State state)
        {
            return;
        }

        var conversation = await db.Conversations.FirstOrDefaultAsync(c => c.Id == state.ConversationId, cancellationToken);
        if (conversation is null)
        {
            return; // deleted while the answer streamed
        }

        var now = time.GetUtcNow().UtcDateTime;
        db.Messages.Add(new ConversationMessage
        {
            Id = Guid.CreateVersion7().ToString("N"),
            ConversationId = state.ConversationId,
            Position = state.NextPosition,
            Role = "assistant",
            Content = completion.Text,
            Reasoning = completion.Reasoning.Length == 0 ? null : completion.Reasoning,
            ReasoningMs = Ms(completion.ReasoningDuration),
            Provider = completion.ProviderId,
            Model = completion.Model,
            InputTokens = completion.Usage?.InputTokens,
            OutputTokens = completion.Usage?.OutputTokens,
            ReasoningTokens = completion.Usage?.ReasoningTokens,
            TtftMs = Ms(completion.TimeToFirstToken),
            ElapsedMs = Ms(completion.Duration),
            FinishReason = completion.FinishReason?.ToString().ToLowerInvariant() switch
            {
                "toolcalls" => "tool_calls",
                "contentfilter" => "content_filter",
                var other => other,
            },
            Stopped = completion.Stopped,
            Error = completion.ErrorMessage,
            CreatedAt = now,
        });
        conversation.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
    }

    private static bool Matches(ConversationMessage stored, ChatMessage turn) =>
        stored.Role == (turn.Role == ChatRole.User ? "user" : "assistant")
        && string.Equals(stored.Content, turn.Text, StringComparison.Ordinal);

    private static List<StoredFile> Files(ChatMessage turn) =>
    [
        .. turn.Parts.Select(p => p switch
        {
            ImagePart image => new StoredFile("image", image.MediaType, image.Data.Length),
            DocumentPart document => new StoredFile(document.Name, document.MediaType, document.Data.Length),
            _ => null,
        }).OfType<StoredFile>(),
    ];

    private static long? Ms(TimeSpan? value) => value is { } v ? (long)v.TotalMilliseconds : null;

    private sealed record State(string ConversationId, int NextPosition);
}
