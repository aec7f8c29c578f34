using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using NxtAIGen.Abstractions;
using NxtAIGen.AspNetCore;
using NxtAIGen.Storage.EntityFrameworkCore;
using NxtAIGen.Storage.EntityFrameworkCore.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers NxtAIGen's durable stores on Entity Framework Core.</summary>
public static class NxtAIGenEntityFrameworkBuilderExtensions
{
    /// <summary>
    /// Keeps quotas, plan overrides, encrypted API keys, the usage log, gateway tokens and the Data Protection key ring in a database:
    /// SQLite by default, PostgreSQL when <paramref name="connectionString"/> is one (<c>Host=</c> or <c>Server=</c>
    /// with <c>Username=</c>, or a <c>postgres://</c> URL). Replaces the in-memory stores, registers a pooled
    /// <see cref="IDbContextFactory{TContext}"/> of <see cref="NxtAIGenDbContext"/>, and applies migrations when the host
    /// starts (<see cref="NxtAIGenEntityFrameworkOptions.MigrateOnStart"/>).
    /// </summary>
    /// <param name="builder">The builder from <c>AddNxtAIGen()</c>.</param>
    /// <param name="connectionString">The connection string, for example <c>Data Source=nxtaigen.db</c>.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    public static INxtAIGenBuilder AddEntityFrameworkStores(this INxtAIGenBuilder builder, string connectionString, Action<NxtAIGenEntityFrameworkOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var services = builder.Services;
        var options = services.AddOptions<NxtAIGenEntityFrameworkOptions>()
            .Validate(o => o.PendingReservationTimeout > TimeSpan.Zero, "NxtAIGen: PendingReservationTimeout must be greater than zero.")
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        if (NxtAIGenConnectionStrings.IsPostgres(connectionString))
        {
            var npgsql = NxtAIGenConnectionStrings.ToNpgsql(connectionString);
            services.AddPooledDbContextFactory<PostgresNxtAIGenDbContext>(o => o.UseNpgsql(npgsql));
            services.Replace(ServiceDescriptor.Singleton<IDbContextFactory<NxtAIGenDbContext>>(
                sp => new NxtAIGenDbContextFactory<PostgresNxtAIGenDbContext>(sp.GetRequiredService<IDbContextFactory<PostgresNxtAIGenDbContext>>())));
        }
        else
        {
            services.AddPooledDbContextFactory<SqliteNxtAIGenDbContext>(o => o.UseSqlite(connectionString));
            services.Replace(ServiceDescriptor.Singleton<IDbContextFactory<NxtAIGenDbContext>>(
                sp => new NxtAIGenDbContextFactory<SqliteNxtAIGenDbContext>(sp.GetRequiredService<IDbContextFactory<SqliteNxtAIGenDbContext>>())));
        }

        // Data Protection's key repository resolves the context from a scope.
        services.TryAddScoped(sp => sp.GetRequiredService<IDbContextFactory<NxtAIGenDbContext>>().CreateDbContext());
        services.AddDataProtection().PersistKeysToDbContext<NxtAIGenDbContext>();

        services.Replace(ServiceDescriptor.Singleton<IQuotaStore, EfCoreQuotaStore>());
        services.Replace(ServiceDescriptor.Singleton<IUserPlanStore, EfCoreUserPlanStore>());
        services.Replace(ServiceDescriptor.Singleton<IApiKeyStore, EfCoreApiKeyStore>());
        services.Replace(ServiceDescriptor.Singleton<IGatewayTokenStore, EfCoreGatewayTokenStore>());
        services.TryAddSingleton<EfCoreUsageLog>();
        services.Replace(ServiceDescriptor.Singleton<IUsageLog>(sp => sp.GetRequiredService<EfCoreUsageLog>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, NxtAIGenDatabaseMigrator>());
        return builder;
    }

    /// <summary>Applies pending migrations to the NxtAIGen database now (for hosts that set <see cref="NxtAIGenEntityFrameworkOptions.MigrateOnStart"/> to <see langword="false"/>, tools and tests).</summary>
    /// <param name="services">The services, after <see cref="AddEntityFrameworkStores"/>.</param>
    /// <param name="cancellationToken">Cancels the migration.</param>
    /// <returns>A task that completes when the database is up to date.</returns>
    public static Task MigrateNxtAIGenDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        return NxtAIGenDatabase.MigrateAsync(services.GetRequiredService<IDbContextFactory<NxtAIGenDbContext>>(), cancellationToken);
    }
}
