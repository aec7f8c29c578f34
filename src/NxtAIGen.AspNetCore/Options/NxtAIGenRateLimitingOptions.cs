namespace NxtAIGen.AspNetCore;

/// <summary>
/// Request rate limiting of <c>POST {prefix}/chat/stream</c> (<c>NxtAIGen:RateLimiting</c>), per signed-in user or, for
/// guests, per IP address: a token bucket for requests and a limit on simultaneous streams. It uses ASP.NET Core's rate
/// limiter, so the host must call <c>app.UseRateLimiter()</c> (after <c>UseAuthentication()</c>).
/// </summary>
public sealed class NxtAIGenRateLimitingOptions
{
    /// <summary>The name of the rate-limiter policy that <c>MapNxtAIGen</c> puts on the streaming endpoint.</summary>
    public const string PolicyName = "NxtAIGen.ChatStream";

    /// <summary>Gets or sets whether the limits apply (<c>NxtAIGen:RateLimiting:Enabled</c>). Default <see langword="true"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Gets or sets how many requests are added back to the bucket each <see cref="Period"/> (<c>NxtAIGen:RateLimiting:TokensPerPeriod</c>). Default 10.</summary>
    /// <value>Between 1 and 100,000.</value>
    public int TokensPerPeriod { get; set; } = 10;

    /// <summary>Gets or sets the replenishment period of the bucket (<c>NxtAIGen:RateLimiting:Period</c>). Default 1 minute.</summary>
    /// <value>Between 1 second and 1 day.</value>
    public TimeSpan Period { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets or sets the size of the bucket: how many requests may come at once after a quiet time (<c>NxtAIGen:RateLimiting:BurstLimit</c>). Default 20.</summary>
    /// <value>Between 1 and 100,000, and at least <see cref="TokensPerPeriod"/>.</value>
    public int BurstLimit { get; set; } = 20;

    /// <summary>Gets or sets how many streams one user or IP address may have open at the same time (<c>NxtAIGen:RateLimiting:MaxConcurrentStreams</c>). Default 4.</summary>
    /// <value>Between 1 and 10,000.</value>
    public int MaxConcurrentStreams { get; set; } = 4;
}
