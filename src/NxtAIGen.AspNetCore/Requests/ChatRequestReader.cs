using System.IO.Pipelines;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using NxtAIGen.AspNetCore.Endpoints;
using NxtAIGen.AspNetCore.Internal;

namespace NxtAIGen.AspNetCore.Requests;

/// <summary>Reads a chat request body with a size cap: too large is 413, not JSON or malformed JSON is 400.</summary>
internal static class ChatRequestReader
{
    public static Task<(ChatStreamRequestBody? Body, ApiProblem? Problem)> ReadAsync(HttpRequest request, long maxBytes) =>
        ReadAsync(request, maxBytes, NxtAIGenJsonContext.Default.ChatStreamRequestBody);

    /// <summary>Reads any JSON request body with the same cap and the same problems.</summary>
    public static async Task<(T? Body, ApiProblem? Problem)> ReadAsync<T>(HttpRequest request, long maxBytes, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        if (request.ContentType is not { } contentType || !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, ApiProblem.InvalidRequest("The request body must be JSON (Content-Type: application/json)."));
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = maxBytes + 1;
        }

        var reader = request.BodyReader;
        ReadResult read;
        while (true)
        {
            try
            {
                read = await reader.ReadAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
            }
            catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return (null, TooLarge(maxBytes));
            }

            if (read.Buffer.Length > maxBytes)
            {
                reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
                return (null, TooLarge(maxBytes));
            }

            if (read.IsCompleted)
            {
                break;
            }

            // Keep everything buffered until the body is complete.
            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }

        try
        {
            if (read.Buffer.IsEmpty)
            {
                return (null, ApiProblem.InvalidRequest("The request body is empty."));
            }

            var json = new Utf8JsonReader(read.Buffer, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var body = JsonSerializer.Deserialize(ref json, typeInfo);
            return body is null
                ? (null, ApiProblem.InvalidRequest("The request body must be a JSON object."))
                : (body, null);
        }
        catch (JsonException ex)
        {
            var where = ex.Path is { Length: > 1 } path ? $" at {path}" : string.Empty;
            return (null, ApiProblem.InvalidRequest($"The request body is not valid JSON{where} (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine})."));
        }
        finally
        {
            reader.AdvanceTo(read.Buffer.End);
        }
    }

    private static ApiProblem TooLarge(long maxBytes) =>
        ApiProblem.PayloadTooLarge($"The request body is larger than the limit of {maxBytes / 1024} KiB.").With("limit_bytes", maxBytes);
}
