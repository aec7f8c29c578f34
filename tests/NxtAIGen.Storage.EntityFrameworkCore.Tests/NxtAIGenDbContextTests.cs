using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NxtAIGen.Storage.EntityFrameworkCore.Internal;

namespace NxtAIGen.Storage.EntityFrameworkCore.Tests;

public sealed class NxtAIGenDbContextTests
{
    [Fact]
    public void SqliteModel_HasNoChangesMissingFromItsMigrations()
    {
        using var db = new SqliteNxtAIGenDbContext(new DbContextOptionsBuilder<SqliteNxtAIGenDbContext>().UseSqlite("Data Source=:memory:").Options);

        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context SqliteNxtAIGenDbContext --output-dir Migrations/Sqlite");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void PostgresModel_HasNoChangesMissingFromItsMigrations()
    {
        using var db = new PostgresNxtAIGenDbContext(new DbContextOptionsBuilder<PostgresNxtAIGenDbContext>().UseNpgsql("Host=localhost;Username=postgres").Options);

        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context PostgresNxtAIGenDbContext --output-dir Migrations/Postgres");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Theory]
    [InlineData("Data Source=nxtaigen.db", false)]
    [InlineData("Data Source=:memory:", false)]
    [InlineData("Filename=/var/lib/app/app.db", false)]
    [InlineData("Host=db;Username=app;Password=x;Database=nxtaigen", true)]
    [InlineData("Server=db;User ID=app;Database=nxtaigen", true)]
    [InlineData("postgres://app:secret@db:5433/nxtaigen", true)]
    [InlineData("postgresql://app@db/nxtaigen?sslmode=require", true)]
    public void ConnectionString_PicksTheProvider(string connectionString, bool postgres) =>
        Assert.Equal(postgres, NxtAIGenConnectionStrings.IsPostgres(connectionString));

    [Fact]
    public void PostgresUrl_BecomesAnNpgsqlConnectionString()
    {
        var converted = new Npgsql.NpgsqlConnectionStringBuilder(NxtAIGenConnectionStrings.ToNpgsql("postgres://app:s%40cret@db:5433/nxtaigen?sslmode=require"));

        Assert.Equal(("db", 5433, "app", "s@cret", "nxtaigen", Npgsql.SslMode.Require), (converted.Host, converted.Port, converted.Username, converted.Password, converted.Database, converted.SslMode));
    }

    [Theory]
    [InlineData("Data Source=nxtaigen.db", typeof(SqliteNxtAIGenDbContext))]
    [InlineData("Host=127.0.0.1;Username=postgres;Database=x", typeof(PostgresNxtAIGenDbContext))]
    public async Task AddEntityFrameworkStores_RegistersTheProvidersContext(string connectionString, Type expected)
    {
        await using var services = StoreDatabase.BuildServices(connectionString);

        await using var db = await services.GetRequiredService<IDbContextFactory<NxtAIGenDbContext>>().CreateDbContextAsync();

        Assert.IsType(expected, db);
        Assert.IsType<EfCoreQuotaStore>(services.GetRequiredService<AspNetCore.IQuotaStore>());
        Assert.IsType<EfCoreApiKeyStore>(services.GetRequiredService<AspNetCore.IApiKeyStore>());
        Assert.IsType<EfCoreUserPlanStore>(services.GetRequiredService<AspNetCore.IUserPlanStore>());
        Assert.IsType<EfCoreUsageLog>(services.GetRequiredService<AspNetCore.IUsageLog>());
    }
}
