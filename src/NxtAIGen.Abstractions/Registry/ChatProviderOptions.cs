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
}
