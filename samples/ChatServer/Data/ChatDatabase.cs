using Microsoft.EntityFrameworkCore;
using NxtAIGen.Storage.EntityFrameworkCore;

namespace ChatServer.Data;

/// <summary>
/// Picks the database provider from <c>ConnectionStrings:NxtAIGen</c> with NxtAIGen.Storage.EntityFrameworkCore's
/// <see cref="NxtAIGenConnectionStrings"/>: PostgreSQL for <c>postgres://</c> URLs and for strings with a host (<c>Host</c>/<c>Server</c>) and a user
/// (<c>Username</c>, <c>User ID</c>, ...), SQLite otherwise.
/// </summary>
internal static class ChatDatabase
{
    /// <summary>Registers <see cref="ChatDbContext"/> (scoped) on the right provider.</summary>
    public static IServiceCollection AddChatDatabase(this IServiceCollection services, string connectionString)
    {
        if (NxtAIGenConnectionStrings.IsPostgres(connectionString))
        {
            var npgsql = NxtAIGenConnectionStrings.ToNpgsql(connectionString);
            services.AddDbContext<ChatDbContext, PostgresChatDbContext>(o => Postgres(o, npgsql));
        }
        else
        {
            services.AddDbContext<ChatDbContext, SqliteChatDbContext>(o => Sqlite(o, connectionString));
        }

        services.AddHostedService<ChatDatabaseMigrator>();
        return services;
    }

    public static DbContextOptionsBuilder<T> Sqlite<T>(DbContextOptionsBuilder<T> options, string connectionString)
        where T : DbContext
    {
        options.UseSqlite(connectionString, o => o.MigrationsHistoryTable(ChatDbContext.HistoryTable));
        return options;
    }

    public static DbContextOptionsBuilder<T> Postgres<T>(DbContextOptionsBuilder<T> options, string connectionString)
        where T : DbContext
    {
        options.UseNpgsql(connectionString, o => o.MigrationsHistoryTable(ChatDbContext.HistoryTable));
        return options;
    }

    private static void Sqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, o => o.MigrationsHistoryTable(ChatDbContext.HistoryTable));

    private static void Postgres(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, o => o.MigrationsHistoryTable(ChatDbContext.HistoryTable));
}
