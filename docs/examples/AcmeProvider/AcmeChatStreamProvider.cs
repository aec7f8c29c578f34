using System.Buffers;
using System.Net.ServerSentEvents;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using NxtAIGen.Abstractions;

namespace Acme.NxtAIGen;

/// <summary>
/// Streams answers from the (example) Acme Chat API: <c>POST {base}/v1/chat</c> answers with Server-Sent Events
/// <c>delta</c> <c>{"text"}</c>, then <c>end</c> <c>{"reason", "input_tokens", "output_tokens"}</c>, or
/// <c>error</c> <c>{"code", "message"}</c>.
/// </summary>
internal sealed class AcmeChatStreamProvider(ChatProviderSettings settings, HttpClient httpClient, TimeProvider? timeProvider)
    : HttpChatStreamProvider(settings, httpClient, timeProvider)
{
    public const string HttpClientName = "NxtAIGen.Acme";

    // The base class has validated the request (model, messages) and sends this with ResponseHeadersRead;
    // it maps a non-2xx answer to NxtAIGenProviderException (status, Retry-After, key redacted).
    protected override HttpRequestMessage CreateStreamRequest(ChatRequest request, string model)
    {
        var message = CreateRequest(HttpMethod.Post, new Uri(Settings.BaseUrl!, "v1/chat")); // Authorization: Bearer {key}
        message.Headers.Accept.ParseAdd("text/event-stream");
        var body = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(body))
        {
            json.WriteStartObject();
            json.WriteString("model", model);
            json.WriteStartArray("messages");
            foreach (var turn in request.Messages)
            {
                json.WriteStartObject();
                json.WriteString("role", turn.Role.ToString().ToLowerInvariant());
                json.WriteString("content", turn.Text);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (request.MaxOutputTokens is { } max)
            {
                json.WriteNumber("max_tokens", max);
            }

            json.WriteBoolean("stream", true);
            json.WriteEndObject();
        }

        message.Content = new ByteArrayContent(body.WrittenSpan.ToArray());
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return message;
    }

    // Reads the body as it arrives: one chunk per event, nothing buffered. The base class disposes the response.
    protected override async IAsyncEnumerable<ChatChunk> ParseAsync(
        Stream body, ChatRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var events = SseParser.Create(body, static (type, data) => data.ToArray());
        await foreach (var item in events.EnumerateAsync(cancellationToken).ConfigureAwait(false))
        {
            using var data = JsonDocument.Parse(item.Data);
            var root = data.RootElement;
            switch (item.EventType)
            {
                case "delta":
                    yield return ChatChunk.ForText(root.GetProperty("text").GetString() ?? string.Empty);
                    break;
                case "end":
                    yield return ChatChunk.ForUsage(new ChatUsage
                    {
                        InputTokens = root.GetProperty("input_tokens").GetInt32(),
                        OutputTokens = root.GetProperty("output_tokens").GetInt32(),
                    });
                    var reason = root.GetProperty("reason").GetString();
                    yield return ChatChunk.ForFinish(reason == "max_tokens" ? ChatFinishReason.Length : ChatFinishReason.Stop, reason);
                    yield break;
                case "error":
                    throw ProviderErrors.FromStreamError(
                        Id, root.GetProperty("code").GetString(), root.GetProperty("message").GetString(), Settings.ApiKey);
            }
        }

        // The body ended without `end`: the answer may be cut off, so never report a normal finish.
        throw ProviderErrors.Incomplete(Id);
    }

    // A service without a model list offers the configured models, else its default one.
    public override Task<IReadOnlyList<ChatModelInfo>> ListModelsAsync(CancellationToken cancellationToken = default)
    {
        IReadOnlyList<string> ids = Settings.Models.Count > 0 ? Settings.Models : [Settings.DefaultModel ?? "acme-1"];
        return Task.FromResult<IReadOnlyList<ChatModelInfo>>([.. ids.Select(id => new ChatModelInfo(id))]);
    }
}
