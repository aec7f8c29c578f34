using Microsoft.EntityFrameworkCore;
using NxtAIGen.AspNetCore;

namespace NxtAIGen.Storage.EntityFrameworkCore;

/// <summary>An <see cref="IUserPlanStore"/> in a database: admins' plan overrides survive restarts and are shared by every instance.</summary>
public sealed class EfCoreUserPlanStore : IUserPlanStore
{
    private readonly IDbContextFactory<NxtAIGenDbContext> _factory;

    /// <summary>Initializes a new instance of the <see cref="EfCoreUserPlanStore"/> class.</summary>
    /// <param name="factory">Creates database contexts.</param>
    public EfCoreUserPlanStore(IDbContextFactory<NxtAIGenDbContext> factory) => _factory = factory;

    /// <inheritdoc />
    public async ValueTask<UserPlanOverride?> GetAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userId);
        var db = await _factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var row = await db.UserPlanOverrides.AsNoTracking().FirstOrDefaultAsync(o => o.UserId == userId, cancellationToken).ConfigureAwait(false);
            return row is null
                ? null
                : new UserPlanOverride
                {
                    Plan = row.Plan,
                    Limits = row.HasLimits ? new PlanLimits { Hourly = row.Hourly, Daily = row.Daily, Monthly = row.Monthly } : null,
                };
        }
    }

    /// <inheritdoc />
    public async ValueTask SetAsync(string userId, UserPlanOverride? value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userId);
        var db = await _factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            if (value is null)
            {
                await db.UserPlanOverrides.Where(o => o.UserId == userId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
                return;
            }

            var row = await db.UserPlanOverrides.FirstOrDefaultAsync(o => o.UserId == userId, cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                row = new UserPlanOverrideEntity { UserId = userId };
                db.UserPlanOverrides.Add(row);
            }

            row.Plan = value.Plan;
            row.HasLimits = value.Limits is not null;
            row.Hourly = value.Limits?.Hourly ?? 0;
            row.Daily = value.Limits?.Daily ?? 0;
            row.Monthly = value.Limits?.Monthly ?? 0;
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
