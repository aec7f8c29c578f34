namespace NxtAIGen.AspNetCore;

/// <summary>
/// A shared store (Redis, a database) could not be reached, or answered "try again". Stores throw it so the endpoints
/// can answer 503 <c>store_unavailable</c> with <c>Retry-After</c> rather than a 500. The message names only the kind
/// of store: never a host name, a connection string or a key.
/// </summary>
public sealed class NxtAIGenStoreUnavailableException : Exception
{
    /// <summary>Creates an exception with no details.</summary>
    public NxtAIGenStoreUnavailableException()
        : this("store")
    {
    }

    /// <summary>Creates an exception naming the kind of store.</summary>
    /// <param name="store">The kind of store, for example <c>Redis</c> or <c>PostgreSQL</c>.</param>
    public NxtAIGenStoreUnavailableException(string store)
        : this(store, null)
    {
    }

    /// <summary>Creates an exception naming the kind of store, with its cause.</summary>
    /// <param name="store">The kind of store, for example <c>Redis</c> or <c>PostgreSQL</c>.</param>
    /// <param name="innerException">The client library's exception (logged, never shown).</param>
    public NxtAIGenStoreUnavailableException(string store, Exception? innerException)
        : base($"The {store} store is unavailable.", innerException)
    {
        Store = store;
    }

    /// <summary>Gets the kind of store that failed.</summary>
    public string Store { get; }
}
