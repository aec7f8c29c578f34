namespace NxtAIGen.Providers.OpenAI.Internal.Wire;

/// <summary>One choice of a chunk.</summary>
internal sealed class OpenAIChunkChoice
{
    public int Index { get; set; }

    public OpenAIChunkDelta? Delta { get; set; }

    public string? FinishReason { get; set; }
}
