namespace NxtAIGen.Providers.Gemini.Tests;

/// <summary>Small hand-written bodies, CRLF-framed as Google sends them.</summary>
internal static class SseBodies
{
    public const string Ok =
        "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"ok\"}],\"role\":\"model\"},\"index\":0}],\"modelVersion\":\"gemini-3.5-flash\",\"responseId\":\"r1\"}\r\n\r\n" +
        "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"\"}],\"role\":\"model\"},\"finishReason\":\"STOP\",\"index\":0}],\"usageMetadata\":{\"promptTokenCount\":3,\"candidatesTokenCount\":1,\"totalTokenCount\":4}}\r\n\r\n";

    public const string FirstText =
        "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Hel\"}],\"role\":\"model\"},\"index\":0}],\"responseId\":\"r1\"}\r\n\r\n";

    /// <summary>Wraps response objects as CRLF-framed SSE events.</summary>
    public static string Events(params string[] json) => string.Concat(json.Select(j => "data: " + j + "\r\n\r\n"));
}
