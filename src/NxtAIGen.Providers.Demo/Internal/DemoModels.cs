using NxtAIGen.Abstractions;

namespace NxtAIGen.Providers.Demo.Internal;

/// <summary>The demo provider's type name and models.</summary>
internal static class DemoModels
{
    public const string ProviderType = "demo";

    public const string ProviderName = "Demo (offline)";

    /// <summary>The default model: paced by <see cref="DemoProviderOptions"/>.</summary>
    public const string Default = "demo-1";

    /// <summary>The same answers without any pause, for tests and load runs.</summary>
    public const string Fast = "demo-1-fast";

    public const int ContextWindow = 32_768;

    public const ChatCapabilities Capabilities = ChatCapabilities.Vision | ChatCapabilities.Documents | ChatCapabilities.Reasoning;
}
