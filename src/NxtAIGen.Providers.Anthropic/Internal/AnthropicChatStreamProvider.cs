using System.Net.Http.Headers;
using System.Text.Json;
using NxtAIGen.Abstractions;

namespace NxtAIGen.Providers.Anthropic.Internal;

/// <summary>The Anthropic Messages API provider (<c>POST {BaseUrl}/v1/messages</c> with <c>stream: true</c>).</summary>
internal sealed partial class AnthropicChatStreamProvider : HttpChatStreamProvider
{
    /// <summary>The name of the <see cref="HttpClient"/> taken from <see cref="IHttpClientFactory"/>.</summary>
    public const string HttpClientName = "NxtAIGen.Anthropic";

    private const int MaxJsonErrorBytes = 64 * 1024;

    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");
    private static readonly MediaTypeWithQualityHeaderValue EventStream = new("text/event-stream");

    private readonly Uri _messagesUrl;
    private readonly string _modelsUrl;

    public AnthropicChatStreamProvider(ChatProviderSettings settings, HttpClient httpClient, TimeProvider? timeProvider = null)
        : base(settings, httpClient, timeProvider)
    {
        // The root is the host (https://api.anthropic.com); a root that already ends in /v1 is taken as it is.
        var root = (settings.BaseUrl ?? AnthropicDefaults.BaseUrl).AbsoluteUri.TrimEnd('/');
        if (!root.EndsWith("/v1", StringComparison.OrdinalIgnoreCase))
        {
            root += "/v1";
        }

        _messagesUrl = new Uri(root + "/messages");
        _modelsUrl = root + "/models";
    }

    protected override HttpRequestMessage CreateStreamRequest(ChatRequest request, string model)
    {
        var body = AnthropicRequestWriter.Write(request, model, Settings.Capabilities, Id);
        var httpRequest = CreateRequest(HttpMethod.Post, _messagesUrl);
        httpRequest.Content = new ReadOnlyMemoryContent(body) { Headers = { ContentType = JsonContentType } };
        httpRequest.Headers.Accept.Add(EventStream);
        return httpRequest;
    }

    /// <summary>Rejects a gateway's 200 answer that carries an error object (JSON) instead of a stream.</summary>
    /// <param name="response">The successful response.</param>
    /// <param name="cancellationToken">Cancels reading the JSON.</param>
    /// <returns>A task that completes when the response is an event stream.</returns>
    protected override async Task EnsureStreamResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (IsJson(response))
        {
            throw await FromJsonBodyAsync(response, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override IAsyncEnumerable<ChatChunk> ParseAsync(Stream body, ChatRequest request, CancellationToken cancellationToken) =>
        new AnthropicStreamParser(Id, Settings.ApiKey, request.Reasoning?.IncludeReasoning ?? true).ParseAsync(body, cancellationToken);

    /// <summary>Anthropic takes the key in <c>x-api-key</c>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="apiKey">The key.</param>
    protected override void ApplyAuthentication(HttpRequestMessage request, string apiKey) =>
        request.Headers.TryAddWithoutValidation("x-api-key", apiKey);

    /// <summary>Adds <c>anthropic-version</c>.</summary>
    /// <param name="request">The request.</param>
    protected override void ApplyProviderHeaders(HttpRequestMessage request) =>
        request.Headers.TryAddWithoutValidation("anthropic-version", AnthropicDefaults.ApiVersion);

    private static bool IsJson(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType is { } mediaType
        && (string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    private async Task<NxtAIGenProviderException> FromJsonBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        byte[] body;
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var buffer = new byte[MaxJsonErrorBytes];
                var total = 0;
                int read;
                while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    total += read;
                }

                body = buffer[..total];
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            return ProviderErrors.Network(Id, ex);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty("error", out _))
            {
                var (code, message) = ProviderErrors.ParseErrorElement(root);
                return ProviderErrors.FromStreamError(Id, code, message, Settings.ApiKey);
            }
        }
        catch (JsonException)
        {
            // Not even JSON: reported below.
        }

        return new NxtAIGenProviderException(ProviderErrorKind.Server, Id, $"{Id}: the provider answered with JSON instead of an event stream.");
    }
}
