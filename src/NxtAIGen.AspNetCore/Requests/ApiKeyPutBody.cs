namespace NxtAIGen.AspNetCore.Requests;

/// <summary>The body of <c>PUT {prefix}/keys/{provider}</c> and <c>PUT {prefix}/admin/keys/{provider}</c>.</summary>
internal sealed class ApiKeyPutBody
{
    /// <summary>Gets or sets the key (<c>api_key</c>).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Gets or sets an optional service root (<c>base_url</c>), for example a user's own Ollama server.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Gets or sets whether to check the key by listing the provider's models with it first (<c>verify</c>).</summary>
    public bool? Verify { get; set; }
}
