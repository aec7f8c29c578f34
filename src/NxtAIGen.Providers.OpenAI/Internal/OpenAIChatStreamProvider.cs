using System.Net.Http.Headers;
using NxtAIGen.Abstractions;

namespace NxtAIGen.Providers.OpenAI.Internal;

/// <summary>
/// The Chat Completions provider for OpenAI and every OpenAI-compatible service; the service's differences come
/// from its <see cref="OpenAIPreset"/>.
/// </summary>
internal sealed partial class OpenAIChatStreamProvider : HttpChatStreamProvider
{
    /// <summary>The name of the <see cref="HttpClient"/> taken from <see cref="IHttpClientFactory"/>.</summary>
    public const string HttpClientName = "NxtAIGen.OpenAI";

    private readonly OpenAIPreset _preset;
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
        : base(settings, httpClientFactory, timeProvider)
    {
        ArgumentNullException.ThrowIfNull(preset);
        var baseUrl = settings.BaseUrl ?? preset.BaseUrl
            ?? throw new InvalidOperationException($"NxtAIGen:Providers:{settings.Id}:BaseUrl is required for type '{settings.Type}'.");
        _preset = preset;
        var root = baseUrl.AbsoluteUri.TrimEnd('/');
        _chatUrl = new Uri(root + "/chat/completions");
        _modelsUrl = new Uri(root + "/models");
    }

    protected override HttpRequestMessage CreateStreamRequest(ChatRequest request, string model)
    {
        var body = OpenAIRequestWriter.Write(request, model, _preset, Id);
        var httpRequest = CreateRequest(HttpMethod.Post, _chatUrl);
        httpRequest.Content = new ReadOnlyMemoryContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
        httpRequest.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        return httpRequest;
    }

    protected override IAsyncEnumerable<ChatChunk> ParseAsync(Stream body, ChatRequest request, CancellationToken cancellationToken) =>
        new OpenAIStreamParser(Id, Settings.ApiKey, request.Reasoning?.IncludeReasoning ?? true).ParseAsync(body, cancellationToken);

    /// <summary>Adds the preset's fixed headers (before the configured ones, which win).</summary>
    /// <param name="request">The request.</param>
    protected override void ApplyProviderHeaders(HttpRequestMessage request)
    {
        foreach (var (name, value) in _preset.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
    }
}
