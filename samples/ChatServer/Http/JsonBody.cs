using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ChatServer.Http;

/// <summary>
/// Reads a snake_case JSON body with the sample's source-generated context (the HTTP JSON options stay as ASP.NET Core
/// and Identity's endpoints expect them). A body that is not JSON is 400 <c>invalid_request</c>; an empty one is <see langword="null"/>.
/// </summary>
internal static class JsonBody
{
    private const long MaxBytes = 64 * 1024;

    public static async Task<(T? Body, IResult? Problem)> ReadAsync<T>(HttpContext context, JsonTypeInfo<T> type)
        where T : class
    {
        var request = context.Request;
        if (request.ContentLength is 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count == 0))
        {
            return (null, null);
        }

        if (request.ContentLength > MaxBytes)
        {
            return (null, Problems.Of(StatusCodes.Status413PayloadTooLarge, "payload_too_large", "The request body is too large."));
        }

        if (request.ContentType is not { } contentType || !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Problems.Invalid("The request body must be JSON (Content-Type: application/json)."));
        }

        try
        {
            return (await JsonSerializer.DeserializeAsync(request.Body, type, context.RequestAborted), null);
        }
        catch (JsonException)
        {
            return (null, Problems.Invalid("The request body is not valid JSON."));
        }
    }
}
