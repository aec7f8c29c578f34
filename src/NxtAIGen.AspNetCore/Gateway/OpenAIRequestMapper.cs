using System.Text.Json;
using System.Text.RegularExpressions;
using NxtAIGen.Abstractions;
using NxtAIGen.AspNetCore.Requests;

namespace NxtAIGen.AspNetCore.Gateway;

/// <summary>
/// Turns a Chat Completions request into a <see cref="ChatRequest"/> for the provider its <c>provider/model</c> names,
/// with the same limits as <c>chat/stream</c>. What the gateway cannot honour (several choices, log probabilities,
/// JSON response formats, audio, file ids) is refused with a 400, never silently dropped.
/// </summary>
internal static partial class OpenAIRequestMapper
{
    /// <summary>Splits <c>provider/model</c> at the first slash (the model may contain more); a bare provider id takes its default model.</summary>
    public static (ChatProviderDescriptor? Provider, string? Model, OpenAIError? Error) ResolveModel(string? model, IChatProviderRegistry registry)
    {
        if (string.IsNullOrWhiteSpace(model))
        {
            return (null, null, OpenAIError.InvalidRequest("You must provide a model parameter, as provider/model (GET /v1/models lists them).", "model"));
        }

        model = model.Trim();
        var slash = model.IndexOf('/', StringComparison.Ordinal);
        var providerId = slash < 0 ? model : model[..slash];
        var modelId = slash < 0 ? null : model[(slash + 1)..];
        if (!registry.TryGetDescriptor(providerId, out var descriptor) || !descriptor.Enabled)
        {
            return (null, null, OpenAIError.ModelNotFound(model));
        }

        modelId = string.IsNullOrEmpty(modelId) ? descriptor.DefaultModel : modelId;
        if (modelId is null)
        {
            return (null, null, OpenAIError.InvalidRequest($"The provider '{descriptor.Id}' has no default model: name one as {descriptor.Id}/<model>.", "model"));
        }

        if (!ModelPattern().IsMatch(modelId))
        {
            return (null, null, OpenAIError.InvalidRequest("The model id may contain only letters, digits and . _ : / - (at most 128 characters).", "model"));
        }

        return (descriptor, modelId, null);
    }

    public static (ChatRequest? Request, OpenAIError? Error) Map(
        OpenAIChatCompletionRequest body,
        ChatProviderDescriptor provider,
        string model,
        NxtAIGenRequestOptions limits,
        NxtAIGenGatewayOptions gateway,
        AttachmentReader attachments)
    {
        if (body.N is { } n && n != 1)
        {
            return Fail("Only one choice per request is supported ('n' must be 1).", "n");
        }

        if (body.Logprobs == true)
        {
            return Fail("Log probabilities are not supported by this gateway.", "logprobs");
        }

        if (body.ResponseFormat is { ValueKind: JsonValueKind.Object } format
            && (!format.TryGetProperty("type", out var formatType) || formatType.ValueKind != JsonValueKind.String || formatType.GetString() != "text"))
        {
            return Fail("Only the 'text' response format is supported by this gateway.", "response_format");
        }

        var turns = body.Messages ?? [];
        if (turns.Count == 0)
        {
            return Fail("'messages' must contain at least one message.", "messages");
        }

        if (turns.Count > limits.MaxMessages)
        {
            return Fail($"Too many messages: {turns.Count} (the limit is {limits.MaxMessages}).", "messages");
        }

        var context = new MessageContext(provider, limits, gateway, attachments);
        var messages = new List<ChatMessage>(turns.Count);
        for (var i = 0; i < turns.Count; i++)
        {
            var (message, error) = MapMessage(turns[i], i, context);
            if (error is not null)
            {
                return (null, error);
            }

            messages.Add(message!);
        }

        if (!messages.Any(m => m.Role == ChatRole.User))
        {
            return Fail("At least one message must have the role 'user'.", "messages");
        }

        var (tools, toolsError) = MapTools(body.Tools, provider);
        if (toolsError is not null)
        {
            return (null, toolsError);
        }

        var (toolChoice, choiceError) = MapToolChoice(body.ToolChoice, tools);
        if (choiceError is not null)
        {
            return (null, choiceError);
        }

        var (reasoning, reasoningError) = MapReasoning(body.ReasoningEffort);
        if (reasoningError is not null)
        {
            return (null, reasoningError);
        }

        var maxTokens = body.MaxCompletionTokens ?? body.MaxTokens;
        if (maxTokens is < 1 or > 1_000_000)
        {
            return Fail("'max_completion_tokens' (or 'max_tokens') must be between 1 and 1000000.", body.MaxCompletionTokens is null ? "max_tokens" : "max_completion_tokens");
        }

        if (body.Temperature is < 0 or > 2 || (body.Temperature is { } t && float.IsNaN(t)))
        {
            return Fail("'temperature' must be between 0 and 2.", "temperature");
        }

        if (body.TopP is < 0 or > 1 || (body.TopP is { } p && float.IsNaN(p)))
        {
            return Fail("'top_p' must be between 0 and 1.", "top_p");
        }

        var (stop, stopError) = MapStop(body.Stop);
        if (stopError is not null)
        {
            return (null, stopError);
        }

        return (new ChatRequest
        {
            Model = model,
            Messages = messages,
            Reasoning = reasoning,
            MaxOutputTokens = maxTokens,
            Temperature = body.Temperature,
            TopP = body.TopP,
            StopSequences = stop,
            Tools = tools,
            ToolChoice = toolChoice,
        }, null);
    }

