using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace NxtAIGen.Storage.EntityFrameworkCore.Tests;

/// <summary>A migrated database with the EF Core stores registered the way a host registers them.</summary>
public sealed class StoreDatabase : IAsyncDisposable
{
    private StoreDatabase(string connectionString, ServiceProvider services)
    {
        ConnectionString = connectionString;
        Services = services;
    }

    public string ConnectionString { get; }

    public ServiceProvider Services { get; }

    public static async Task<StoreDatabase> CreateAsync(string connectionString, bool migrate = true)
    {
        var services = BuildServices(connectionString);
        if (migrate)
        {
            await services.MigrateNxtAIGenDatabaseAsync();
        }

        return new StoreDatabase(connectionString, services);
    }

    /// <summary>A service provider as a host would have after <c>AddNxtAIGen().AddEntityFrameworkStores(…)</c>.</summary>
    public static ServiceProvider BuildServices(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddNxtAIGen().AddEntityFrameworkStores(connectionString);
        return services.BuildServiceProvider();
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}
