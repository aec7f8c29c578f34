using System.Text.Json;
using NxtAIGen.Abstractions;
using static NxtAIGen.AspNetCore.Tests.GatewayRequests;

namespace NxtAIGen.AspNetCore.Tests;

/// <summary>The wire format of <c>POST /v1/chat/completions</c>: OpenAI's chunks and completion objects, byte for byte.</summary>
public sealed class GatewayChatCompletionsTests
{
    private const string Hello = """{"model": "fake/fake-1", "messages": [{"role": "user", "content": "hi"}]}""";

    private static ChatUsage Usage => new() { InputTokens = 12, OutputTokens = 7, ReasoningTokens = 3 };

    [Fact]
    public async Task Stream_WithUsage_SendsOpenAIChunksInOrder_ThenUsageOnlyChunk_ThenDone()
    {
        await using var app = await TestApp.StartAsync(WithServerKey());
        app.Provider.NextCall()
            .Yield(ChatChunk.ForReasoning("Think."))
            .Text("Hel")
            .Text("lo \"you\"")
            .Yield(ChatChunk.ForToolCall(new ChatToolCall("call_1", "get_weather", """{"city":"Paris"}""")))
            .Yield(ChatChunk.ForUsage(Usage))
            .Finish(ChatFinishReason.ToolCalls, "tool_calls");

        using var response = await PostAsync(app, """{"model": "fake/fake-1", "stream": true, "stream_options": {"include_usage": true}, "messages": [{"role": "user", "content": "hi"}]}""");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var lines = (await DataLinesAsync(response)).Select(Normalize).ToList();
        const string Head = """{"id":"chatcmpl-ID","object":"chat.completion.chunk","created":0,"model":"fake/fake-1","choices":""";
        string[] expected =
        [
            Head + """[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}],"usage":null}""",
            Head + """[{"index":0,"delta":{"reasoning_content":"Think."},"logprobs":null,"finish_reason":null}],"usage":null}""",
            Head + """[{"index":0,"delta":{"content":"Hel"},"logprobs":null,"finish_reason":null}],"usage":null}""",
            Head + """[{"index":0,"delta":{"content":"lo \"you\""},"logprobs":null,"finish_reason":null}],"usage":null}""",
            Head + """[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}}]},"logprobs":null,"finish_reason":null}],"usage":null}""",
            Head + """[{"index":0,"delta":{},"logprobs":null,"finish_reason":"tool_calls"}],"usage":null}""",
            Head + """[],"usage":{"prompt_tokens":12,"completion_tokens":7,"total_tokens":19,"completion_tokens_details":{"reasoning_tokens":3}}}""",
            "[DONE]",
        ];
        Assert.Equal(expected, lines);
    }

    [Fact]
    public async Task Stream_WithoutIncludeUsage_HasNoUsageMembersAndNoUsageChunk()
    {
        await using var app = await TestApp.StartAsync(WithServerKey());
        app.Provider.NextCall().Text("Hi").Yield(ChatChunk.ForUsage(Usage)).Finish();

        using var response = await PostAsync(app, """{"model": "fake/fake-1", "stream": true, "messages": [{"role": "user", "content": "hi"}]}""");

        var lines = (await DataLinesAsync(response)).Select(Normalize).ToList();
        const string Head = """{"id":"chatcmpl-ID","object":"chat.completion.chunk","created":0,"model":"fake/fake-1","choices":""";
        Assert.Equal(
            [
                Head + """[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}]}""",
                Head + """[{"index":0,"delta":{"content":"Hi"},"logprobs":null,"finish_reason":null}]}""",
                Head + """[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}]}""",
                "[DONE]",
            ],
            lines);
    }

    [Fact]
    public async Task Stream_EveryChunkHasTheSameIdAndCreated()
    {
        await using var app = await TestApp.StartAsync(WithServerKey());
        app.Provider.NextCall().Text("a").Text("b").Finish();

        using var response = await PostAsync(app, """{"model": "fake/fake-1", "stream": true, "messages": [{"role": "user", "content": "hi"}]}""");

        var chunks = (await DataLinesAsync(response)).Where(l => l != "[DONE]").Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(4, chunks.Count);
        Assert.Single(chunks.Select(c => c.GetProperty("id").GetString()).Distinct());
        Assert.Matches("^chatcmpl-[0-9a-f]{32}$", chunks[0].GetProperty("id").GetString());
        Assert.Single(chunks.Select(c => c.GetProperty("created").GetInt64()).Distinct());
        Assert.Equal(app.Time.GetUtcNow().ToUnixTimeSeconds(), chunks[0].GetProperty("created").GetInt64());
    }

