using ChatServer.Data;
using ChatServer.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatServer.Accounts;

/// <summary>Who is an admin: anyone named in <c>ChatServer:Admins</c>, and the earliest registered account.</summary>
internal sealed class AdminRule(ChatDbContext db, IOptionsMonitor<ChatServerOptions> options)
{
    /// <summary>The role name carried as a claim by admins.</summary>
    public const string Role = "admin";

    /// <summary>The authorization policy of the admin endpoints (also NxtAIGen's <c>admin/keys</c>).</summary>
    public const string Policy = "NxtAIGenAdmin";

    public async Task<bool> IsAdminAsync(ChatUser user, CancellationToken cancellationToken)
    {
        if (user.Email is { } email && options.CurrentValue.Admins.Any(a => string.Equals(a.Trim(), email, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        var first = await db.Users.AsNoTracking()
            .OrderBy(u => u.CreatedAt).ThenBy(u => u.Id)
            .Select(u => u.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return first == user.Id;
    }
}
