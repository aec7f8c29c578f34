namespace ChatServer.Options;

/// <summary>The sample's own settings, bound from the <c>ChatServer</c> section.</summary>
public sealed class ChatServerOptions
{
    /// <summary>Gets the e-mail addresses of admins (<c>ChatServer:Admins:0</c>, ...), besides the first registered user.</summary>
    public List<string> Admins { get; } = [];

    /// <summary>Gets or sets the failed sign-ins before an account is locked. Default 5.</summary>
    /// <value>Between 1 and 100.</value>
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>Gets or sets how long a locked account stays locked. Default 15 minutes.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Gets or sets how long a sign-in lasts without activity. Default 14 days (sliding).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromDays(14);
}
