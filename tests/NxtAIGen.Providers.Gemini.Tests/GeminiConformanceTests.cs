using System.Globalization;
using NxtAIGen.Abstractions;
using NxtAIGen.Testing;

namespace NxtAIGen.Providers.Gemini.Tests;

/// <summary>The Gemini provider on the shared conformance suite.</summary>
public sealed class GeminiConformanceTests : ProviderConformanceTests
{
    protected override IReadOnlyList<string> FixtureFolders => ["gemini"];

    protected override StreamComparisonOptions ComparisonOptions => GeminiStyle;

    /// <summary>
    /// Gemini has no end marker: a body with no error, no finish reason and no blocked prompt was cut off. Older
    /// Vertex streams repeat <c>finishReason</c> on every event, so a body cut after such an event looks complete.
    /// </summary>
    internal static StreamComparisonOptions GeminiStyle { get; } = new()
    {
        ExpectIncomplete = e => e.Error is null && e.FinishReason is null && e.GetExtra("promptBlockReason") is null,
        CutLooksComplete = body => body.AsSpan().IndexOf("\"finishReason\""u8) >= 0 || body.AsSpan().IndexOf("\"blockReason\""u8) >= 0,
    };

    protected override IChatStreamProvider CreateProvider(string fixtureFolder, HttpMessageHandler handler) =>
        TestProviders.Create(handler, TestApiKey);

    protected override string ErrorBody(int status, string message)
    {
        var code = status switch
        {
            400 => "INVALID_ARGUMENT",
            401 => "UNAUTHENTICATED",
            403 => "PERMISSION_DENIED",
            404 => "NOT_FOUND",
            429 => "RESOURCE_EXHAUSTED",
            503 or 529 => "UNAVAILABLE",
            _ => "INTERNAL",
        };
        return "{\"error\":{\"code\":" + status.ToString(CultureInfo.InvariantCulture) + ",\"message\":\"" + message + "\",\"status\":\"" + code + "\"}}";
    }
}
