namespace NxtAIGen.Storage.Redis;

/// <summary>Options of the Redis stores (<c>AddRedisStores</c>).</summary>
public sealed class NxtAIGenRedisOptions
{
    /// <summary>Gets or sets the prefix of every key NxtAIGen writes, so one Redis can serve several applications. Default <c>nxtaigen:</c>.</summary>
    /// <value>Not empty; the same on every instance of one application.</value>
    public string KeyPrefix { get; set; } = "nxtaigen:";

    /// <summary>
    /// Gets or sets how long a pending quota reservation counts before it is treated as abandoned (its instance crashed
    /// before committing or releasing it), so a crash can never lock a user out. Default 15 minutes.
    /// </summary>
    /// <value>Greater than zero; longer than the longest answer stream.</value>
    public TimeSpan PendingReservationTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Gets or sets whether the ASP.NET Core Data Protection key ring is kept in Redis (key <c>{KeyPrefix}dataprotection-keys</c>),
    /// so API keys encrypted and guest cookies issued by one instance are read by every other. Default <see langword="true"/>.
    /// </summary>
    /// <value><see langword="false"/> when the key ring already lives in a shared database (<c>AddEntityFrameworkStores</c> on PostgreSQL) that should stay its home.</value>
    public bool PersistDataProtectionKeys { get; set; } = true;

    /// <summary>
    /// Gets or sets the Data Protection application name every instance uses, so they all derive the same protectors.
    /// Default <c>NxtAIGen</c>.
    /// </summary>
    /// <value>Not empty; the same on every instance. <see langword="null"/> leaves the host's choice (by default its content root path, which differs between machines).</value>
    public string? DataProtectionApplicationName { get; set; } = "NxtAIGen";

    /// <summary>
    /// Gets or sets whether the model lists (<c>GET {prefix}/providers/{id}/models</c>) are shared through Redis as the
    /// second level of the HybridCache, so one instance's answer serves the others. Default <see langword="true"/>.
    /// </summary>
    /// <value><see langword="false"/> when the host registers its own <c>IDistributedCache</c>.</value>
    public bool ShareModelListCache { get; set; } = true;

    /// <summary>
    /// Gets or sets whether resumable streams (<c>NxtAIGen:Streaming:Resume</c>) are buffered in Redis, so a stream
    /// running on one instance is resumed or stopped through any other. Default <see langword="true"/>.
    /// </summary>
    /// <value><see langword="false"/> keeps the in-process buffer: then resuming needs sticky sessions.</value>
    public bool ShareResumableStreams { get; set; } = true;

    /// <summary>
    /// Gets or sets how long a running resumable stream's buffer lives with no new event, so the buffer of a stream
    /// whose instance died (and its waiting readers) ends instead of waiting forever. Default 15 minutes.
    /// </summary>
    /// <value>Greater than zero; longer than the longest silence of an answer stream.</value>
    public TimeSpan AbandonedStreamTimeout { get; set; } = TimeSpan.FromMinutes(15);
}
