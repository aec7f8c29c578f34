namespace ChatServer.Data;

/// <summary>An admin's switch for one provider: off, or some of its models off.</summary>
public sealed class ProviderSetting
{
    /// <summary>Gets or sets the provider id.</summary>
    public required string ProviderId { get; set; }

    /// <summary>Gets or sets whether the provider may be used.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Gets or sets the disabled model ids, one per line.</summary>
    public string DisabledModels { get; set; } = string.Empty;
}
