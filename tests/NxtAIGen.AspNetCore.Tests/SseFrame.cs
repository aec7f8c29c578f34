using System.Text.Json;

namespace NxtAIGen.AspNetCore.Tests;

/// <summary>One raw SSE frame as the client received it: an event with its data, or a comment.</summary>
public sealed record SseFrame(string? Event, string? Data, string? Comment)
{
    /// <summary>Gets the frame's SSE <c>id</c>, if it had one.</summary>
    public string? Id { get; init; }

    public bool IsPing => Comment is not null;

    public JsonElement Json => JsonDocument.Parse(Data ?? "null").RootElement;

    public override string ToString() => Comment is not null ? $": {Comment}" : $"{Event}: {Data}";
}
