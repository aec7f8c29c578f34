using NxtAIGen.Abstractions;

namespace NxtAIGen.Providers.OpenAI.Internal;

/// <summary>
/// One OpenAI-compatible service described as data: where it lives, what it accepts and the wire quirks the
/// single <see cref="OpenAIChatStreamProvider"/> has to respect for it.
/// </summary>
internal sealed record OpenAIPreset
{
    /// <summary>Gets the provider type (and built-in id).</summary>
    public required string Type { get; init; }

    /// <summary>Gets the display name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the service root, or <see langword="null"/> when it must be configured.</summary>
    public Uri? BaseUrl { get; init; }

    /// <summary>Gets the default model.</summary>
    public string? DefaultModel { get; init; }

    /// <summary>Gets what the service accepts.</summary>
    public ChatCapabilities Capabilities { get; init; }

    /// <summary>Gets whether a key is required.</summary>
    public bool RequiresApiKey { get; init; } = true;

    /// <summary>Gets whether the type is offered without configuration.</summary>
    public bool IsBuiltIn { get; init; } = true;

    /// <summary>Gets whether the output limit is sent as <c>max_completion_tokens</c> (OpenAI) rather than <c>max_tokens</c>.</summary>
    public bool UseMaxCompletionTokens { get; init; }

    /// <summary>Gets whether <c>stream_options.include_usage</c> is sent (Mistral rejects unknown members and reports usage anyway).</summary>
    public bool SendStreamOptions { get; init; } = true;

    /// <summary>Gets how reasoning options are written.</summary>
    public OpenAIReasoningStyle ReasoningStyle { get; init; } = OpenAIReasoningStyle.Effort;

    /// <summary>Gets whether the <c>minimal</c> effort is accepted; otherwise it is sent as <c>low</c>.</summary>
    public bool SupportsMinimalEffort { get; init; }

    /// <summary>Gets headers sent with every request before the configured ones (which win).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets model ids offered when the service has no model list endpoint and none are configured.</summary>
    public IReadOnlyList<string> KnownModels { get; init; } = [];
}
