using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace NxtAIGen.Storage.EntityFrameworkCore;

/// <summary>
/// The NxtAIGen tables: quota uses, user plan overrides, encrypted API keys, the usage log, gateway tokens and the Data
/// Protection key ring. Each database provider has its own subclass with its own migrations: <see cref="SqliteNxtAIGenDbContext"/> and
/// <see cref="PostgresNxtAIGenDbContext"/>.
/// </summary>
public abstract class NxtAIGenDbContext : DbContext, IDataProtectionKeyContext
{
    /// <summary>Initializes a new instance of the <see cref="NxtAIGenDbContext"/> class.</summary>
    /// <param name="options">The options.</param>
    protected NxtAIGenDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>Gets the quota uses.</summary>
    public DbSet<QuotaUseEntity> QuotaUses => Set<QuotaUseEntity>();

    /// <summary>Gets the user plan overrides.</summary>
    public DbSet<UserPlanOverrideEntity> UserPlanOverrides => Set<UserPlanOverrideEntity>();

    /// <summary>Gets the encrypted API keys.</summary>
    public DbSet<ApiKeyEntity> ApiKeys => Set<ApiKeyEntity>();

    /// <summary>Gets the usage log.</summary>
    public DbSet<UsageRecordEntity> UsageRecords => Set<UsageRecordEntity>();

    /// <summary>Gets the users' gateway tokens (hashed).</summary>
    public DbSet<GatewayTokenEntity> GatewayTokens => Set<GatewayTokenEntity>();

    /// <summary>Gets the Data Protection key ring.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<QuotaUseEntity>(e =>
        {
            e.ToTable("NxtAIGenQuotaUses");
            e.HasKey(x => x.Id);
            e.Property(x => x.CounterKey).HasMaxLength(256).IsRequired();
            e.Property(x => x.ReservationId).HasMaxLength(64).IsRequired();
            e.HasIndex(x => new { x.CounterKey, x.AtUtcTicks });
            e.HasIndex(x => x.ReservationId);
        });
        modelBuilder.Entity<UserPlanOverrideEntity>(e =>
        {
            e.ToTable("NxtAIGenUserPlanOverrides");
            e.HasKey(x => x.UserId);
            e.Property(x => x.UserId).HasMaxLength(256);
            e.Property(x => x.Plan).HasMaxLength(128);
        });
        modelBuilder.Entity<ApiKeyEntity>(e =>
        {
            e.ToTable("NxtAIGenApiKeys");
            e.HasKey(x => new { x.Scope, x.UserId, x.ProviderKey });
            e.Property(x => x.UserId).HasMaxLength(256);
            e.Property(x => x.ProviderKey).HasMaxLength(128);
            e.Property(x => x.ProviderId).HasMaxLength(128).IsRequired();
            e.Property(x => x.ProtectedValue).IsRequired();
            e.Property(x => x.Masked).HasMaxLength(256).IsRequired();
        });
        modelBuilder.Entity<UsageRecordEntity>(e =>
        {
            e.ToTable("NxtAIGenUsageRecords");
            e.HasKey(x => x.Id);
            e.Property(x => x.CallerId).HasMaxLength(256).IsRequired();
            e.Property(x => x.Plan).HasMaxLength(128);
            e.Property(x => x.Provider).HasMaxLength(128).IsRequired();
            e.Property(x => x.Model).HasMaxLength(256);
            e.Property(x => x.Outcome).HasMaxLength(64).IsRequired();
            e.Property(x => x.IpHash).HasMaxLength(128);
            e.HasIndex(x => new { x.CallerId, x.TimestampUtcTicks });
            e.HasIndex(x => x.TimestampUtcTicks);
        });
        modelBuilder.Entity<GatewayTokenEntity>(e =>
        {
            e.ToTable("NxtAIGenGatewayTokens");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(64);
            e.Property(x => x.UserId).HasMaxLength(256).IsRequired();
            e.Property(x => x.Name).HasMaxLength(128).IsRequired();
            e.Property(x => x.TokenHash).HasMaxLength(64).IsRequired();
            e.Property(x => x.Hint).HasMaxLength(32).IsRequired();
            e.HasIndex(x => x.TokenHash).IsUnique();
            e.HasIndex(x => x.UserId);
        });
        modelBuilder.Entity<DataProtectionKey>().ToTable("NxtAIGenDataProtectionKeys");
    }
}
