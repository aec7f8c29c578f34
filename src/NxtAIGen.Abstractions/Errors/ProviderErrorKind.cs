namespace NxtAIGen.Abstractions;

/// <summary>What went wrong with a provider call, unified across providers.</summary>
public enum ProviderErrorKind
{
    /// <summary>The provider failed on its side (HTTP 5xx, or an in-stream server error).</summary>
    Server,

    /// <summary>The key is missing, wrong or revoked (HTTP 401).</summary>
    Authentication,

    /// <summary>The key may not use this model or feature (HTTP 403).</summary>
    Permission,

    /// <summary>The model or endpoint does not exist (HTTP 404).</summary>
    NotFound,

    /// <summary>Too many requests or tokens (HTTP 429); see <see cref="NxtAIGenProviderException.RetryAfter"/>.</summary>
    RateLimited,

    /// <summary>The provider is temporarily overloaded (HTTP 503, 529, Anthropic's <c>overloaded_error</c>).</summary>
    Overloaded,

    /// <summary>The provider rejected the request as malformed or too large (HTTP 400, 413, 422).</summary>
    InvalidRequest,

    /// <summary>The provider's safety system blocked the prompt.</summary>
    ContentFilter,

    /// <summary>The provider took too long to answer or went silent.</summary>
    Timeout,

    /// <summary>The connection failed or was reset.</summary>
    Network,

    /// <summary>The stream ended without the provider's end marker: the answer is cut short.</summary>
    Incomplete,
}
