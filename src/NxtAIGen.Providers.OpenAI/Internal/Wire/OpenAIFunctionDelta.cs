using System.Text.Json.Serialization;

namespace NxtAIGen.Providers.OpenAI.Internal.Wire;

/// <summary>A fragment of a function call's name and arguments.</summary>
internal sealed class OpenAIFunctionDelta
{
    public string? Name { get; set; }

    /// <summary>Gets or sets an arguments fragment (a string; an object some gateways send is kept as its JSON text).</summary>
    [JsonConverter(typeof(OpenAIArgumentsConverter))]
    public string? Arguments { get; set; }
}
