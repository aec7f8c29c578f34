using ChatServer.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NxtAIGen.AspNetCore;
using NxtAIGen.Storage.EntityFrameworkCore;

namespace ChatServer.Tests;

/// <summary>Reads the sample's database directly, to check what is (no longer) kept.</summary>
public static class SampleDatabase
{
    public sealed record UserRows(int Conversations, int Settings, int Keys, int UsageRecords, int QuotaUses);

    public static async Task<UserRows> CountsAsync(ChatServerFactory factory, string userId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChatDbContext>();
        await using var nxt = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<NxtAIGenDbContext>>().CreateDbContextAsync();
        var keys = await scope.ServiceProvider.GetRequiredService<IApiKeyStore>().ListAsync(ApiKeyOwner.ForUser(userId));
        var prefix = "user:" + userId + ":";
        return new UserRows(
            await db.Conversations.CountAsync(c => c.UserId == userId),
            await db.UserSettings.CountAsync(s => s.UserId == userId),
            keys.Count,
            await nxt.UsageRecords.CountAsync(r => r.CallerId == userId),
            await nxt.QuotaUses.CountAsync(q => q.CounterKey.StartsWith(prefix)));
    }
}
