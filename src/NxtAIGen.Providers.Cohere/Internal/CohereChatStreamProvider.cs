using System.Net.Http.Headers;
using NxtAIGen.Abstractions;

namespace NxtAIGen.Providers.Cohere.Internal;

/// <summary>The Cohere provider: <c>POST {BaseUrl}/v2/chat</c> with <c>stream: true</c>, answered as SSE.</summary>
internal sealed partial class CohereChatStreamProvider : HttpChatStreamProvider
{
    /// <summary>The name of the <see cref="HttpClient"/> taken from <see cref="IHttpClientFactory"/>.</summary>
    public const string HttpClientName = "NxtAIGen.Cohere";

    /// <summary>The model used when neither the request nor the configuration names one.</summary>
    public const string DefaultModel = "command-a-03-2025";

    /// <summary>What the provider accepts (images on vision models, thinking on reasoning models, tools).</summary>
    public const ChatCapabilities DefaultCapabilities = ChatCapabilities.Vision | ChatCapabilities.Reasoning | ChatCapabilities.Tools;

    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");
    private static readonly MediaTypeWithQualityHeaderValue EventStream = new("text/event-stream");

    private readonly Uri _chatUrl;
    private readonly Uri _modelsUrl;

    public CohereChatStreamProvider(ChatProviderSettings settings, HttpClient httpClient, TimeProvider? timeProvider = null)
        : base(settings, httpClient, timeProvider)
    {
        var root = (settings.BaseUrl ?? DefaultBaseUrl).AbsoluteUri.TrimEnd('/');
        _chatUrl = new Uri(root + "/v2/chat");
        _modelsUrl = new Uri(root + "/v1/models?endpoint=chat&page_size=1000");
    }

    /// <summary>Gets Cohere's API root, the default service root.</summary>
    public static Uri DefaultBaseUrl { get; } = new("https://api.cohere.com");

    protected override HttpRequestMessage CreateStreamRequest(ChatRequest request, string model)
    {
        var body = CohereRequestWriter.Write(request, model, Id);
        var httpRequest = CreateRequest(HttpMethod.Post, _chatUrl);
        httpRequest.Content = new ReadOnlyMemoryContent(body) { Headers = { ContentType = JsonContentType } };
        httpRequest.Headers.Accept.Add(EventStream);
        return httpRequest;
    }

    protected override IAsyncEnumerable<ChatChunk> ParseAsync(Stream body, ChatRequest request, CancellationToken cancellationToken) =>
        new CohereStreamParser(Id, Settings.ApiKey, request.Reasoning?.IncludeReasoning ?? true).ParseAsync(body, cancellationToken);
}
