namespace NxtAIGen.Providers.OpenAI.Internal.Wire;

/// <summary>A fragment of a tool call.</summary>
internal sealed class OpenAIToolCallDelta
{
    public int? Index { get; set; }

    public string? Id { get; set; }

    public OpenAIFunctionDelta? Function { get; set; }
}
