using ChatServer.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ChatServer.Accounts;

/// <summary>Identity's user manager, stamping <see cref="ChatUser.CreatedAt"/> on new accounts (the earliest is an admin).</summary>
internal sealed class ChatUserManager(
    IUserStore<ChatUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<ChatUser> passwordHasher,
    IEnumerable<IUserValidator<ChatUser>> userValidators,
    IEnumerable<IPasswordValidator<ChatUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<ChatUser>> logger,
    TimeProvider timeProvider)
    : UserManager<ChatUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override Task<IdentityResult> CreateAsync(ChatUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.CreatedAt == default)
        {
            user.CreatedAt = timeProvider.GetUtcNow().UtcDateTime;
        }

        return base.CreateAsync(user);
    }
}
