using System.Collections.Frozen;
using ChatServer.Data;
using Microsoft.EntityFrameworkCore;
using NxtAIGen.AspNetCore;

namespace ChatServer.Admin;

/// <summary>
/// The admins' provider and model switches (table <c>ChatProviderSettings</c>), as NxtAIGen's
/// <see cref="IProviderAvailability"/>: read once and kept in memory, reloaded after each change made through this
/// instance (several instances would each reload on their own change only; the sample runs one).
/// </summary>
internal sealed class ProviderSwitches(IServiceScopeFactory scopes) : IProviderAvailability
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile FrozenDictionary<string, ProviderSetting>? _settings;

    public async ValueTask<bool> IsProviderAvailableAsync(string providerId, CancellationToken cancellationToken) =>
        !(await GetAsync(cancellationToken)).TryGetValue(providerId, out var setting) || setting.Enabled;

    public async ValueTask<bool> IsModelAvailableAsync(string providerId, string modelId, CancellationToken cancellationToken) =>
        !(await GetAsync(cancellationToken)).TryGetValue(providerId, out var setting) || !DisabledModels(setting).Contains(modelId, StringComparer.OrdinalIgnoreCase);

    public static List<string> DisabledModels(ProviderSetting setting) =>
        [.. setting.DisabledModels.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    public async ValueTask<FrozenDictionary<string, ProviderSetting>> GetAsync(CancellationToken cancellationToken)
    {
        if (_settings is { } settings)
        {
            return settings;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_settings is { } loaded)
            {
                return loaded;
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ChatDbContext>();
            var rows = await db.ProviderSettings.AsNoTracking().ToListAsync(cancellationToken);
            return _settings = rows.ToFrozenDictionary(r => r.ProviderId, StringComparer.OrdinalIgnoreCase);
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>Forgets the cached switches after a change.</summary>
    public void Invalidate() => _settings = null;
}
