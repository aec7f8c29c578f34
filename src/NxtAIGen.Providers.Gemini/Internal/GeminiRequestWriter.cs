using System.Buffers;
using System.Text.Json;
using NxtAIGen.Abstractions;

namespace NxtAIGen.Providers.Gemini.Internal;

/// <summary>Writes the <c>streamGenerateContent</c> body (a <c>GenerateContentRequest</c>) with a <see cref="Utf8JsonWriter"/>.</summary>
internal static partial class GeminiRequestWriter
{
    /// <summary>Writes the request body.</summary>
    /// <param name="request">The request.</param>
    /// <param name="model">The resolved model id (it decides between <c>thinkingLevel</c> and <c>thinkingBudget</c>).</param>
    /// <param name="providerId">The provider id, for error messages.</param>
    /// <returns>The UTF-8 JSON body.</returns>
    /// <exception cref="NxtAIGenProviderException">A document cannot be sent.</exception>
    public static ReadOnlyMemory<byte> Write(ChatRequest request, string model, string providerId)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            var extra = request.AdditionalProperties;
            bool Keep(string name) => extra is null || !extra.ContainsKey(name);

            writer.WriteStartObject();
            if (Keep("contents"))
            {
                writer.WritePropertyName("contents");
                WriteContents(writer, request.Messages, providerId);
            }

            if (Keep("systemInstruction"))
            {
                WriteSystemInstruction(writer, request.Messages);
            }

            if (Keep("generationConfig"))
            {
                WriteGenerationConfig(writer, request, model);
            }

            WriteTools(writer, request, Keep);
            if (extra is not null)
            {
                foreach (var (name, value) in extra)
                {
                    writer.WritePropertyName(name);
                    value.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }

    private static void WriteSystemInstruction(Utf8JsonWriter writer, IList<ChatMessage> messages)
    {
        var started = false;
        foreach (var message in messages)
        {
            if (message.Role != ChatRole.System)
            {
                continue;
            }

            foreach (var part in message.Parts)
            {
                if (part is not TextPart { Text: var text })
                {
                    continue;
                }

                if (!started)
                {
                    writer.WriteStartObject("systemInstruction");
                    writer.WriteStartArray("parts");
                    started = true;
                }

                writer.WriteStartObject();
                writer.WriteString("text", text);
                writer.WriteEndObject();
            }
        }

        if (started)
        {
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
    }

    private static void WriteGenerationConfig(Utf8JsonWriter writer, ChatRequest request, string model)
    {
        if (request.MaxOutputTokens is null && request.Temperature is null && request.TopP is null
            && request.StopSequences is not { Count: > 0 } && request.Reasoning is null)
        {
            return;
        }

        writer.WriteStartObject("generationConfig");
        if (request.MaxOutputTokens is { } maxTokens)
        {
            writer.WriteNumber("maxOutputTokens", maxTokens);
        }

        if (request.Temperature is { } temperature)
        {
            writer.WriteNumber("temperature", temperature);
        }

        if (request.TopP is { } topP)
        {
            writer.WriteNumber("topP", topP);
        }

        if (request.StopSequences is { Count: > 0 } stop)
        {
            writer.WriteStartArray("stopSequences");
            foreach (var sequence in stop)
            {
                writer.WriteStringValue(sequence);
            }

            writer.WriteEndArray();
        }

        if (request.Reasoning is { } reasoning)
        {
            WriteThinkingConfig(writer, reasoning, model);
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// Gemini 3 and later take <c>thinkingLevel</c> for an effort (an explicit budget is still sent as
    /// <c>thinkingBudget</c>); Gemini 2.x and other models take <c>thinkingBudget</c> only.
    /// </summary>
    private static void WriteThinkingConfig(Utf8JsonWriter writer, ChatReasoningOptions reasoning, string model)
    {
        writer.WriteStartObject("thinkingConfig");
        writer.WriteBoolean("includeThoughts", reasoning.IncludeReasoning);
        if (UsesThinkingLevel(model) && reasoning.Effort is { } effort)
        {
            writer.WriteString("thinkingLevel", effort switch
            {
                ChatReasoningEffort.Minimal => "minimal",
                ChatReasoningEffort.Low => "low",
                ChatReasoningEffort.High => "high",
                _ => "medium",
            });
        }
        else if (reasoning.ResolveBudgetTokens() is { } budget)
        {
            writer.WriteNumber("thinkingBudget", budget);
        }

        writer.WriteEndObject();
    }

    /// <summary>Whether the model is Gemini 3 or later (<c>gemini-3-flash-preview</c>, <c>gemini-3.5-flash</c>, ...).</summary>
    /// <param name="model">The model id.</param>
    /// <returns><see langword="true"/> for a Gemini model of generation 3 or later.</returns>
    internal static bool UsesThinkingLevel(string model)
    {
        var name = model.AsSpan(model.LastIndexOf('/') + 1);
        if (!name.StartsWith("gemini-", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        name = name["gemini-".Length..];
        var digits = 0;
        while (digits < name.Length && char.IsAsciiDigit(name[digits]))
        {
            digits++;
        }

        return digits > 0 && int.TryParse(name[..digits], System.Globalization.CultureInfo.InvariantCulture, out var generation) && generation >= 3;
    }

    private static void WriteTools(Utf8JsonWriter writer, ChatRequest request, Func<string, bool> keep)
    {
        if (request.Tools is { Count: > 0 } tools && keep("tools"))
        {
            writer.WriteStartArray("tools");
            writer.WriteStartObject();
            writer.WriteStartArray("functionDeclarations");
            foreach (var tool in tools)
            {
                writer.WriteStartObject();
                writer.WriteString("name", tool.Name);
                if (tool.Description is not null)
                {
                    writer.WriteString("description", tool.Description);
                }

                if (tool.ParametersSchema is { ValueKind: JsonValueKind.Object } schema)
                {
                    // Full JSON Schema (additionalProperties, $defs, ...), unlike the OpenAPI subset of "parameters".
                    writer.WritePropertyName("parametersJsonSchema");
                    schema.WriteTo(writer);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
        }

        if (request.ToolChoice is { } choice && keep("toolConfig"))
        {
            writer.WriteStartObject("toolConfig");
            writer.WriteStartObject("functionCallingConfig");
            switch (choice.Mode)
            {
                case ChatToolChoiceMode.Function:
                    writer.WriteString("mode", "ANY");
                    writer.WriteStartArray("allowedFunctionNames");
                    writer.WriteStringValue(choice.FunctionName);
                    writer.WriteEndArray();
                    break;
                case ChatToolChoiceMode.Required:
                    writer.WriteString("mode", "ANY");
                    break;
                case ChatToolChoiceMode.None:
                    writer.WriteString("mode", "NONE");
                    break;
                default:
                    writer.WriteString("mode", "AUTO");
                    break;
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }
    }
}
