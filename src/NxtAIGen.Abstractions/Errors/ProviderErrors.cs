using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace NxtAIGen.Abstractions;

/// <summary>
/// Turns provider failures into <see cref="NxtAIGenProviderException"/>s: HTTP error responses, error objects sent
/// inside a stream, and broken connections. For provider authors; every built-in provider uses it.
/// </summary>
public static class ProviderErrors
{
    private const int MaxErrorBodyBytes = 64 * 1024;
    private const int MaxMessageLength = 500;

    /// <summary>Maps an HTTP status code to an error kind.</summary>
    /// <param name="statusCode">The status code.</param>
    /// <returns>The kind.</returns>
    public static ProviderErrorKind KindFromStatus(int statusCode) => statusCode switch
    {
        400 or 413 or 415 or 422 => ProviderErrorKind.InvalidRequest,
        401 => ProviderErrorKind.Authentication,
        402 or 403 => ProviderErrorKind.Permission,
        404 => ProviderErrorKind.NotFound,
        408 or 504 => ProviderErrorKind.Timeout,
        429 => ProviderErrorKind.RateLimited,
        503 or 529 => ProviderErrorKind.Overloaded,
        _ => ProviderErrorKind.Server,
    };

    /// <summary>
    /// Maps a provider's error type or code (<c>overloaded_error</c>, <c>rate_limit_exceeded</c>,
    /// <c>RESOURCE_EXHAUSTED</c>, ...) to an error kind.
    /// </summary>
    /// <param name="code">The provider's code, or <see langword="null"/>.</param>
    /// <param name="fallback">The kind to use when the code says nothing known.</param>
    /// <returns>The kind.</returns>
    public static ProviderErrorKind KindFromCode(string? code, ProviderErrorKind fallback = ProviderErrorKind.Server)
    {
        if (string.IsNullOrEmpty(code))
        {
            return fallback;
        }

        var c = code.ToUpperInvariant();
        return c switch
        {
            _ when c.Contains("OVERLOAD", StringComparison.Ordinal) || c == "UNAVAILABLE" => ProviderErrorKind.Overloaded,
            _ when c.Contains("RATE_LIMIT", StringComparison.Ordinal) || c == "RESOURCE_EXHAUSTED" || c.Contains("QUOTA", StringComparison.Ordinal) => ProviderErrorKind.RateLimited,
            _ when c.Contains("AUTHENTICATION", StringComparison.Ordinal) || c.Contains("API_KEY", StringComparison.Ordinal) || c == "UNAUTHENTICATED" => ProviderErrorKind.Authentication,
            _ when c.Contains("PERMISSION", StringComparison.Ordinal) => ProviderErrorKind.Permission,
            _ when c.Contains("NOT_FOUND", StringComparison.Ordinal) => ProviderErrorKind.NotFound,
            _ when c.Contains("CONTENT_FILTER", StringComparison.Ordinal) || c.Contains("SAFETY", StringComparison.Ordinal) => ProviderErrorKind.ContentFilter,
            _ when c.Contains("TIMEOUT", StringComparison.Ordinal) || c == "DEADLINE_EXCEEDED" => ProviderErrorKind.Timeout,
            _ when c.Contains("INVALID", StringComparison.Ordinal) || c == "FAILED_PRECONDITION" || c.Contains("REQUEST_TOO_LARGE", StringComparison.Ordinal) => ProviderErrorKind.InvalidRequest,
            _ => fallback,
        };
    }

