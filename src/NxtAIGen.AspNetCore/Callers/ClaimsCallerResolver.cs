using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace NxtAIGen.AspNetCore.Callers;

/// <summary>The default: a user when the host authenticated one (name-identifier or <c>sub</c> claim), else a guest per IP address.</summary>
internal sealed class ClaimsCallerResolver : ICallerResolver
{
    public ValueTask<ChatCaller> ResolveAsync(HttpContext context)
    {
        var ip = context.Connection.RemoteIpAddress?.ToString();
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true
            && (user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.FindFirstValue("sub")) is { Length: > 0 } id)
        {
            return ValueTask.FromResult(new ChatCaller(ChatCallerKind.User, id) { IpAddress = ip });
        }

        return ValueTask.FromResult(new ChatCaller(ChatCallerKind.Guest, "ip:" + (ip ?? "unknown")) { IpAddress = ip });
    }
}
