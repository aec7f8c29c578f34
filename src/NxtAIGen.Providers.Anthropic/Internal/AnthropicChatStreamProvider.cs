using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using NxtAIGen.Abstractions;

namespace NxtAIGen.Providers.Anthropic.Internal;

/// <summary>The Anthropic Messages API provider (<c>POST {BaseUrl}/v1/messages</c> with <c>stream: true</c>).</summary>
internal sealed partial class AnthropicChatStreamProvider : IChatStreamProvider
{
    /// <summary>The name of the <see cref="HttpClient"/> taken from <see cref="IHttpClientFactory"/>.</summary>
    public const string HttpClientName = "NxtAIGen.Anthropic";

    private const int MaxJsonErrorBytes = 64 * 1024;

    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");
    private static readonly MediaTypeWithQualityHeaderValue EventStream = new("text/event-stream");

    private readonly ChatProviderSettings _settings;
    private readonly HttpClient _httpClient;
    private readonly TimeProvider _timeProvider;
    private readonly Uri _messagesUrl;
    private readonly string _modelsUrl;

    public AnthropicChatStreamProvider(ChatProviderSettings settings, HttpClient httpClient, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(httpClient);
        _settings = settings;
        _httpClient = httpClient;
        _timeProvider = timeProvider ?? TimeProvider.System;

        // The root is the host (https://api.anthropic.com); a root that already ends in /v1 is taken as it is.
        var root = (settings.BaseUrl ?? AnthropicDefaults.BaseUrl).AbsoluteUri.TrimEnd('/');
        if (!root.EndsWith("/v1", StringComparison.OrdinalIgnoreCase))
        {
            root += "/v1";
        }

        _messagesUrl = new Uri(root + "/messages");
        _modelsUrl = root + "/models";
    }

    public string Id => _settings.Id;

    public ChatCapabilities Capabilities => _settings.Capabilities;

    public IAsyncEnumerable<ChatChunk> StreamAsync(ChatRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var model = string.IsNullOrEmpty(request.Model) ? _settings.DefaultModel : request.Model;
        if (string.IsNullOrEmpty(model))
        {
            throw new ArgumentException($"{Id}: the request names no model and no default model is configured.", nameof(request));
        }

        if (!ModelPattern().IsMatch(model))
        {
            throw new ArgumentException($"{Id}: '{model}' is not a valid model id (letters, digits and . _ : / - only, at most 128).", nameof(request));
        }

        if (request.Messages is not { Count: > 0 })
        {
            throw new ArgumentException($"{Id}: the request has no messages.", nameof(request));
        }

        return StreamCoreAsync(request, model, cancellationToken);
    }

    private async IAsyncEnumerable<ChatChunk> StreamCoreAsync(
        ChatRequest request, string model, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var body = AnthropicRequestWriter.Write(request, model, _settings.Capabilities, Id);
        using var httpRequest = CreateRequest(HttpMethod.Post, _messagesUrl);
        httpRequest.Content = new ReadOnlyMemoryContent(body) { Headers = { ContentType = JsonContentType } };
        httpRequest.Headers.Accept.Add(EventStream);

        HttpResponseMessage? response = null;
        try
        {
            response = await SendAsync(httpRequest, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw await ProviderErrors.FromResponseAsync(Id, response, _settings.ApiKey, _timeProvider, cancellationToken).ConfigureAwait(false);
            }

            if (IsJson(response))
            {
                // A gateway that answers 200 with an error object instead of a stream.
                throw await FromJsonBodyAsync(response, cancellationToken).ConfigureAwait(false);
            }

            var stream = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
            var parser = new AnthropicStreamParser(Id, _settings.ApiKey, request.Reasoning?.IncludeReasoning ?? true);
            await foreach (var chunk in parser.ParseAsync(stream, cancellationToken).ConfigureAwait(false))
            {
                yield return chunk;
            }
        }
        finally
        {
            response?.Dispose();
        }
    }

    private HttpRequestMessage CreateRequest(HttpMethod method, Uri url)
    {
        var message = new HttpRequestMessage(method, url);
        if (_settings.ApiKey is { Length: > 0 } key)
        {
            message.Headers.TryAddWithoutValidation("x-api-key", key);
        }

        message.Headers.TryAddWithoutValidation("anthropic-version", AnthropicDefaults.ApiVersion);
        foreach (var (name, value) in _settings.Headers)
        {
            message.Headers.Remove(name);
            message.Headers.TryAddWithoutValidation(name, value);
        }

        return message;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw ProviderErrors.Network(Id, ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested && ex.InnerException is TimeoutException)
        {
            throw new NxtAIGenProviderException(ProviderErrorKind.Timeout, Id, $"{Id}: the provider did not answer in time.", ex);
        }
    }

    private async Task<Stream> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            throw ProviderErrors.Network(Id, ex);
        }
    }

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
                return ProviderErrors.FromStreamError(Id, code, message, _settings.ApiKey);
            }
        }
        catch (JsonException)
        {
            // Not even JSON: reported below.
        }

        return new NxtAIGenProviderException(ProviderErrorKind.Server, Id, $"{Id}: the provider answered with JSON instead of an event stream.");
    }

    [GeneratedRegex("^[A-Za-z0-9._:/-]{1,128}$")]
    private static partial Regex ModelPattern();
}