    [Fact]
    public async Task NonStreaming_ReturnsOneChatCompletionObject()
    {
        await using var app = await TestApp.StartAsync(WithServerKey());
        app.Provider.NextCall()
            .Yield(ChatChunk.ForReasoning("Think."))
            .Text("Hello")
            .Text(", world")
            .Yield(ChatChunk.ForUsage(Usage with { CachedInputTokens = 4 }))
            .Finish();

        using var response = await PostAsync(app, Hello);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(
            """{"id":"chatcmpl-ID","object":"chat.completion","created":0,"model":"fake/fake-1","choices":[{"index":0,"message":{"role":"assistant","content":"Hello, world","refusal":null,"reasoning_content":"Think."},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":12,"completion_tokens":7,"total_tokens":19,"prompt_tokens_details":{"cached_tokens":4},"completion_tokens_details":{"reasoning_tokens":3}}}""",
            Normalize(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task NonStreaming_ToolCalls_HaveNullContentAndTheCalls()
    {
        await using var app = await TestApp.StartAsync(WithServerKey());
        app.Provider.NextCall()
            .Yield(ChatChunk.ForToolCall(new ChatToolCall("call_1", "get_weather", """{"city":"Paris"}""")))
            .Yield(ChatChunk.ForToolCall(new ChatToolCall("call_2", "get_time", "{}")))
            .Finish(ChatFinishReason.ToolCalls, "tool_calls");

        using var response = await PostAsync(app, Hello);

        Assert.Equal(
            """{"id":"chatcmpl-ID","object":"chat.completion","created":0,"model":"fake/fake-1","choices":[{"index":0,"message":{"role":"assistant","content":null,"refusal":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}},{"id":"call_2","type":"function","function":{"name":"get_time","arguments":"{}"}}]},"logprobs":null,"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":0,"completion_tokens":0,"total_tokens":0}}""",
            Normalize(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Request_MapsMessagesToolsAndOptionsOntoTheProviderRequest()
    {
        await using var app = await TestApp.StartAsync(WithServerKey(), ChatCapabilities.Reasoning | ChatCapabilities.Tools | ChatCapabilities.Vision);
        app.Provider.NextCall().Text("ok").Finish();
        const string Png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
        var body = """
        {
          "model": "fake/fake-1",
          "messages": [
            {"role": "system", "content": "Be brief."},
            {"role": "developer", "content": [{"type": "text", "text": "Use tools."}]},
            {"role": "user", "content": [{"type": "text", "text": "Weather here?"}, {"type": "image_url", "image_url": {"url": "data:image/png;base64,PNG", "detail": "low"}}]},
            {"role": "assistant", "content": null, "tool_calls": [{"id": "call_1", "type": "function", "function": {"name": "get_weather", "arguments": "{\"city\":\"Paris\"}"}}]},
            {"role": "tool", "tool_call_id": "call_1", "content": "{\"temp\":21}"}
          ],
          "tools": [{"type": "function", "function": {"name": "get_weather", "description": "Weather", "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}}}],
          "tool_choice": {"type": "function", "function": {"name": "get_weather"}},
          "reasoning_effort": "high",
          "max_tokens": 50,
          "max_completion_tokens": 100,
          "temperature": 0.5,
          "top_p": 0.9,
          "stop": "END",
          "seed": 7,
          "user": "someone"
        }
        """.Replace("PNG", Png, StringComparison.Ordinal);

        using var response = await PostAsync(app, body);

        Assert.Equal(200, (int)response.StatusCode);
        var request = Assert.Single(app.Provider.Requests);
        Assert.Equal("fake-1", request.Model);
        Assert.Equal([ChatRole.System, ChatRole.System, ChatRole.User, ChatRole.Assistant, ChatRole.Tool], request.Messages.Select(m => m.Role));
        Assert.Equal("Use tools.", request.Messages[1].Text);
        var image = Assert.IsType<ImagePart>(request.Messages[2].Parts[1]);
        Assert.Equal("image/png", image.MediaType);
        Assert.Equal(Convert.FromBase64String(Png), image.Data.ToArray());
        var call = Assert.IsType<ToolCallPart>(Assert.Single(request.Messages[3].Parts)).Call;
        Assert.Equal(("call_1", "get_weather", """{"city":"Paris"}"""), (call.Id, call.Name, call.Arguments));
        var result = Assert.IsType<ToolResultPart>(Assert.Single(request.Messages[4].Parts));
        Assert.Equal(("call_1", "get_weather", """{"temp":21}"""), (result.ToolCallId, result.Name, result.Content));
        var tool = Assert.Single(request.Tools!);
        Assert.Equal("get_weather", tool.Name);
        Assert.Equal("string", tool.ParametersSchema!.Value.GetProperty("properties").GetProperty("city").GetProperty("type").GetString());
        Assert.Equal(ChatToolChoice.Function("get_weather"), request.ToolChoice);
        Assert.Equal(ChatReasoningEffort.High, request.Reasoning!.Effort);
        Assert.Equal(100, request.MaxOutputTokens);
        Assert.Equal(0.5f, request.Temperature);
        Assert.Equal(0.9f, request.TopP);
        Assert.Equal(["END"], request.StopSequences!);
    }

    [Fact]
    public async Task Model_BareProviderId_UsesItsDefaultModel_AndSlashesAfterTheFirstStayInTheModel()
    {
        await using var app = await TestApp.StartAsync(WithServerKey());
        app.Provider.NextCall().Text("a").Finish();
        app.Provider.NextCall().Text("b").Finish();

        using var bare = await PostAsync(app, """{"model": "fake", "messages": [{"role": "user", "content": "hi"}]}""");
        using var nested = await PostAsync(app, """{"model": "fake/vendor/model-x", "messages": [{"role": "user", "content": "hi"}]}""");

        Assert.Equal(200, (int)bare.StatusCode);
        Assert.Equal("fake/fake-1", JsonDocument.Parse(await bare.Content.ReadAsStringAsync()).RootElement.GetProperty("model").GetString());
        Assert.Equal(200, (int)nested.StatusCode);
        Assert.Equal(["fake-1", "vendor/model-x"], app.Provider.Requests.Select(r => r.Model));
    }

    [Theory]
    [InlineData("""{"model": "nope/x", "messages": [{"role": "user", "content": "hi"}]}""")]
    [InlineData("""{"model": "gpt-4o", "messages": [{"role": "user", "content": "hi"}]}""")]
    public async Task Model_Unknown_Is404ModelNotFound(string body)
    {
        await using var app = await TestApp.StartAsync(WithServerKey());

        using var response = await PostAsync(app, body);

        var error = await AssertErrorAsync(response, 404, "invalid_request_error", "model_not_found");
        Assert.Equal("model", error.GetProperty("param").GetString());
        Assert.Equal(0, app.Provider.Calls);
    }

    [Theory]
    [InlineData("""{"model": "fake/fake-1", "messages": []}""", "messages")]
    [InlineData("""{"messages": [{"role": "user", "content": "hi"}]}""", "model")]
    [InlineData("""{"model": "fake/fake-1", "n": 2, "messages": [{"role": "user", "content": "hi"}]}""", "n")]
    [InlineData("""{"model": "fake/fake-1", "response_format": {"type": "json_object"}, "messages": [{"role": "user", "content": "hi"}]}""", "response_format")]
    [InlineData("""{"model": "fake/fake-1", "reasoning_effort": "max", "messages": [{"role": "user", "content": "hi"}]}""", "reasoning_effort")]
    [InlineData("""{"model": "fake/fake-1", "temperature": 3, "messages": [{"role": "user", "content": "hi"}]}""", "temperature")]
    [InlineData("""{"model": "fake/fake-1", "messages": [{"role": "function", "content": "hi"}]}""", "messages[0].role")]
    [InlineData("""{"model": "fake/fake-1", "messages": [{"role": "tool", "content": "hi"}]}""", "messages[0].tool_call_id")]
    [InlineData("""{"model": "fake/fake-1", "tool_choice": "required", "messages": [{"role": "user", "content": "hi"}]}""", "tool_choice")]
    [InlineData("""{"model": "fake/fake-1", "messages": [{"role": "user", "content": [{"type": "input_audio", "input_audio": {}}]}]}""", "messages[0].content[0]")]
    public async Task Request_Invalid_Is400InvalidRequestErrorNamingTheParam(string body, string param)
    {
        await using var app = await TestApp.StartAsync(WithServerKey());

        using var response = await PostAsync(app, body);

        var error = await AssertErrorAsync(response, 400, "invalid_request_error", null);
        Assert.Equal(param, error.GetProperty("param").GetString());
        Assert.Equal(0, app.Provider.Calls);
    }

    [Fact]
    public async Task Request_NotJson_Is400()
    {
        await using var app = await TestApp.StartAsync(WithServerKey());

        using var response = await PostAsync(app, """{"model": "fake/fake-1", "messages": [""");

        await AssertErrorAsync(response, 400, "invalid_request_error", null);
    }

    [Fact]
    public async Task Image_RemoteUrl_IsRefusedUnlessAllowed_AndThenPassedOnUnfetched()
    {
        const string Body = """{"model": "fake/fake-1", "messages": [{"role": "user", "content": [{"type": "text", "text": "?"}, {"type": "image_url", "image_url": {"url": "https://images.example/cat.png"}}]}]}""";
        await using (var strict = await TestApp.StartAsync(WithServerKey(), ChatCapabilities.Vision))
        {
            using var refused = await PostAsync(strict, Body);
            var error = await AssertErrorAsync(refused, 400, "invalid_request_error", null);
            Assert.Contains("data: URL", error.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Equal(0, strict.Provider.Calls);
        }

        await using var app = await TestApp.StartAsync(WithServerKey(new() { ["NxtAIGen:Gateway:AllowRemoteImageUrls"] = "true" }), ChatCapabilities.Vision);
        app.Provider.NextCall().Text("a cat").Finish();

        using var response = await PostAsync(app, Body);

        Assert.Equal(200, (int)response.StatusCode);
        var image = Assert.IsType<ImagePart>(Assert.Single(app.Provider.Requests).Messages[0].Parts[1]);
        Assert.Equal(new Uri("https://images.example/cat.png"), image.Url);
        Assert.True(image.Data.IsEmpty);
    }

    [Fact]
    public async Task Image_ForAProviderWithoutVision_Is400()
    {
        await using var app = await TestApp.StartAsync(WithServerKey(), ChatCapabilities.Tools);
        const string Png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

        using var response = await PostAsync(app, $$$"""{"model": "fake/fake-1", "messages": [{"role": "user", "content": [{"type": "image_url", "image_url": {"url": "data:image/png;base64,{{{Png}}}"}}]}]}""");

        var error = await AssertErrorAsync(response, 400, "invalid_request_error", null);
        Assert.Contains("does not accept images", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProviderRefusesBeforeContent_IsARealStatusWithRetryAfter_NotAStream()
    {
        await using var app = await TestApp.StartAsync(WithServerKey(new() { ["NxtAIGen:Streaming:Retry:MaxAttempts"] = "1" }));
        app.Provider.NextCall().Throw(new NxtAIGenProviderException(ProviderErrorKind.RateLimited, "fake", "fake: slow down.") { RetryAfter = TimeSpan.FromSeconds(7) });

        using var response = await PostAsync(app, """{"model": "fake/fake-1", "stream": true, "messages": [{"role": "user", "content": "hi"}]}""");

        var error = await AssertErrorAsync(response, 429, "requests", "rate_limit_exceeded");
        Assert.Equal("fake: slow down.", error.GetProperty("message").GetString());
        Assert.Equal("7", response.Headers.GetValues("Retry-After").Single());
    }

    [Fact]
    public async Task ProviderFailsAfterContent_IsAnErrorChunkThatEndsTheStreamWithoutDone()
    {
        await using var app = await TestApp.StartAsync(WithServerKey());
        app.Provider.NextCall().Text("Hel").Throw(new NxtAIGenProviderException(ProviderErrorKind.Server, "fake", "fake: HTTP 500."));

        using var response = await PostAsync(app, """{"model": "fake/fake-1", "stream": true, "messages": [{"role": "user", "content": "hi"}]}""");

        Assert.Equal(200, (int)response.StatusCode);
        var lines = await DataLinesAsync(response);
        Assert.Equal(3, lines.Count);
        Assert.Equal("Hel", JsonDocument.Parse(lines[1]).RootElement.GetProperty("choices")[0].GetProperty("delta").GetProperty("content").GetString());
        Assert.Equal("""{"error":{"message":"fake: HTTP 500.","type":"server_error","param":null,"code":"provider_error"}}""", lines[2]);
    }

    [Fact]
    public async Task ProviderEndsWithoutFinish_IsAnIncompleteError_NotASuccess()
    {
        await using var app = await TestApp.StartAsync(WithServerKey());
        app.Provider.NextCall().Text("cut").End();

        using var response = await PostAsync(app, Hello);

        await AssertErrorAsync(response, 502, "server_error", "incomplete");
    }

    [Fact]
    public async Task Stream_SilentProviderAfterContent_GetsPingComments_ThenATimeoutErrorChunk()
    {
        await using var app = await TestApp.StartAsync(WithServerKey(new()
        {
            ["NxtAIGen:Streaming:HeartbeatInterval"] = "00:00:15",
            ["NxtAIGen:Streaming:IdleTimeout"] = "00:00:40",
        }));
        var script = app.Provider.NextCall();
        script.Text("Hel");

        using var response = await PostAsync(app, """{"model": "fake/fake-1", "stream": true, "messages": [{"role": "user", "content": "hi"}]}""");
        await using var sse = new SseReader(await response.Content.ReadAsStreamAsync());
        Assert.Contains("\"role\":\"assistant\"", (await sse.NextAsync())!.Data, StringComparison.Ordinal);
        Assert.Contains("\"content\":\"Hel\"", (await sse.NextAsync())!.Data, StringComparison.Ordinal);

        app.Time.Advance(TimeSpan.FromSeconds(15));
        var ping = await sse.NextAsync();
        Assert.True(ping!.IsPing, $"expected a ping, got {ping}");
        app.Time.Advance(TimeSpan.FromSeconds(25));

        var error = await sse.NextEventAsync();
        Assert.Equal("timeout", JsonDocument.Parse(error!.Data!).RootElement.GetProperty("error").GetProperty("code").GetString());
        await Wait.ForAsync(script.Canceled.Task, "the provider's cancellation");
        Assert.Null(await sse.NextEventAsync());
    }

    [Fact]
    public async Task FilePart_WithATextDocument_ReachesTheProviderAsADocument()
    {
        await using var app = await TestApp.StartAsync(WithServerKey());
        app.Provider.NextCall().Text("ok").Finish();
        var data = Convert.ToBase64String("Quarterly numbers: 42"u8.ToArray());

        using var response = await PostAsync(app, """
            {"model": "fake/fake-1", "messages": [{"role": "user", "content": [
              {"type": "text", "text": "Summarise."},
              {"type": "file", "file": {"filename": "notes.txt", "file_data": "data:text/plain;base64,DATA"}}]}]}
            """.Replace("DATA", data, StringComparison.Ordinal));

        Assert.Equal(200, (int)response.StatusCode);
        var document = Assert.IsType<DocumentPart>(Assert.Single(app.Provider.Requests).Messages[0].Parts[1]);
        Assert.Equal("notes.txt", document.Name);
        Assert.Contains("Quarterly numbers: 42", document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Models_RetrieveOne_AndUnknownPaths_AreOpenAIShaped()
    {
        await using var app = await TestApp.StartAsync(WithServerKey());

        using var one = await GatewayAuthTests.SendAsync(app, HttpMethod.Get, "/v1/models/fake/fake-1", ServerKey);
        using var missing = await GatewayAuthTests.SendAsync(app, HttpMethod.Get, "/v1/models/fake/nope", ServerKey);
        using var responses = await GatewayAuthTests.SendAsync(app, HttpMethod.Post, "/v1/responses", ServerKey);

        Assert.Equal(200, (int)one.StatusCode);
        Assert.Equal($$"""{"id":"fake/fake-1","object":"model","created":{{app.Time.GetUtcNow().ToUnixTimeSeconds()}},"owned_by":"fake"}""", await one.Content.ReadAsStringAsync());
        await AssertErrorAsync(missing, 404, "invalid_request_error", "model_not_found");
        var error = await AssertErrorAsync(responses, 404, "invalid_request_error", null);
        Assert.Contains("POST /v1/responses", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
