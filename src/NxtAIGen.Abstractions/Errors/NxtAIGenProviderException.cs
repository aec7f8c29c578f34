namespace NxtAIGen.Abstractions;

/// <summary>
/// A provider refused a request or failed while streaming. The message is safe to show and log:
/// it never contains API keys, prompts or request URLs.
/// </summary>
public sealed class NxtAIGenProviderException : Exception
{
    /// <summary>Creates an exception with no details.</summary>
    public NxtAIGenProviderException()
        : this(ProviderErrorKind.Server, "unknown", "The provider failed.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">The message.</param>
    public NxtAIGenProviderException(string message)
        : this(ProviderErrorKind.Server, "unknown", message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public NxtAIGenProviderException(string message, Exception innerException)
        : this(ProviderErrorKind.Server, "unknown", message, innerException)
    {
    }

    /// <summary>Creates an exception.</summary>
    /// <param name="kind">What went wrong.</param>
    /// <param name="providerId">The provider's id.</param>
    /// <param name="message">A message safe to show: no keys, prompts or URLs.</param>
    /// <param name="innerException">The cause, if any.</param>
    public NxtAIGenProviderException(ProviderErrorKind kind, string providerId, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        ProviderId = providerId;
    }

    /// <summary>Gets what went wrong.</summary>
    public ProviderErrorKind Kind { get; }

    /// <summary>Gets the id of the provider that failed.</summary>
    public string ProviderId { get; }

    /// <summary>Gets the HTTP status the provider answered with, when the failure was an HTTP error.</summary>
    public int? StatusCode { get; init; }

    /// <summary>Gets the provider's own error code or type, for example <c>overloaded_error</c> or <c>rate_limit_exceeded</c>.</summary>
    public string? ProviderCode { get; init; }

    /// <summary>Gets the provider's own error message (with any key masked).</summary>
    public string? ProviderMessage { get; init; }

    /// <summary>Gets how long the provider asked to wait before retrying.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Gets whether trying again later may succeed: rate limits, overload, server and network failures, timeouts.</summary>
    public bool IsTransient => Kind is ProviderErrorKind.RateLimited or ProviderErrorKind.Overloaded or ProviderErrorKind.Server
        or ProviderErrorKind.Network or ProviderErrorKind.Timeout;
}
