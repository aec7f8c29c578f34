using Microsoft.EntityFrameworkCore;

namespace NxtAIGen.Storage.EntityFrameworkCore;

/// <summary>The <see cref="NxtAIGenDbContext"/> on PostgreSQL, with its own migrations (<c>Migrations/Postgres</c>).</summary>
public sealed class PostgresNxtAIGenDbContext : NxtAIGenDbContext
{
    /// <summary>Initializes a new instance of the <see cref="PostgresNxtAIGenDbContext"/> class.</summary>
    /// <param name="options">The options (<c>UseNpgsql</c>).</param>
    public PostgresNxtAIGenDbContext(DbContextOptions<PostgresNxtAIGenDbContext> options)
        : base(options)
    {
    }
}
