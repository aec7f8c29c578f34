namespace NxtAIGen.AspNetCore;

/// <summary>
/// Per-user plan overrides set by an admin. A user's plan is, in order: the override, the plan claim
/// (<c>NxtAIGen:Plans:PlanClaimType</c>), then <c>NxtAIGen:Plans:DefaultPlan</c>. The default,
/// <see cref="InMemoryUserPlanStore"/>, forgets overrides on restart; hosts with a database register their own.
/// </summary>
public interface IUserPlanStore
{
    /// <summary>Finds the override of a user.</summary>
    /// <param name="userId">The user id.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The override, or <see langword="null"/>.</returns>
    ValueTask<UserPlanOverride?> GetAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Sets or, with <see langword="null"/>, removes the override of a user.</summary>
    /// <param name="userId">The user id.</param>
    /// <param name="value">The override.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when stored.</returns>
    ValueTask SetAsync(string userId, UserPlanOverride? value, CancellationToken cancellationToken);
}
