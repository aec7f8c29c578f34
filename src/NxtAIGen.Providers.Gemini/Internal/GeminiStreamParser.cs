using System.Runtime.CompilerServices;
using System.Text.Json;
using NxtAIGen.Abstractions;
using NxtAIGen.Providers.Gemini.Internal.Wire;

namespace NxtAIGen.Providers.Gemini.Internal;

/// <summary>
/// Turns a Gemini <c>alt=sse</c> body into <see cref="ChatChunk"/>s. One instance per stream. Gemini has no end
/// marker: a stream is complete when candidate 0 stated a <c>finishReason</c> (or the prompt was blocked); a body
/// that stops before that is <see cref="ProviderErrorKind.Incomplete"/>. Because older Vertex streams repeat
/// <c>finishReason</c> on every event, the finish chunk is produced only at the end of the body.
/// </summary>
internal sealed partial class GeminiStreamParser
{
    private readonly string _providerId;
    private readonly string? _apiKey;
    private readonly bool _includeReasoning;

    public GeminiStreamParser(string providerId, string? apiKey, bool includeReasoning = true)
    {
        _providerId = providerId;
        _apiKey = apiKey;
        _includeReasoning = includeReasoning;
    }

    /// <summary>Gets whether the stream said it is finished (a finish reason, or a blocked prompt).</summary>
    internal bool IsComplete => _rawFinishReason is not null || _blockReason is not null;

    /// <summary>Reads the body to its end and yields the chunks; the finish chunk comes last.</summary>
    /// <param name="stream">The response body.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The chunks.</returns>
    public async IAsyncEnumerable<ChatChunk> ParseAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pending = new List<ChatChunk>(4);
        using var reader = new GeminiSseReader(stream);
        JsonException? malformed = null;
        while (true)
        {
            var record = await ReadAsync(reader, cancellationToken).ConfigureAwait(false);
            if (record.Kind == GeminiSseRecordKind.End)
            {
                break;
            }

            if (malformed is not null)
            {
                // Invalid JSON followed by more data: the provider sent garbage, not a cut-off body.
                throw new NxtAIGenProviderException(
                    ProviderErrorKind.Server, _providerId, $"{_providerId}: the stream contained an event that is not valid JSON.", malformed);
            }

            if (record.Kind == GeminiSseRecordKind.Event && _metadataSent && GeminiTextEventReader.TryRead(record.Payload.Span, out var plain))
            {
                ApplyText(plain, pending); // The fast path for the common text event; the same result as Apply.
            }
            else
            {
                var (response, error) = record.Kind == GeminiSseRecordKind.Raw ? ReadRaw(record.Payload.Span) : ReadEvent(record.Payload.Span);
                malformed = error;
                if (response is null)
                {
                    continue;
                }

                Apply(response, pending);
            }

            for (var i = 0; i < pending.Count; i++)
            {
                yield return pending[i];
            }

            pending.Clear();
        }

        if (malformed is not null || !IsComplete)
        {
            throw ProviderErrors.Incomplete(_providerId);
        }

        Complete(pending);
        foreach (var chunk in pending)
        {
            yield return chunk;
        }
    }

    private async ValueTask<GeminiSseRecord> ReadAsync(GeminiSseReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException ex)
        {
            throw new NxtAIGenProviderException(ProviderErrorKind.Server, _providerId, $"{_providerId}: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or ObjectDisposedException)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException("The stream was cancelled.", ex, cancellationToken);
            }

            throw ProviderErrors.Network(_providerId, ex);
        }
    }

    private static (GeminiResponse? Response, JsonException? Error) ReadEvent(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty || data.IndexOfAnyExcept(" \t\r\n"u8) < 0)
        {
            return default;
        }

        try
        {
            return (JsonSerializer.Deserialize(data, GeminiJsonContext.Default.GeminiResponse), null);
        }
        catch (JsonException ex)
        {
            return (null, ex);
        }
    }

    /// <summary>Reads text that came without <c>data:</c>: Google's error object (possibly in an array), or a bare response.</summary>
    private (GeminiResponse? Response, JsonException? Error) ReadRaw(ReadOnlySpan<byte> text)
    {
        var reader = new Utf8JsonReader(text);
        JsonElement root;
        try
        {
            using var document = JsonDocument.ParseValue(ref reader);
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            return (null, ex);
        }

        if (root.ValueKind == JsonValueKind.Array)
        {
            if (root.GetArrayLength() == 0)
            {
                return default;
            }

            root = root[0];
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return default;
        }

        if (root.TryGetProperty("error", out _))
        {
            throw GeminiErrors.FromStreamError(_providerId, root, _apiKey);
        }

        try
        {
            return (root.Deserialize(GeminiJsonContext.Default.GeminiResponse), null);
        }
        catch (JsonException ex)
        {
            return (null, ex);
        }
    }
}
