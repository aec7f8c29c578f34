using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using NxtAIGen.AspNetCore.Endpoints;

namespace NxtAIGen.AspNetCore.Requests;

/// <summary>Reads a small JSON request body with a size cap; problems are 400 or 413 and never echo the body.</summary>
internal static class JsonBodyReader
{
    public static async Task<(T? Body, ApiProblem? Problem)> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> typeInfo, int maxBytes)
        where T : class
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, ApiProblem.PayloadTooLarge($"The request body is larger than {maxBytes} bytes."));
        }

        if (request.ContentType is not { } contentType || !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, ApiProblem.InvalidRequest("The request body must be JSON (Content-Type: application/json)."));
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = maxBytes + 1;
        }

        var buffer = new MemoryStream();
        await using (buffer.ConfigureAwait(false))
        {
            var chunk = new byte[4096];
            int read;
            try
            {
                while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted).ConfigureAwait(false)) > 0)
                {
                    if (buffer.Length + read > maxBytes)
                    {
                        return (null, ApiProblem.PayloadTooLarge($"The request body is larger than {maxBytes} bytes."));
                    }

                    buffer.Write(chunk, 0, read);
                }
            }
            catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return (null, ApiProblem.PayloadTooLarge($"The request body is larger than {maxBytes} bytes."));
            }

            if (buffer.Length == 0)
            {
                return (null, ApiProblem.InvalidRequest("The request body is empty."));
            }

            try
            {
                var body = JsonSerializer.Deserialize(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), typeInfo);
                return body is null ? (null, ApiProblem.InvalidRequest("The request body must be a JSON object.")) : (body, null);
            }
            catch (JsonException ex)
            {
                // The message of a JsonException can quote the input: say only where it failed.
                return (null, ApiProblem.InvalidRequest($"The request body is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine})."));
            }
        }
    }
}
