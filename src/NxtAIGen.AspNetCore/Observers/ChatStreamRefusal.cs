namespace NxtAIGen.AspNetCore;

/// <summary>
/// An observer's refusal of a chat request before it starts: sent as <c>application/problem+json</c> with PROTOCOL.md's
/// <c>code</c> and <c>error</c> members.
/// </summary>
/// <param name="Status">The HTTP status code (4xx).</param>
/// <param name="Code">The machine-readable code, for example <c>not_found</c>.</param>
/// <param name="Error">A message safe to show to the user.</param>
public sealed record ChatStreamRefusal(int Status, string Code, string Error)
{
    /// <summary>A 404 <c>not_found</c> refusal (an unknown conversation, or someone else's).</summary>
    /// <param name="error">The message.</param>
    /// <returns>The refusal.</returns>
    public static ChatStreamRefusal NotFound(string error) => new(404, "not_found", error);

    /// <summary>A 400 <c>invalid_request</c> refusal.</summary>
    /// <param name="error">The message.</param>
    /// <returns>The refusal.</returns>
    public static ChatStreamRefusal InvalidRequest(string error) => new(400, "invalid_request", error);

    /// <summary>A 403 <c>forbidden</c> refusal.</summary>
    /// <param name="error">The message.</param>
    /// <returns>The refusal.</returns>
    public static ChatStreamRefusal Forbidden(string error) => new(403, "forbidden", error);
}
