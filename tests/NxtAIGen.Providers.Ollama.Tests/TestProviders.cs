using Microsoft.Extensions.Time.Testing;
using NxtAIGen.Abstractions;
using NxtAIGen.Providers.Ollama.Internal;

namespace NxtAIGen.Providers.Ollama.Tests;

/// <summary>Builds providers over a test handler, without DI.</summary>
internal static class TestProviders
{
    public const string ApiKey = "ollama-test-0123456789abcdef";

    public const string ChatUrl = "http://localhost:11434/api/chat";

    public const string NdjsonMediaType = "application/x-ndjson";

    public static FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

    public static OllamaChatStreamProvider Create(
        HttpMessageHandler handler,
        string? apiKey = null,
        Uri? baseUrl = null,
        IReadOnlyDictionary<string, string>? headers = null,
        IReadOnlyList<string>? models = null)
    {
        var settings = new ChatProviderSettings
        {
            Id = "ollama",
            Type = "ollama",
            Name = "Ollama",
            ApiKey = apiKey,
            BaseUrl = baseUrl,
            DefaultModel = OllamaChatStreamProvider.DefaultModel,
            Capabilities = OllamaChatStreamProvider.DefaultCapabilities,
            Headers = headers ?? new Dictionary<string, string>(),
            Models = models ?? [],
        };
        return new OllamaChatStreamProvider(settings, new HttpClient(handler), Time);
    }

    public static ChatRequest Hello() => new() { Messages = [ChatMessage.User("Hello")] };
}
