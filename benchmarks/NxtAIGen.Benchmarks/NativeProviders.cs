using NxtAIGen.Abstractions;
using NxtAIGen.Providers.Anthropic.Internal;
using NxtAIGen.Providers.Cohere.Internal;
using NxtAIGen.Providers.Gemini.Internal;
using NxtAIGen.Providers.Ollama.Internal;

namespace NxtAIGen.Benchmarks;

/// <summary>Builds the native-format providers (Anthropic, Ollama, Gemini, Cohere) over an in-memory body.</summary>
internal static class NativeProviders
{
    public static IChatStreamProvider Create(string format, byte[] body)
    {
        var client = new HttpClient(new InMemoryHandler(body));
        return format switch
        {
            "anthropic" => new AnthropicChatStreamProvider(Settings(format, "http://localhost:8000", "claude-haiku-4-5"), client),
            "ollama" => new OllamaChatStreamProvider(Settings(format, "http://localhost:11434", "llama3.2", apiKey: null), client),
            "gemini" => new GeminiChatStreamProvider(Settings(format, "http://localhost:8000", "gemini-2.0-flash"), client),
            "cohere" => new CohereChatStreamProvider(Settings(format, "http://localhost:8000", "command-a-03-2025"), client),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Not a native format."),
        };
    }

    /// <summary>Streams the whole answer as an app does and returns the length of the text it got (negative after an error fixture's exception).</summary>
    public static async Task<int> ReadTextAsync(IChatStreamProvider provider, ChatRequest request)
    {
        var length = 0;
        try
        {
            await foreach (var chunk in provider.StreamAsync(request))
            {
                if (chunk.Kind == ChatChunkKind.Text)
                {
                    length += chunk.Text!.Length;
                }
            }
        }
        catch (NxtAIGenProviderException)
        {
            length = -length; // Error fixtures end this way on purpose.
        }

        return length;
    }

    private static ChatProviderSettings Settings(string format, string baseUrl, string model, string? apiKey = "sk-bench") => new()
    {
        Id = format,
        Type = format,
        Name = format,
        ApiKey = apiKey,
        BaseUrl = new Uri(baseUrl),
        DefaultModel = model,
        Capabilities = ChatCapabilities.Reasoning | ChatCapabilities.Tools,
    };
}
