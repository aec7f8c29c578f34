using System.Text;
using System.Text.Json;
using NxtAIGen.Abstractions;
using NxtAIGen.Testing;

namespace NxtAIGen.Providers.Ollama.Tests;

public sealed class OllamaRequestTests
{
    [Fact]
    public async Task StreamAsync_MultiTurnWithSystemPrompt_WritesMessagesAndOptions()
    {
        var (mock, capture) = RequestCapture.Expect();
        var provider = TestProviders.Create(mock);
        var request = new ChatRequest
        {
            Model = "llama3.2:3b",
            Messages =
            [
                ChatMessage.System("Be brief."),
                ChatMessage.User("Hi"),
                ChatMessage.Assistant("Hello! How can I help?"),
                ChatMessage.User("Name a colour."),
            ],
            MaxOutputTokens = 100,
            Temperature = 0.5f,
            TopP = 0.9f,
            StopSequences = ["END"],
        };

        var result = await StreamFolder.CollectAsync(provider.StreamAsync(request));

        Assert.Null(result.Error);
        Assert.Equal("ok", result.Text);
        mock.VerifyNoOutstandingExpectation();
        JsonAssert.Equal("""
            {
              "model": "llama3.2:3b",
              "messages": [
                {"role": "system", "content": "Be brief."},
                {"role": "user", "content": "Hi"},
                {"role": "assistant", "content": "Hello! How can I help?"},
                {"role": "user", "content": "Name a colour."}
              ],
              "stream": true,
              "options": {"num_predict": 100, "temperature": 0.5, "top_p": 0.9, "stop": ["END"]}
            }
            """, capture.Body);
        Assert.Equal("application/x-ndjson", capture.Request!.Headers.Accept.Single().MediaType);
        Assert.Null(capture.Request.Headers.Authorization);
    }

    [Fact]
    public async Task StreamAsync_NoModel_UsesDefaultModel()
    {
        var (mock, capture) = RequestCapture.Expect();
        var provider = TestProviders.Create(mock);

        await StreamFolder.ReadAllAsync(provider.StreamAsync(TestProviders.Hello()));

        JsonAssert.Equal("""
            {"model": "gemma4", "messages": [{"role": "user", "content": "Hello"}], "stream": true}
            """, capture.Body);
    }

