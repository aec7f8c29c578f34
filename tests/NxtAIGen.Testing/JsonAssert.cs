using System.Text.Json;

namespace NxtAIGen.Testing;

/// <summary>Compares JSON documents by value (member order and whitespace ignored), showing both on failure.</summary>
public static class JsonAssert
{
    /// <summary>Checks that two JSON texts are equal by value.</summary>
    /// <param name="expected">The expected JSON.</param>
    /// <param name="actual">The actual JSON, for example a captured request body.</param>
    /// <exception cref="StreamMismatchException">They differ (the message shows both, indented).</exception>
    public static void Equal(string expected, string? actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        if (actual is null)
        {
            throw new StreamMismatchException($"Expected the JSON{Environment.NewLine}{Indent(expected)}{Environment.NewLine}but got nothing.");
        }

        using var want = JsonDocument.Parse(expected);
        using var got = JsonDocument.Parse(actual);
        if (!JsonElement.DeepEquals(want.RootElement, got.RootElement))
        {
            throw new StreamMismatchException(
                $"The JSON differs.{Environment.NewLine}Expected:{Environment.NewLine}{Indent(expected)}{Environment.NewLine}Actual:{Environment.NewLine}{Indent(actual)}");
        }
    }

    private static string Indent(string json)
    {
        using var document = JsonDocument.Parse(json);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            document.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
