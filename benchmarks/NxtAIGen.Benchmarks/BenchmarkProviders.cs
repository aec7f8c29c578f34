using NxtAIGen.Abstractions;
using NxtAIGen.Providers.OpenAI.Internal;

namespace NxtAIGen.Benchmarks;

/// <summary>Builds OpenAI-family providers over an in-memory body.</summary>
internal static class BenchmarkProviders
{
    public static IChatStreamProvider Create(string type, byte[] body)
    {
        var preset = OpenAIPresets.Get(type);
        var settings = new ChatProviderSettings
        {
            Id = preset.Type,
            Type = preset.Type,
            Name = preset.Name,
            ApiKey = "sk-bench",
            BaseUrl = preset.BaseUrl ?? new Uri("http://localhost:8000/v1"),
            DefaultModel = preset.DefaultModel ?? "local-model",
            Capabilities = preset.Capabilities,
        };
        var client = new HttpClient(new InMemoryHandler(body));
        return new OpenAIChatStreamProvider(settings, preset, () => client);
    }

    public static string TypeForFixture(string folder) => folder switch
    {
        "azure-openai" => "openai",
        "together" or "fireworks" => OpenAIPresets.CompatibleType,
        _ => folder,
    };

    /// <summary>Reads a whole stream as an app would, returning the total length of its text (so the work cannot be skipped).</summary>
    public static async Task<int> DrainTextAsync(IChatStreamProvider provider, ChatRequest request)
    {
        var length = 0;
        await foreach (var chunk in provider.StreamAsync(request).ConfigureAwait(false))
        {
            length += chunk.Text?.Length ?? 0;
        }

        return length;
    }

    public static async Task<int> DrainAsync(IChatStreamProvider provider, ChatRequest request)
    {
        var count = 0;
        try
        {
            await foreach (var _ in provider.StreamAsync(request))
            {
                count++;
            }
        }
        catch (NxtAIGenProviderException)
        {
            count = -count; // Error fixtures end this way on purpose.
        }

        return count;
    }
}
