using System.Text.Json;
using AI = Microsoft.Extensions.AI;

namespace NxtAIGen.Abstractions.Internal;

/// <content>Microsoft.Extensions.AI messages and options to a <see cref="ChatRequest"/>.</content>
internal static partial class AIMessageMapper
{
    /// <summary>Builds the request: <paramref name="options"/>' raw representation (a <see cref="ChatRequest"/>) is the base, options override it.</summary>
    public static ChatRequest ToRequest(AI.IChatClient client, IEnumerable<AI.ChatMessage> messages, AI.ChatOptions? options)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var baseRequest = options?.RawRepresentationFactory?.Invoke(client) as ChatRequest;
        var converted = new List<ChatMessage>();
        if (!string.IsNullOrEmpty(options?.Instructions))
        {
            converted.Add(ChatMessage.System(options.Instructions));
        }

        var callNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var message in messages)
        {
            if (ToMessage(message, callNames) is { } mapped)
            {
                converted.Add(mapped);
            }
        }

        if (baseRequest is not null && converted.Count == 0)
        {
            converted.AddRange(baseRequest.Messages);
        }

        return new ChatRequest
        {
            Model = options?.ModelId ?? baseRequest?.Model,
            Messages = converted,
            Reasoning = ToReasoning(options?.Reasoning) ?? baseRequest?.Reasoning,
            MaxOutputTokens = options?.MaxOutputTokens ?? baseRequest?.MaxOutputTokens,
            Temperature = options?.Temperature ?? baseRequest?.Temperature,
            TopP = options?.TopP ?? baseRequest?.TopP,
            StopSequences = options?.StopSequences is { Count: > 0 } stops ? [.. stops] : baseRequest?.StopSequences,
            Tools = ToTools(options?.Tools) ?? baseRequest?.Tools,
            ToolChoice = ToToolChoice(options?.ToolMode) ?? baseRequest?.ToolChoice,
            AdditionalProperties = ToAdditionalProperties(options, baseRequest?.AdditionalProperties),
        };
    }

    private static ChatMessage? ToMessage(AI.ChatMessage message, Dictionary<string, string> callNames)
    {
        var role = message.Role == AI.ChatRole.System ? ChatRole.System
            : message.Role == AI.ChatRole.Assistant ? ChatRole.Assistant
            : message.Role == AI.ChatRole.Tool ? ChatRole.Tool
            : ChatRole.User;
        var parts = new List<ChatPart>(message.Contents.Count);
        foreach (var content in message.Contents)
        {
            switch (content)
            {
                case AI.TextContent text when text.Text is { Length: > 0 }:
                    parts.Add(new TextPart(text.Text));
                    break;
                case AI.TextReasoningContent reasoning when IsRedacted(reasoning):
                    parts.Add(new ReasoningPart(string.Empty, redactedData: reasoning.ProtectedData));
                    break;
                case AI.TextReasoningContent reasoning when reasoning.Text is { Length: > 0 } || reasoning.ProtectedData is not null:
                    parts.Add(new ReasoningPart(reasoning.Text ?? string.Empty, reasoning.ProtectedData));
                    break;
                case AI.DataContent data:
                    parts.Add(ToPart(data));
                    break;
                case AI.UriContent uri when uri.HasTopLevelMediaType("image"):
                    parts.Add(new ImagePart(uri.Uri, uri.MediaType));
                    break;
                case AI.FunctionCallContent call:
                    var toolCall = FromAI(call);
                    callNames[toolCall.Id] = toolCall.Name;
                    parts.Add(new ToolCallPart(toolCall));
                    break;
                case AI.FunctionResultContent result:
                    if (!callNames.TryGetValue(result.CallId, out var name))
                    {
                        name = result.AdditionalProperties?.TryGetValue(NameKey, out var named) == true ? named as string : null;
                    }

                    parts.Add(new ToolResultPart(
                        result.CallId,
                        result.Exception is { } error && result.Result is null ? "Error: " + error.Message : AIJson.ResultToText(result.Result),
                        name,
                        isError: result.Exception is not null));
                    break;
                default:
                    // Usage, errors and hosted-tool contents are not part of the conversation a provider is sent.
                    break;
            }
        }

        if (parts.Count == 0)
        {
            return null;
        }

        // Tool results go to the model in a tool message whatever role the caller gave them.
        if (role != ChatRole.Tool && parts.TrueForAll(p => p is ToolResultPart))
        {
            role = ChatRole.Tool;
        }

        return new ChatMessage(role, parts);
    }

    private static ChatPart ToPart(AI.DataContent data)
    {
        if (data.HasTopLevelMediaType("image"))
        {
            return new ImagePart(data.Data, data.MediaType);
        }

        var name = data.Name ?? "document";
        var text = DocumentPrompt.IsTextMediaType(data.MediaType) ? System.Text.Encoding.UTF8.GetString(data.Data.Span) : null;
        return new DocumentPart(name, data.MediaType, data.Data, text);
    }

    private static ChatReasoningOptions? ToReasoning(AI.ReasoningOptions? reasoning)
    {
        if (reasoning is null || (reasoning.Effort is null && reasoning.Output is null))
        {
            return null;
        }

        return new ChatReasoningOptions
        {
            Effort = reasoning.Effort is { } effort ? FromAI(effort) : null,
            IncludeReasoning = reasoning.Output != AI.ReasoningOutput.None,
        };
    }

    private static List<ChatToolDefinition>? ToTools(IList<AI.AITool>? tools)
    {
        if (tools is not { Count: > 0 })
        {
            return null;
        }

        var result = new List<ChatToolDefinition>(tools.Count);
        foreach (var tool in tools)
        {
            if (tool is AI.AIFunctionDeclaration function)
            {
                result.Add(new ChatToolDefinition(function.Name, string.IsNullOrEmpty(function.Description) ? null : function.Description, function.JsonSchema));
            }
        }

        return result.Count == 0 ? null : result;
    }

    private static ChatToolChoice? ToToolChoice(AI.ChatToolMode? mode) => mode switch
    {
        null => null,
        AI.NoneChatToolMode => ChatToolChoice.None,
        AI.RequiredChatToolMode { RequiredFunctionName: { Length: > 0 } name } => ChatToolChoice.Function(name),
        AI.RequiredChatToolMode => ChatToolChoice.Required,
        _ => ChatToolChoice.Auto,
    };

    private static Dictionary<string, JsonElement>? ToAdditionalProperties(AI.ChatOptions? options, IDictionary<string, JsonElement>? baseProperties)
    {
        var result = baseProperties is null ? null : new Dictionary<string, JsonElement>(baseProperties, StringComparer.Ordinal);
        if (options?.AdditionalProperties is { Count: > 0 } extra)
        {
            result ??= new(StringComparer.Ordinal);
            foreach (var (key, value) in extra)
            {
                result[key] = AIJson.ToElement(value);
            }
        }

        return result;
    }
}
