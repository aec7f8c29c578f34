using System.Text.Json;
using AI = Microsoft.Extensions.AI;

namespace NxtAIGen.Abstractions.Internal;

/// <content>A <see cref="ChatRequest"/> to Microsoft.Extensions.AI messages and options.</content>
internal static partial class AIMessageMapper
{
    public static List<AI.ChatMessage> ToAIMessages(ChatRequest request)
    {
        var result = new List<AI.ChatMessage>(request.Messages.Count);
        foreach (var message in request.Messages)
        {
            var contents = new List<AI.AIContent>(message.Parts.Count);
            foreach (var part in message.Parts)
            {
                if (ToContent(part) is { } content)
                {
                    contents.Add(content);
                }
            }

            var role = message.Role switch
            {
                ChatRole.System => AI.ChatRole.System,
                ChatRole.Assistant => AI.ChatRole.Assistant,
                ChatRole.Tool => AI.ChatRole.Tool,
                _ => AI.ChatRole.User,
            };
            result.Add(new AI.ChatMessage(role, contents));
        }

        return result;
    }

    public static AI.ChatOptions ToAIOptions(ChatRequest request, string? model)
    {
        var options = new AI.ChatOptions
        {
            ModelId = model,
            MaxOutputTokens = request.MaxOutputTokens,
            Temperature = request.Temperature,
            TopP = request.TopP,
            StopSequences = request.StopSequences is { Count: > 0 } stops ? [.. stops] : null,
            ToolMode = request.ToolChoice?.Mode switch
            {
                null => null,
                ChatToolChoiceMode.None => AI.ChatToolMode.None,
                ChatToolChoiceMode.Required => AI.ChatToolMode.RequireAny,
                ChatToolChoiceMode.Function => AI.ChatToolMode.RequireSpecific(request.ToolChoice.FunctionName!),
                _ => AI.ChatToolMode.Auto,
            },
        };
        if (request.Reasoning is { } reasoning && (reasoning.ResolveEffort() is not null || !reasoning.IncludeReasoning))
        {
            options.Reasoning = new AI.ReasoningOptions
            {
                Effort = reasoning.ResolveEffort() is { } effort ? ToAI(effort) : null,
                Output = reasoning.IncludeReasoning ? null : AI.ReasoningOutput.None,
            };
        }

        if (request.Tools is { Count: > 0 } tools)
        {
            options.Tools = [.. tools.Select(t => (AI.AITool)new ToolDeclaration(t))];
        }

        if (request.AdditionalProperties is { Count: > 0 } extra)
        {
            options.AdditionalProperties = [];
            foreach (var (key, value) in extra)
            {
                options.AdditionalProperties[key] = value;
            }
        }

        return options;
    }

    private static AI.AIContent? ToContent(ChatPart part) => part switch
    {
        TextPart text => new AI.TextContent(text.Text),
        ReasoningPart { RedactedData: { } data } => Redacted(data),
        ReasoningPart reasoning => new AI.TextReasoningContent(reasoning.Text) { ProtectedData = reasoning.Signature },
        ImagePart { Url: { } url } image => new AI.UriContent(url, image.MediaType == "image/*" ? "image/*" : image.MediaType),
        ImagePart image => new AI.DataContent(image.Data, image.MediaType),
        DocumentPart { Data.IsEmpty: false } document => new AI.DataContent(document.Data, document.MediaType) { Name = document.Name },
        DocumentPart document => new AI.TextContent(DocumentPrompt.Format(document.Name, document.Text ?? string.Empty)),
        ToolCallPart call => ToAI(call.Call),
        ToolResultPart result => new AI.FunctionResultContent(result.ToolCallId, ResultValue(result.Content))
        {
            Exception = result.IsError ? new InvalidOperationException(result.Content) : null,
            AdditionalProperties = result.Name is null ? null : new() { [NameKey] = result.Name },
        },
        _ => null,
    };

    // A result that is JSON travels as JSON, so that a client which serializes it does not quote it twice.
    private static object ResultValue(string content)
    {
        var trimmed = content.AsSpan().TrimStart();
        if (trimmed.Length > 0 && (trimmed[0] == '{' || trimmed[0] == '['))
        {
            try
            {
                using var document = JsonDocument.Parse(content);
                return document.RootElement.Clone();
            }
            catch (JsonException)
            {
                // Not JSON after all: plain text.
            }
        }

        return content;
    }

    /// <summary>A tool the model may call, declared by name, description and schema only (NxtAIGen never invokes tools).</summary>
    private sealed class ToolDeclaration(ChatToolDefinition definition) : AI.AIFunctionDeclaration
    {
        private static readonly JsonElement EmptySchema = CreateEmptySchema();

        public override string Name => definition.Name;

        public override string Description => definition.Description ?? string.Empty;

        public override JsonElement JsonSchema => definition.ParametersSchema is { ValueKind: JsonValueKind.Object } schema ? schema : EmptySchema;

        private static JsonElement CreateEmptySchema()
        {
            using var document = JsonDocument.Parse("""{"type":"object","properties":{}}""");
            return document.RootElement.Clone();
        }
    }
}
