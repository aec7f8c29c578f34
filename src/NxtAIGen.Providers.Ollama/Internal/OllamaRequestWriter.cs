using System.Buffers;
using System.Text.Json;
using NxtAIGen.Abstractions;

namespace NxtAIGen.Providers.Ollama.Internal;

/// <summary>Writes the <c>POST /api/chat</c> body with a <see cref="Utf8JsonWriter"/>.</summary>
internal static partial class OllamaRequestWriter
{
    /// <summary>Writes the request body.</summary>
    /// <param name="request">The request.</param>
    /// <param name="model">The resolved model id.</param>
    /// <param name="providerId">The provider id, for error messages.</param>
    /// <returns>The UTF-8 JSON body.</returns>
    /// <exception cref="NxtAIGenProviderException">An attachment cannot be sent to Ollama.</exception>
    public static ReadOnlyMemory<byte> Write(ChatRequest request, string model, string providerId)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            var extra = request.AdditionalProperties;
            bool Keep(string name) => extra is null || !extra.ContainsKey(name);

            writer.WriteStartObject();
            if (Keep("model"))
            {
                writer.WriteString("model", model);
            }

            if (Keep("messages"))
            {
                writer.WritePropertyName("messages");
                WriteMessages(writer, request.Messages, providerId);
            }

            if (Keep("stream"))
            {
                writer.WriteBoolean("stream", true);
            }

            if (request.Reasoning is { } reasoning && Keep("think"))
            {
                WriteThink(writer, reasoning, model);
            }

            WriteTools(writer, request, Keep);
            if (Keep("options"))
            {
                WriteOptions(writer, request);
            }

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

    /// <summary>
    /// <c>think</c>: an effort level (<c>low</c>, <c>medium</c>, <c>high</c>) for the models that take levels (gpt-oss)
    /// when the request names an effort; <see langword="true"/> otherwise.
    /// </summary>
    private static void WriteThink(Utf8JsonWriter writer, ChatReasoningOptions reasoning, string model)
    {
        if (reasoning.Effort is { } effort && TakesThinkLevels(model))
        {
            writer.WriteString("think", effort switch
            {
                ChatReasoningEffort.Minimal or ChatReasoningEffort.Low => "low",
                ChatReasoningEffort.High => "high",
                _ => "medium",
            });
        }
        else
        {
            writer.WriteBoolean("think", true);
        }
    }

    /// <summary>Whether the model takes <c>think</c> levels rather than a boolean (gpt-oss, also behind a namespace such as <c>library/</c>).</summary>
    internal static bool TakesThinkLevels(string model)
    {
        var name = model.AsSpan(model.LastIndexOf('/') + 1);
        return name.StartsWith("gpt-oss", StringComparison.OrdinalIgnoreCase);
    }

    private static void WriteOptions(Utf8JsonWriter writer, ChatRequest request)
    {
        if (request.MaxOutputTokens is null && request.Temperature is null && request.TopP is null && request.StopSequences is not { Count: > 0 })
        {
            return;
        }

        writer.WriteStartObject("options");
        if (request.MaxOutputTokens is { } maxTokens)
        {
            writer.WriteNumber("num_predict", maxTokens);
        }

        if (request.Temperature is { } temperature)
        {
            writer.WriteNumber("temperature", temperature);
        }

        if (request.TopP is { } topP)
        {
            writer.WriteNumber("top_p", topP);
        }

        if (request.StopSequences is { Count: > 0 } stop)
        {
            writer.WriteStartArray("stop");
            foreach (var sequence in stop)
            {
                writer.WriteStringValue(sequence);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// <c>tools</c> in the OpenAI function shape. Ollama has no <c>tool_choice</c>: <see cref="ChatToolChoiceMode.None"/>
    /// sends no tools, <see cref="ChatToolChoiceMode.Function"/> sends only the named one.
    /// </summary>
    private static void WriteTools(Utf8JsonWriter writer, ChatRequest request, Func<string, bool> keep)
    {
        if (request.Tools is not { Count: > 0 } tools || !keep("tools") || request.ToolChoice?.Mode == ChatToolChoiceMode.None)
        {
            return;
        }

        var only = request.ToolChoice is { Mode: ChatToolChoiceMode.Function } choice ? choice.FunctionName : null;
        writer.WriteStartArray("tools");
        foreach (var tool in tools)
        {
            if (only is not null && !string.Equals(tool.Name, only, StringComparison.Ordinal))
            {
                continue;
            }

            writer.WriteStartObject();
            writer.WriteString("type", "function");
            writer.WriteStartObject("function");
            writer.WriteString("name", tool.Name);
            if (tool.Description is not null)
            {
                writer.WriteString("description", tool.Description);
            }

            writer.WritePropertyName("parameters");
            tool.WriteParametersSchema(writer);

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
