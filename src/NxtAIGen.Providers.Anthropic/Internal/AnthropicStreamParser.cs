using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using NxtAIGen.Abstractions;

namespace NxtAIGen.Providers.Anthropic.Internal;

/// <summary>
/// Turns a Messages API SSE body into <see cref="ChatChunk"/>s. One instance per stream: it keeps the state
/// (open tool-use blocks, usage, stop reason) that the end of the stream needs. The body is complete only with
/// <c>message_stop</c>; one that ends before it is <see cref="ProviderErrorKind.Incomplete"/>.
/// </summary>
internal sealed partial class AnthropicStreamParser
{
    private static readonly SseItemParser<AnthropicStreamItem> EventParser = ParseEvent;

    private readonly string _providerId;
    private readonly string? _apiKey;
    private readonly bool _includeReasoning;

    public AnthropicStreamParser(string providerId, string? apiKey, bool includeReasoning = true)
    {
        _providerId = providerId;
        _apiKey = apiKey;
        _includeReasoning = includeReasoning;
    }

    /// <summary>Reads the body to <c>message_stop</c> (or its end) and yields the chunks; the finish chunk comes last.</summary>
    /// <param name="stream">The response body.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The chunks.</returns>
    public async IAsyncEnumerable<ChatChunk> ParseAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pending = new List<ChatChunk>(4);
        var events = SseParser.Create(new SseBodyStream(stream), EventParser).EnumerateAsync(cancellationToken).ConfigureAwait(false).GetAsyncEnumerator();
        var sawStop = false;
        JsonException? malformed = null;
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
                        yield return ChatChunk.ForText(text); // The fast path: what Apply does for a text_delta.
                    }

                    continue;
                }

                if (item.Type == "message_stop" && item.Event is not null)
                {
                    sawStop = true;
                    break; // Anything after the end of the message is not read.
                }

                if (item.Event is null)
                {
                    continue;
                }

                Apply(item.Type, item.Event, pending);
                for (var i = 0; i < pending.Count; i++)
                {
                    yield return pending[i];
                }

                pending.Clear();
            }
        }
        finally
        {
            await events.DisposeAsync();
        }

        if (!sawStop)
        {
            throw ProviderErrors.Incomplete(_providerId);
        }

        Complete(pending);
        foreach (var chunk in pending)
        {
            yield return chunk;
        }
    }

    private async ValueTask<bool> MoveNextAsync(
        ConfiguredCancelableAsyncEnumerable<SseItem<AnthropicStreamItem>>.Enumerator events, CancellationToken cancellationToken)
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

    private static AnthropicStreamItem ParseEvent(string eventType, ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty || data.IndexOfAnyExcept(" \t\r\n"u8) < 0)
        {
            return new AnthropicStreamItem(eventType, null);
        }

        if (AnthropicTextDeltaReader.TryRead(data, out var text))
        {
            return new AnthropicStreamItem("content_block_delta", null, Text: text);
        }

        try
        {
            var payload = JsonSerializer.Deserialize(data, AnthropicJsonContext.Default.AnthropicStreamEvent);
            return new AnthropicStreamItem(string.IsNullOrEmpty(payload?.Type) ? eventType : payload.Type, payload);
        }
        catch (JsonException ex)
        {
            return new AnthropicStreamItem(eventType, null, ex);
        }
    }
}
