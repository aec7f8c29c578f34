using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using NxtAIGen.Abstractions;

namespace NxtAIGen.Providers.Cohere.Internal;

/// <summary>
/// Turns a Cohere v2 chat SSE body into <see cref="ChatChunk"/>s. One instance per stream: it keeps the state (open
/// tool calls, citations, the tool plan) that the end of the stream needs. The body must end with <c>message-end</c>.
/// </summary>
internal sealed partial class CohereStreamParser
{
    private static readonly SseItemParser<CohereStreamEvent> EventParser = ParseEvent;

    private readonly string _providerId;
    private readonly string? _apiKey;
    private readonly bool _includeReasoning;

    public CohereStreamParser(string providerId, string? apiKey, bool includeReasoning = true)
    {
        _providerId = providerId;
        _apiKey = apiKey;
        _includeReasoning = includeReasoning;
    }

    /// <summary>Reads the body to <c>message-end</c> and yields the chunks; usage and the finish chunk come last.</summary>
    /// <param name="stream">The response body.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The chunks.</returns>
    public async IAsyncEnumerable<ChatChunk> ParseAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pending = new List<ChatChunk>(4);
        var events = SseParser.Create(new SseBodyStream(stream), EventParser).EnumerateAsync(cancellationToken).ConfigureAwait(false).GetAsyncEnumerator();
        JsonException? malformed = null;
        var ended = false;
        try
        {
            while (await MoveNextAsync(events, cancellationToken).ConfigureAwait(false))
            {
                var item = events.Current.Data;
                if (malformed is not null)
                {
                    // Invalid JSON followed by more events: the provider sent garbage, not a cut-off body.
                    throw new NxtAIGenProviderException(
                        ProviderErrorKind.Server, _providerId, $"{_providerId}: the stream contained an event that is not valid JSON.", malformed);
                }

                malformed = item.Malformed;
                if (item.Text is { } text)
                {
                    if (text.Length > 0)
                    {
                        yield return ChatChunk.ForText(text); // The fast path: what Apply does for a text content-delta.
                    }

                    continue;
                }

                if (item.Payload is null)
                {
                    continue;
                }

                ended = Apply(item.EventType, item.Payload, pending);
                for (var i = 0; i < pending.Count; i++)
                {
                    yield return pending[i];
                }

                pending.Clear();
                if (ended)
                {
                    break;
                }
            }
        }
        finally
        {
            await events.DisposeAsync();
        }

        if (!ended)
        {
            throw ProviderErrors.Incomplete(_providerId);
        }
    }

    private async ValueTask<bool> MoveNextAsync(
        ConfiguredCancelableAsyncEnumerable<SseItem<CohereStreamEvent>>.Enumerator events, CancellationToken cancellationToken)
    {
        try
        {
            return await events.MoveNextAsync();
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

    private static CohereStreamEvent ParseEvent(string eventType, ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty || data.IndexOfAnyExcept(" \t\r\n"u8) < 0)
        {
            return new CohereStreamEvent(eventType, null);
        }

        if (CohereTextDeltaReader.TryRead(data, out var text))
        {
            return new CohereStreamEvent(eventType, null, Text: text);
        }

        try
        {
            return new CohereStreamEvent(eventType, JsonSerializer.Deserialize(data, CohereJsonContext.Default.CohereStreamPayload));
        }
        catch (JsonException ex)
        {
            return new CohereStreamEvent(eventType, null, ex);
        }
    }
}
