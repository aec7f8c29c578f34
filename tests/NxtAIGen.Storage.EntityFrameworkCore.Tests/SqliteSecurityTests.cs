using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NxtAIGen.AspNetCore;

namespace NxtAIGen.Storage.EntityFrameworkCore.Tests;

public sealed class SqliteSecurityTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    private const string PlainKey = "sk-plaintext-0123456789abcdefghijklmnopqrstuvwxyz";

    [Fact]
    public async Task ApiKeys_AreStoredAsCiphertextOnly()
    {
        var protector = database.Database.Get<ApiKeyProtector>();
        var stored = protector.Protect(ApiKeyOwner.ForUser("alice"), "openai", PlainKey);

        await database.Database.Get<IApiKeyStore>().SetAsync(stored);
        var back = await database.Database.Get<IApiKeyStore>().GetAsync(ApiKeyOwner.ForUser("alice"), "openai");

        Assert.True(protector.TryUnprotect(back!, out var credentials));
        Assert.Equal(PlainKey, credentials.ApiKey);
        var bytes = await DatabaseBytesAsync(database.Database.Services, database.Path);
        Assert.Contains(stored.ProtectedValue, bytes, StringComparison.Ordinal);
        Assert.DoesNotContain(PlainKey, bytes, StringComparison.Ordinal);
        Assert.DoesNotContain(PlainKey[8..^8], bytes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyRing_IsPersisted_TwoInstancesDecryptEachOthersCiphertext()
    {
        await using var first = StoreDatabase.BuildServices(database.ConnectionString);
        await using var second = StoreDatabase.BuildServices(database.ConnectionString);

        var fromFirst = first.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("hello from one");
        var readBySecond = second.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(fromFirst);
        var fromSecond = second.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("hello from two");
        var readByFirst = first.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(fromSecond);

        Assert.Equal("hello from one", readBySecond);
        Assert.Equal("hello from two", readByFirst);
        await using var db = await database.Database.Get<IDbContextFactory<NxtAIGenDbContext>>().CreateDbContextAsync();
        Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync());
    }

    /// <summary>The database file (after a checkpoint) and its write-ahead log, as Latin-1 text for searching.</summary>
    internal static async Task<string> DatabaseBytesAsync(IServiceProvider services, string path)
    {
        await using (var db = await services.GetRequiredService<IDbContextFactory<NxtAIGenDbContext>>().CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        }

        var text = new StringBuilder();
        foreach (var file in new[] { path, path + "-wal" })
        {
            if (File.Exists(file))
            {
                await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var memory = new MemoryStream();
                await stream.CopyToAsync(memory);
                text.Append(Encoding.Latin1.GetString(memory.ToArray()));
            }
        }

        return text.ToString();
    }
}
