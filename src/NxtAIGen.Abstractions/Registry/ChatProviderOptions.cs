namespace NxtAIGen.Abstractions;

/// <summary>Settings of one provider id, bound from <c>NxtAIGen:Providers:&lt;id&gt;</c>.</summary>
public sealed class ChatProviderOptions
{
    /// <summary>Gets or sets the server-wide API key. A signed-in user's own key wins over it. Never logged or returned.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Gets or sets the service root, overriding the built-in one (for example a local fake server in tests, or a proxy).</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>Gets or sets the model used when a request names none. Default: the provider's current recommended model.</summary>
    public string? DefaultModel { get; set; }

    /// <summary>Gets or sets whether the provider is offered. <see langword="false"/> hides it and refuses requests for it. Default <see langword="true"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Gets or sets the provider type for an id that is not built in: <c>openai-compatible</c> (vLLM, LM Studio,
    /// llama.cpp, LiteLLM, ...) or any built-in id, whose defaults it then inherits.
    /// </summary>
    public string? Type { get; set; }

    /// <summary>Gets or sets the display name. Default: the built-in name, else the id.</summary>
    public string? Name { get; set; }

    /// <summary>Gets extra HTTP headers sent with every request (for example OpenRouter's <c>HTTP-Referer</c> and <c>X-Title</c>).</summary>
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets model ids to offer when the service cannot list its models. Listed models win when listing works.</summary>
    public List<string> Models { get; } = [];

    /// <summary>
    /// Gets the providers to try, in order, when this one fails before the first content (after its retries): entries
    /// are a provider id (its default model) or <c>provider/model</c>, for example <c>anthropic</c> or
    /// <c>groq/llama-3.3-70b-versatile</c>. The caller's own key for each is used as for a direct request; a fallback that
    /// is disabled, has no key, or lacks a capability the request needs is skipped.
    /// </summary>
    public List<string> Fallbacks { get; } = [];

    /// <summary>
    /// Gets fallback lists for single models of this provider, used instead of <see cref="Fallbacks"/> when the request's
    /// model (or the default model) has one. Keyed by model id; a model id containing <c>:</c> cannot be a configuration key.
    /// </summary>
    public Dictionary<string, List<string>> ModelFallbacks { get; } = new(StringComparer.OrdinalIgnoreCase);
}
