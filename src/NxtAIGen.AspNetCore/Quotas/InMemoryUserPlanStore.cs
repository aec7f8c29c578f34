using System.Collections.Concurrent;

namespace NxtAIGen.AspNetCore;

/// <summary>The default <see cref="IUserPlanStore"/>: overrides in this process's memory.</summary>
public sealed class InMemoryUserPlanStore : IUserPlanStore
{
    private readonly ConcurrentDictionary<string, UserPlanOverride> _overrides = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask<UserPlanOverride?> GetAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userId);
        return ValueTask.FromResult(_overrides.TryGetValue(userId, out var value) ? value : null);
    }

    /// <inheritdoc />
    public ValueTask SetAsync(string userId, UserPlanOverride? value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userId);
        if (value is null)
        {
            _overrides.TryRemove(userId, out _);
        }
        else
        {
            _overrides[userId] = value;
        }

        return ValueTask.CompletedTask;
    }
}
