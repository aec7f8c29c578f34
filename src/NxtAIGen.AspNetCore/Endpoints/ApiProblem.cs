using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace NxtAIGen.AspNetCore.Endpoints;

/// <summary>
/// A refusal before the stream starts: a real status code and <c>application/problem+json</c> with the
/// PROTOCOL.md extension members <c>code</c> and <c>error</c> (and quota members where relevant).
/// Written by hand so it does not depend on the host's JSON options.
/// </summary>
internal sealed class ApiProblem : IResult
{
    private readonly List<KeyValuePair<string, object?>> _extensions = [];

    public ApiProblem(int status, string code, string error)
    {
        Status = status;
        Code = code;
        Error = error;
    }

    public int Status { get; }

    public string Code { get; }

    public string Error { get; }

    public TimeSpan? RetryAfter { get; init; }

    public static ApiProblem InvalidRequest(string error) => new(StatusCodes.Status400BadRequest, "invalid_request", error);

    public static ApiProblem PayloadTooLarge(string error) => new(StatusCodes.Status413PayloadTooLarge, "payload_too_large", error);

    public static ApiProblem UnknownProvider(string id) => new(StatusCodes.Status404NotFound, "unknown_provider", $"Unknown provider '{id}'.");

    public static ApiProblem NotConfigured(string id) => new(StatusCodes.Status409Conflict, "provider_not_configured", $"The provider '{id}' has no API key configured.");

    /// <summary>Adds an extension member (<c>usage_count</c>, <c>reset_at</c>, ...).</summary>
    public ApiProblem With(string name, object? value)
    {
        _extensions.Add(new(name, value));
        return this;
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = Status;
        response.ContentType = "application/problem+json; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        if (RetryAfter is { } retryAfter)
        {
            response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        var writer = new Utf8JsonWriter(response.BodyWriter, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        await using (writer.ConfigureAwait(false))
        {
            writer.WriteStartObject();
            writer.WriteString("type", $"https://httpstatuses.io/{Status}");
            writer.WriteString("title", Title(Status));
            writer.WriteNumber("status", Status);
            writer.WriteString("detail", Error);
            writer.WriteString("code", Code);
            writer.WriteString("error", Error);
            foreach (var (name, value) in _extensions)
            {
                WriteValue(writer, name, value);
            }

            writer.WriteString("trace_id", httpContext.TraceIdentifier);
            writer.WriteEndObject();
        }

        await response.BodyWriter.FlushAsync(httpContext.RequestAborted).ConfigureAwait(false);
    }

    private static void WriteValue(Utf8JsonWriter writer, string name, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNull(name); break;
            case bool b: writer.WriteBoolean(name, b); break;
            case int i: writer.WriteNumber(name, i); break;
            case long l: writer.WriteNumber(name, l); break;
            case double d: writer.WriteNumber(name, d); break;
            case DateTimeOffset t: writer.WriteString(name, t); break;
            default: writer.WriteString(name, Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }

    private static string Title(int status) => status switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        409 => "Conflict",
        413 => "Payload Too Large",
        429 => "Too Many Requests",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "Error",
    };
}
