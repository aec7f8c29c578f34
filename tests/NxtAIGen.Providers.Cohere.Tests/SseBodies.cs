namespace NxtAIGen.Providers.Cohere.Tests;

/// <summary>Small hand-written bodies in Cohere's v2 event shape.</summary>
internal static class SseBodies
{
    public const string Start =
        "event: message-start\ndata: {\"id\":\"msg-1\",\"type\":\"message-start\",\"delta\":{\"message\":{\"role\":\"assistant\",\"content\":[],\"tool_plan\":\"\",\"tool_calls\":[],\"citations\":[]}}}\n\n";

    public const string FirstText =
        Start +
        "event: content-start\ndata: {\"type\":\"content-start\",\"index\":0,\"delta\":{\"message\":{\"content\":{\"type\":\"text\",\"text\":\"\"}}}}\n\n" +
        "event: content-delta\ndata: {\"type\":\"content-delta\",\"index\":0,\"delta\":{\"message\":{\"content\":{\"text\":\"Hel\"}}}}\n\n";

    public const string End =
        "event: content-end\ndata: {\"type\":\"content-end\",\"index\":0}\n\n" +
        "event: message-end\ndata: {\"type\":\"message-end\",\"delta\":{\"finish_reason\":\"COMPLETE\",\"usage\":{\"billed_units\":{\"input_tokens\":2,\"output_tokens\":1},\"tokens\":{\"input_tokens\":30,\"output_tokens\":2},\"cached_tokens\":16}}}\n\n";

    public const string Ok = FirstText + End;

    public static string MessageEnd(string finishReason, string extra = "") =>
        "event: message-end\ndata: {\"type\":\"message-end\",\"delta\":{\"finish_reason\":\"" + finishReason + "\"" + extra + "}}\n\n";
}
