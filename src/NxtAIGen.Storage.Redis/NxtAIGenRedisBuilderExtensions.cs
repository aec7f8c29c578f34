using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NxtAIGen.AspNetCore;
using NxtAIGen.Storage.Redis;
using NxtAIGen.Storage.Redis.Internal;
using StackExchange.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers NxtAIGen's stores shared through Redis, for several instances behind one load balancer.</summary>
public static class NxtAIGenRedisBuilderExtensions
{
    /// <summary>
    /// Shares the state several instances must agree on through Redis: guest quotas and plan limits (an atomic Lua
    /// script per reservation, replacing the <see cref="IQuotaStore"/>), the ASP.NET Core Data Protection key ring
    /// (so API keys encrypted on one instance decrypt on another) under one application name, and the model-list cache
    /// (the second level of the HybridCache), and the buffer of resumable streams (so a stream started on one instance is
    /// resumed or stopped on any other). Durable records (accounts, keys, plan overrides, usage) stay in the
    /// database: call this after <c>AddEntityFrameworkStores</c>, whose quota store and key ring it replaces.
    /// The connection opens on first use and survives Redis restarts; while Redis is down, requests that need it get
    /// 503 <c>store_unavailable</c> at once.
    /// </summary>
    /// <param name="builder">The builder from <c>AddNxtAIGen()</c>.</param>
    /// <param name="connectionString">A StackExchange.Redis configuration string, for example <c>localhost:6379</c> or <c>redis.internal:6380,password=…,ssl=true</c>.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    public static INxtAIGenBuilder AddRedisStores(this INxtAIGenBuilder builder, string connectionString, Action<NxtAIGenRedisOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        // Parse now: a malformed string fails at startup, not on the first request.
        _ = ConfigurationOptions.Parse(connectionString);
        var services = builder.Services;
        var options = services.AddOptions<NxtAIGenRedisOptions>()
            .Validate(o => !string.IsNullOrEmpty(o.KeyPrefix), "NxtAIGen: the Redis KeyPrefix must not be empty.")
            .Validate(o => o.PendingReservationTimeout > TimeSpan.Zero, "NxtAIGen: the Redis PendingReservationTimeout must be greater than zero.")
            .Validate(o => o.AbandonedStreamTimeout > TimeSpan.Zero, "NxtAIGen: the Redis AbandonedStreamTimeout must be greater than zero.")
            .Validate(o => o.DataProtectionApplicationName is null || o.DataProtectionApplicationName.Length > 0, "NxtAIGen: the Redis DataProtectionApplicationName must not be empty.")
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        // Read once here: which services to register cannot wait for the container.
        var chosen = new NxtAIGenRedisOptions();
        configure?.Invoke(chosen);

        services.TryAddSingleton(sp => new RedisConnection(connectionString, sp.GetRequiredService<IOptions<NxtAIGenRedisOptions>>()));
        services.Replace(ServiceDescriptor.Singleton<IQuotaStore, RedisQuotaStore>());
        if (chosen.ShareResumableStreams)
        {
            services.Replace(ServiceDescriptor.Singleton<IResumableStreamStore, RedisResumableStreamStore>());
        }

        if (chosen.PersistDataProtectionKeys || chosen.DataProtectionApplicationName is not null)
        {
            var dataProtection = services.AddDataProtection();
            if (chosen.DataProtectionApplicationName is { } name)
            {
                dataProtection.SetApplicationName(name);
            }

            if (chosen.PersistDataProtectionKeys)
            {
                // Registered last, so it wins over AddEntityFrameworkStores' PersistKeysToDbContext.
                services.AddSingleton<IConfigureOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>>(sp =>
                {
                    var connection = sp.GetRequiredService<RedisConnection>();
                    return new ConfigureOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>(o =>
                        o.XmlRepository = new Microsoft.AspNetCore.DataProtection.StackExchangeRedis.RedisXmlRepository(
                            () => connection.GetDatabaseAsync().GetAwaiter().GetResult(),
                            connection.Key("dataprotection-keys")));
                });
            }
        }

        if (chosen.ShareModelListCache)
        {
            services.AddStackExchangeRedisCache(_ => { });
            services.AddSingleton<IConfigureOptions<RedisCacheOptions>>(sp => new ConfigureOptions<RedisCacheOptions>(o =>
            {
                var connection = sp.GetRequiredService<RedisConnection>();
                o.InstanceName = connection.Prefix + "cache:";
                o.ConnectionMultiplexerFactory = async () => await connection.GetMultiplexerAsync().ConfigureAwait(false);
            }));
        }

        return builder;
    }
}
