using System.Text;
using System.Text.Json;
using NxtAIGen.Abstractions;
using NxtAIGen.Testing;

namespace NxtAIGen.Providers.OpenAI.Tests;

public sealed class OpenAIRequestTests
{
    private const string OpenAIUrl = "https://api.openai.com/v1/chat/completions";

    [Fact]
    public async Task StreamAsync_MultiTurnWithSystemPrompt_WritesMessagesAndOptions()
    {
        var (mock, capture) = RequestCapture.Expect(OpenAIUrl, TestProviders.ApiKey);
        var provider = TestProviders.Create("openai", mock);
        var request = new ChatRequest
        {
            Model = "gpt-4.1",
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
              "model": "gpt-4.1",
              "messages": [
                {"role": "system", "content": "Be brief."},
                {"role": "user", "content": "Hi"},
                {"role": "assistant", "content": "Hello! How can I help?"},
                {"role": "user", "content": "Name a colour."}
              ],
              "stream": true,
              "stream_options": {"include_usage": true},
              "max_completion_tokens": 100,
              "temperature": 0.5,
              "top_p": 0.9,
              "stop": ["END"]
            }
            """, capture.Body);
        Assert.Equal("text/event-stream", capture.Request!.Headers.Accept.Single().MediaType);
    }

    [Fact]
    public async Task StreamAsync_NoModel_UsesDefaultModel()
    {
        var (mock, capture) = RequestCapture.Expect("https://api.deepseek.com/v1/chat/completions", TestProviders.ApiKey);
        var provider = TestProviders.Create("deepseek", mock);

        await StreamFolder.ReadAllAsync(provider.StreamAsync(TestProviders.Hello()));

        JsonAssert.Equal("""
            {"model": "deepseek-chat", "messages": [{"role": "user", "content": "Hello"}], "stream": true, "stream_options": {"include_usage": true}}
            """, capture.Body);
    }

    [Fact]
    public async Task StreamAsync_Images_WritesImageUrlParts()
    {
        var (mock, capture) = RequestCapture.Expect(OpenAIUrl, TestProviders.ApiKey);
        var provider = TestProviders.Create("openai", mock);
        var request = new ChatRequest
        {
            Messages =
            [
                new ChatMessage(ChatRole.User, [
                    new TextPart("What is in these pictures?"),
                    new ImagePart(new byte[] { 1, 2, 3 }, "image/png"),
                    new ImagePart(new Uri("https://example.com/cat.jpg")),
                ]),
            ],
        };

        await StreamFolder.ReadAllAsync(provider.StreamAsync(request));

        JsonAssert.Equal("""
            {
              "model": "gpt-5-mini",
              "messages": [
                {"role": "user", "content": [
                  {"type": "text", "text": "What is in these pictures?"},
                  {"type": "image_url", "image_url": {"url": "data:image/png;base64,AQID"}},
                  {"type": "image_url", "image_url": {"url": "https://example.com/cat.jpg"}}
                ]}
              ],
              "stream": true,
              "stream_options": {"include_usage": true}
            }
            """, capture.Body);
    }

    [Fact]
    public async Task StreamAsync_TextDocument_IsInlinedWithItsName()
    {
        var (mock, capture) = RequestCapture.Expect("https://api.mistral.ai/v1/chat/completions", TestProviders.ApiKey);
        var provider = TestProviders.Create("mistral", mock);
        var request = new ChatRequest
        {
            Messages =
            [
                new ChatMessage(ChatRole.User, [
                    new TextPart("Summarise."),
                    new DocumentPart("notes.txt", "text/plain", Encoding.UTF8.GetBytes("Line one.\nLine two.")),
                    new DocumentPart("report.pdf", "application/pdf", new byte[] { 37, 80, 68, 70 }, "Extracted PDF text."),
                ]),
            ],
        };

        await StreamFolder.ReadAllAsync(provider.StreamAsync(request));

        JsonAssert.Equal("""
            {
              "model": "mistral-medium-latest",
              "messages": [
                {"role": "user", "content": [
                  {"type": "text", "text": "Summarise."},
                  {"type": "text", "text": "<document name=\"notes.txt\">\nLine one.\nLine two.\n</document>"},
                  {"type": "text", "text": "<document name=\"report.pdf\">\nExtracted PDF text.\n</document>"}
                ]}
              ],
              "stream": true
            }
            """, capture.Body);
    }

    [Fact]
    public async Task StreamAsync_PdfForOpenAI_IsSentAsFilePart()
    {
        var (mock, capture) = RequestCapture.Expect(OpenAIUrl, TestProviders.ApiKey);
        var provider = TestProviders.Create("openai", mock);
        var request = new ChatRequest
        {
            Messages = [new ChatMessage(ChatRole.User, [new DocumentPart("report.pdf", "application/pdf", new byte[] { 37, 80, 68, 70 }, "ignored")])],
        };

        await StreamFolder.ReadAllAsync(provider.StreamAsync(request));

        using var body = JsonDocument.Parse(capture.Body!);
        var part = body.RootElement.GetProperty("messages")[0].GetProperty("content")[0];
        JsonAssert.Equal("""
            {"type": "file", "file": {"filename": "report.pdf", "file_data": "data:application/pdf;base64,JVBERg=="}}
            """, part.GetRawText());
    }

    [Fact]
    public async Task StreamAsync_PdfWithoutTextForNonDocumentProvider_ThrowsInvalidRequestBeforeSending()
    {
        var handler = StubHttpHandler.ForBody(Encoding.UTF8.GetBytes(SseBodies.Ok));
        var provider = TestProviders.Create("groq", handler);
        var request = new ChatRequest
        {
            Messages = [new ChatMessage(ChatRole.User, [new DocumentPart("scan.pdf", "application/pdf", new byte[] { 1 })])],
        };

        var error = await Assert.ThrowsAsync<NxtAIGenProviderException>(() => StreamFolder.ReadAllAsync(provider.StreamAsync(request)));

        Assert.Equal(ProviderErrorKind.InvalidRequest, error.Kind);
        Assert.Contains("scan.pdf", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, handler.Requests);
    }

    [Fact]
    public async Task StreamAsync_ReasoningModel_WritesEffortAndMaxCompletionTokens()
    {
        var (mock, capture) = RequestCapture.Expect(OpenAIUrl, TestProviders.ApiKey);
        var provider = TestProviders.Create("openai", mock);
        var request = new ChatRequest
        {
            Model = "o4-mini",
            Messages = [ChatMessage.User("Think.")],
            Reasoning = new ChatReasoningOptions { Effort = ChatReasoningEffort.Minimal },
            MaxOutputTokens = 4000,
        };

        await StreamFolder.ReadAllAsync(provider.StreamAsync(request));

        JsonAssert.Equal("""
            {
              "model": "o4-mini",
              "messages": [{"role": "user", "content": "Think."}],
              "stream": true,
              "stream_options": {"include_usage": true},
              "max_completion_tokens": 4000,
              "reasoning_effort": "minimal"
            }
            """, capture.Body);
    }

    [Theory]
    [InlineData("xai", "https://api.x.ai/v1/chat/completions", "{\"reasoning_effort\":\"low\",\"max_tokens\":50}")]
    [InlineData("groq", "https://api.groq.com/openai/v1/chat/completions", "{\"reasoning_effort\":\"low\",\"max_tokens\":50}")]
    [InlineData("deepseek", "https://api.deepseek.com/v1/chat/completions", "{\"max_tokens\":50}")]
    [InlineData("openrouter", "https://openrouter.ai/api/v1/chat/completions", "{\"reasoning\":{\"max_tokens\":1000,\"exclude\":true},\"max_tokens\":50}")]
    public async Task StreamAsync_ReasoningOptions_FollowThePreset(string type, string url, string expectedMembers)
    {
        var (mock, capture) = RequestCapture.Expect(url, TestProviders.ApiKey);
        var provider = TestProviders.Create(type, mock);
        var request = new ChatRequest
        {
            Model = "some/model",
            Messages = [ChatMessage.User("Think.")],
            Reasoning = new ChatReasoningOptions { BudgetTokens = 1000, IncludeReasoning = type != "openrouter" },
            MaxOutputTokens = 50,
        };

        await StreamFolder.ReadAllAsync(provider.StreamAsync(request));

        using var body = JsonDocument.Parse(capture.Body!);
        using var expected = JsonDocument.Parse(expectedMembers);
        foreach (var member in expected.RootElement.EnumerateObject())
        {
            Assert.True(body.RootElement.TryGetProperty(member.Name, out var value), $"{member.Name} missing in {capture.Body}");
            JsonAssert.Equal(member.Value.GetRawText(), value.GetRawText());
        }

        Assert.False(body.RootElement.TryGetProperty("max_completion_tokens", out _));
        if (type == "deepseek")
        {
            Assert.False(body.RootElement.TryGetProperty("reasoning_effort", out _));
        }
    }

    [Fact]
    public async Task StreamAsync_ToolsAndToolResults_WritesFunctionToolsAndToolMessages()
    {
        var (mock, capture) = RequestCapture.Expect(OpenAIUrl, TestProviders.ApiKey);
        var provider = TestProviders.Create("openai", mock);
        using var schema = JsonDocument.Parse("""{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}""");
        var request = new ChatRequest
        {
            Model = "gpt-4.1",
            Messages =
            [
                ChatMessage.User("Weather in Paris?"),
                new ChatMessage(ChatRole.Assistant, [
                    new ReasoningPart("I should call the tool.", "sig"),
                    new ToolCallPart(new ChatToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}")),
                    new ToolCallPart(new ChatToolCall("call_2", "get_time", "")),
                ]),
                new ChatMessage(ChatRole.Tool, [
                    new ToolResultPart("call_1", "{\"temp\":21}", "get_weather"),
                    new ToolResultPart("call_2", "12:00", "get_time"),
                ]),
            ],
            Tools =
            [
                new ChatToolDefinition("get_weather", "Current weather", schema.RootElement.Clone()),
                new ChatToolDefinition("get_time"),
            ],
            ToolChoice = ChatToolChoice.Function("get_weather"),
        };

        await StreamFolder.ReadAllAsync(provider.StreamAsync(request));

        JsonAssert.Equal("""
            {
              "model": "gpt-4.1",
              "messages": [
                {"role": "user", "content": "Weather in Paris?"},
                {"role": "assistant", "content": null, "tool_calls": [
                  {"id": "call_1", "type": "function", "function": {"name": "get_weather", "arguments": "{\"city\":\"Paris\"}"}},
                  {"id": "call_2", "type": "function", "function": {"name": "get_time", "arguments": "{}"}}
                ]},
                {"role": "tool", "tool_call_id": "call_1", "content": "{\"temp\":21}"},
                {"role": "tool", "tool_call_id": "call_2", "content": "12:00"}
              ],
              "stream": true,
              "stream_options": {"include_usage": true},
              "tools": [
                {"type": "function", "function": {"name": "get_weather", "description": "Current weather",
                  "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}},
                {"type": "function", "function": {"name": "get_time", "parameters": {"type": "object", "properties": {}}}}
              ],
              "tool_choice": {"type": "function", "function": {"name": "get_weather"}}
            }
            """, capture.Body);
    }

    [Fact]
    public async Task StreamAsync_AdditionalProperties_AreTopLevelAndOverride()
    {
        var (mock, capture) = RequestCapture.Expect(OpenAIUrl, TestProviders.ApiKey);
        var provider = TestProviders.Create("openai", mock);
        var request = new ChatRequest
        {
            Model = "gpt-4.1",
            Messages = [ChatMessage.User("Hi")],
            Temperature = 1,
            AdditionalProperties = new Dictionary<string, JsonElement>
            {
                ["seed"] = JsonSerializer.SerializeToElement(42, TestJsonContext.Default.Int32),
                ["temperature"] = JsonSerializer.SerializeToElement(0.2, TestJsonContext.Default.Double),
                ["stream_options"] = JsonSerializer.SerializeToElement(false, TestJsonContext.Default.Boolean),
            },
        };

        await StreamFolder.ReadAllAsync(provider.StreamAsync(request));

        JsonAssert.Equal("""
            {"model": "gpt-4.1", "messages": [{"role": "user", "content": "Hi"}], "stream": true, "seed": 42, "temperature": 0.2, "stream_options": false}
            """, capture.Body);
    }

    [Theory]
    [InlineData("")]
    [InlineData("gpt 4")]
    [InlineData("model?x=1")]
    public void StreamAsync_InvalidModelId_ThrowsArgumentExceptionEagerly(string model)
    {
        var provider = TestProviders.Create("openai", StubHttpHandler.ForBody(Array.Empty<byte>()));
        var request = new ChatRequest { Model = model == string.Empty ? new string('a', 129) : model, Messages = [ChatMessage.User("Hi")] };

        Assert.Throws<ArgumentException>(() => provider.StreamAsync(request));
    }

    [Fact]
    public void StreamAsync_NoMessages_ThrowsArgumentExceptionEagerly()
    {
        var provider = TestProviders.Create("openai", StubHttpHandler.ForBody(Array.Empty<byte>()));

        Assert.Throws<ArgumentException>(() => provider.StreamAsync(new ChatRequest()));
    }
}
