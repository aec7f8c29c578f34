using System.Text;
using NxtAIGen.Abstractions;

namespace NxtAIGen.Providers.Cohere.Internal;

/// <summary>Collects the start and argument fragments of one streamed tool call.</summary>
internal sealed class CohereToolCallBuilder
{
    private readonly StringBuilder _arguments = new();

    public CohereToolCallBuilder(int? index) => Index = index;

    public int? Index { get; }

    public string? Id { get; set; }

    public string? Name { get; set; }

    public void AppendArguments(string? fragment) => _arguments.Append(fragment);

    /// <summary>Builds the complete call: a generated id when the provider sent none, <c>{}</c> for empty arguments.</summary>
    /// <returns>The call.</returns>
    public ChatToolCall Build()
    {
        var arguments = _arguments.ToString();
        return new ChatToolCall(
            string.IsNullOrEmpty(Id) ? "call_" + Guid.NewGuid().ToString("N") : Id,
            Name ?? string.Empty,
            string.IsNullOrWhiteSpace(arguments) ? "{}" : arguments);
    }
}
