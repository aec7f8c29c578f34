using Microsoft.Extensions.Options;

namespace NxtAIGen.Providers.Demo.Internal;

/// <summary>Checks the ranges of <see cref="DemoProviderOptions"/> at start-up (source-generated).</summary>
[OptionsValidator]
internal sealed partial class DemoProviderOptionsValidator : IValidateOptions<DemoProviderOptions>
{
}
