using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;

namespace NxtAIGen.Benchmarks;

/// <summary>The official <c>OpenAI</c> package and Microsoft.Extensions.AI's client over it, both on an in-memory body.</summary>
internal static class OpenAISdkClients
{
    public static ChatClient CreateChatClient(byte[] body)
    {
        var options = new OpenAIClientOptions
        {
            Endpoint = new Uri("http://localhost:8000/v1"),
            Transport = new HttpClientPipelineTransport(new HttpClient(new InMemoryHandler(body))),
        };
        return new ChatClient("gpt-4o", new ApiKeyCredential("sk-bench"), options);
    }

    /// <summary>Streams with <c>ChatClient.CompleteChatStreamingAsync</c>, touching every update's text.</summary>
    public static async Task<int> DrainSdkAsync(ChatClient client)
    {
        var length = 0;
        await foreach (var update in client.CompleteChatStreamingAsync([new UserChatMessage("Hello")]).ConfigureAwait(false))
        {
            foreach (var part in update.ContentUpdate)
            {
                length += part.Text?.Length ?? 0;
            }
        }

        return length;
    }

    /// <summary>Streams with <c>IChatClient.GetStreamingResponseAsync</c> (from <c>AsIChatClient()</c>), touching every update's text.</summary>
    public static async Task<int> DrainExtensionsAIAsync(IChatClient client)
    {
        var length = 0;
        await foreach (var update in client.GetStreamingResponseAsync([new Microsoft.Extensions.AI.ChatMessage(ChatRole.User, "Hello")]).ConfigureAwait(false))
        {
            length += update.Text.Length;
        }

        return length;
    }
}
