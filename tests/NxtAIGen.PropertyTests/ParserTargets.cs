using Microsoft.Extensions.Time.Testing;
using NxtAIGen.Abstractions;
using NxtAIGen.Providers.Anthropic.Internal;
using NxtAIGen.Providers.Cohere.Internal;
using NxtAIGen.Providers.Gemini.Internal;
using NxtAIGen.Providers.Ollama.Internal;
using NxtAIGen.Providers.OpenAI.Internal;

namespace NxtAIGen.PropertyTests;

/// <summary>Every native stream parser, built the way the provider test projects build them (no DI, fixed clock).</summary>
internal static class ParserTargets
{
    private const string ApiKey = "sk-property-0123456789abcdef";

    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

    public static ParserTarget OpenAI { get; } = new(
        "openai",
        ["openai", "azure-openai", "deepseek", "mistral", "xai", "groq", "perplexity", "openrouter", "huggingface", "together", "fireworks", "openai-compatible"],
        "text/event-stream",
        CreateOpenAI);

    public static ParserTarget Anthropic { get; } = new("anthropic", ["anthropic"], "text/event-stream", (_, handler) =>
        new AnthropicChatStreamProvider(
            Settings("anthropic", AnthropicDefaults.Type, AnthropicDefaults.Name, AnthropicDefaults.BaseUrl, AnthropicDefaults.DefaultModel, AnthropicDefaults.Capabilities, ApiKey),
            new HttpClient(handler),
            Time));

    public static ParserTarget Gemini { get; } = new("gemini", ["gemini"], "text/event-stream", (_, handler) =>
        new GeminiChatStreamProvider(
            Settings("gemini", "gemini", "Google Gemini", GeminiChatStreamProvider.DefaultBaseUrl, GeminiChatStreamProvider.DefaultModel, GeminiChatStreamProvider.DefaultCapabilities, ApiKey),
            new HttpClient(handler),
            Time));

    public static ParserTarget Ollama { get; } = new("ollama", ["ollama"], "application/x-ndjson", (_, handler) =>
        new OllamaChatStreamProvider(
            Settings("ollama", "ollama", "Ollama", null, OllamaChatStreamProvider.DefaultModel, OllamaChatStreamProvider.DefaultCapabilities, null),
            new HttpClient(handler),
            Time));

    public static ParserTarget Cohere { get; } = new("cohere", ["cohere"], "text/event-stream", (_, handler) =>
        new CohereChatStreamProvider(
            Settings("cohere", "cohere", "Cohere", null, CohereChatStreamProvider.DefaultModel, CohereChatStreamProvider.DefaultCapabilities, ApiKey),
            new HttpClient(handler),
            Time));

    private static readonly Dictionary<string, ParserTarget> ByName = new(StringComparer.Ordinal)
    {
        [OpenAI.Name] = OpenAI,
        [Anthropic.Name] = Anthropic,
        [Gemini.Name] = Gemini,
        [Ollama.Name] = Ollama,
        [Cohere.Name] = Cohere,
    };

    /// <summary>Gets the names, as theory data.</summary>
    public static TheoryData<string> Names => [.. ByName.Keys];

    public static ParserTarget Get(string name) => ByName[name];

    private static OpenAIChatStreamProvider CreateOpenAI(string folder, HttpMessageHandler handler)
    {
        var type = folder switch
        {
            "azure-openai" => "openai",
            "together" or "fireworks" => OpenAIPresets.CompatibleType,
            _ => folder,
        };
        var preset = OpenAIPresets.Get(type);
        var settings = Settings(type, preset.Type, preset.Name, preset.BaseUrl ?? new Uri("http://localhost:8000/v1"), preset.DefaultModel ?? "local-model", preset.Capabilities, ApiKey);
        var client = new HttpClient(handler);
        return new OpenAIChatStreamProvider(settings, preset, () => client, Time);
    }

    private static ChatProviderSettings Settings(string id, string type, string name, Uri? baseUrl, string defaultModel, ChatCapabilities capabilities, string? apiKey) => new()
    {
        Id = id,
        Type = type,
        Name = name,
        ApiKey = apiKey,
        BaseUrl = baseUrl,
        DefaultModel = defaultModel,
        Capabilities = capabilities,
        Headers = new Dictionary<string, string>(),
        Models = [],
    };
}
