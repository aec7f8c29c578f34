namespace NxtAIGen.AspNetCore;

/// <summary>
/// The OpenAI-compatible gateway (<c>app.MapNxtAIGenOpenAI("/v1")</c>), bound from <c>NxtAIGen:Gateway</c>. Callers send
/// <c>Authorization: Bearer</c> with one of <see cref="Keys"/> (servers) or a user's gateway token (<c>nxg_…</c>).
/// </summary>
public sealed class NxtAIGenGatewayOptions
{
    /// <summary>
    /// Gets the bearer keys of server callers (<c>NxtAIGen:Gateway:Keys:0</c>, <c>…:1</c>, …). Compared in constant time.
    /// A server caller is counted as the user <c>gateway:&lt;first 8 hex digits of the key's SHA-256&gt;</c>: its plan is
    /// <see cref="KeyPlan"/>, and the server-wide stored keys and configuration are used upstream. Default: none.
    /// </summary>
    /// <value>Each key at least 16 characters.</value>
    public IList<string> Keys { get; } = [];

    /// <summary>
    /// Gets or sets the plan of server callers (<c>NxtAIGen:Gateway:KeyPlan</c>), a name in
    /// <see cref="NxtAIGenPlanOptions.Definitions"/>. Default <see langword="null"/>: the default plan (or an admin's
    /// override for the caller's id).
    /// </summary>
    public string? KeyPlan { get; set; }

    /// <summary>
    /// Gets or sets whether an <c>image_url</c> may be an http(s) URL (<c>NxtAIGen:Gateway:AllowRemoteImageUrls</c>).
    /// Default <see langword="false"/>: only <c>data:</c> URLs are accepted. When allowed, the URL is handed to the
    /// provider as it is; the gateway never fetches it.
    /// </summary>
    public bool AllowRemoteImageUrls { get; set; }

    /// <summary>Gets or sets how many gateway tokens one user may have (<c>NxtAIGen:Gateway:MaxTokensPerUser</c>). Default 20.</summary>
    /// <value>Between 1 and 1000.</value>
    public int MaxTokensPerUser { get; set; } = 20;

    /// <summary>
    /// Gets or sets how often a token's <c>last_used_at</c> is written (<c>NxtAIGen:Gateway:LastUsedResolution</c>): a use
    /// within this time of the recorded one is not written again. Default 1 minute.
    /// </summary>
    /// <value>Between zero and one day.</value>
    public TimeSpan LastUsedResolution { get; set; } = TimeSpan.FromMinutes(1);
}