    [Fact]
    public async Task StreamAsync_KeyAndBaseUrl_SendsBearerToTheConfiguredRoot()
    {
        var (mock, capture) = RequestCapture.Expect("https://ollama.com/api/chat", TestProviders.ApiKey);
        var provider = TestProviders.Create(mock, TestProviders.ApiKey, new Uri("https://ollama.com/"), new Dictionary<string, string> { ["X-Trace"] = "t1" });

        await StreamFolder.ReadAllAsync(provider.StreamAsync(TestProviders.Hello()));

        mock.VerifyNoOutstandingExpectation();
        Assert.Equal("t1", capture.Request!.Headers.GetValues("X-Trace").Single());
        Assert.DoesNotContain(TestProviders.ApiKey, capture.Request.RequestUri!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamAsync_ImagesAndDocuments_WritesBase64ImagesAndInlinedText()
    {
        var (mock, capture) = RequestCapture.Expect();
        var provider = TestProviders.Create(mock);
        var request = new ChatRequest
        {
            Model = "llava",
            Messages =
            [
                new ChatMessage(ChatRole.User, [
                    new TextPart("What is in these?"),
                    new ImagePart(new byte[] { 1, 2, 3 }, "image/png"),
                    new ImagePart(new Uri("data:image/jpeg;base64,BAUG")),
                    new DocumentPart("notes.txt", "text/plain", Encoding.UTF8.GetBytes("Line one.")),
                    new DocumentPart("report.pdf", "application/pdf", new byte[] { 37, 80, 68, 70 }, "Extracted PDF text."),
                ]),
            ],
        };

        await StreamFolder.ReadAllAsync(provider.StreamAsync(request));

        JsonAssert.Equal("""
            {
              "model": "llava",
              "messages": [
                {"role": "user",
                 "content": "What is in these?\n\n<document name=\"notes.txt\">\nLine one.\n</document>\n\n<document name=\"report.pdf\">\nExtracted PDF text.\n</document>",
                 "images": ["AQID", "BAUG"]}
              ],
              "stream": true
            }
            """, capture.Body);
    }

    [Fact]
    public async Task StreamAsync_ImageByHttpUrl_ThrowsInvalidRequestBeforeSending()
    {
        var handler = StubHttpHandler.ForBody(Encoding.UTF8.GetBytes(NdjsonBodies.Ok), mediaType: TestProviders.NdjsonMediaType);
        var provider = TestProviders.Create(handler);
        var request = new ChatRequest { Messages = [new ChatMessage(ChatRole.User, [new ImagePart(new Uri("https://example.com/cat.png"))])] };

        var error = await Assert.ThrowsAsync<NxtAIGenProviderException>(() => StreamFolder.ReadAllAsync(provider.StreamAsync(request)));

        Assert.Equal(ProviderErrorKind.InvalidRequest, error.Kind);
        Assert.Equal(0, handler.Requests);
    }

    [Fact]
    public async Task StreamAsync_PdfWithoutText_ThrowsInvalidRequestBeforeSending()
    {
        var handler = StubHttpHandler.ForBody(Encoding.UTF8.GetBytes(NdjsonBodies.Ok), mediaType: TestProviders.NdjsonMediaType);
        var provider = TestProviders.Create(handler);
        var request = new ChatRequest { Messages = [new ChatMessage(ChatRole.User, [new DocumentPart("scan.pdf", "application/pdf", new byte[] { 1 })])] };

        var error = await Assert.ThrowsAsync<NxtAIGenProviderException>(() => StreamFolder.ReadAllAsync(provider.StreamAsync(request)));

        Assert.Equal(ProviderErrorKind.InvalidRequest, error.Kind);
        Assert.Contains("scan.pdf", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, handler.Requests);
    }

    [Theory]
    [InlineData("qwen3", ChatReasoningEffort.High, "true")]
    [InlineData("gpt-oss:20b", ChatReasoningEffort.High, "\"high\"")]
    [InlineData("gpt-oss:120b-cloud", ChatReasoningEffort.Minimal, "\"low\"")]
    [InlineData("library/gpt-oss", ChatReasoningEffort.Medium, "\"medium\"")]
    [InlineData("gpt-oss:20b", null, "true")]
    public async Task StreamAsync_Reasoning_WritesThinkAsBooleanOrLevel(string model, ChatReasoningEffort? effort, string expectedThink)
    {
        var (mock, capture) = RequestCapture.Expect();
        var provider = TestProviders.Create(mock);
        var request = new ChatRequest
        {
            Model = model,
            Messages = [ChatMessage.User("Think.")],
            Reasoning = new ChatReasoningOptions { Effort = effort, BudgetTokens = effort is null ? 4000 : null },
        };

        await StreamFolder.ReadAllAsync(provider.StreamAsync(request));

        using var body = JsonDocument.Parse(capture.Body!);
        JsonAssert.Equal(expectedThink, body.RootElement.GetProperty("think").GetRawText());
    }

    [Fact]
    public async Task StreamAsync_ToolsAndToolHistory_WritesFunctionToolsCallsAsObjectsAndToolNames()
    {
        var (mock, capture) = RequestCapture.Expect();
        var provider = TestProviders.Create(mock);
        using var schema = JsonDocument.Parse("""{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}""");
        var request = new ChatRequest
        {
            Model = "qwen3",
            Messages =
            [
                ChatMessage.User("Weather in Paris?"),
                new ChatMessage(ChatRole.Assistant, [
                    new ReasoningPart("I should call the tool."),
                    new ToolCallPart(new ChatToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}")),
                    new ToolCallPart(new ChatToolCall("call_2", "get_time", "")),
                ]),
                new ChatMessage(ChatRole.Tool, [
                    new ToolResultPart("call_1", "{\"temp\":21}"),
                    new ToolResultPart("call_2", "12:00", "get_time"),
                ]),
            ],
            Tools =
            [
                new ChatToolDefinition("get_weather", "Current weather", schema.RootElement.Clone()),
                new ChatToolDefinition("get_time"),
            ],
        };

        await StreamFolder.ReadAllAsync(provider.StreamAsync(request));

        JsonAssert.Equal("""
            {
              "model": "qwen3",
              "messages": [
                {"role": "user", "content": "Weather in Paris?"},
                {"role": "assistant", "content": "", "thinking": "I should call the tool.", "tool_calls": [
                  {"function": {"name": "get_weather", "arguments": {"city": "Paris"}}},
                  {"function": {"name": "get_time", "arguments": {}}}
                ]},
                {"role": "tool", "content": "{\"temp\":21}", "tool_name": "get_weather"},
                {"role": "tool", "content": "12:00", "tool_name": "get_time"}
              ],
              "stream": true,
              "tools": [
                {"type": "function", "function": {"name": "get_weather", "description": "Current weather",
                  "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}},
                {"type": "function", "function": {"name": "get_time", "parameters": {"type": "object", "properties": {}}}}
              ]
            }
            """, capture.Body);
    }

    [Fact]
    public async Task StreamAsync_ToolChoice_NoneDropsToolsAndFunctionKeepsOnlyThatTool()
    {
        var tools = new List<ChatToolDefinition> { new("a"), new("b") };
        var (mock1, capture1) = RequestCapture.Expect();
        await StreamFolder.ReadAllAsync(TestProviders.Create(mock1).StreamAsync(new ChatRequest { Messages = [ChatMessage.User("x")], Tools = tools, ToolChoice = ChatToolChoice.None }));
        var (mock2, capture2) = RequestCapture.Expect();
        await StreamFolder.ReadAllAsync(TestProviders.Create(mock2).StreamAsync(new ChatRequest { Messages = [ChatMessage.User("x")], Tools = tools, ToolChoice = ChatToolChoice.Function("b") }));

        using var none = JsonDocument.Parse(capture1.Body!);
        Assert.False(none.RootElement.TryGetProperty("tools", out _));
        using var function = JsonDocument.Parse(capture2.Body!);
        var only = Assert.Single(function.RootElement.GetProperty("tools").EnumerateArray());
        Assert.Equal("b", only.GetProperty("function").GetProperty("name").GetString());
        Assert.False(function.RootElement.TryGetProperty("tool_choice", out _));
    }

    [Fact]
    public async Task StreamAsync_AdditionalProperties_KeepAliveAndOverridesAreTopLevel()
    {
        var (mock, capture) = RequestCapture.Expect();
        var provider = TestProviders.Create(mock);
        using var options = JsonDocument.Parse("""{"num_ctx": 8192, "seed": 7}""");
        var request = new ChatRequest
        {
            Model = "qwen3",
            Messages = [ChatMessage.User("Hi")],
            Temperature = 1,
            Reasoning = new ChatReasoningOptions(),
            AdditionalProperties = new Dictionary<string, JsonElement>
            {
                ["keep_alive"] = JsonSerializer.SerializeToElement("10m", TestJsonContext.Default.String),
                ["options"] = options.RootElement.Clone(),
                ["think"] = JsonSerializer.SerializeToElement("high", TestJsonContext.Default.String),
            },
        };

        await StreamFolder.ReadAllAsync(provider.StreamAsync(request));

        JsonAssert.Equal("""
            {"model": "qwen3", "messages": [{"role": "user", "content": "Hi"}], "stream": true,
             "keep_alive": "10m", "options": {"num_ctx": 8192, "seed": 7}, "think": "high"}
            """, capture.Body);
    }

    [Theory]
    [InlineData("")]
    [InlineData("llama 3")]
    [InlineData("model?x=1")]
    public void StreamAsync_InvalidModelId_ThrowsArgumentExceptionEagerly(string model)
    {
        var provider = TestProviders.Create(StubHttpHandler.ForBody(Array.Empty<byte>()));
        var request = new ChatRequest { Model = model == string.Empty ? new string('a', 129) : model, Messages = [ChatMessage.User("Hi")] };

        Assert.Throws<ArgumentException>(() => provider.StreamAsync(request));
    }

    [Fact]
    public void StreamAsync_NoMessages_ThrowsArgumentExceptionEagerly()
    {
        var provider = TestProviders.Create(StubHttpHandler.ForBody(Array.Empty<byte>()));

        Assert.Throws<ArgumentException>(() => provider.StreamAsync(new ChatRequest()));
    }
}
