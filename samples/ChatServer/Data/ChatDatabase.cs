using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ChatServer.Data;

/// <summary>
/// Picks the database provider from <c>ConnectionStrings:NxtAIGen</c> the way NxtAIGen.Storage.EntityFrameworkCore
/// does: PostgreSQL for <c>postgres://</c> URLs and for strings with a host (<c>Host</c>/<c>Server</c>) and a user
/// (<c>Username</c>, <c>User ID</c>, ...), SQLite otherwise.
/// </summary>
internal static class ChatDatabase
{
    private static readonly string[] HostKeys = ["Host", "Server"];
    private static readonly string[] UserKeys = ["Username", "User ID", "UserId", "User Name", "User"];

    /// <summary>Registers <see cref="ChatDbContext"/> (scoped) on the right provider.</summary>
    public static IServiceCollection AddChatDatabase(this IServiceCollection services, string connectionString)
    {
        if (IsPostgres(connectionString))
        {
            var npgsql = ToNpgsql(connectionString);
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

    public static bool IsPostgres(string connectionString)
    {
        if (IsPostgresUrl(connectionString))
        {
            return true;
        }

        var builder = new DbConnectionStringBuilder();
        try
        {
            builder.ConnectionString = connectionString;
        }
        catch (ArgumentException)
        {
            return false;
        }

        return HostKeys.Any(builder.ContainsKey) && UserKeys.Any(builder.ContainsKey);
    }

    public static string ToNpgsql(string connectionString)
    {
        if (!IsPostgresUrl(connectionString))
        {
            return connectionString;
        }

        var uri = new Uri(connectionString.Trim());
        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host };
        if (uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        var userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(userInfo[0]);
        }

        if (userInfo.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }

        var database = uri.AbsolutePath.Trim('/');
        if (database.Length > 0)
        {
            builder.Database = Uri.UnescapeDataString(database);
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            builder[Uri.UnescapeDataString(parts[0])] = parts.Length == 2 ? Uri.UnescapeDataString(parts[1]) : string.Empty;
        }

        return builder.ConnectionString;
    }

    private static bool IsPostgresUrl(string connectionString)
    {
        var trimmed = connectionString.TrimStart();
        return trimmed.StartsWith("postgres://", true, CultureInfo.InvariantCulture)
            || trimmed.StartsWith("postgresql://", true, CultureInfo.InvariantCulture);
    }
}
