using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using NxtAIGen.Abstractions;

namespace NxtAIGen.Providers.Gemini.Internal;

/// <summary>
/// The Gemini provider: <c>POST {BaseUrl}/v1beta/models/{model}:streamGenerateContent?alt=sse</c> with the key in the
/// <c>x-goog-api-key</c> header (never in the URL).
/// </summary>
internal sealed partial class GeminiChatStreamProvider : HttpChatStreamProvider
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

    private readonly string _apiRoot;

    public GeminiChatStreamProvider(ChatProviderSettings settings, HttpClient httpClient, TimeProvider? timeProvider = null)
        : base(settings, httpClient, timeProvider)
    {
        var baseUrl = settings.BaseUrl ?? DefaultBaseUrl;
        _apiRoot = ApiRoot(baseUrl);
    }

    /// <summary>Gets the service root used when none is configured.</summary>
    public static Uri DefaultBaseUrl { get; } = new("https://generativelanguage.googleapis.com");

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

    protected override string? ValidateModelId(string model) =>
        ModelPattern().IsMatch(model)
            ? null
            : $"{Id}: '{model}' is not a valid Gemini model id (letters, digits and . _ - only, optionally after 'models/' or 'tunedModels/').";

    protected override HttpRequestMessage CreateStreamRequest(ChatRequest request, string model)
    {
        var body = GeminiRequestWriter.Write(request, model, Id);
        var httpRequest = CreateRequest(HttpMethod.Post, StreamUrl(model));
        httpRequest.Content = new ReadOnlyMemoryContent(body) { Headers = { ContentType = JsonContentType } };
        return httpRequest;
    }

    protected override IAsyncEnumerable<ChatChunk> ParseAsync(Stream body, ChatRequest request, CancellationToken cancellationToken) =>
        new GeminiStreamParser(Id, Settings.ApiKey, request.Reasoning?.IncludeReasoning ?? true).ParseAsync(body, cancellationToken);

    /// <summary>Gemini takes the key in <c>x-goog-api-key</c>, never in the URL.</summary>
    /// <param name="request">The request.</param>
    /// <param name="apiKey">The key.</param>
    protected override void ApplyAuthentication(HttpRequestMessage request, string apiKey) =>
        request.Headers.TryAddWithoutValidation(ApiKeyHeader, apiKey);

    /// <summary>Adds <c>Accept</c>: an event stream for the streaming <c>POST</c>, JSON for the model list.</summary>
    /// <param name="request">The request.</param>
    protected override void ApplyProviderHeaders(HttpRequestMessage request) =>
        request.Headers.Accept.Add(request.Method == HttpMethod.Post ? EventStream : Json);

    [GeneratedRegex("^(?:(?:models|tunedModels)/)?[A-Za-z0-9._-]{1,128}$")]
    private static partial Regex ModelPattern();

    [GeneratedRegex("^v[0-9]+(?:alpha|beta)?[0-9]*$")]
    private static partial Regex VersionPattern();
}
