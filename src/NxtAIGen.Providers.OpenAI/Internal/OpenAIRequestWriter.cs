using System.Buffers;
using System.Text.Json;
using NxtAIGen.Abstractions;

namespace NxtAIGen.Providers.OpenAI.Internal;

/// <summary>Writes the <c>POST /chat/completions</c> body with a <see cref="Utf8JsonWriter"/>.</summary>
internal static partial class OpenAIRequestWriter
{
    /// <summary>Writes the request body.</summary>
    /// <param name="request">The request.</param>
    /// <param name="model">The resolved model id.</param>
    /// <param name="preset">The service's quirks.</param>
    /// <param name="providerId">The provider id, for error messages.</param>
    /// <returns>The UTF-8 JSON body.</returns>
    /// <exception cref="NxtAIGenProviderException">A document cannot be sent to this provider.</exception>
    public static ReadOnlyMemory<byte> Write(ChatRequest request, string model, OpenAIPreset preset, string providerId)
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
                WriteMessages(writer, request.Messages, preset, providerId);
            }

            if (Keep("stream"))
            {
                writer.WriteBoolean("stream", true);
            }

            if (preset.SendStreamOptions && Keep("stream_options"))
            {
                writer.WriteStartObject("stream_options");
                writer.WriteBoolean("include_usage", true);
                writer.WriteEndObject();
            }

            var maxTokensName = preset.UseMaxCompletionTokens ? "max_completion_tokens" : "max_tokens";
            if (request.MaxOutputTokens is { } maxTokens && Keep(maxTokensName))
            {
                writer.WriteNumber(maxTokensName, maxTokens);
            }

            if (request.Temperature is { } temperature && Keep("temperature"))
            {
                writer.WriteNumber("temperature", temperature);
            }

            if (request.TopP is { } topP && Keep("top_p"))
            {
                writer.WriteNumber("top_p", topP);
            }

            if (request.StopSequences is { Count: > 0 } stop && Keep("stop"))
            {
                writer.WriteStartArray("stop");
                foreach (var sequence in stop)
                {
                    writer.WriteStringValue(sequence);
                }

                writer.WriteEndArray();
            }

            WriteReasoning(writer, request.Reasoning, preset, Keep);
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

    private static void WriteReasoning(Utf8JsonWriter writer, ChatReasoningOptions? reasoning, OpenAIPreset preset, Func<string, bool> keep)
    {
        if (reasoning is null)
        {
            return;
        }

        var effort = reasoning.ResolveEffort();
        switch (preset.ReasoningStyle)
        {
            case OpenAIReasoningStyle.Effort when effort is { } level && keep("reasoning_effort"):
                writer.WriteString("reasoning_effort", EffortName(level, preset.SupportsMinimalEffort));
                break;
            case OpenAIReasoningStyle.OpenRouter when keep("reasoning"):
                writer.WriteStartObject("reasoning");
                if (reasoning.Effort is null && reasoning.BudgetTokens is { } budget)
                {
                    writer.WriteNumber("max_tokens", budget);
                }
                else if (effort is { } openRouterLevel)
                {
                    writer.WriteString("effort", EffortName(openRouterLevel, supportsMinimal: false));
                }

                if (!reasoning.IncludeReasoning)
                {
                    writer.WriteBoolean("exclude", true);
                }

                writer.WriteEndObject();
                break;
        }
    }

    private static string EffortName(ChatReasoningEffort effort, bool supportsMinimal) => effort switch
    {
        ChatReasoningEffort.Minimal => supportsMinimal ? "minimal" : "low",
        ChatReasoningEffort.Low => "low",
        ChatReasoningEffort.High => "high",
        _ => "medium",
    };

    private static void WriteTools(Utf8JsonWriter writer, ChatRequest request, Func<string, bool> keep)
    {
        if (request.Tools is { Count: > 0 } tools && keep("tools"))
        {
            writer.WriteStartArray("tools");
            foreach (var tool in tools)
            {
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

        if (request.ToolChoice is { } choice && keep("tool_choice"))
        {
            switch (choice.Mode)
            {
                case ChatToolChoiceMode.Function:
                    writer.WriteStartObject("tool_choice");
                    writer.WriteString("type", "function");
                    writer.WriteStartObject("function");
                    writer.WriteString("name", choice.FunctionName);
                    writer.WriteEndObject();
                    writer.WriteEndObject();
                    break;
                case ChatToolChoiceMode.None:
                    writer.WriteString("tool_choice", "none");
                    break;
                case ChatToolChoiceMode.Required:
                    writer.WriteString("tool_choice", "required");
                    break;
                default:
                    writer.WriteString("tool_choice", "auto");
                    break;
            }
        }
    }
}
