using NxtAIGen.Abstractions;

namespace NxtAIGen.Providers.Gemini.Internal;

/// <summary>Collects one function call: whole <c>args</c>, or Vertex <c>partialArgs</c> pieces.</summary>
internal sealed class GeminiToolCallBuilder(string id, string name)
{
    private GeminiArgumentsBuilder? _partial;

    public string Id { get; } = id;

    public string Name { get; } = name;

    public string? Signature { get; set; }

    /// <summary>Gets or sets the whole arguments object, as JSON text.</summary>
    public string? Arguments { get; set; }

    public GeminiArgumentsBuilder Partial => _partial ??= new GeminiArgumentsBuilder();

    /// <summary>Builds the call: <c>{}</c> when no arguments came.</summary>
    /// <returns>The call.</returns>
    public ChatToolCall Build() => new(Id, Name, Arguments ?? _partial?.ToJson() ?? "{}") { Signature = Signature };
}
