using System.Text.Json;

namespace NxtAIGen.Testing;

/// <summary>The normalised result a correct parser produces from a fixture body (its <c>expected.json</c>).</summary>
public sealed class ExpectedStreamResult
{
    /// <summary>Gets the fixture's provider folder.</summary>
    public required string Provider { get; init; }

    /// <summary>Gets all answer text of choice 0, concatenated.</summary>
    public required string Text { get; init; }

    /// <summary>Gets all reasoning text, concatenated.</summary>
    public required string Reasoning { get; init; }

    /// <summary>Gets the tool calls in order of first appearance.</summary>
    public required IReadOnlyList<ExpectedToolCall> ToolCalls { get; init; }

    /// <summary>Gets the provider's last non-null raw finish reason.</summary>
    public string? FinishReason { get; init; }

    /// <summary>Gets the usage of the last object that carried usage.</summary>
    public ExpectedUsage? Usage { get; init; }

    /// <summary>Gets the in-stream error.</summary>
    public ExpectedError? Error { get; init; }

    /// <summary>Gets the informational extras (a JSON object), or <see langword="null"/>.</summary>
    public JsonElement? Extras { get; init; }

    /// <summary>Gets <c>extras.sawDone</c>: whether the body carries its end marker (<c>[DONE]</c>, Ollama <c>done: true</c>).</summary>
    public bool? SawDone => GetExtra("sawDone") is { ValueKind: JsonValueKind.True or JsonValueKind.False } value ? value.GetBoolean() : null;

    /// <summary>Gets <c>extras.refusal</c>: the refusal text, when the model refused.</summary>
    public string? Refusal => GetExtra("refusal") is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    /// <summary>Gets <c>extras.citations</c>: the cited URLs (Perplexity).</summary>
    public IReadOnlyList<string>? Citations => GetExtra("citations") is { ValueKind: JsonValueKind.Array } value
        ? [.. value.EnumerateArray().Select(e => e.GetString() ?? string.Empty)]
        : null;

    /// <summary>Gets one member of <see cref="Extras"/>.</summary>
    /// <param name="name">The member name.</param>
    /// <returns>Its value, or <see langword="null"/>.</returns>
    public JsonElement? GetExtra(string name) =>
        Extras is { ValueKind: JsonValueKind.Object } extras && extras.TryGetProperty(name, out var value) ? value : null;

    /// <summary>Parses an <c>expected.json</c> document.</summary>
    /// <param name="json">The UTF-8 JSON.</param>
    /// <returns>The expected result.</returns>
    public static ExpectedStreamResult Parse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        return new ExpectedStreamResult
        {
            Provider = root.GetProperty("provider").GetString() ?? string.Empty,
            Text = root.GetProperty("text").GetString() ?? string.Empty,
            Reasoning = root.TryGetProperty("reasoning", out var reasoning) ? reasoning.GetString() ?? string.Empty : string.Empty,
            ToolCalls = root.TryGetProperty("toolCalls", out var calls) && calls.ValueKind == JsonValueKind.Array
                ? [.. calls.EnumerateArray().Select(ParseToolCall)]
                : [],
            FinishReason = GetString(root, "finishReason"),
            Usage = root.TryGetProperty("usage", out var usage) && usage.ValueKind == JsonValueKind.Object
                ? new ExpectedUsage(GetInt(usage, "inputTokens"), GetInt(usage, "outputTokens"), GetInt(usage, "reasoningTokens"))
                : null,
            Error = root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                ? new ExpectedError(GetString(error, "type"), GetString(error, "message"))
                : null,
            Extras = root.TryGetProperty("extras", out var extras) && extras.ValueKind == JsonValueKind.Object ? extras.Clone() : null,
        };
    }

    private static ExpectedToolCall ParseToolCall(JsonElement call)
    {
        JsonElement? arguments = call.TryGetProperty("arguments", out var args) && args.ValueKind != JsonValueKind.Null ? args.Clone() : null;
        return new ExpectedToolCall(GetString(call, "id"), GetString(call, "name") ?? string.Empty, arguments, GetString(call, "argumentsRaw"));
    }

    private static string? GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? GetInt(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;
}
