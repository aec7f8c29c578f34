using System.Net.Http.Headers;
using NxtAIGen.Abstractions;

namespace NxtAIGen.Providers.Ollama.Internal;

/// <summary>
/// The Ollama provider: <c>POST {BaseUrl}/api/chat</c> with <c>stream: true</c>, answered as NDJSON. A local server
/// needs no key; Ollama's cloud (and authenticating proxies) take a bearer token, the base class's default.
/// </summary>
internal sealed partial class OllamaChatStreamProvider : HttpChatStreamProvider
{
    /// <summary>The name of the <see cref="HttpClient"/> taken from <see cref="IHttpClientFactory"/>.</summary>
    public const string HttpClientName = "NxtAIGen.Ollama";

    /// <summary>The model used when neither the request nor the configuration names one.</summary>
    public const string DefaultModel = "gemma4";

    /// <summary>What the provider accepts (per model, Ollama decides; these are what the wire carries).</summary>
    public const ChatCapabilities DefaultCapabilities = ChatCapabilities.Vision | ChatCapabilities.Reasoning | ChatCapabilities.Tools;

    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");
    private static readonly MediaTypeWithQualityHeaderValue Ndjson = new("application/x-ndjson");

    private readonly Uri _chatUrl;
    private readonly Uri _tagsUrl;

    public OllamaChatStreamProvider(ChatProviderSettings settings, HttpClient httpClient, TimeProvider? timeProvider = null)
        : base(settings, httpClient, timeProvider)
    {
        var root = (settings.BaseUrl ?? DefaultBaseUrl).AbsoluteUri.TrimEnd('/');
        _chatUrl = new Uri(root + "/api/chat");
        _tagsUrl = new Uri(root + "/api/tags");
    }

    /// <summary>Gets the local server's address, the default service root.</summary>
    public static Uri DefaultBaseUrl { get; } = new("http://localhost:11434");

    protected override HttpRequestMessage CreateStreamRequest(ChatRequest request, string model)
    {
        var body = OllamaRequestWriter.Write(request, model, Id);
        var httpRequest = CreateRequest(HttpMethod.Post, _chatUrl);
        httpRequest.Content = new ReadOnlyMemoryContent(body) { Headers = { ContentType = JsonContentType } };
        httpRequest.Headers.Accept.Add(Ndjson);
        return httpRequest;
    }

    protected override IAsyncEnumerable<ChatChunk> ParseAsync(Stream body, ChatRequest request, CancellationToken cancellationToken) =>
        new OllamaStreamParser(Id, Settings.ApiKey, request.Reasoning?.IncludeReasoning ?? true).ParseAsync(body, cancellationToken);
}
