using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace NxtAIGen.Abstractions;

/// <summary>
/// A base for providers that stream over HTTP: it validates the request, builds and sends the HTTP request, maps
/// transport failures and error answers to <see cref="NxtAIGenProviderException"/>, and hands the response body to
/// <see cref="ParseAsync"/>. A provider supplies the request (<see cref="CreateStreamRequest"/>), the parser and the
/// model listing; the differences of its service (authentication header, fixed headers, model id rules) are overrides.
/// </summary>
public abstract partial class HttpChatStreamProvider : IChatStreamProvider
{
    private readonly Func<HttpClient> _httpClientFactory;

    /// <summary>Creates the provider over one <see cref="HttpClient"/>.</summary>
    /// <param name="settings">The id's effective settings.</param>
    /// <param name="httpClient">The client every request goes through.</param>
    /// <param name="timeProvider">The clock for <c>Retry-After</c> dates; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    protected HttpChatStreamProvider(ChatProviderSettings settings, HttpClient httpClient, TimeProvider? timeProvider = null)
        : this(settings, ClientFactory(httpClient), timeProvider)
    {
    }

    /// <summary>Creates the provider with a client taken for each request (from an <c>IHttpClientFactory</c>, say).</summary>
    /// <param name="settings">The id's effective settings.</param>
    /// <param name="httpClientFactory">Gives the <see cref="HttpClient"/> for each request.</param>
    /// <param name="timeProvider">The clock for <c>Retry-After</c> dates; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    protected HttpChatStreamProvider(ChatProviderSettings settings, Func<HttpClient> httpClientFactory, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        Settings = settings;
        _httpClientFactory = httpClientFactory;
        TimeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public string Id => Settings.Id;

    /// <inheritdoc />
    public ChatCapabilities Capabilities => Settings.Capabilities;

    /// <summary>Gets the id's effective settings.</summary>
    protected ChatProviderSettings Settings { get; }

    /// <summary>Gets the clock used for <c>Retry-After</c> dates.</summary>
    protected TimeProvider TimeProvider { get; }

    /// <summary>
    /// Validates the request now (<see cref="ArgumentNullException"/>, or <see cref="ArgumentException"/> for a missing
    /// or invalid model or no messages) and returns the stream, which sends the request when enumerated.
    /// </summary>
    /// <param name="request">The request; its model, or the configured default model, is used.</param>
    /// <param name="cancellationToken">Cancels the request and the stream.</param>
    /// <returns>The chunks of the answer.</returns>
    public IAsyncEnumerable<ChatChunk> StreamAsync(ChatRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var model = string.IsNullOrEmpty(request.Model) ? Settings.DefaultModel : request.Model;
        if (string.IsNullOrEmpty(model))
        {
            throw new ArgumentException($"{Id}: the request names no model and no default model is configured.", nameof(request));
        }

        if (ValidateModelId(model) is { } problem)
        {
            throw new ArgumentException(problem, nameof(request));
        }

        if (request.Messages is not { Count: > 0 })
        {
            throw new ArgumentException($"{Id}: the request has no messages.", nameof(request));
        }

        return StreamCoreAsync(request, model, cancellationToken);
    }

    /// <inheritdoc />
    public abstract Task<IReadOnlyList<ChatModelInfo>> ListModelsAsync(CancellationToken cancellationToken = default);

    /// <summary>Builds the streaming request (usually with <see cref="CreateRequest"/>, then the body and <c>Accept</c>).</summary>
    /// <param name="request">The validated request.</param>
    /// <param name="model">The model to use.</param>
    /// <returns>The HTTP request; it is disposed after the stream ends.</returns>
    protected abstract HttpRequestMessage CreateStreamRequest(ChatRequest request, string model);

    /// <summary>Reads the chunks out of a successful response's body.</summary>
    /// <param name="body">The response body.</param>
    /// <param name="request">The request being answered.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The chunks.</returns>
    protected abstract IAsyncEnumerable<ChatChunk> ParseAsync(Stream body, ChatRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Checks a model id before anything is sent. The default accepts <c>^[A-Za-z0-9._:/-]{1,128}$</c>.
    /// </summary>
    /// <param name="model">The model id.</param>
    /// <returns><see langword="null"/> when the id is valid; otherwise the message of the <see cref="ArgumentException"/>.</returns>
    protected virtual string? ValidateModelId(string model) =>
        ModelPattern().IsMatch(model)
            ? null
            : $"{Id}: '{model}' is not a valid model id (letters, digits and . _ : / - only, at most 128).";

    /// <summary>
    /// Checks a successful streaming response before its body is parsed; throws to report a failure (a gateway that
    /// answers 200 with an error object, say). The default does nothing.
    /// </summary>
    /// <param name="response">The response, with a success status.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>A task that completes when the response is accepted.</returns>
    protected virtual Task EnsureStreamResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Creates a request: sets the key with <see cref="ApplyAuthentication"/> (when one is configured), adds
    /// <see cref="ApplyProviderHeaders"/>, then the configured headers, which replace any of the same name.
    /// </summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="url">The URL.</param>
    /// <returns>The request.</returns>
    protected HttpRequestMessage CreateRequest(HttpMethod method, Uri url)
    {
        var message = new HttpRequestMessage(method, url);
        if (Settings.ApiKey is { Length: > 0 } key)
        {
            ApplyAuthentication(message, key);
        }

        ApplyProviderHeaders(message);
        foreach (var (name, value) in Settings.Headers)
        {
            message.Headers.Remove(name);
            message.Headers.TryAddWithoutValidation(name, value);
        }

        return message;
    }

    /// <summary>Puts the API key on a request. The default sends <c>Authorization: Bearer {key}</c>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="apiKey">The configured key, never empty.</param>
    protected virtual void ApplyAuthentication(HttpRequestMessage request, string apiKey)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
    }

