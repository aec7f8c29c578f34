namespace NxtAIGen.Providers.Ollama.Tests;

/// <summary>Small hand-written bodies.</summary>
internal static class NdjsonBodies
{
    public const string FirstText =
        "{\"model\":\"gemma4\",\"created_at\":\"2026-01-02T03:04:05Z\",\"message\":{\"role\":\"assistant\",\"content\":\"Hel\"},\"done\":false}\n";

    public const string Ok =
        "{\"model\":\"gemma4\",\"created_at\":\"2026-01-02T03:04:05Z\",\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},\"done\":false}\n" +
        "{\"model\":\"gemma4\",\"created_at\":\"2026-01-02T03:04:06Z\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done_reason\":\"stop\",\"done\":true,\"prompt_eval_count\":3,\"eval_count\":1}\n";
}
