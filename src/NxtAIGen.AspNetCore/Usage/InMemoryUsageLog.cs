using Microsoft.Extensions.Options;

namespace NxtAIGen.AspNetCore;

/// <summary>The default <see cref="IUsageLog"/>: the latest <c>NxtAIGen:UsageLog:Capacity</c> records, in memory.</summary>
public sealed class InMemoryUsageLog : IUsageLog
{
    private readonly Lock _lock = new();
    private readonly Queue<UsageRecord> _records = new();
    private readonly IOptionsMonitor<NxtAIGenOptions> _options;

    /// <summary>Initializes a new instance of the <see cref="InMemoryUsageLog"/> class.</summary>
    /// <param name="options">The options, for the capacity.</param>
    public InMemoryUsageLog(IOptionsMonitor<NxtAIGenOptions> options) => _options = options;

    /// <inheritdoc />
    public ValueTask RecordAsync(UsageRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var capacity = _options.CurrentValue.UsageLog.Capacity;
        lock (_lock)
        {
            _records.Enqueue(record);
            while (_records.Count > capacity)
            {
                _records.Dequeue();
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Returns the kept records, oldest first.</summary>
    /// <returns>A copy of the records.</returns>
    public IReadOnlyList<UsageRecord> GetRecords()
    {
        lock (_lock)
        {
            return [.. _records];
        }
    }
}
