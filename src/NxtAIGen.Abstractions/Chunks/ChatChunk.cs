using System.Runtime.InteropServices;

namespace NxtAIGen.Abstractions;

/// <summary>
/// One piece of a streamed answer. A small struct: a text chunk costs only its string.
/// Check <see cref="Kind"/>, then read the member it names.
/// </summary>
[StructLayout(LayoutKind.Auto)]
public readonly struct ChatChunk : IEquatable<ChatChunk>
{
    private readonly object? _value;
    private readonly ChatFinishReason _finishReason;

    private ChatChunk(ChatChunkKind kind, object? value, ChatFinishReason finishReason = default)
    {
        Kind = kind;
        _value = value;
        _finishReason = finishReason;
    }

    /// <summary>Gets what this chunk carries.</summary>
    public ChatChunkKind Kind { get; }

    /// <summary>
    /// Gets the text of a <see cref="ChatChunkKind.Text"/>, <see cref="ChatChunkKind.Reasoning"/>,
    /// <see cref="ChatChunkKind.ReasoningSignature"/>, <see cref="ChatChunkKind.RedactedReasoning"/> or
    /// <see cref="ChatChunkKind.Refusal"/> chunk, or the provider's raw finish reason of a
    /// <see cref="ChatChunkKind.Finish"/> chunk; otherwise <see langword="null"/>.
    /// </summary>
    public string? Text => _value as string;

    /// <summary>Gets the call of a <see cref="ChatChunkKind.ToolCall"/> chunk.</summary>
    public ChatToolCall? ToolCall => _value as ChatToolCall;

    /// <summary>Gets the counts of a <see cref="ChatChunkKind.Usage"/> chunk.</summary>
    public ChatUsage? Usage => _value as ChatUsage;

    /// <summary>Gets the facts of a <see cref="ChatChunkKind.Metadata"/> chunk.</summary>
    public ChatResponseMetadata? Metadata => _value as ChatResponseMetadata;

    /// <summary>Gets the unified reason of a <see cref="ChatChunkKind.Finish"/> chunk.</summary>
    public ChatFinishReason? FinishReason => Kind == ChatChunkKind.Finish ? _finishReason : null;

    /// <summary>Creates a text chunk.</summary>
    /// <param name="text">The text delta.</param>
    /// <returns>The chunk.</returns>
    public static ChatChunk ForText(string text) => new(ChatChunkKind.Text, text);

    /// <summary>Creates a reasoning chunk.</summary>
    /// <param name="text">The reasoning delta.</param>
    /// <returns>The chunk.</returns>
    public static ChatChunk ForReasoning(string text) => new(ChatChunkKind.Reasoning, text);

    /// <summary>Creates a reasoning-signature chunk.</summary>
    /// <param name="signature">The signature.</param>
    /// <returns>The chunk.</returns>
    public static ChatChunk ForReasoningSignature(string signature) => new(ChatChunkKind.ReasoningSignature, signature);

    /// <summary>Creates a redacted-reasoning chunk.</summary>
    /// <param name="data">The provider's opaque data.</param>
    /// <returns>The chunk.</returns>
    public static ChatChunk ForRedactedReasoning(string data) => new(ChatChunkKind.RedactedReasoning, data);

    /// <summary>Creates a refusal chunk.</summary>
    /// <param name="text">The refusal text delta.</param>
    /// <returns>The chunk.</returns>
    public static ChatChunk ForRefusal(string text) => new(ChatChunkKind.Refusal, text);

    /// <summary>Creates a tool-call chunk.</summary>
    /// <param name="call">The complete call.</param>
    /// <returns>The chunk.</returns>
    public static ChatChunk ForToolCall(ChatToolCall call) => new(ChatChunkKind.ToolCall, call ?? throw new ArgumentNullException(nameof(call)));

    /// <summary>Creates a usage chunk.</summary>
    /// <param name="usage">The counts.</param>
    /// <returns>The chunk.</returns>
    public static ChatChunk ForUsage(ChatUsage usage) => new(ChatChunkKind.Usage, usage ?? throw new ArgumentNullException(nameof(usage)));

    /// <summary>Creates a metadata chunk.</summary>
    /// <param name="metadata">The facts.</param>
    /// <returns>The chunk.</returns>
    public static ChatChunk ForMetadata(ChatResponseMetadata metadata) => new(ChatChunkKind.Metadata, metadata ?? throw new ArgumentNullException(nameof(metadata)));

    /// <summary>Creates a finish chunk.</summary>
    /// <param name="reason">The unified reason.</param>
    /// <param name="rawReason">The provider's own value, for example <c>end_turn</c>.</param>
    /// <returns>The chunk.</returns>
    public static ChatChunk ForFinish(ChatFinishReason reason, string? rawReason) => new(ChatChunkKind.Finish, rawReason, reason);

    /// <inheritdoc />
    public bool Equals(ChatChunk other) => Kind == other.Kind && _finishReason == other._finishReason && Equals(_value, other._value);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ChatChunk other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, _value, _finishReason);

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        ChatChunkKind.Finish => $"Finish: {_finishReason} ({Text})",
        _ => $"{Kind}: {_value}",
    };

    /// <summary>Compares two chunks.</summary>
    /// <param name="left">The first chunk.</param>
    /// <param name="right">The second chunk.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(ChatChunk left, ChatChunk right) => left.Equals(right);

    /// <summary>Compares two chunks.</summary>
    /// <param name="left">The first chunk.</param>
    /// <param name="right">The second chunk.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(ChatChunk left, ChatChunk right) => !left.Equals(right);
}
