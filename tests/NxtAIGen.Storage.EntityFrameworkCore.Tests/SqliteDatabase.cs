using Microsoft.Data.Sqlite;

namespace NxtAIGen.Storage.EntityFrameworkCore.Tests;

/// <summary>A class fixture: a temporary SQLite database file, migrated, deleted at the end.</summary>
public sealed class SqliteDatabase : IAsyncLifetime
{
    private StoreDatabase? _database;

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"nxtaigen-{Guid.NewGuid():N}.db");

    public string ConnectionString => $"Data Source={Path}";

    public StoreDatabase Database => _database ?? throw new InvalidOperationException("Not initialized.");

    public async Task InitializeAsync() => _database = await StoreDatabase.CreateAsync(ConnectionString);

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
