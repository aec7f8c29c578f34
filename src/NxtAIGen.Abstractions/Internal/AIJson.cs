using System.Text.Json;
using Microsoft.Extensions.AI;

namespace NxtAIGen.Abstractions.Internal;

/// <summary>JSON helpers for the Microsoft.Extensions.AI bridge: values to JSON text and back, without reflection where the types allow it.</summary>
internal static class AIJson
{
    /// <summary>Microsoft.Extensions.AI's JSON options (its contracts, reflection where the host allows it), writing compact JSON.</summary>
    private static readonly JsonSerializerOptions Compact = new(AIJsonUtilities.DefaultOptions) { WriteIndented = false };

    /// <summary>Writes a function call's arguments as a JSON object text.</summary>
    public static string SerializeArguments(IDictionary<string, object?>? arguments)
    {
        if (arguments is null || arguments.Count == 0)
        {
            return "{}";
        }

        return JsonSerializer.Serialize(arguments, Compact.GetTypeInfo(typeof(IDictionary<string, object?>)));
    }

    /// <summary>Parses a call's arguments (a JSON object) into the dictionary <see cref="FunctionCallContent"/> holds.</summary>
    public static Dictionary<string, object?> ParseArguments(string json)
    {
        using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "{}" : json);
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("The arguments are not a JSON object.");
        }

        foreach (var property in document.RootElement.EnumerateObject())
        {
            result[property.Name] = property.Value.Clone();
        }

        return result;
    }

    /// <summary>Turns a tool result (a string, JSON, or any serializable value) into the text sent to the model.</summary>
    public static string ResultToText(object? result) => result switch
    {
        null => string.Empty,
        string text => text,
        JsonElement element => element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText(),
        AIContent content => content switch
        {
            TextContent t => t.Text,
            _ => Serialize(content, typeof(AIContent)),
        },
        _ => Serialize(result, result.GetType()),
    };

    /// <summary>Turns a value of <see cref="ChatOptions.AdditionalProperties"/> into a JSON element.</summary>
    public static JsonElement ToElement(object? value) => value switch
    {
        JsonElement element => element,
        null => NullElement(),
        _ => JsonSerializer.SerializeToElement(value, Compact.GetTypeInfo(value.GetType())),
    };

    private static JsonElement NullElement()
    {
        using var document = JsonDocument.Parse("null");
        return document.RootElement.Clone();
    }

    private static string Serialize(object value, Type type)
    {
        try
        {
            return JsonSerializer.Serialize(value, Compact.GetTypeInfo(type));
        }
        catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException)
        {
            // A type without a JSON contract (reflection is off): its text is the best the model can get.
            return value.ToString() ?? string.Empty;
        }
    }
}
