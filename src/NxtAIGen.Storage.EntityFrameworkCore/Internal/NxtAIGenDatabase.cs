using Microsoft.EntityFrameworkCore;

namespace NxtAIGen.Storage.EntityFrameworkCore.Internal;

/// <summary>Migrates the database of the provider in use.</summary>
internal static class NxtAIGenDatabase
{
    public static async Task MigrateAsync(IDbContextFactory<NxtAIGenDbContext> factory, CancellationToken cancellationToken)
    {
        var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            if (db.Database.IsSqlite())
            {
                // Write-ahead logging: readers never wait for the writer, and the setting stays with the file.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
