using Anthropic;
using Anthropic.Models.Messages;

namespace NxtAIGen.Benchmarks.Anthropic;

/// <summary>The official Anthropic SDK doing the same work: its streaming Messages API, every event iterated, text deltas read.</summary>
internal sealed class AnthropicSdkReader(byte[] body)
{
    private readonly AnthropicClient _client = new()
    {
        ApiKey = "sk-bench",
        BaseUrl = "http://localhost:8000",
        HttpClient = new HttpClient(new InMemoryHandler(body)),
        MaxRetries = 0,
    };

    private readonly MessageCreateParams _parameters = new()
    {
        MaxTokens = 1024,
        Messages = [new UserMessageParam { Content = "Hello" }],
        Model = "claude-haiku-4-5",
    };

    public async Task<int> ReadTextAsync()
    {
        var length = 0;
        await foreach (var item in _client.Messages.CreateStreaming(_parameters).ConfigureAwait(false))
        {
            if (item.TryPickContentBlockDelta(out var delta) && delta.Delta.TryPickText(out var text))
            {
                length += text.Text.Length;
            }
        }

        return length;
    }
}
