using System.Buffers;
using System.Text.Json;
using NxtAIGen.Abstractions;

namespace NxtAIGen.Providers.Cohere.Internal;

/// <summary>Writes the <c>POST /v2/chat</c> body with a <see cref="Utf8JsonWriter"/>.</summary>
internal static partial class CohereRequestWriter
{
    /// <summary>Writes the request body.</summary>
    /// <param name="request">The request.</param>
    /// <param name="model">The resolved model id.</param>
    /// <param name="providerId">The provider id, for error messages.</param>
    /// <returns>The UTF-8 JSON body.</returns>
    /// <exception cref="NxtAIGenProviderException">A document cannot be sent to Cohere.</exception>
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

            if (request.MaxOutputTokens is { } maxTokens && Keep("max_tokens"))
            {
                writer.WriteNumber("max_tokens", maxTokens);
            }

            if (request.Temperature is { } temperature && Keep("temperature"))
            {
                writer.WriteNumber("temperature", temperature);
            }

            if (request.TopP is { } topP && Keep("p"))
            {
                writer.WriteNumber("p", topP);
            }

            if (request.StopSequences is { Count: > 0 } stop && Keep("stop_sequences"))
            {
                writer.WriteStartArray("stop_sequences");
                foreach (var sequence in stop)
                {
                    writer.WriteStringValue(sequence);
                }

                writer.WriteEndArray();
            }

            if (request.Reasoning is { } reasoning && Keep("thinking"))
            {
                writer.WriteStartObject("thinking");
                writer.WriteString("type", "enabled");
                if (reasoning.ResolveBudgetTokens() is { } budget)
                {
                    writer.WriteNumber("token_budget", budget);
                }

                writer.WriteEndObject();
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

    /// <summary>
    /// <c>tools</c> (type function) and <c>tool_choice</c>: <c>NONE</c> or <c>REQUIRED</c>. Cohere cannot name the
    /// function to call, so <see cref="ChatToolChoiceMode.Function"/> sends only that tool with <c>REQUIRED</c>.
    /// </summary>
    private static void WriteTools(Utf8JsonWriter writer, ChatRequest request, Func<string, bool> keep)
    {
        var choice = request.ToolChoice;
        var only = choice is { Mode: ChatToolChoiceMode.Function } ? choice.FunctionName : null;
        if (request.Tools is { Count: > 0 } tools && keep("tools"))
        {
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

        if (choice is not null && keep("tool_choice"))
        {
            switch (choice.Mode)
            {
                case ChatToolChoiceMode.None:
                    writer.WriteString("tool_choice", "NONE");
                    break;
                case ChatToolChoiceMode.Required:
                case ChatToolChoiceMode.Function:
                    writer.WriteString("tool_choice", "REQUIRED");
                    break;
                default:
                    break; // Auto is Cohere's default; it has no value for it.
            }
        }
    }
}
