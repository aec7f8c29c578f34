using Microsoft.EntityFrameworkCore;

namespace NxtAIGen.Storage.EntityFrameworkCore.Internal;

/// <summary>Exposes the provider-specific pooled factory as a factory of the base context the stores use.</summary>
internal sealed class NxtAIGenDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<NxtAIGenDbContext>
    where TContext : NxtAIGenDbContext
{
    public NxtAIGenDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<NxtAIGenDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
}
