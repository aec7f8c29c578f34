using System.Security.Claims;

namespace ChatServer.Http;

/// <summary>The sample's refusals, in the same shape as the library's (<c>code</c>, <c>error</c>).</summary>
internal static class Problems
{
    public static IResult Of(int status, string code, string error) =>
        TypedResults.Json(
            new ProblemBody($"https://httpstatuses.io/{status}", Title(status), status, error, code, error),
            ChatServerJsonContext.Default.ProblemBody,
            contentType: "application/problem+json; charset=utf-8",
            statusCode: status);

    public static IResult Unauthorized() => Of(StatusCodes.Status401Unauthorized, "unauthorized", "Sign in first.");

    public static IResult Forbidden(string error = "Only admins can do this.") => Of(StatusCodes.Status403Forbidden, "forbidden", error);

    public static IResult NotFound(string error) => Of(StatusCodes.Status404NotFound, "not_found", error);

    public static IResult Invalid(string error) => Of(StatusCodes.Status400BadRequest, "invalid_request", error);

    /// <summary>The signed-in user's id, or <see langword="null"/> for a guest.</summary>
    public static string? UserId(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    private static string Title(int status) => status switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        409 => "Conflict",
        _ => "Error",
    };
}
