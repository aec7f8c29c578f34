using Microsoft.EntityFrameworkCore;

namespace NxtAIGen.Storage.EntityFrameworkCore;

/// <summary>The <see cref="NxtAIGenDbContext"/> on SQLite, with its own migrations (<c>Migrations/Sqlite</c>).</summary>
public sealed class SqliteNxtAIGenDbContext : NxtAIGenDbContext
{
    /// <summary>Initializes a new instance of the <see cref="SqliteNxtAIGenDbContext"/> class.</summary>
    /// <param name="options">The options (<c>UseSqlite</c>).</param>
    public SqliteNxtAIGenDbContext(DbContextOptions<SqliteNxtAIGenDbContext> options)
        : base(options)
    {
    }
}
