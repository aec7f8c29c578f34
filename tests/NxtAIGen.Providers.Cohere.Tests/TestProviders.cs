using Microsoft.Extensions.Time.Testing;
using NxtAIGen.Abstractions;
using NxtAIGen.Providers.Cohere.Internal;

namespace NxtAIGen.Providers.Cohere.Tests;

/// <summary>Builds providers over a test handler, without DI.</summary>
internal static class TestProviders
{
    public const string ApiKey = "co-test-0123456789abcdef";

    public const string ChatUrl = "https://api.cohere.com/v2/chat";

    public static FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

    public static CohereChatStreamProvider Create(
        HttpMessageHandler handler,
        string? apiKey = ApiKey,
        Uri? baseUrl = null,
        IReadOnlyDictionary<string, string>? headers = null,
        IReadOnlyList<string>? models = null)
    {
        var settings = new ChatProviderSettings
        {
            Id = "cohere",
            Type = "cohere",
            Name = "Cohere",
            ApiKey = apiKey,
            BaseUrl = baseUrl,
            DefaultModel = CohereChatStreamProvider.DefaultModel,
            Capabilities = CohereChatStreamProvider.DefaultCapabilities,
            Headers = headers ?? new Dictionary<string, string>(),
            Models = models ?? [],
        };
        return new CohereChatStreamProvider(settings, new HttpClient(handler), Time);
    }

    public static ChatRequest Hello() => new() { Messages = [ChatMessage.User("Hello")] };
}
