using System.Net.ServerSentEvents;
using System.Text.Json;

namespace NxtAIGen.FaultTests;

/// <summary>A streaming answer read event by event (SseParser skips the <c>: ping</c> comments), each read with a deadline.</summary>
public sealed class SseSession : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly IAsyncEnumerator<SseItem<string>> _events;

    public SseSession(HttpResponseMessage response, Stream body)
    {
        _response = response;
        _events = SseParser.Create(body).EnumerateAsync().GetAsyncEnumerator();
    }

    /// <summary>Reads the next event, or null at the end of the body.</summary>
    public async Task<SseItem<string>?> NextAsync()
    {
        var next = _events.MoveNextAsync().AsTask();
        if (!await next.WaitAsync(Poll.Deadline))
        {
            return null;
        }

        return _events.Current;
    }

    /// <summary>Reads the next event, which must be <paramref name="type"/>, and returns its data.</summary>
    public async Task<JsonElement> ExpectAsync(string type)
    {
        var item = await NextAsync();
        Assert.NotNull(item);
        Assert.True(item.Value.EventType == type, $"expected '{type}', got '{item.Value.EventType}': {item.Value.Data}");
        using var document = JsonDocument.Parse(item.Value.Data);
        return document.RootElement.Clone();
    }

    /// <summary>Reads every event to the end of the body.</summary>
    public async Task<List<SseItem<string>>> ReadToEndAsync()
    {
        var items = new List<SseItem<string>>();
        while (await NextAsync() is { } item)
        {
            items.Add(item);
        }

        return items;
    }

    public async ValueTask DisposeAsync()
    {
        await _events.DisposeAsync();
        _response.Dispose();
    }
}
