using System.Collections.Frozen;
using ChatServer.Data;
using Microsoft.EntityFrameworkCore;
using NxtAIGen.AspNetCore;

namespace ChatServer.Admin;

/// <summary>
/// The admins' provider and model switches (table <c>ChatProviderSettings</c>), as NxtAIGen's
/// <see cref="IProviderAvailability"/>: kept in memory for <see cref="Lifetime"/>, reloaded at once after a change made
/// through this instance, and by every other instance (sharing the database) within <see cref="Lifetime"/>.
/// </summary>
internal sealed class ProviderSwitches(IServiceScopeFactory scopes, TimeProvider time) : IProviderAvailability
{
    /// <summary>How long other instances may keep using switches read before an admin's change.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Loaded? _loaded;

    public async ValueTask<bool> IsProviderAvailableAsync(string providerId, CancellationToken cancellationToken) =>
        !(await GetAsync(cancellationToken)).TryGetValue(providerId, out var setting) || setting.Enabled;

    public async ValueTask<bool> IsModelAvailableAsync(string providerId, string modelId, CancellationToken cancellationToken) =>
        !(await GetAsync(cancellationToken)).TryGetValue(providerId, out var setting) || !DisabledModels(setting).Contains(modelId, StringComparer.OrdinalIgnoreCase);

    public static List<string> DisabledModels(ProviderSetting setting) =>
        [.. setting.DisabledModels.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    public async ValueTask<FrozenDictionary<string, ProviderSetting>> GetAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } settings)
        {
            return settings;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } loaded)
            {
                return loaded;
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ChatDbContext>();
            var rows = await db.ProviderSettings.AsNoTracking().ToListAsync(cancellationToken);
            var read = rows.ToFrozenDictionary(r => r.ProviderId, StringComparer.OrdinalIgnoreCase);
            _loaded = new Loaded(read, time.GetTimestamp());
            return read;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>Forgets the cached switches after a change.</summary>
    public void Invalidate() => _loaded = null;

    private FrozenDictionary<string, ProviderSetting>? Fresh() =>
        _loaded is { } loaded && time.GetElapsedTime(loaded.At) < Lifetime ? loaded.Settings : null;

    private sealed record Loaded(FrozenDictionary<string, ProviderSetting> Settings, long At);
}
