using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using NxtAIGen.Abstractions;

namespace NxtAIGen.Providers.Ollama.Internal;

/// <summary>The Ollama provider: <c>POST {BaseUrl}/api/chat</c> with <c>stream: true</c>, answered as NDJSON.</summary>
internal sealed partial class OllamaChatStreamProvider : IChatStreamProvider
{
    /// <summary>The name of the <see cref="HttpClient"/> taken from <see cref="IHttpClientFactory"/>.</summary>
    public const string HttpClientName = "NxtAIGen.Ollama";

    /// <summary>The model used when neither the request nor the configuration names one.</summary>
    public const string DefaultModel = "gemma4";

    /// <summary>What the provider accepts (per model, Ollama decides; these are what the wire carries).</summary>
    public const ChatCapabilities DefaultCapabilities = ChatCapabilities.Vision | ChatCapabilities.Reasoning | ChatCapabilities.Tools;

    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");
    private static readonly MediaTypeWithQualityHeaderValue Ndjson = new("application/x-ndjson");

    private readonly ChatProviderSettings _settings;
    private readonly HttpClient _httpClient;
    private readonly TimeProvider _timeProvider;
    private readonly Uri _chatUrl;
    private readonly Uri _tagsUrl;

    public OllamaChatStreamProvider(ChatProviderSettings settings, HttpClient httpClient, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(httpClient);
        var root = (settings.BaseUrl ?? DefaultBaseUrl).AbsoluteUri.TrimEnd('/');
        _settings = settings;
        _httpClient = httpClient;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _chatUrl = new Uri(root + "/api/chat");
        _tagsUrl = new Uri(root + "/api/tags");
    }

    /// <summary>Gets the local server's address, the default service root.</summary>
    public static Uri DefaultBaseUrl { get; } = new("http://localhost:11434");

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
        var body = OllamaRequestWriter.Write(request, model, Id);
        using var httpRequest = CreateRequest(HttpMethod.Post, _chatUrl);
        httpRequest.Content = new ReadOnlyMemoryContent(body) { Headers = { ContentType = JsonContentType } };
        httpRequest.Headers.Accept.Add(Ndjson);

        HttpResponseMessage? response = null;
        try
        {
            response = await SendAsync(httpRequest, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw await ProviderErrors.FromResponseAsync(Id, response, _settings.ApiKey, _timeProvider, cancellationToken).ConfigureAwait(false);
            }

            var stream = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
            var parser = new OllamaStreamParser(Id, _settings.ApiKey, request.Reasoning?.IncludeReasoning ?? true);
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
            // A local server needs no key; Ollama's cloud (and authenticating proxies) take a bearer token.
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
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

    [GeneratedRegex("^[A-Za-z0-9._:/-]{1,128}$")]
    private static partial Regex ModelPattern();
}
