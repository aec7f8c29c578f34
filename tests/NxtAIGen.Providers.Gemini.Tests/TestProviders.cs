using Microsoft.Extensions.Time.Testing;
using NxtAIGen.Abstractions;
using NxtAIGen.Providers.Gemini.Internal;

namespace NxtAIGen.Providers.Gemini.Tests;

/// <summary>Builds providers over a test handler, without DI.</summary>
internal static class TestProviders
{
    public const string ApiKey = "AIza-test-0123456789abcdef";

    public const string StreamUrl = "https://generativelanguage.googleapis.com/v1beta/models/gemini-3.5-flash:streamGenerateContent?alt=sse";

    public static FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

    public static GeminiChatStreamProvider Create(
        HttpMessageHandler handler,
        string? apiKey = ApiKey,
        Uri? baseUrl = null,
        IReadOnlyDictionary<string, string>? headers = null,
        IReadOnlyList<string>? models = null)
    {
        var settings = new ChatProviderSettings
        {
            Id = "gemini",
            Type = "gemini",
            Name = "Google Gemini",
            ApiKey = apiKey,
            BaseUrl = baseUrl ?? GeminiChatStreamProvider.DefaultBaseUrl,
            DefaultModel = GeminiChatStreamProvider.DefaultModel,
            Capabilities = GeminiChatStreamProvider.DefaultCapabilities,
            Headers = headers ?? new Dictionary<string, string>(),
            Models = models ?? [],
        };
        return new GeminiChatStreamProvider(settings, new HttpClient(handler), Time);
    }

    public static ChatRequest Hello() => new() { Messages = [ChatMessage.User("Hello")] };
}
