using Microsoft.Extensions.Time.Testing;
using NxtAIGen.Abstractions;
using NxtAIGen.Providers.OpenAI.Internal;

namespace NxtAIGen.Providers.OpenAI.Tests;

/// <summary>Builds providers over a test handler, without DI.</summary>
internal static class TestProviders
{
    public const string ApiKey = "sk-test-0123456789abcdef";

    /// <summary>The OpenAI-family fixture folders.</summary>
    public static readonly string[] FixtureFolders =
        ["openai", "azure-openai", "deepseek", "mistral", "xai", "groq", "perplexity", "openrouter", "huggingface", "together", "fireworks", "openai-compatible"];

    public static FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

    public static OpenAIChatStreamProvider Create(
        string type,
        HttpMessageHandler handler,
        string? apiKey = ApiKey,
        Uri? baseUrl = null,
        IReadOnlyDictionary<string, string>? headers = null,
        IReadOnlyList<string>? models = null,
        TimeProvider? timeProvider = null)
    {
        var preset = OpenAIPresets.Get(type);
        var settings = new ChatProviderSettings
        {
            Id = type,
            Type = preset.Type,
            Name = preset.Name,
            ApiKey = apiKey,
            BaseUrl = baseUrl ?? preset.BaseUrl ?? new Uri("http://localhost:8000/v1"),
            DefaultModel = preset.DefaultModel ?? "local-model",
            Capabilities = preset.Capabilities,
            Headers = headers ?? new Dictionary<string, string>(),
            Models = models ?? [],
        };
        var client = new HttpClient(handler);
        return new OpenAIChatStreamProvider(settings, preset, () => client, timeProvider ?? Time);
    }

    /// <summary>The preset a fixture folder is replayed with.</summary>
    public static string TypeForFixture(string folder) => folder switch
    {
        "azure-openai" => "openai",
        "together" or "fireworks" => OpenAIPresets.CompatibleType,
        _ => folder,
    };

    public static ChatRequest Hello() => new() { Messages = [ChatMessage.User("Hello")] };
}
