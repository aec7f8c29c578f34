using Microsoft.Extensions.Options;
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
