namespace NxtAIGen.AspNetCore;

/// <summary>The owner of a stored API key: the server, or one user.</summary>
public readonly record struct ApiKeyOwner
{
    private ApiKeyOwner(ApiKeyScope scope, string? userId)
    {
        Scope = scope;
        UserId = userId;
    }

    /// <summary>Gets the owner of server-wide keys.</summary>
    public static ApiKeyOwner Server { get; } = new(ApiKeyScope.Server, null);

    /// <summary>Gets the scope.</summary>
    public ApiKeyScope Scope { get; }

    /// <summary>Gets the user id for <see cref="ApiKeyScope.User"/>; <see langword="null"/> for the server.</summary>
    public string? UserId { get; }

    /// <summary>Gets the owner of one user's keys.</summary>
    /// <param name="userId">The user id (the host's name-identifier claim).</param>
    /// <returns>The owner.</returns>
    public static ApiKeyOwner ForUser(string userId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        return new(ApiKeyScope.User, userId);
    }
}
