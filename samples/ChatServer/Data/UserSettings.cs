namespace ChatServer.Data;

/// <summary>A user's preferences.</summary>
public sealed class UserSettings
{
    /// <summary>Gets or sets the user id.</summary>
    public required string UserId { get; set; }

    /// <summary>Gets or sets the provider the page selects first.</summary>
    public string? DefaultProvider { get; set; }

    /// <summary>Gets or sets the model the page selects first.</summary>
    public string? DefaultModel { get; set; }
}
