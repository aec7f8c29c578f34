using Microsoft.Extensions.Time.Testing;
using NxtAIGen.Abstractions;
using NxtAIGen.Providers.Anthropic.Internal;

namespace NxtAIGen.Providers.Anthropic.Tests;

/// <summary>Builds providers over a test handler, without DI.</summary>
internal static class TestProviders
{
    public const string ApiKey = "sk-ant-test-0123456789abcdef";

    public const string MessagesUrl = "https://api.anthropic.com/v1/messages";

    public static FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

    public static AnthropicChatStreamProvider Create(
        HttpMessageHandler handler,
        string? apiKey = ApiKey,
        Uri? baseUrl = null,
        IReadOnlyDictionary<string, string>? headers = null,
        IReadOnlyList<string>? models = null,
        string id = "anthropic",
        ChatCapabilities? capabilities = null)
    {
        var settings = new ChatProviderSettings
        {
            Id = id,
            Type = AnthropicDefaults.Type,
            Name = AnthropicDefaults.Name,
            ApiKey = apiKey,
            BaseUrl = baseUrl ?? AnthropicDefaults.BaseUrl,
            DefaultModel = AnthropicDefaults.DefaultModel,
            Capabilities = capabilities ?? AnthropicDefaults.Capabilities,
            Headers = headers ?? new Dictionary<string, string>(),
            Models = models ?? [],
        };
        return new AnthropicChatStreamProvider(settings, new HttpClient(handler), Time);
    }

    public static ChatRequest Hello() => new() { Messages = [ChatMessage.User("Hello")] };
}
