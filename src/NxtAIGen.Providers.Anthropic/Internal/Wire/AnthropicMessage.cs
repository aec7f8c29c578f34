namespace NxtAIGen.Providers.Anthropic.Internal.Wire;

/// <summary>The message shell of <c>message_start</c>.</summary>
internal sealed class AnthropicMessage
{
    public string? Id { get; set; }

    public string? Model { get; set; }

    public string? StopReason { get; set; }

    public AnthropicUsage? Usage { get; set; }
}
