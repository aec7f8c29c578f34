using OllamaSharp;
using OllamaSharp.Models.Chat;

namespace NxtAIGen.Benchmarks.Ollama;

/// <summary>OllamaSharp doing the same work: <c>ChatAsync</c> streaming, every line iterated, message content read.</summary>
internal sealed class OllamaSharpReader(byte[] body)
{
    private readonly OllamaApiClient _client = new(new HttpClient(new InMemoryHandler(body)) { BaseAddress = new Uri("http://localhost:11434") }, "llama3.2");

    public async Task<int> ReadTextAsync()
    {
        var request = new ChatRequest { Model = "llama3.2", Messages = [new Message(ChatRole.User, "Hello")], Stream = true };
        var length = 0;
        await foreach (var item in _client.ChatAsync(request).ConfigureAwait(false))
        {
            length += item?.Message?.Content?.Length ?? 0;
        }

        return length;
    }
}
