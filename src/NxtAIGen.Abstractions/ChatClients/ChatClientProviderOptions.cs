namespace NxtAIGen.Abstractions;

/// <summary>How a Microsoft.Extensions.AI <c>IChatClient</c> is offered as an <see cref="IChatStreamProvider"/>.</summary>
public sealed class ChatClientProviderOptions
{
    /// <summary>Gets or sets what the client accepts. Default: images, reasoning options and tools.</summary>
    public ChatCapabilities Capabilities { get; set; } = ChatCapabilities.Vision | ChatCapabilities.Reasoning | ChatCapabilities.Tools;

    /// <summary>Gets or sets the model used when a request names none; <see langword="null"/> leaves it to the client.</summary>
    public string? DefaultModel { get; set; }

    /// <summary>
    /// Gets or sets how the provider lists its models (Microsoft.Extensions.AI has no model listing). When
    /// <see langword="null"/>, <see cref="Models"/> are listed, else the default model (<see cref="DefaultModel"/> or the
    /// client's <c>ChatClientMetadata.DefaultModelId</c>).
    /// </summary>
    public Func<CancellationToken, Task<IReadOnlyList<ChatModelInfo>>>? ListModels { get; set; }

    /// <summary>Gets the model ids to list when <see cref="ListModels"/> is not set.</summary>
    public IList<string> Models { get; } = [];
}
