namespace Microsoft.Extensions.DependencyInjection;

internal sealed class NxtAIGenBuilder(IServiceCollection services) : INxtAIGenBuilder
{
    public IServiceCollection Services { get; } = services;
}
