using System.Text;
using System.Text.Json;
using NxtAIGen.Abstractions;

namespace NxtAIGen.Providers.Anthropic.Internal;

/// <summary>Collects one <c>tool_use</c> block: its id and name from <c>content_block_start</c>, its input from the <c>input_json_delta</c>s.</summary>
internal sealed class AnthropicToolCallBuilder
{
    private readonly StringBuilder _arguments = new();
    private readonly string? _startInput;

    public AnthropicToolCallBuilder(int index, string? id, string? name, JsonElement? startInput)
    {
        Index = index;
        Id = id;
        Name = name;

        // The input usually streams as fragments after an empty {}; a block that arrives whole carries it here.
        if (startInput is { ValueKind: JsonValueKind.Object } input && input.EnumerateObject().Any())
        {
            _startInput = input.GetRawText();
        }
    }

    public int Index { get; }

    public string? Id { get; }

    public string? Name { get; }

    public void Append(string? fragment) => _arguments.Append(fragment);

    /// <summary>
    /// Builds the call: the concatenated fragments as they are (invalid JSON when the answer was cut by
    /// <c>max_tokens</c>), else the start block's input, else <c>{}</c>.
    /// </summary>
    /// <returns>The call.</returns>
    public ChatToolCall Build()
    {
        var arguments = _arguments.ToString();
        if (string.IsNullOrWhiteSpace(arguments))
        {
            arguments = _startInput ?? "{}";
        }

        return new ChatToolCall(string.IsNullOrEmpty(Id) ? "toolu_" + Guid.NewGuid().ToString("N") : Id, Name ?? string.Empty, arguments);
    }
}
