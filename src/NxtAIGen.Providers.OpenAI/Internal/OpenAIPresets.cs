using NxtAIGen.Abstractions;

namespace NxtAIGen.Providers.OpenAI.Internal;

/// <summary>The OpenAI-family provider types: the same wire code, different data.</summary>
internal static class OpenAIPresets
{
    /// <summary>The template type for configured ids (vLLM, LM Studio, llama.cpp, LiteLLM, ...).</summary>
    public const string CompatibleType = "openai-compatible";

    private const ChatCapabilities Chat = ChatCapabilities.Vision | ChatCapabilities.Reasoning | ChatCapabilities.Tools;

    /// <summary>Gets every preset, the template last.</summary>
    public static IReadOnlyList<OpenAIPreset> All { get; } =
    [
        new()
        {
            Type = "openai",
            Name = "OpenAI",
            BaseUrl = new Uri("https://api.openai.com/v1"),
            DefaultModel = "gpt-5-mini",
            Capabilities = Chat | ChatCapabilities.Documents,
            UseMaxCompletionTokens = true,
            SupportsMinimalEffort = true,
        },
        new()
        {
            Type = "deepseek",
            Name = "DeepSeek",
            BaseUrl = new Uri("https://api.deepseek.com/v1"),
            DefaultModel = "deepseek-chat",
            Capabilities = ChatCapabilities.Reasoning | ChatCapabilities.Tools,
            ReasoningStyle = OpenAIReasoningStyle.None,
        },
        new()
        {
            Type = "mistral",
            Name = "Mistral AI",
            BaseUrl = new Uri("https://api.mistral.ai/v1"),
            DefaultModel = "mistral-medium-latest",
            Capabilities = Chat,
            SendStreamOptions = false,
            ReasoningStyle = OpenAIReasoningStyle.None,
        },
        new()
        {
            Type = "xai",
            Name = "xAI Grok",
            BaseUrl = new Uri("https://api.x.ai/v1"),
            DefaultModel = "grok-4",
            Capabilities = Chat,
        },
        new()
        {
            Type = "openrouter",
            Name = "OpenRouter",
            BaseUrl = new Uri("https://openrouter.ai/api/v1"),
            DefaultModel = "openrouter/auto",
            Capabilities = Chat,
            ReasoningStyle = OpenAIReasoningStyle.OpenRouter,
        },
        new()
        {
            Type = "perplexity",
            Name = "Perplexity",
            BaseUrl = new Uri("https://api.perplexity.ai"),
            DefaultModel = "sonar",
            Capabilities = ChatCapabilities.Vision | ChatCapabilities.Reasoning,
            KnownModels = ["sonar", "sonar-pro", "sonar-reasoning-pro", "sonar-deep-research"],
        },
        new()
        {
            Type = "huggingface",
            Name = "Hugging Face",
            BaseUrl = new Uri("https://router.huggingface.co/v1"),
            DefaultModel = "openai/gpt-oss-120b",
            Capabilities = Chat,
        },
        new()
        {
            Type = "moonshot",
            Name = "Moonshot AI (Kimi)",
            BaseUrl = new Uri("https://api.moonshot.ai/v1"),
            DefaultModel = "kimi-k2.6",
            Capabilities = Chat,
            ReasoningStyle = OpenAIReasoningStyle.None,
        },
        new()
        {
            Type = "groq",
            Name = "Groq",
            BaseUrl = new Uri("https://api.groq.com/openai/v1"),
            DefaultModel = "openai/gpt-oss-120b",
            Capabilities = Chat,
        },
        new()
        {
            Type = "github",
            Name = "GitHub Models",
            BaseUrl = new Uri("https://models.github.ai/inference"),
            DefaultModel = "openai/gpt-4.1",
            Capabilities = Chat,
            Headers = new Dictionary<string, string> { ["X-GitHub-Api-Version"] = "2022-11-28" },
            KnownModels = ["openai/gpt-4.1", "openai/gpt-4.1-mini", "openai/gpt-4o", "openai/gpt-4o-mini"],
        },
        new()
        {
            Type = CompatibleType,
            Name = "OpenAI-compatible",
            Capabilities = Chat,
            RequiresApiKey = false,
            IsBuiltIn = false,
        },
    ];

    /// <summary>Finds a preset by type.</summary>
    /// <param name="type">The type.</param>
    /// <returns>The preset, or the <c>openai-compatible</c> template when the type is unknown.</returns>
    public static OpenAIPreset Get(string type)
    {
        foreach (var preset in All)
        {
            if (string.Equals(preset.Type, type, StringComparison.OrdinalIgnoreCase))
            {
                return preset;
            }
        }

        return All[^1];
    }
}
