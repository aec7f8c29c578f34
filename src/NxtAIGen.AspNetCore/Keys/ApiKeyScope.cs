namespace NxtAIGen.AspNetCore;

/// <summary>Whose key a stored API key is.</summary>
public enum ApiKeyScope
{
    /// <summary>A server-wide key, set by an admin, used for every caller without a key of their own.</summary>
    Server,

    /// <summary>A signed-in user's own key ("bring your own key"), used only for that user's requests.</summary>
    User,
}
