using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace NxtAIGen.FaultTests;

/// <summary>Faults seen through the OpenAI-compatible gateway (<c>MapNxtAIGenOpenAI("/v1")</c>), which answers in OpenAI's shapes.</summary>
public sealed class GatewayFaultTests : IAsyncLifetime
{
    private FaultyUpstream _upstream = null!;
    private FaultApp _app = null!;

    public async Task InitializeAsync()
    {
        _upstream = FaultyUpstream.Start();
        _app = await FaultApp.StartAsync(_upstream);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task ConnectionReset_AfterContent_ErrorFrameWithoutDone()
    {
        var contentSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _upstream.Then(async e =>
        {
            await e.WriteHeadersAsync(200);
            await e.WriteEventAsync(Upstream.Content("Hello"));
            await contentSeen.Task.WaitAsync(Poll.Deadline);
            e.Reset();
        });

        using var response = await PostAsync(stream: true);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using (var body = await response.Content.ReadAsStreamAsync())
        using (var reader = new StreamReader(body))
        {
            // The first chunks may carry only the role; the text comes in a later one.
            while (!(await ReadDataLineAsync(reader)).Contains("Hello", StringComparison.Ordinal))
            {
            }

            contentSeen.SetResult();
            var rest = await reader.ReadToEndAsync().WaitAsync(Poll.Deadline);
            var error = rest.Split('\n').Single(l => l.StartsWith("data: {\"error\"", StringComparison.Ordinal));
            using var json = JsonDocument.Parse(error["data: ".Length..]);
            Assert.Equal("provider_error", json.RootElement.GetProperty("error").GetProperty("code").GetString());
            Assert.DoesNotContain("[DONE]", rest, StringComparison.Ordinal);
        }

        Assert.Equal(1, _upstream.RequestCount);
        await _app.AssertNothingLeftAsync();
    }

    [Fact]
    public async Task StallBeforeContent_StreamingRequest_Is504TimeoutAndUpstreamClosed()
    {
        _upstream.Then(async e =>
        {
            await e.WriteHeadersAsync(200);
            await e.WaitForPeerCloseAsync();
        });

        var pending = PostAsync(stream: true);
        await _upstream.WaitForRequestsAsync(1);
        await _app.AdvanceUntilAsync(() => pending.IsCompleted, "the gateway's answer");
        using var response = await pending;
        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("timeout", json.RootElement.GetProperty("error").GetProperty("code").GetString());
        await _upstream.Exchanges[0].PeerClosed.WaitAsync(Poll.Deadline);
        Assert.Equal(1, _upstream.RequestCount);
        await _app.AssertNothingLeftAsync();
    }

    [Fact]
    public async Task ServerErrorEveryAttempt_Is502AfterTheRetries()
    {
        _upstream.Then(e => e.WriteErrorAsync(500, "Internal Server Error", """{"error":{"message":"The server had an error","type":"server_error"}}"""));

        var pending = PostAsync(stream: true);
        await _app.AdvanceUntilAsync(() => pending.IsCompleted, "the gateway's answer");
        using var response = await pending;
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("provider_error", json.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(3, _upstream.RequestCount);
        await _app.AssertNothingLeftAsync();
    }

    private static async Task<string> ReadDataLineAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync().WaitAsync(Poll.Deadline) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                return line;
            }
        }

        throw new InvalidOperationException("The stream ended before any data.");
    }

    private async Task<HttpResponseMessage> PostAsync(bool stream)
    {
        using var content = new StringContent(
            $$"""{"model":"openai/gpt-fault","stream":{{(stream ? "true" : "false")}},"messages":[{"role":"user","content":"hello"}]}""",
            Encoding.UTF8,
            "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/chat/completions") { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", FaultApp.GatewayKey);
        return await _app.Browser.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }
}
