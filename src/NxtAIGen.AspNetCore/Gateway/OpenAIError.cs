using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using NxtAIGen.AspNetCore.Endpoints;

namespace NxtAIGen.AspNetCore.Gateway;

/// <summary>
/// An error of the OpenAI-compatible gateway, in OpenAI's shape: <c>{"error": {"message", "type", "param", "code"}}</c>
/// with a real status code (and <c>Retry-After</c> on 429 and 503).
/// </summary>
internal sealed class OpenAIError : IResult
{
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public OpenAIError(int status, string message, string type, string? code = null, string? param = null)
    {
        Status = status;
        Message = message;
        Type = type;
        Code = code;
        Param = param;
    }

    public int Status { get; }

    public string Message { get; }

    public string Type { get; }

    public string? Code { get; }

    public string? Param { get; }

    public TimeSpan? RetryAfter { get; init; }

    public static OpenAIError InvalidRequest(string message, string? param = null, string? code = null) =>
        new(StatusCodes.Status400BadRequest, message, "invalid_request_error", code, param);

    public static OpenAIError InvalidApiKey(string message) =>
        new(StatusCodes.Status401Unauthorized, message, "invalid_request_error", "invalid_api_key");

    public static OpenAIError ModelNotFound(string model) =>
        new(StatusCodes.Status404NotFound, $"The model '{model}' does not exist or you do not have access to it. Name a model as provider/model (GET /v1/models lists them).", "invalid_request_error", "model_not_found", "model");

    public static OpenAIError RateLimited(TimeSpan retryAfter) =>
        new(StatusCodes.Status429TooManyRequests, "Too many requests at once; please wait a moment and try again.", "requests", "rate_limit_exceeded") { RetryAfter = retryAfter };

    /// <summary>The gateway's form of a refusal the SSE endpoint would send as problem+json.</summary>
    public static OpenAIError FromProblem(ApiProblem problem, string? param = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return problem.Code switch
        {
            "rate_limited" when problem.Status == StatusCodes.Status429TooManyRequests =>
                new(problem.Status, problem.Error, "insufficient_quota", "insufficient_quota") { RetryAfter = problem.RetryAfter },
            "unknown_provider" => new(problem.Status, problem.Error, "invalid_request_error", "model_not_found", "model"),
            "payload_too_large" => new(problem.Status, problem.Error, "invalid_request_error", "payload_too_large", param),
            "provider_not_configured" => new(problem.Status, problem.Error, "invalid_request_error", "provider_not_configured", "model"),
            "invalid_request" => new(problem.Status, problem.Error, "invalid_request_error", null, param),
            _ => new(problem.Status, problem.Error, problem.Status >= 500 ? "server_error" : "invalid_request_error", problem.Code, param) { RetryAfter = problem.RetryAfter },
        };
    }

    /// <summary>The gateway's form of a failed generation (the runner's error code, PROTOCOL.md's <c>error</c> event).</summary>
    public static OpenAIError FromStreamError(string message, string code, TimeSpan? retryAfter) => code switch
    {
        "rate_limited" => new(StatusCodes.Status429TooManyRequests, message, "requests", "rate_limit_exceeded") { RetryAfter = retryAfter },
        "overloaded" => new(StatusCodes.Status503ServiceUnavailable, message, "server_error", "overloaded") { RetryAfter = retryAfter },
        "timeout" => new(StatusCodes.Status504GatewayTimeout, message, "server_error", "timeout"),
        "canceled" => new(StatusCodes.Status503ServiceUnavailable, message, "server_error", "canceled"),
        "incomplete" => new(StatusCodes.Status502BadGateway, message, "server_error", "incomplete"),
        "internal" => new(StatusCodes.Status500InternalServerError, message, "server_error", "internal_error"),
        _ => new(StatusCodes.Status502BadGateway, message, "server_error", code) { RetryAfter = retryAfter },
    };

    /// <summary>Writes the <c>{"error": {...}}</c> object.</summary>
    public void WriteTo(Utf8JsonWriter json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WriteStartObject();
        json.WriteStartObject("error"u8);
        json.WriteString("message"u8, Message);
        json.WriteString("type"u8, Type);
        WriteStringOrNull(json, "param"u8, Param);
        WriteStringOrNull(json, "code"u8, Code);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = Status;
        response.ContentType = "application/json; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        if (RetryAfter is { } retryAfter)
        {
            response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        if (Status == StatusCodes.Status401Unauthorized)
        {
            response.Headers.WWWAuthenticate = "Bearer";
        }

        var json = new Utf8JsonWriter(response.BodyWriter, JsonOptions);
        await using (json.ConfigureAwait(false))
        {
            WriteTo(json);
        }

        await response.BodyWriter.FlushAsync(httpContext.RequestAborted).ConfigureAwait(false);
    }

    private static void WriteStringOrNull(Utf8JsonWriter json, ReadOnlySpan<byte> name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