    private static (ChatMessage? Message, OpenAIError? Error) MapMessage(OpenAIChatMessage turn, int index, MessageContext context)
    {
        var where = $"messages[{index}]";
        switch (turn.Role)
        {
            case "system":
            case "developer":
            {
                var (text, error) = TextOnly(turn.Content, where);
                return error is not null ? (null, error) : (new ChatMessage(ChatRole.System, text!), null);
            }

            case "user":
                return MapUser(turn, where, context);
            case "assistant":
                return MapAssistant(turn, where, context);
            case "tool":
            {
                if (string.IsNullOrEmpty(turn.ToolCallId))
                {
                    return (null, OpenAIError.InvalidRequest($"{where}: a 'tool' message needs 'tool_call_id'.", $"{where}.tool_call_id"));
                }

                var (text, error) = TextOnly(turn.Content, where, allowEmpty: true);
                if (error is not null)
                {
                    return (null, error);
                }

                context.ToolNames.TryGetValue(turn.ToolCallId, out var name);
                return (new ChatMessage(ChatRole.Tool, [new ToolResultPart(turn.ToolCallId, text!, name)]), null);
            }

            default:
                return (null, OpenAIError.InvalidRequest($"{where}.role must be 'system', 'developer', 'user', 'assistant' or 'tool'.", $"{where}.role"));
        }
    }

    private static (ChatMessage?, OpenAIError?) MapUser(OpenAIChatMessage turn, string where, MessageContext context)
    {
        var parts = new List<ChatPart>();
        if (turn.Content is not { } content || content.ValueKind == JsonValueKind.Null)
        {
            return (null, OpenAIError.InvalidRequest($"{where}: a user message needs 'content'.", $"{where}.content"));
        }

        if (content.ValueKind == JsonValueKind.String)
        {
            parts.Add(new TextPart(content.GetString()!));
            return (new ChatMessage(ChatRole.User, parts), null);
        }

        if (content.ValueKind != JsonValueKind.Array)
        {
            return (null, OpenAIError.InvalidRequest($"{where}.content must be a string or an array of content parts.", $"{where}.content"));
        }

        var i = 0;
        foreach (var item in content.EnumerateArray())
        {
            var at = $"{where}.content[{i++}]";
            var type = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            switch (type)
            {
                case "text":
                    if (!TryGetString(item, "text", out var text))
                    {
                        return (null, OpenAIError.InvalidRequest($"{at}: a text part needs 'text'.", at));
                    }

                    parts.Add(new TextPart(text));
                    break;
                case "image_url":
                {
                    var url = item.TryGetProperty("image_url", out var image) && image.ValueKind == JsonValueKind.Object && TryGetString(image, "url", out var u) ? u
                        : item.TryGetProperty("image_url", out var plain) && plain.ValueKind == JsonValueKind.String ? plain.GetString() : null;
                    var (part, error) = ReadImage(url, at, context);
                    if (error is not null)
                    {
                        return (null, error);
                    }

                    parts.Add(part!);
                    break;
                }

                case "file":
                {
                    var (part, error) = ReadFile(item, at, context);
                    if (error is not null)
                    {
                        return (null, error);
                    }

                    parts.Add(part!);
                    break;
                }

                case "input_audio":
                    return (null, OpenAIError.InvalidRequest($"{at}: audio input is not supported by this gateway.", at));
                default:
                    return (null, OpenAIError.InvalidRequest($"{at}: unknown content part type '{type}' (use 'text', 'image_url' or 'file').", at));
            }
        }

        if (parts.Count == 0)
        {
            return (null, OpenAIError.InvalidRequest($"{where}.content is empty.", $"{where}.content"));
        }

        return (new ChatMessage(ChatRole.User, parts), null);
    }

