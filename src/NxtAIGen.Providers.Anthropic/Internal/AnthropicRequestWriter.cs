using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using NxtAIGen.Abstractions;

namespace NxtAIGen.Providers.Anthropic.Internal;

/// <summary>Writes the <c>POST /v1/messages</c> body with a <see cref="Utf8JsonWriter"/>.</summary>
internal static partial class AnthropicRequestWriter
{
    /// <summary>Non-ASCII text and markup characters stay as they are: the body is JSON for an API, never embedded in HTML.</summary>
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the request body.</summary>
    /// <param name="request">The request.</param>
    /// <param name="model">The resolved model id.</param>
    /// <param name="capabilities">What the provider accepts (<see cref="ChatCapabilities.Documents"/>: PDFs go as <c>document</c> blocks).</param>
    /// <param name="providerId">The provider id, for error messages.</param>
    /// <returns>The UTF-8 JSON body.</returns>
    /// <exception cref="NxtAIGenProviderException">A part cannot be sent to Anthropic (an unreadable document, an image outside a user turn).</exception>
    public static ReadOnlyMemory<byte> Write(ChatRequest request, string model, ChatCapabilities capabilities, string providerId)
    {
        var system = CollectSystem(request.Messages, providerId);
        var turns = BuildTurns(request.Messages, capabilities, providerId);
        var thinkingBudget = ResolveThinkingBudget(request, model, turns);
        var maxTokens = request.MaxOutputTokens ?? AnthropicDefaults.DefaultMaxTokens(model);
        if (thinkingBudget is { } budget)
        {
            (maxTokens, thinkingBudget) = FitThinking(request.MaxOutputTokens, budget, model);
        }

        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            var extra = request.AdditionalProperties;
            bool Keep(string name) => extra is null || !extra.ContainsKey(name);

            writer.WriteStartObject();
            if (Keep("model"))
            {
                writer.WriteString("model", model);
            }

            if (Keep("max_tokens"))
            {
                writer.WriteNumber("max_tokens", maxTokens);
            }

            if (system.Count > 0 && Keep("system"))
            {
                WriteSystem(writer, system);
            }

            if (Keep("messages"))
            {
                writer.WritePropertyName("messages");
                WriteTurns(writer, Arrange(turns, thinking: thinkingBudget is not null));
            }

            if (Keep("stream"))
            {
                writer.WriteBoolean("stream", true);
            }

            if (thinkingBudget is { } thinking && Keep("thinking"))
            {
                writer.WriteStartObject("thinking");
                writer.WriteString("type", "enabled");
                writer.WriteNumber("budget_tokens", thinking);
                writer.WriteEndObject();
            }

            WriteSampling(writer, request, thinking: thinkingBudget is not null, Keep);
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
    /// Decides whether to ask for extended thinking, and its budget (at least 1024). Thinking is left out when the
    /// request asks for no budget, for models that cannot think (Claude 3.5 and older), with a forced tool choice
    /// (Anthropic allows only <c>auto</c> and <c>none</c> with thinking), and when the last assistant turn called
    /// tools without the signed thinking Anthropic then requires (a conversation begun without thinking or with
    /// another provider), or when the request's output limit leaves no room for the smallest budget.
    /// </summary>
    private static int? ResolveThinkingBudget(ChatRequest request, string model, List<Turn> turns)
    {
        if (request.Reasoning?.ResolveBudgetTokens() is not { } budget || !AnthropicDefaults.SupportsThinking(model))
        {
            return null;
        }

        if (request.Tools is { Count: > 0 } && request.ToolChoice?.Mode is ChatToolChoiceMode.Required or ChatToolChoiceMode.Function)
        {
            return null;
        }

        if (request.MaxOutputTokens is { } max && max <= AnthropicDefaults.MinThinkingBudget)
        {
            return null;
        }

        var lastAssistant = turns.FindLast(t => t.Role == "assistant");
        if (lastAssistant is not null
            && lastAssistant.Blocks.Exists(b => b.Kind == BlockKind.ToolUse)
            && !lastAssistant.Blocks.Exists(b => b.Kind is BlockKind.Thinking or BlockKind.RedactedThinking))
        {
            return null;
        }

        return Math.Max(AnthropicDefaults.MinThinkingBudget, budget);
    }

    /// <summary>
    /// <c>max_tokens</c> must exceed the budget. The request's own limit is kept (thinking counts against it); a budget
    /// that does not fit under it is lowered to half the limit (at least 1024). Without a limit, the answer gets 4096
    /// tokens beyond the budget, and never less than the model's usual default.
    /// </summary>
    private static (int MaxTokens, int Budget) FitThinking(int? requestMax, int budget, string model)
    {
        if (requestMax is { } max)
        {
            return (max, budget < max ? budget : Math.Max(AnthropicDefaults.MinThinkingBudget, max / 2));
        }

        return (Math.Max(AnthropicDefaults.DefaultMaxTokens(model), budget + AnthropicDefaults.AnswerTokensAfterThinking), budget);
    }

    /// <summary>
    /// Temperature (clamped to Anthropic's 0..1) is left out with thinking, which requires the default; <c>top_p</c>
    /// is sent only alone (current models refuse both) and, with thinking, only from 0.95 up.
    /// </summary>
    private static void WriteSampling(Utf8JsonWriter writer, ChatRequest request, bool thinking, Func<string, bool> keep)
    {
        var temperature = thinking ? null : request.Temperature;
        if (temperature is { } t && keep("temperature"))
        {
            writer.WriteNumber("temperature", Math.Clamp(t, 0f, 1f));
        }

        if (request.TopP is { } topP && temperature is null && (!thinking || topP >= 0.95f) && keep("top_p"))
        {
            writer.WriteNumber("top_p", topP);
        }

        if (request.StopSequences is { Count: > 0 } stop && keep("stop_sequences"))
        {
            writer.WriteStartArray("stop_sequences");
            foreach (var sequence in stop)
            {
                writer.WriteStringValue(sequence);
            }

            writer.WriteEndArray();
        }
    }

    private static void WriteTools(Utf8JsonWriter writer, ChatRequest request, Func<string, bool> keep)
    {
        if (request.Tools is not { Count: > 0 } tools)
        {
            return; // Anthropic refuses a tool_choice without tools.
        }

        if (keep("tools"))
        {
            writer.WriteStartArray("tools");
            foreach (var tool in tools)
            {
                writer.WriteStartObject();
                writer.WriteString("name", tool.Name);
                if (tool.Description is not null)
                {
                    writer.WriteString("description", tool.Description);
                }

                writer.WritePropertyName("input_schema");
                tool.WriteParametersSchema(writer);

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (request.ToolChoice is { } choice && keep("tool_choice"))
        {
            writer.WriteStartObject("tool_choice");
            switch (choice.Mode)
            {
                case ChatToolChoiceMode.Function:
                    writer.WriteString("type", "tool");
                    writer.WriteString("name", choice.FunctionName);
                    break;
                case ChatToolChoiceMode.Required:
                    writer.WriteString("type", "any");
                    break;
                case ChatToolChoiceMode.None:
                    writer.WriteString("type", "none");
                    break;
                default:
                    writer.WriteString("type", "auto");
                    break;
            }

            writer.WriteEndObject();
        }
    }
}
