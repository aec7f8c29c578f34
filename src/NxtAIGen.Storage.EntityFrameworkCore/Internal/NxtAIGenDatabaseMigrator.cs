using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace NxtAIGen.Storage.EntityFrameworkCore.Internal;

/// <summary>
/// Applies pending migrations when the host starts, in <see cref="IHostedLifecycleService.StartingAsync"/>: before any
/// hosted service starts, so the Data Protection key ring and the stores find their tables.
/// </summary>
internal sealed class NxtAIGenDatabaseMigrator(
    IDbContextFactory<NxtAIGenDbContext> factory,
    IOptions<NxtAIGenEntityFrameworkOptions> options) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) =>
        options.Value.MigrateOnStart ? NxtAIGenDatabase.MigrateAsync(factory, cancellationToken) : Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
