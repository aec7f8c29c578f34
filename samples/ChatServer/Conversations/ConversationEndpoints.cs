using System.Text.Json;
using ChatServer.Data;
using ChatServer.Http;
using Microsoft.EntityFrameworkCore;

namespace ChatServer.Conversations;

/// <summary><c>/api/conversations</c>: the signed-in user's stored conversations. Someone else's is a 404, never a 403.</summary>
internal static class ConversationEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/", ListAsync);
        group.MapPost("/", CreateAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapPatch("/{id}", RenameAsync);
        group.MapDelete("/{id}", DeleteAsync);
        group.MapGet("/{id}/export", ExportAsync);
    }

    private static async Task<IResult> ListAsync(HttpContext context, ChatDbContext db, string? q, int? limit)
    {
        var userId = Problems.UserId(context.User)!;
        var take = Math.Clamp(limit ?? 50, 1, 200);
        var query = db.Conversations.AsNoTracking().Where(c => c.UserId == userId);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToLowerInvariant();
#pragma warning disable CA1862 // translated to SQL: lower(...) LIKE, the same on SQLite and PostgreSQL
            query = query.Where(c => c.Title.ToLower().Contains(term) || c.Messages.Any(m => m.Content.ToLower().Contains(term)));
#pragma warning restore CA1862
        }

        var rows = await query
            .OrderByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id)
            .Take(take)
            .Select(c => new { c.Id, c.Title, c.CreatedAt, c.UpdatedAt, Count = c.Messages.Count })
            .ToListAsync(context.RequestAborted);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Json(
            rows.Select(r => new ConversationSummary(r.Id, r.Title, ConversationMapper.Utc(r.CreatedAt), ConversationMapper.Utc(r.UpdatedAt), r.Count)).ToList(),
            ChatServerJsonContext.Default.ListConversationSummary);
    }

    private static async Task<IResult> CreateAsync(HttpContext context, ChatDbContext db, TimeProvider time)
    {
        var (body, problem) = await JsonBody.ReadAsync(context, ChatServerJsonContext.Default.ConversationTitleBody);
        if (problem is not null)
        {
            return problem;
        }

        var title = body?.Title?.Trim() ?? string.Empty;
        if (title.Length > ConversationMapper.MaxTitleLength)
        {
            return Problems.Invalid($"The title may have at most {ConversationMapper.MaxTitleLength} characters.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var conversation = new Conversation { Id = Guid.CreateVersion7().ToString("N"), UserId = Problems.UserId(context.User)!, Title = title, CreatedAt = now, UpdatedAt = now };
        db.Conversations.Add(conversation);
        await db.SaveChangesAsync(context.RequestAborted);
        return TypedResults.Json(ConversationMapper.ToResponse(conversation), ChatServerJsonContext.Default.ConversationResponse, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> GetAsync(string id, HttpContext context, ChatDbContext db)
    {
        var conversation = await FindAsync(db, id, context, withMessages: true);
        context.Response.Headers.CacheControl = "no-store";
        return conversation is null
            ? NotFound()
            : TypedResults.Json(ConversationMapper.ToResponse(conversation), ChatServerJsonContext.Default.ConversationResponse);
    }

    private static async Task<IResult> RenameAsync(string id, HttpContext context, ChatDbContext db, TimeProvider time)
    {
        var (body, problem) = await JsonBody.ReadAsync(context, ChatServerJsonContext.Default.ConversationTitleBody);
        if (problem is not null)
        {
            return problem;
        }

        var title = body?.Title?.Trim();
        if (string.IsNullOrEmpty(title) || title.Length > ConversationMapper.MaxTitleLength)
        {
            return Problems.Invalid($"Give a title of 1 to {ConversationMapper.MaxTitleLength} characters.");
        }

        var conversation = await FindAsync(db, id, context, withMessages: false);
        if (conversation is null)
        {
            return NotFound();
        }

        conversation.Title = title;
        conversation.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(context.RequestAborted);
        return TypedResults.Json(ConversationMapper.ToResponse(conversation), ChatServerJsonContext.Default.ConversationResponse);
    }

    private static async Task<IResult> DeleteAsync(string id, HttpContext context, ChatDbContext db)
    {
        var userId = Problems.UserId(context.User)!;
        await db.Messages.Where(m => m.ConversationId == id && db.Conversations.Any(c => c.Id == id && c.UserId == userId)).ExecuteDeleteAsync(context.RequestAborted);
        var deleted = await db.Conversations.Where(c => c.Id == id && c.UserId == userId).ExecuteDeleteAsync(context.RequestAborted);
        return deleted == 0 ? NotFound() : TypedResults.NoContent();
    }

    private static async Task<IResult> ExportAsync(string id, HttpContext context, ChatDbContext db)
    {
        var conversation = await FindAsync(db, id, context, withMessages: true);
        if (conversation is null)
        {
            return NotFound();
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(ConversationMapper.ToResponse(conversation), ChatServerJsonContext.Default.ConversationResponse);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(json, "application/json", $"conversation-{conversation.Id}.json");
    }

    private static Task<Conversation?> FindAsync(ChatDbContext db, string id, HttpContext context, bool withMessages)
    {
        var userId = Problems.UserId(context.User)!;
        var query = db.Conversations.Where(c => c.Id == id && c.UserId == userId);
        if (withMessages)
        {
            query = query.Include(c => c.Messages);
        }

        return query.FirstOrDefaultAsync(context.RequestAborted);
    }

    private static IResult NotFound() => Problems.NotFound("No such conversation.");
}
