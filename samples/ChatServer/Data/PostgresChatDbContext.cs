using Microsoft.EntityFrameworkCore;

namespace ChatServer.Data;

/// <summary>The <see cref="ChatDbContext"/> on PostgreSQL, with its migrations in <c>Migrations/Postgres</c>.</summary>
public sealed class PostgresChatDbContext : ChatDbContext
{
    /// <summary>Initializes a new instance of the <see cref="PostgresChatDbContext"/> class.</summary>
    /// <param name="options">The options (<c>UseNpgsql</c>).</param>
    public PostgresChatDbContext(DbContextOptions<PostgresChatDbContext> options)
        : base(options)
    {
    }
}
