using System.Data.Common;
using System.Globalization;
using Npgsql;

namespace NxtAIGen.Storage.EntityFrameworkCore;

/// <summary>
/// Tells a PostgreSQL connection string from a SQLite one, and turns <c>postgres://</c> URLs into Npgsql's form: the rule
/// <c>AddEntityFrameworkStores</c> uses, public so that a host's own database (the sample's accounts) follows the same one.
/// </summary>
public static class NxtAIGenConnectionStrings
{
    private static readonly string[] HostKeys = ["Host", "Server"];
    private static readonly string[] UserKeys = ["Username", "User ID", "UserId", "User Name", "User"];

    /// <summary>Whether <paramref name="connectionString"/> names PostgreSQL: a <c>postgres://</c> or <c>postgresql://</c> URL, or a host (<c>Host</c>, <c>Server</c>) with a user (<c>Username</c>, <c>User ID</c>, ...). Anything else is SQLite.</summary>
    /// <param name="connectionString">The connection string.</param>
    /// <returns><see langword="true"/> for PostgreSQL.</returns>
    public static bool IsPostgres(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
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

    /// <summary>Turns a <c>postgres://user:password@host:port/database?option=value</c> URL into Npgsql's key=value form; other strings are returned as they are.</summary>
    /// <param name="connectionString">The connection string.</param>
    /// <returns>A connection string Npgsql accepts.</returns>
    public static string ToNpgsql(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
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