    /// <summary>Adds the headers the service always needs (an API version, say); the configured headers come after. The default adds none.</summary>
    /// <param name="request">The request.</param>
    protected virtual void ApplyProviderHeaders(HttpRequestMessage request)
    {
    }

    /// <summary>
    /// Sends a request, returning as soon as the headers are read. A transport failure becomes
    /// <see cref="ProviderErrorKind.Network"/>, a client timeout <see cref="ProviderErrorKind.Timeout"/>; the status is not checked.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response; the caller disposes it.</returns>
    protected async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await _httpClientFactory().SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
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

    /// <summary>Turns an unsuccessful response into the exception to throw (see <see cref="ProviderErrors.FromResponseAsync"/>).</summary>
    /// <param name="response">The response.</param>
    /// <param name="cancellationToken">Cancels reading the error body.</param>
    /// <returns>The exception, with the key redacted.</returns>
    protected Task<NxtAIGenProviderException> ErrorFromResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        ProviderErrors.FromResponseAsync(Id, response, Settings.ApiKey, TimeProvider, cancellationToken);

    /// <summary>Opens a response's body; a transport failure becomes <see cref="ProviderErrorKind.Network"/>.</summary>
    /// <param name="response">The response.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The body stream.</returns>
    protected async Task<Stream> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        try
        {
            return await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            throw ProviderErrors.Network(Id, ex);
        }
    }

    /// <summary>
    /// Gets a JSON document (a model list page, say) as bytes: sends <c>GET</c>, throws the mapped error for an
    /// unsuccessful status, and reads the whole body.
    /// </summary>
    /// <param name="url">The URL.</param>
    /// <param name="notFoundAsNull">Whether a 404 answer gives <see langword="null"/> instead of an error.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The body, or <see langword="null"/> for an allowed 404.</returns>
    protected async Task<byte[]?> GetBytesAsync(Uri url, bool notFoundAsNull, CancellationToken cancellationToken)
    {
        using var request = CreateRequest(HttpMethod.Get, url);
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            if (notFoundAsNull && (int)response.StatusCode == 404)
            {
                return null;
            }

            throw await ErrorFromResponseAsync(response, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            throw ProviderErrors.Network(Id, ex);
        }
    }

    /// <summary>Reads a model list; invalid JSON becomes <see cref="ProviderErrorKind.Server"/>.</summary>
    /// <typeparam name="T">The wire type.</typeparam>
    /// <param name="body">The JSON.</param>
    /// <param name="typeInfo">The source-generated metadata of <typeparamref name="T"/>.</param>
    /// <returns>The value (<see langword="null"/> for a JSON <c>null</c>).</returns>
    protected T? DeserializeModelList<T>(ReadOnlySpan<byte> body, JsonTypeInfo<T> typeInfo)
    {
        try
        {
            return JsonSerializer.Deserialize(body, typeInfo);
        }
        catch (JsonException ex)
        {
            throw new NxtAIGenProviderException(ProviderErrorKind.Server, Id, $"{Id}: the model list is not valid JSON.", ex);
        }
    }

    private static Func<HttpClient> ClientFactory(HttpClient httpClient)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        return () => httpClient;
    }

    private async IAsyncEnumerable<ChatChunk> StreamCoreAsync(
        ChatRequest request, string model, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var httpRequest = CreateStreamRequest(request, model);
        HttpResponseMessage? response = null;
        try
        {
            response = await SendAsync(httpRequest, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw await ErrorFromResponseAsync(response, cancellationToken).ConfigureAwait(false);
            }

            await EnsureStreamResponseAsync(response, cancellationToken).ConfigureAwait(false);
            var stream = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
            var chunks = ParseAsync(stream, request, cancellationToken).GetAsyncEnumerator(cancellationToken);
            await using (chunks.ConfigureAwait(false))
            {
                while (await MoveNextAsync(chunks).ConfigureAwait(false))
                {
                    yield return chunks.Current;
                }
            }
        }
        finally
        {
            response?.Dispose();
        }
    }

    /// <summary>
    /// Advances the parser, turning System.Text.Json's failure to transcode invalid UTF-8 (a string value the
    /// provider sent that is not UTF-8, met when a parser reads a <see cref="JsonElement"/>) into the documented
    /// <see cref="NxtAIGenProviderException"/>.
    /// </summary>
    private ValueTask<bool> MoveNextAsync(IAsyncEnumerator<ChatChunk> chunks)
    {
        // A chunk that is already parsed needs no async state machine (nor its try/catch): the hot path of a stream.
        var next = chunks.MoveNextAsync();
        return next.IsCompletedSuccessfully ? next : MoveNextSlowAsync(next);
    }

    private async ValueTask<bool> MoveNextSlowAsync(ValueTask<bool> next)
    {
        try
        {
            return await next.ConfigureAwait(false);
        }
        catch (InvalidOperationException ex) when (ex.InnerException is DecoderFallbackException)
        {
            throw new NxtAIGenProviderException(ProviderErrorKind.Server, Id, $"{Id}: the stream contained text that is not valid UTF-8.", ex);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._:/-]{1,128}$")]
    private static partial Regex ModelPattern();
}
