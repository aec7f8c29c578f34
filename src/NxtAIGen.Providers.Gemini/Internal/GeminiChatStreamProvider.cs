using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using NxtAIGen.Abstractions;

namespace NxtAIGen.Providers.Gemini.Internal;

/// <summary>
/// The Gemini provider: <c>POST {BaseUrl}/v1beta/models/{model}:streamGenerateContent?alt=sse</c> with the key in the
/// <c>x-goog-api-key</c> header (never in the URL).
/// </summary>
internal sealed partial class GeminiChatStreamProvider : IChatStreamProvider
{
    /// <summary>The built-in provider id and type.</summary>
    public const string ProviderType = "gemini";

    /// <summary>The name of the <see cref="HttpClient"/> taken from <see cref="IHttpClientFactory"/>.</summary>
    public const string HttpClientName = "NxtAIGen.Gemini";

    /// <summary>The model used when neither the request nor the configuration names one.</summary>
    public const string DefaultModel = "gemini-3.5-flash";

    /// <summary>What Gemini accepts.</summary>
    public const ChatCapabilities DefaultCapabilities = ChatCapabilities.Vision | ChatCapabilities.Documents | ChatCapabilities.Reasoning | ChatCapabilities.Tools;

    private const string ApiKeyHeader = "x-goog-api-key";
    private const string DefaultApiVersion = "v1beta";

    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");
    private static readonly MediaTypeWithQualityHeaderValue EventStream = new("text/event-stream");
    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");

    private readonly ChatProviderSettings _settings;
    private readonly HttpClient _httpClient;
    private readonly TimeProvider _timeProvider;
    private readonly string _apiRoot;

    public GeminiChatStreamProvider(ChatProviderSettings settings, HttpClient httpClient, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(httpClient);
        var baseUrl = settings.BaseUrl ?? DefaultBaseUrl;
        _settings = settings;
        _httpClient = httpClient;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _apiRoot = ApiRoot(baseUrl);
    }

    /// <summary>Gets the service root used when none is configured.</summary>
    public static Uri DefaultBaseUrl { get; } = new("https://generativelanguage.googleapis.com");

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
            throw new ArgumentException($"{Id}: '{model}' is not a valid Gemini model id (letters, digits and . _ - only, optionally after 'models/' or 'tunedModels/').", nameof(request));
        }

        if (request.Messages is not { Count: > 0 })
        {
            throw new ArgumentException($"{Id}: the request has no messages.", nameof(request));
        }

        return StreamCoreAsync(request, model, cancellationToken);
    }

    /// <summary>Builds the streaming URL: <c>{root}/models/{model}:streamGenerateContent?alt=sse</c>.</summary>
    /// <param name="model">The model id, with or without <c>models/</c> (or a <c>tunedModels/...</c> name).</param>
    /// <returns>The URL; it never carries the key.</returns>
    internal Uri StreamUrl(string model)
    {
        var resource = model.Contains('/', StringComparison.Ordinal) ? model : "models/" + model;
        return new Uri($"{_apiRoot}/{resource}:streamGenerateContent?alt=sse");
    }

    /// <summary>The API root: the base URL plus <c>/v1beta</c>, unless the base URL already names a version.</summary>
    private static string ApiRoot(Uri baseUrl)
    {
        var root = baseUrl.AbsoluteUri.TrimEnd('/');
        var lastSegment = root[(root.LastIndexOf('/') + 1)..];
        return VersionPattern().IsMatch(lastSegment) ? root : root + "/" + DefaultApiVersion;
    }

    private async IAsyncEnumerable<ChatChunk> StreamCoreAsync(
        ChatRequest request, string model, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var body = GeminiRequestWriter.Write(request, model, Id);
        using var httpRequest = CreateRequest(HttpMethod.Post, StreamUrl(model), EventStream);
        httpRequest.Content = new ReadOnlyMemoryContent(body) { Headers = { ContentType = JsonContentType } };

        HttpResponseMessage? response = null;
        try
        {
            response = await SendAsync(httpRequest, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw await ProviderErrors.FromResponseAsync(Id, response, _settings.ApiKey, _timeProvider, cancellationToken).ConfigureAwait(false);
            }

            var stream = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
            var parser = new GeminiStreamParser(Id, _settings.ApiKey, request.Reasoning?.IncludeReasoning ?? true);
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

    private HttpRequestMessage CreateRequest(HttpMethod method, Uri url, MediaTypeWithQualityHeaderValue accept)
    {
        var message = new HttpRequestMessage(method, url);
        message.Headers.Accept.Add(accept);
        if (_settings.ApiKey is { Length: > 0 } key)
        {
            message.Headers.TryAddWithoutValidation(ApiKeyHeader, key);
        }

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

    [GeneratedRegex("^(?:(?:models|tunedModels)/)?[A-Za-z0-9._-]{1,128}$")]
    private static partial Regex ModelPattern();

    [GeneratedRegex("^v[0-9]+(?:alpha|beta)?[0-9]*$")]
    private static partial Regex VersionPattern();
}
