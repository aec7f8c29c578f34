using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using NxtAIGen.Abstractions;

namespace NxtAIGen.Providers.OpenAI.Internal;

/// <summary>
/// The Chat Completions provider for OpenAI and every OpenAI-compatible service; the service's differences come
/// from its <see cref="OpenAIPreset"/>.
/// </summary>
internal sealed partial class OpenAIChatStreamProvider : IChatStreamProvider
{
    /// <summary>The name of the <see cref="HttpClient"/> taken from <see cref="IHttpClientFactory"/>.</summary>
    public const string HttpClientName = "NxtAIGen.OpenAI";

    private readonly ChatProviderSettings _settings;
    private readonly OpenAIPreset _preset;
    private readonly Func<HttpClient> _httpClientFactory;
    private readonly TimeProvider _timeProvider;
    private readonly Uri _chatUrl;
    private readonly Uri _modelsUrl;

    /// <summary>Creates the provider.</summary>
    /// <param name="settings">The id's effective settings.</param>
    /// <param name="preset">The service's data and quirks.</param>
    /// <param name="httpClientFactory">
    /// Gives the <see cref="HttpClient"/> for each request; from <see cref="IHttpClientFactory"/>, so that a long-lived
    /// provider still gets its handlers rotated.
    /// </param>
    /// <param name="timeProvider">The clock for <c>Retry-After</c> dates.</param>
    public OpenAIChatStreamProvider(ChatProviderSettings settings, OpenAIPreset preset, Func<HttpClient> httpClientFactory, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(preset);
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        var baseUrl = settings.BaseUrl ?? preset.BaseUrl
            ?? throw new InvalidOperationException($"NxtAIGen:Providers:{settings.Id}:BaseUrl is required for type '{settings.Type}'.");
        _settings = settings;
        _preset = preset;
        _httpClientFactory = httpClientFactory;
        _timeProvider = timeProvider ?? TimeProvider.System;
        var root = baseUrl.AbsoluteUri.TrimEnd('/');
        _chatUrl = new Uri(root + "/chat/completions");
        _modelsUrl = new Uri(root + "/models");
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
        var body = OpenAIRequestWriter.Write(request, model, _preset, Id);
        using var httpRequest = CreateRequest(HttpMethod.Post, _chatUrl);
        httpRequest.Content = new ReadOnlyMemoryContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
        httpRequest.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));

        HttpResponseMessage? response = null;
        try
        {
            response = await SendAsync(httpRequest, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw await ProviderErrors.FromResponseAsync(Id, response, _settings.ApiKey, _timeProvider, cancellationToken).ConfigureAwait(false);
            }

            var stream = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
            var parser = new OpenAIStreamParser(Id, _settings.ApiKey, request.Reasoning?.IncludeReasoning ?? true);
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
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        foreach (var (name, value) in _preset.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
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

    [GeneratedRegex("^[A-Za-z0-9._:/-]{1,128}$")]
    private static partial Regex ModelPattern();
}
