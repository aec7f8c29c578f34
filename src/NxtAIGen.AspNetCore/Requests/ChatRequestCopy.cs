using NxtAIGen.Abstractions;

namespace NxtAIGen.AspNetCore.Requests;

/// <summary>Copies of a <see cref="ChatRequest"/> with another model or conversation, every other setting kept.</summary>
internal static class ChatRequestCopy
{
    public static ChatRequest With(ChatRequest request, string? model, IList<ChatMessage> messages) => new()
    {
        Model = model,
        Messages = messages,
        Reasoning = request.Reasoning,
        MaxOutputTokens = request.MaxOutputTokens,
        Temperature = request.Temperature,
        TopP = request.TopP,
        StopSequences = request.StopSequences,
        Tools = request.Tools,
        ToolChoice = request.ToolChoice,
        AdditionalProperties = request.AdditionalProperties,
    };
}
