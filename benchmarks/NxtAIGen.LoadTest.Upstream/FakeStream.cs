using System.Text;
using System.Text.Json;

namespace NxtAIGen.LoadTest.Upstream;

/// <summary>Writes the OpenAI chat-completions SSE stream from pre-encoded chunks, one flush per chunk.</summary>
internal static class FakeStream
{
    private static readonly byte[] Token = Encoding.UTF8.GetBytes(
        "data: {\"id\":\"chatcmpl-load\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"fake\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"tok \"},\"finish_reason\":null}]}\n\n");

    private static readonly byte[] Role = Encoding.UTF8.GetBytes(
        "data: {\"id\":\"chatcmpl-load\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"fake\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\"},\"finish_reason\":null}]}\n\n");

    private static readonly byte[] Finish = Encoding.UTF8.GetBytes(
        "data: {\"id\":\"chatcmpl-load\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"fake\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");

    private static readonly byte[] Done = Encoding.UTF8.GetBytes("data: [DONE]\n\n");

    public static async Task WriteAsync(HttpContext context, FakeStreamSettings settings)
    {
        var cancel = context.RequestAborted;
        string? model = null;
        try
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, default, cancel);
            if (body.RootElement.TryGetProperty("model", out var m))
            {
                model = m.GetString();
            }
        }
        catch (JsonException)
        {
            context.Response.StatusCode = 400;
            return;
        }

        var (tokens, delayMs) = settings.ForModel(model ?? string.Empty);
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        var usage = Encoding.UTF8.GetBytes(
            "data: {\"id\":\"chatcmpl-load\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"fake\",\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":"
            + tokens.ToString(System.Globalization.CultureInfo.InvariantCulture) + ",\"total_tokens\":"
            + (tokens + 5).ToString(System.Globalization.CultureInfo.InvariantCulture) + "}}\n\n");
        try
        {
            await response.StartAsync(cancel);
            await response.Body.WriteAsync(Role, cancel);
            for (var i = 0; i < tokens; i++)
            {
                if (i > 0 && delayMs > 0)
                {
                    await Task.Delay(delayMs, cancel);
                }

                await response.Body.WriteAsync(Token, cancel);
                await response.Body.FlushAsync(cancel);
            }

            await response.Body.WriteAsync(Finish, cancel);
            await response.Body.WriteAsync(usage, cancel);
            await response.Body.WriteAsync(Done, cancel);
            await response.Body.FlushAsync(cancel);
        }
        catch (OperationCanceledException)
        {
            // The client hung up.
        }
    }
}
