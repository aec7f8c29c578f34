using System.Text.Json;
using AI = Microsoft.Extensions.AI;

namespace NxtAIGen.Abstractions.Internal;

/// <summary>
/// Maps between Microsoft.Extensions.AI's types and NxtAIGen's, both ways. The conventions that are not obvious:
/// a reasoning signature travels in <see cref="AI.TextReasoningContent.ProtectedData"/>; redacted reasoning is a
/// <see cref="AI.TextReasoningContent"/> with empty text, its data in <see cref="AI.TextReasoningContent.ProtectedData"/> and
/// <see cref="RedactedKey"/> set in its additional properties; a tool call's signature is the additional property
/// <see cref="SignatureKey"/>.
/// </summary>
internal static partial class AIMessageMapper
{
    /// <summary>The additional property that marks a <see cref="AI.TextReasoningContent"/> as redacted reasoning.</summary>
    public const string RedactedKey = "nxtaigen.redacted";

    /// <summary>The additional property holding a tool call's provider signature (Gemini's <c>thoughtSignature</c>).</summary>
    public const string SignatureKey = "nxtaigen.signature";

    /// <summary>The additional property of a <see cref="AI.FunctionResultContent"/> holding the function name.</summary>
    public const string NameKey = "nxtaigen.name";

    /// <summary>The additional property of a response (or update) holding the citations.</summary>
    public const string CitationsKey = "nxtaigen.citations";

    /// <summary>The additional property of a response (or update) holding the provider's raw finish reason.</summary>
    public const string RawFinishReasonKey = "nxtaigen.finish_reason";

    public static AI.ChatFinishReason ToAI(ChatFinishReason reason) => reason switch
    {
        ChatFinishReason.Stop => AI.ChatFinishReason.Stop,
        ChatFinishReason.Length => AI.ChatFinishReason.Length,
        ChatFinishReason.ToolCalls => AI.ChatFinishReason.ToolCalls,
        ChatFinishReason.ContentFilter => AI.ChatFinishReason.ContentFilter,
        _ => new AI.ChatFinishReason("other"),
    };

    public static ChatFinishReason FromAI(AI.ChatFinishReason reason) =>
        reason == AI.ChatFinishReason.Stop ? ChatFinishReason.Stop
        : reason == AI.ChatFinishReason.Length ? ChatFinishReason.Length
        : reason == AI.ChatFinishReason.ToolCalls ? ChatFinishReason.ToolCalls
        : reason == AI.ChatFinishReason.ContentFilter ? ChatFinishReason.ContentFilter
        : ChatFinishReason.Other;

    public static AI.UsageDetails ToAI(ChatUsage usage) => new()
    {
        InputTokenCount = usage.InputTokens,
        OutputTokenCount = usage.OutputTokens,
        TotalTokenCount = usage.InputTokens is { } input && usage.OutputTokens is { } output ? input + output : null,
        ReasoningTokenCount = usage.ReasoningTokens,
        CachedInputTokenCount = usage.CachedInputTokens,
    };

    public static ChatUsage FromAI(AI.UsageDetails usage) => new()
    {
        InputTokens = ToInt(usage.InputTokenCount),
        OutputTokens = ToInt(usage.OutputTokenCount),
        ReasoningTokens = ToInt(usage.ReasoningTokenCount),
        CachedInputTokens = ToInt(usage.CachedInputTokenCount),
    };

    public static AI.FunctionCallContent ToAI(ChatToolCall call)
    {
        AI.FunctionCallContent content;
        try
        {
            content = new AI.FunctionCallContent(call.Id, call.Name, AIJson.ParseArguments(call.Arguments));
        }
        catch (JsonException ex)
        {
            // Cut by a token limit, say: the caller sees the failure rather than invented arguments.
            content = new AI.FunctionCallContent(call.Id, call.Name) { Exception = ex };
        }

        if (call.Signature is { } signature)
        {
            (content.AdditionalProperties ??= [])[SignatureKey] = signature;
        }

        return content;
    }

    public static ChatToolCall FromAI(AI.FunctionCallContent call) =>
        new(string.IsNullOrEmpty(call.CallId) ? "call_" + Guid.NewGuid().ToString("N") : call.CallId, call.Name, AIJson.SerializeArguments(call.Arguments))
        {
            Signature = call.AdditionalProperties?.TryGetValue(SignatureKey, out var signature) == true ? signature as string : null,
        };

    public static bool IsRedacted(AI.TextReasoningContent content) =>
        content.AdditionalProperties?.TryGetValue(RedactedKey, out var value) == true && value is true;

    public static AI.TextReasoningContent Redacted(string data)
    {
        var content = new AI.TextReasoningContent(string.Empty) { ProtectedData = data };
        (content.AdditionalProperties ??= [])[RedactedKey] = true;
        return content;
    }

    public static AI.ReasoningEffort ToAI(ChatReasoningEffort effort) => effort switch
    {
        ChatReasoningEffort.Minimal => AI.ReasoningEffort.None,
        ChatReasoningEffort.Low => AI.ReasoningEffort.Low,
        ChatReasoningEffort.Medium => AI.ReasoningEffort.Medium,
        _ => AI.ReasoningEffort.High,
    };

    public static ChatReasoningEffort FromAI(AI.ReasoningEffort effort) => effort switch
    {
        AI.ReasoningEffort.None => ChatReasoningEffort.Minimal,
        AI.ReasoningEffort.Low => ChatReasoningEffort.Low,
        AI.ReasoningEffort.Medium => ChatReasoningEffort.Medium,
        _ => ChatReasoningEffort.High,
    };

    private static int? ToInt(long? value) => value is { } v ? (int)Math.Clamp(v, 0, int.MaxValue) : null;
}
