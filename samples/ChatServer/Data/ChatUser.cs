using Microsoft.AspNetCore.Identity;

namespace ChatServer.Data;

/// <summary>An account of the chat server (ASP.NET Core Identity).</summary>
public sealed class ChatUser : IdentityUser
{
    /// <summary>Gets or sets when the account was created (UTC). The earliest account is an admin.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Gets or sets the GitHub login, when the account is linked to GitHub.</summary>
    public string? GitHubLogin { get; set; }
}