    private static (ChatMessage?, OpenAIError?) MapAssistant(OpenAIChatMessage turn, string where, MessageContext context)
    {
        var (text, error) = TextOnly(turn.Content, where, allowEmpty: true);
        if (error is not null)
        {
            return (null, error);
        }

        var parts = new List<ChatPart>();
        if (!string.IsNullOrEmpty(text))
        {
            parts.Add(new TextPart(text));
        }

        var calls = turn.ToolCalls ?? [];
        for (var i = 0; i < calls.Count; i++)
        {
            var call = calls[i];
            var at = $"{where}.tool_calls[{i}]";
            if (call.Type is not (null or "function") || string.IsNullOrEmpty(call.Id) || string.IsNullOrEmpty(call.Function?.Name))
            {
                return (null, OpenAIError.InvalidRequest($"{at} must be a function call with 'id' and 'function.name'.", at));
            }

            context.ToolNames[call.Id] = call.Function.Name;
            parts.Add(new ToolCallPart(new ChatToolCall(call.Id, call.Function.Name, string.IsNullOrWhiteSpace(call.Function.Arguments) ? "{}" : call.Function.Arguments)));
        }

        if (parts.Count == 0)
        {
            return (null, OpenAIError.InvalidRequest($"{where}: an assistant message needs 'content' or 'tool_calls'.", $"{where}.content"));
        }

        return (new ChatMessage(ChatRole.Assistant, parts), null);
    }

    private static (ChatPart?, OpenAIError?) ReadImage(string? url, string at, MessageContext context)
    {
        if (string.IsNullOrEmpty(url))
        {
            return (null, OpenAIError.InvalidRequest($"{at}: an image_url part needs 'image_url.url'.", at));
        }

        if (++context.Files > context.Limits.MaxFiles)
        {
            return (null, OpenAIError.InvalidRequest($"Too many images and files (the limit is {context.Limits.MaxFiles}).", at));
        }

        if (url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            if (!url.StartsWith("data:image/", StringComparison.OrdinalIgnoreCase))
            {
                return (null, OpenAIError.InvalidRequest($"{at}: an image_url data URL must hold an image (data:image/...;base64,...).", at));
            }

            return Attach(new ChatFileBody { Name = $"image-{context.Files}", Data = url }, at, context);
        }

        if (!context.Gateway.AllowRemoteImageUrls)
        {
            return (null, OpenAIError.InvalidRequest($"{at}: send images inline as data: URLs; this server does not accept image links.", at));
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return (null, OpenAIError.InvalidRequest($"{at}: an image URL must be an absolute http(s) or data: URL.", at));
        }

        if (!context.Provider.Capabilities.HasFlag(ChatCapabilities.Vision))
        {
            return (null, OpenAIError.InvalidRequest($"The provider '{context.Provider.Id}' does not accept images. Choose a vision-capable model.", at));
        }

        // Handed to the provider as a link; the gateway never fetches it.
        return (new ImagePart(uri), null);
    }