    /// <summary>Builds the exception for a non-success HTTP response, reading (at most 64 KiB of) its error body.</summary>
    /// <param name="providerId">The provider's id.</param>
    /// <param name="response">The failed response. It is not disposed.</param>
    /// <param name="apiKey">The key that was sent, so that it can be masked if the provider echoes it.</param>
    /// <param name="timeProvider">The clock for HTTP-date <c>Retry-After</c> values; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels reading the body.</param>
    /// <returns>The exception to throw.</returns>
    public static async Task<NxtAIGenProviderException> FromResponseAsync(
        string providerId,
        HttpResponseMessage response,
        string? apiKey = null,
        TimeProvider? timeProvider = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        var status = (int)response.StatusCode;
        string body;
        try
        {
            body = await ReadCappedAsync(response.Content, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            body = string.Empty;
        }

        var (code, message) = ParseErrorBody(body);
        var kind = KindFromStatus(status);
        if (kind == ProviderErrorKind.Server || kind == ProviderErrorKind.InvalidRequest || kind == ProviderErrorKind.Permission)
        {
            // Some providers say more in the body than in the status (a 400 that is a content filter, a 500 that is overload).
            kind = KindFromCode(code, kind);
        }

        message = Redact(message, apiKey);
        var reason = response.ReasonPhrase is { Length: > 0 } phrase ? phrase : ((HttpStatusCode)status).ToString();
        return new NxtAIGenProviderException(kind, providerId, Describe(providerId, $"HTTP {status} {reason}", message))
        {
            StatusCode = status,
            ProviderCode = code,
            ProviderMessage = message,
            RetryAfter = GetRetryAfter(response, timeProvider),
        };
    }

    /// <summary>Builds the exception for an error object the provider sent inside a stream that had started with HTTP 200.</summary>
    /// <param name="providerId">The provider's id.</param>
    /// <param name="code">The provider's error type or code.</param>
    /// <param name="message">The provider's message.</param>
    /// <param name="apiKey">The key that was sent, to mask.</param>
    /// <param name="fallback">The kind when <paramref name="code"/> says nothing known.</param>
    /// <returns>The exception to throw.</returns>
    public static NxtAIGenProviderException FromStreamError(
        string providerId, string? code, string? message, string? apiKey = null, ProviderErrorKind fallback = ProviderErrorKind.Server)
    {
        message = Redact(message, apiKey);
        var what = code is null ? "an error in the stream" : $"a stream error ({code})";
        return new NxtAIGenProviderException(KindFromCode(code, fallback), providerId, Describe(providerId, what, message))
        {
            ProviderCode = code,
            ProviderMessage = message,
        };
    }

    /// <summary>Builds the exception for a stream that ended without the provider's end marker.</summary>
    /// <param name="providerId">The provider's id.</param>
    /// <returns>The exception to throw.</returns>
    public static NxtAIGenProviderException Incomplete(string providerId) =>
        new(ProviderErrorKind.Incomplete, providerId, $"{providerId}: the stream ended before the provider finished the answer.");

    /// <summary>Builds the exception for a connection that failed or broke.</summary>
    /// <param name="providerId">The provider's id.</param>
    /// <param name="exception">The transport failure.</param>
    /// <returns>The exception to throw.</returns>
    public static NxtAIGenProviderException Network(string providerId, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var what = exception is HttpRequestException { HttpRequestError: var error } && error != HttpRequestError.Unknown
            ? $"the connection failed ({error})"
            : "the connection failed";
        return new NxtAIGenProviderException(ProviderErrorKind.Network, providerId, $"{providerId}: {what}.", exception);
    }

    /// <summary>Reads <c>Retry-After</c> (seconds or HTTP date) or <c>retry-after-ms</c> from a response.</summary>
    /// <param name="response">The response.</param>
    /// <param name="timeProvider">The clock for HTTP dates.</param>
    /// <returns>The delay, or <see langword="null"/> when the provider gave none.</returns>
    public static TimeSpan? GetRetryAfter(HttpResponseMessage response, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.Headers.TryGetValues("retry-after-ms", out var msValues)
            && double.TryParse(msValues.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && ms >= 0)
        {
            return TimeSpan.FromMilliseconds(ms);
        }

        RetryConditionHeaderValue? retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta;
        }

        if (retryAfter?.Date is { } date)
        {
            var wait = date - (timeProvider ?? TimeProvider.System).GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    /// <summary>Masks every occurrence of <paramref name="secret"/> in <paramref name="text"/>.</summary>
    /// <param name="text">The text, for example an upstream error message.</param>
    /// <param name="secret">The key to hide.</param>
    /// <returns>The text with the key replaced by <c>***</c>.</returns>
    public static string? Redact(string? text, string? secret)
    {
        if (string.IsNullOrEmpty(text) || string.IsNullOrEmpty(secret) || secret.Length < 4)
        {
            return text;
        }

        return text.Replace(secret, "***", StringComparison.Ordinal);
    }

    private static string Describe(string providerId, string what, string? message)
    {
        var text = string.IsNullOrWhiteSpace(message) ? $"{providerId}: {what}." : $"{providerId}: {what}: {message.Trim()}";
        return text.Length <= MaxMessageLength ? text : string.Concat(text.AsSpan(0, MaxMessageLength), "…");
    }

    private static async Task<string> ReadCappedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[MaxErrorBodyBytes];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += read;
            }

            return Encoding.UTF8.GetString(buffer, 0, total);
        }
    }

    /// <summary>Finds a code and a message in the usual error body shapes.</summary>
    internal static (string? Code, string? Message) ParseErrorBody(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array && root.GetArrayLength() > 0)
            {
                root = root[0]; // Gemini sometimes wraps the error in an array.
            }

            return ParseErrorElement(root);
        }
        catch (JsonException)
        {
            // Not JSON (an HTML page from a proxy, say): keep a short plain-text excerpt.
            var text = body.Trim();
            if (text.StartsWith('<'))
            {
                return (null, null);
            }

            return (null, text.Length <= 200 ? text : string.Concat(text.AsSpan(0, 200), "…"));
        }
    }

    /// <summary>Finds a code and a message in an error object: <c>{"error":{...}}</c>, <c>{"error":"..."}</c>, <c>{"message":...}</c>, <c>{"detail":...}</c>.</summary>
    /// <param name="element">The object.</param>
    /// <returns>The code (type, code or status) and the message.</returns>
    public static (string? Code, string? Message) ParseErrorElement(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return (null, element.ValueKind == JsonValueKind.String ? element.GetString() : null);
        }

        if (element.TryGetProperty("error", out var error))
        {
            if (error.ValueKind == JsonValueKind.String)
            {
                return (GetString(element, "type") ?? GetString(element, "code"), error.GetString());
            }

            if (error.ValueKind == JsonValueKind.Object)
            {
                // Google sends {"code": 429, "status": "RESOURCE_EXHAUSTED"}: the status names the error, the number repeats the HTTP status.
                return (GetString(error, "type") ?? GetText(error, "code") ?? GetString(error, "status") ?? GetString(error, "code"), GetString(error, "message"));
            }
        }

        var message = GetString(element, "message") ?? GetString(element, "detail") ?? GetString(element, "error_description");
        return (GetString(element, "type") ?? GetString(element, "code") ?? GetString(element, "status"), message);
    }

    private static string? GetText(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        }
        : null;
}
