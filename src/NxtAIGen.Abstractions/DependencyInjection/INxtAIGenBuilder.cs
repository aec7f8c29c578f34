namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Configures NxtAIGen: provider packages add themselves through extension methods on it (<c>.AddOpenAI()</c>, ...).</summary>
public interface INxtAIGenBuilder
{
    /// <summary>Gets the service collection NxtAIGen is registered in.</summary>
    IServiceCollection Services { get; }
}
