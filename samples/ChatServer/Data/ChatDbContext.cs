using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ChatServer.Data;

/// <summary>
/// The sample's own tables: Identity's accounts, conversations and their messages, user settings and the admins'
/// provider switches. It shares the database with NxtAIGen's stores (quotas, keys, usage log) but keeps its own
/// migration history (<c>__ChatServerMigrationsHistory</c>); each database provider has its own subclass and migrations.
/// </summary>
public abstract class ChatDbContext : IdentityDbContext<ChatUser>
{
    /// <summary>The migration history table of these tables.</summary>
    public const string HistoryTable = "__ChatServerMigrationsHistory";

    /// <summary>Initializes a new instance of the <see cref="ChatDbContext"/> class.</summary>
    /// <param name="options">The options.</param>
    protected ChatDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>Gets the conversations.</summary>
    public DbSet<Conversation> Conversations => Set<Conversation>();

    /// <summary>Gets the messages.</summary>
    public DbSet<ConversationMessage> Messages => Set<ConversationMessage>();

    /// <summary>Gets the user settings.</summary>
    public DbSet<UserSettings> UserSettings => Set<UserSettings>();

    /// <summary>Gets the provider switches.</summary>
    public DbSet<ProviderSetting> ProviderSettings => Set<ProviderSetting>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<ChatUser>(e => e.Property(x => x.GitHubLogin).HasMaxLength(100));
        builder.Entity<Conversation>(e =>
        {
            e.ToTable("ChatConversations");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(32);
            e.Property(x => x.UserId).HasMaxLength(450).IsRequired();
            e.Property(x => x.Title).HasMaxLength(200).IsRequired();
            e.HasIndex(x => new { x.UserId, x.UpdatedAt });
            e.HasOne<ChatUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Messages).WithOne().HasForeignKey(x => x.ConversationId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<ConversationMessage>(e =>
        {
            e.ToTable("ChatMessages");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(32);
            e.Property(x => x.ConversationId).HasMaxLength(32).IsRequired();
            e.Property(x => x.Role).HasMaxLength(16).IsRequired();
            e.Property(x => x.Provider).HasMaxLength(128);
            e.Property(x => x.Model).HasMaxLength(128);
            e.Property(x => x.FinishReason).HasMaxLength(32);
            e.Property(x => x.Error).HasMaxLength(2000);
            e.HasIndex(x => new { x.ConversationId, x.Position });
        });
        builder.Entity<UserSettings>(e =>
        {
            e.ToTable("ChatUserSettings");
            e.HasKey(x => x.UserId);
            e.Property(x => x.UserId).HasMaxLength(450);
            e.Property(x => x.DefaultProvider).HasMaxLength(128);
            e.Property(x => x.DefaultModel).HasMaxLength(128);
            e.HasOne<ChatUser>().WithOne().HasForeignKey<UserSettings>(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<ProviderSetting>(e =>
        {
            e.ToTable("ChatProviderSettings");
            e.HasKey(x => x.ProviderId);
            e.Property(x => x.ProviderId).HasMaxLength(128);
            e.Property(x => x.DisabledModels).IsRequired();
        });
    }
}
