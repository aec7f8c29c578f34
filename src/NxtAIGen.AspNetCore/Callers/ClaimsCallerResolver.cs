using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace NxtAIGen.AspNetCore.Callers;

/// <summary>
/// The default: a user when the host authenticated one (name-identifier or <c>sub</c> claim), else a guest identified
/// by the protected guest cookie (issued when missing or tampered).
/// </summary>
internal sealed class ClaimsCallerResolver : ICallerResolver
{
    private readonly GuestIdentity _guests;

    public ClaimsCallerResolver(GuestIdentity guests) => _guests = guests;

    public ValueTask<ChatCaller> ResolveAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ip = context.Connection.RemoteIpAddress?.ToString();
        if (UserId(context.User) is { } id)
        {
            return ValueTask.FromResult(new ChatCaller(ChatCallerKind.User, id) { IpAddress = ip });
        }

        return ValueTask.FromResult(new ChatCaller(ChatCallerKind.Guest, _guests.GetOrIssue(context)) { IpAddress = ip });
    }

    /// <summary>The signed-in user's id, or null for a guest.</summary>
    public static string? UserId(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
        && (user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.FindFirstValue("sub")) is { Length: > 0 } id
            ? id
            : null;
}
