namespace NxtAIGen.AspNetCore;

/// <summary>Options of the NxtAIGen endpoints, bound from the <c>NxtAIGen</c> configuration section.</summary>
public sealed class NxtAIGenOptions
{
    /// <summary>Gets the streaming settings (<c>NxtAIGen:Streaming</c>).</summary>
    public NxtAIGenStreamingOptions Streaming { get; } = new();

    /// <summary>Gets the request size limits (<c>NxtAIGen:Requests</c>).</summary>
    public NxtAIGenRequestOptions Requests { get; } = new();

    /// <summary>Gets the guest quota (<c>NxtAIGen:Guest</c>).</summary>
    public NxtAIGenGuestOptions Guest { get; } = new();

    /// <summary>Gets the plan limits of signed-in users (<c>NxtAIGen:Plans</c>).</summary>
    public NxtAIGenPlanOptions Plans { get; } = new();

    /// <summary>Gets the request rate limits of the streaming endpoint (<c>NxtAIGen:RateLimiting</c>).</summary>
    public NxtAIGenRateLimitingOptions RateLimiting { get; } = new();

    /// <summary>Gets the OpenAI-compatible gateway settings (<c>NxtAIGen:Gateway</c>).</summary>
    public NxtAIGenGatewayOptions Gateway { get; } = new();

    /// <summary>Gets the usage log settings (<c>NxtAIGen:UsageLog</c>).</summary>
    public NxtAIGenUsageLogOptions UsageLog { get; } = new();

    /// <summary>Gets or sets how long a provider's model list is cached (<c>NxtAIGen:ModelListCacheDuration</c>). Default 10 minutes; zero disables the cache.</summary>
    /// <value>Between zero and one day.</value>
    public TimeSpan ModelListCacheDuration { get; set; } = TimeSpan.FromMinutes(10);
}
