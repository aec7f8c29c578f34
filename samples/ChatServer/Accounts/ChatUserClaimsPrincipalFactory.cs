using System.Security.Claims;
using ChatServer.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ChatServer.Accounts;

/// <summary>Adds the <c>admin</c> role claim at sign-in to the accounts <see cref="AdminRule"/> names.</summary>
internal sealed class ChatUserClaimsPrincipalFactory(UserManager<ChatUser> users, IOptions<IdentityOptions> options, AdminRule admins)
    : UserClaimsPrincipalFactory<ChatUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ChatUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (await admins.IsAdminAsync(user, CancellationToken.None))
        {
            identity.AddClaim(new Claim(identity.RoleClaimType, AdminRule.Role));
        }

        return identity;
    }
}
