using NxtAIGen.Abstractions;

namespace NxtAIGen.Providers.Anthropic.Internal;

/// <summary>The <c>anthropic</c> provider type: where the service lives and what it accepts.</summary>
internal static class AnthropicDefaults
{
    /// <summary>The provider type (and built-in id).</summary>
    public const string Type = "anthropic";

    /// <summary>The display name.</summary>
    public const string Name = "Anthropic";

    /// <summary>The default model.</summary>
    public const string DefaultModel = "claude-sonnet-4-5";

    /// <summary>The <c>anthropic-version</c> header value.</summary>
    public const string ApiVersion = "2023-06-01";

    /// <summary>The smallest extended-thinking budget the API accepts.</summary>
    public const int MinThinkingBudget = 1024;

    /// <summary>Tokens left for the answer on top of the thinking budget when the request sets no output limit.</summary>
    public const int AnswerTokensAfterThinking = 4096;

    /// <summary>Gets the service root.</summary>
    public static Uri BaseUrl { get; } = new("https://api.anthropic.com");

    /// <summary>Gets what the service accepts.</summary>
    public static ChatCapabilities Capabilities => ChatCapabilities.Vision | ChatCapabilities.Documents | ChatCapabilities.Reasoning | ChatCapabilities.Tools;

    /// <summary>Gets model ids offered when the service has no model list (a gateway answering 404) and none are configured.</summary>
    public static IReadOnlyList<string> KnownModels { get; } = ["claude-sonnet-4-5", "claude-opus-4-1", "claude-haiku-4-5"];

    /// <summary>
    /// Gets the <c>max_tokens</c> sent when the request sets no output limit (the API requires one): 4096 for the
    /// Claude 3 (Haiku, Sonnet, Opus) and older models, whose ceiling it is, else 8192.
    /// </summary>
    /// <param name="model">The model id.</param>
    /// <returns>The limit.</returns>
    public static int DefaultMaxTokens(string model) => IsLegacy(model) ? 4096 : 8192;

    /// <summary>Gets whether the model can think: every model except Claude 3 and 3.5 and older (Claude 3.7 and later can).</summary>
    /// <param name="model">The model id.</param>
    /// <returns><see langword="false"/> for models known to reject <c>thinking</c>.</returns>
    public static bool SupportsThinking(string model) =>
        !(IsLegacy(model) || model.StartsWith("claude-3-5-", StringComparison.OrdinalIgnoreCase));

    private static bool IsLegacy(string model) =>
        model.StartsWith("claude-2", StringComparison.OrdinalIgnoreCase)
        || model.StartsWith("claude-instant", StringComparison.OrdinalIgnoreCase)
        || (model.StartsWith("claude-3-", StringComparison.OrdinalIgnoreCase)
            && !model.StartsWith("claude-3-5-", StringComparison.OrdinalIgnoreCase)
            && !model.StartsWith("claude-3-7-", StringComparison.OrdinalIgnoreCase));
}
