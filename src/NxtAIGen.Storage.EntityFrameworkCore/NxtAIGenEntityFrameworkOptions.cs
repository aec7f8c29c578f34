namespace NxtAIGen.Storage.EntityFrameworkCore;

/// <summary>Options of the Entity Framework Core stores (<c>AddEntityFrameworkStores</c>).</summary>
public sealed class NxtAIGenEntityFrameworkOptions
{
    /// <summary>Gets or sets whether pending migrations are applied when the host starts. Default <see langword="true"/>.</summary>
    /// <value><see langword="true"/> to migrate at start; <see langword="false"/> when a deployment step migrates.</value>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>
    /// Gets or sets how long a pending quota reservation counts before it is treated as abandoned (its instance crashed
    /// before committing or releasing it), so a crash can never lock a user out. Default 15 minutes.
    /// </summary>
    /// <value>Greater than zero; longer than the longest answer stream.</value>
    public TimeSpan PendingReservationTimeout { get; set; } = TimeSpan.FromMinutes(15);
}
