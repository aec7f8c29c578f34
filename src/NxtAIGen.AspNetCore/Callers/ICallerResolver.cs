using Microsoft.AspNetCore.Http;

namespace NxtAIGen.AspNetCore;

/// <summary>Decides who the caller of a request is.</summary>
public interface ICallerResolver
{
    /// <summary>Resolves the caller, issuing a guest identity when needed.</summary>
    /// <param name="context">The request.</param>
    /// <returns>The caller.</returns>
    ValueTask<ChatCaller> ResolveAsync(HttpContext context);
}
