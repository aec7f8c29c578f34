using NxtAIGen.Abstractions;
using NxtAIGen.Providers.OpenAI.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the OpenAI Chat Completions provider and its OpenAI-compatible presets to NxtAIGen.</summary>
public static class OpenAINxtAIGenBuilderExtensions
{
    /// <summary>
    /// Adds the provider types <c>openai</c>, <c>deepseek</c>, <c>mistral</c>, <c>xai</c>, <c>openrouter</c>,
    /// <c>perplexity</c>, <c>huggingface</c>, <c>moonshot</c>, <c>groq</c> and <c>github</c>, plus the template type
    /// <c>openai-compatible</c> for configured ids (<c>NxtAIGen:Providers:&lt;id&gt;:Type</c>). Calling it again adds nothing twice.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options of the <c>openai</c> id (applied over configuration), or <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    public static INxtAIGenBuilder AddOpenAI(this INxtAIGenBuilder builder, Action<ChatProviderOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHttpClient(OpenAIChatStreamProvider.HttpClientName);
        foreach (var preset in OpenAIPresets.All)
        {
            builder.AddProviderType(CreateRegistration(preset));
        }

        if (configure is not null)
        {
            builder.ConfigureProvider("openai", configure);
        }

        return builder;
    }

    /// <summary>
    /// Adds a provider id of type <c>openai-compatible</c> (vLLM, LM Studio, llama.cpp, LiteLLM, ...), configured in code.
    /// Set at least <see cref="ChatProviderOptions.BaseUrl"/> (for example <c>http://localhost:8000/v1</c>).
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="id">The new provider id; it must not be a built-in id.</param>
    /// <param name="configure">Sets the options of the id; <see cref="ChatProviderOptions.Type"/> defaults to <c>openai-compatible</c>.</param>
    /// <returns>The builder.</returns>
    public static INxtAIGenBuilder AddOpenAICompatible(this INxtAIGenBuilder builder, string id, Action<ChatProviderOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(configure);
        if (OpenAIPresets.All.Any(p => p.IsBuiltIn && string.Equals(p.Type, id, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ArgumentException($"'{id}' is a built-in provider id; configure it with ConfigureProvider or AddOpenAI instead.", nameof(id));
        }

        builder.AddOpenAI();
        return builder.ConfigureProvider(id, options =>
        {
            configure(options);
            if (string.IsNullOrEmpty(options.Type))
            {
                options.Type = OpenAIPresets.CompatibleType;
            }
        });
    }

    private static ChatProviderRegistration CreateRegistration(OpenAIPreset preset) => new()
    {
        Type = preset.Type,
        Name = preset.Name,
        Capabilities = preset.Capabilities,
        DefaultBaseUrl = preset.BaseUrl,
        DefaultModel = preset.DefaultModel,
        RequiresApiKey = preset.RequiresApiKey,
        IsBuiltIn = preset.IsBuiltIn,
        Create = (services, settings) =>
        {
            var factory = services.GetRequiredService<IHttpClientFactory>();
            return new OpenAIChatStreamProvider(
                settings, preset, () => factory.CreateClient(OpenAIChatStreamProvider.HttpClientName), services.GetService<TimeProvider>());
        },
    };
}
