using Microsoft.Extensions.Options;
using NxtAIGen.AspNetCore;
using StackExchange.Redis;

namespace NxtAIGen.Storage.Redis.Internal;

/// <summary>
/// The one Redis connection of the NxtAIGen stores, opened on first use and shared by the quota store, the Data
/// Protection key ring, the model-list cache and the resumable-stream buffer. It never fails to open: while Redis
/// is down, commands fail at once (<see cref="BacklogPolicy.FailFast"/>) and the connection keeps retrying in the
/// background, so a request gets a clear error instead of waiting and the instance recovers when Redis returns.
/// </summary>
internal sealed class RedisConnection : IAsyncDisposable, IDisposable
{
    private readonly Lazy<Task<ConnectionMultiplexer>> _multiplexer;

    public RedisConnection(string connectionString, IOptions<NxtAIGenRedisOptions> options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(options);
        Prefix = options.Value.KeyPrefix;
        var configuration = ConfigurationOptions.Parse(connectionString);
        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        configuration.ClientName ??= "nxtaigen";
        _multiplexer = new(() => ConnectionMultiplexer.ConnectAsync(configuration), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Gets the prefix of every key (<see cref="NxtAIGenRedisOptions.KeyPrefix"/>).</summary>
    public string Prefix { get; }

    /// <summary>The connection, opened on first use.</summary>
    public Task<ConnectionMultiplexer> GetMultiplexerAsync() => _multiplexer.Value;

    /// <summary>The default database.</summary>
    public async Task<IDatabase> GetDatabaseAsync() => (await _multiplexer.Value.ConfigureAwait(false)).GetDatabase();

    /// <summary>A key under the prefix.</summary>
    public RedisKey Key(string name) => Prefix + name;

    /// <summary>Runs a command on the default database; Redis out of reach surfaces as <see cref="NxtAIGenStoreUnavailableException"/>.</summary>
    public async Task<T> RunAsync<T>(Func<IDatabase, Task<T>> command)
    {
        try
        {
            return await command(await GetDatabaseAsync().ConfigureAwait(false)).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsUnavailable(ex))
        {
            throw new NxtAIGenStoreUnavailableException("Redis", ex);
        }
    }

    /// <summary>
    /// Whether a failure means Redis is out of reach for now: not connected, timed out, or a server that says "try
    /// again" (LOADING, MASTERDOWN, READONLY after a fail-over, BUSY).
    /// </summary>
    public static bool IsUnavailable(Exception exception) => exception switch
    {
        RedisConnectionException or RedisTimeoutException => true,
        RedisServerException { Message: var m } => m.StartsWith("LOADING", StringComparison.Ordinal) || m.StartsWith("MASTERDOWN", StringComparison.Ordinal)
            || m.StartsWith("READONLY", StringComparison.Ordinal) || m.StartsWith("BUSY", StringComparison.Ordinal),
        _ => false,
    };

    public void Dispose()
    {
        // A connection still opening is left to finish and be collected: waiting here would block.
        if (_multiplexer.IsValueCreated && _multiplexer.Value.IsCompletedSuccessfully)
        {
            _multiplexer.Value.Result.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_multiplexer.IsValueCreated)
        {
            var multiplexer = await _multiplexer.Value.ConfigureAwait(false);
            await multiplexer.DisposeAsync().ConfigureAwait(false);
        }
    }
}
