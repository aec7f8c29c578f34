namespace NxtAIGen.AspNetCore;

/// <summary>The key vault, CSRF and hardening settings, bound from <c>NxtAIGen:Security</c>.</summary>
public sealed class NxtAIGenSecurityOptions
{
    /// <summary>
    /// Gets or sets the name of the authorization policy that guards <c>{prefix}/admin/keys</c>. Default <c>NxtAIGenAdmin</c>.
    /// The host defines it (<c>services.AddAuthorizationBuilder().AddPolicy("NxtAIGenAdmin", p =&gt; p.RequireRole("admin"))</c>);
    /// while it is not defined, every admin request is refused with 403.
    /// </summary>
    /// <value>A non-empty policy name.</value>
    public string AdminPolicy { get; set; } = "NxtAIGenAdmin";

    /// <summary>
    /// Gets or sets whether state-changing requests of signed-in callers without an <c>Authorization</c> header (that is,
    /// authenticated by cookie) must carry the antiforgery token in <c>X-CSRF-TOKEN</c>. Default <see langword="true"/>.
    /// </summary>
    public bool RequireAntiforgery { get; set; } = true;

    /// <summary>Gets or sets the longest API key accepted by <c>PUT {prefix}/keys/{provider}</c>. Default 512.</summary>
    /// <value>Between 16 and 8192.</value>
    public int MaxApiKeyLength { get; set; } = 512;

    /// <summary>
    /// Gets the base URLs users may store with their keys (<c>NxtAIGen:Security:AllowedUserBaseUrls</c>): URL prefixes
    /// (<c>https://ollama.example.com/</c>, matched by scheme, host, port and path segments) or host patterns
    /// (<c>ollama.example.com</c>, <c>*.example.com</c> for its subdomains, <c>*</c> for any host). Empty (the default):
    /// users may not store a base URL. Admins' server-wide keys are not limited by this list.
    /// </summary>
    public List<string> AllowedUserBaseUrls { get; } = [];

    /// <summary>
    /// Gets or sets whether a user's base URL may point at a private, loopback, link-local or otherwise internal address
    /// (checked on the address literal and on every address its host name resolves to). Default <see langword="false"/>.
    /// </summary>
    public bool AllowPrivateUserBaseUrls { get; set; }

    /// <summary>Gets or sets how long <c>"verify": true</c> waits for the provider's model list. Default 20 seconds.</summary>
    /// <value>Between 1 second and 5 minutes.</value>
    public TimeSpan VerifyTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Gets or sets the <c>Referrer-Policy</c> sent by <c>UseNxtAIGenSecurityHeaders()</c>. Default <c>no-referrer</c>.</summary>
    /// <value>A Referrer-Policy token such as <c>no-referrer</c> or <c>strict-origin-when-cross-origin</c>.</value>
    public string ReferrerPolicy { get; set; } = "no-referrer";
}