    private static (ChatPart?, OpenAIError?) ReadFile(JsonElement item, string at, MessageContext context)
    {
        if (!item.TryGetProperty("file", out var file) || file.ValueKind != JsonValueKind.Object)
        {
            return (null, OpenAIError.InvalidRequest($"{at}: a file part needs 'file'.", at));
        }

        if (!TryGetString(file, "file_data", out var data))
        {
            return (null, OpenAIError.InvalidRequest($"{at}: send the file inline in 'file.file_data' (a data: URL); file ids are not supported.", at));
        }

        if (++context.Files > context.Limits.MaxFiles)
        {
            return (null, OpenAIError.InvalidRequest($"Too many images and files (the limit is {context.Limits.MaxFiles}).", at));
        }

        TryGetString(file, "filename", out var name);
        return Attach(new ChatFileBody { Name = string.IsNullOrEmpty(name) ? $"file-{context.Files}" : name, Data = data }, at, context);
    }

    private static (ChatPart?, OpenAIError?) Attach(ChatFileBody file, string at, MessageContext context)
    {
        var (part, problem) = context.Attachments.Read(file, at, context.Provider, context.Limits);
        return problem is not null ? (null, OpenAIError.FromProblem(problem, at)) : (part, null);
    }

    private static (List<ChatToolDefinition>? Tools, OpenAIError? Error) MapTools(List<OpenAIToolBody>? tools, ChatProviderDescriptor provider)
    {
        if (tools is not { Count: > 0 })
        {
            return (null, null);
        }

        if (!provider.Capabilities.HasFlag(ChatCapabilities.Tools))
        {
            return (null, OpenAIError.InvalidRequest($"The provider '{provider.Id}' does not support tools.", "tools"));
        }

        var result = new List<ChatToolDefinition>(tools.Count);
        for (var i = 0; i < tools.Count; i++)
        {
            var tool = tools[i];
            if (tool.Type is not (null or "function") || string.IsNullOrEmpty(tool.Function?.Name))
            {
                return (null, OpenAIError.InvalidRequest($"tools[{i}] must be {{\"type\": \"function\", \"function\": {{\"name\": ...}}}}.", $"tools[{i}]"));
            }

            if (tool.Function.Parameters is { } schema && schema.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
            {
                return (null, OpenAIError.InvalidRequest($"tools[{i}].function.parameters must be a JSON schema object.", $"tools[{i}].function.parameters"));
            }

            var parameters = tool.Function.Parameters is { ValueKind: JsonValueKind.Object } p ? p : (JsonElement?)null;
            result.Add(new ChatToolDefinition(tool.Function.Name, tool.Function.Description, parameters));
        }

        return (result, null);
    }

    private static (ChatToolChoice? Choice, OpenAIError? Error) MapToolChoice(JsonElement? choice, List<ChatToolDefinition>? tools)
    {
        if (choice is not { } c || c.ValueKind == JsonValueKind.Null)
        {
            return (null, null);
        }

        if (c.ValueKind == JsonValueKind.String)
        {
            return c.GetString() switch
            {
                "auto" => (ChatToolChoice.Auto, null),
                "none" => (ChatToolChoice.None, null),
                "required" when tools is not null => (ChatToolChoice.Required, null),
                "required" => (null, OpenAIError.InvalidRequest("'tool_choice' is 'required' but no tools were given.", "tool_choice")),
                _ => (null, OpenAIError.InvalidRequest("'tool_choice' must be 'none', 'auto', 'required' or a function.", "tool_choice")),
            };
        }

        if (c.ValueKind == JsonValueKind.Object
            && c.TryGetProperty("function", out var function)
            && function.ValueKind == JsonValueKind.Object
            && TryGetString(function, "name", out var name))
        {
            return tools?.Any(t => t.Name == name) == true
                ? (ChatToolChoice.Function(name), null)
                : (null, OpenAIError.InvalidRequest($"'tool_choice' names the function '{name}', which is not in 'tools'.", "tool_choice"));
        }

        return (null, OpenAIError.InvalidRequest("'tool_choice' must be 'none', 'auto', 'required' or {\"type\": \"function\", \"function\": {\"name\": ...}}.", "tool_choice"));
    }

    private static (ChatReasoningOptions?, OpenAIError?) MapReasoning(string? effort) => effort switch
    {
        null or "none" => (null, null),
        "minimal" => (new ChatReasoningOptions { Effort = ChatReasoningEffort.Minimal }, null),
        "low" => (new ChatReasoningOptions { Effort = ChatReasoningEffort.Low }, null),
        "medium" => (new ChatReasoningOptions { Effort = ChatReasoningEffort.Medium }, null),
        "high" or "xhigh" => (new ChatReasoningOptions { Effort = ChatReasoningEffort.High }, null),
        _ => (null, OpenAIError.InvalidRequest("'reasoning_effort' must be 'none', 'minimal', 'low', 'medium' or 'high'.", "reasoning_effort")),
    };

    private static (List<string>?, OpenAIError?) MapStop(JsonElement? stop)
    {
        if (stop is not { } s || s.ValueKind == JsonValueKind.Null)
        {
            return (null, null);
        }

        List<string> list = [];
        if (s.ValueKind == JsonValueKind.String)
        {
            list.Add(s.GetString()!);
        }
        else if (s.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in s.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String)
                {
                    return (null, OpenAIError.InvalidRequest("'stop' must be a string or an array of strings.", "stop"));
                }

                list.Add(item.GetString()!);
            }
        }
        else
        {
            return (null, OpenAIError.InvalidRequest("'stop' must be a string or an array of strings.", "stop"));
        }

