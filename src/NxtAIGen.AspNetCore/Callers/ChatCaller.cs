namespace NxtAIGen.AspNetCore;

/// <summary>Who is asking: a signed-in user (by the host's authentication) or a guest.</summary>
/// <param name="Kind">Guest or user.</param>
/// <param name="Id">The user id (from the host's name-identifier claim), or the guest id.</param>
public sealed record ChatCaller(ChatCallerKind Kind, string Id)
{
    /// <summary>Gets the client's IP address as the server saw it, when known. Stored only hashed.</summary>
    public string? IpAddress { get; init; }

    /// <summary>Gets whether the caller is a signed-in user.</summary>
    public bool IsUser => Kind == ChatCallerKind.User;
}
