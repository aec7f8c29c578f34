namespace NxtAIGen.Abstractions;

/// <summary>Why the model stopped, unified across providers.</summary>
public enum ChatFinishReason
{
    /// <summary>A natural end or a stop sequence.</summary>
    Stop,

    /// <summary>The output token limit was reached.</summary>
    Length,

    /// <summary>The model called tools and waits for their results.</summary>
    ToolCalls,

    /// <summary>The provider's safety system withheld or cut the answer.</summary>
    ContentFilter,

    /// <summary>Any other reason; see the provider's raw value.</summary>
    Other,
}