        return list.Count > 16 || list.Any(string.IsNullOrEmpty)
            ? (null, OpenAIError.InvalidRequest("'stop' takes at most 16 non-empty strings.", "stop"))
            : (list.Count == 0 ? null : list, null);
    }

    /// <summary>The text of a string content or of an array of text (and refusal) parts.</summary>
    private static (string? Text, OpenAIError? Error) TextOnly(JsonElement? content, string where, bool allowEmpty = false)
    {
        if (content is not { } c || c.ValueKind == JsonValueKind.Null)
        {
            return allowEmpty ? (string.Empty, null) : (null, OpenAIError.InvalidRequest($"{where} needs 'content'.", $"{where}.content"));
        }

        if (c.ValueKind == JsonValueKind.String)
        {
            return (c.GetString(), null);
        }

        if (c.ValueKind == JsonValueKind.Array)
        {
            var text = new System.Text.StringBuilder();
            var i = 0;
            foreach (var item in c.EnumerateArray())
            {
                var at = $"{where}.content[{i++}]";
                if (item.ValueKind == JsonValueKind.Object && TryGetString(item, "type", out var type)
                    && ((type == "text" && TryGetString(item, "text", out var part)) || (type == "refusal" && TryGetString(item, "refusal", out part))))
                {
                    text.Append(part);
                    continue;
                }

                return (null, OpenAIError.InvalidRequest($"{at}: only text parts are allowed in this message.", at));
            }

            return (text.ToString(), null);
        }

        return (null, OpenAIError.InvalidRequest($"{where}.content must be a string or an array of text parts.", $"{where}.content"));
    }

    private static bool TryGetString(JsonElement element, string name, out string value)
    {
        if (element.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String)
        {
            value = property.GetString()!;
            return true;
        }

        value = string.Empty;
        return false;
    }

    private static (ChatRequest?, OpenAIError?) Fail(string message, string? param) => (null, OpenAIError.InvalidRequest(message, param));

    [GeneratedRegex("^[A-Za-z0-9._:/-]{1,128}$")]
    private static partial Regex ModelPattern();

    private sealed class MessageContext(ChatProviderDescriptor provider, NxtAIGenRequestOptions limits, NxtAIGenGatewayOptions gateway, AttachmentReader attachments)
    {
        public ChatProviderDescriptor Provider { get; } = provider;

        public NxtAIGenRequestOptions Limits { get; } = limits;

        public NxtAIGenGatewayOptions Gateway { get; } = gateway;

        public AttachmentReader Attachments { get; } = attachments;

        public Dictionary<string, string> ToolNames { get; } = new(StringComparer.Ordinal);

        public int Files { get; set; }
    }
}
