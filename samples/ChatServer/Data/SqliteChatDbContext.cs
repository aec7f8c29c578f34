using Microsoft.EntityFrameworkCore;

namespace ChatServer.Data;

/// <summary>The <see cref="ChatDbContext"/> on SQLite, with its migrations in <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteChatDbContext : ChatDbContext
{
    /// <summary>Initializes a new instance of the <see cref="SqliteChatDbContext"/> class.</summary>
    /// <param name="options">The options (<c>UseSqlite</c>).</param>
    public SqliteChatDbContext(DbContextOptions<SqliteChatDbContext> options)
        : base(options)
    {
    }
}
