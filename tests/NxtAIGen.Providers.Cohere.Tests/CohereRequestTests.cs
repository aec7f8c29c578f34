using System.Text;
using System.Text.Json;
using NxtAIGen.Abstractions;
using NxtAIGen.Testing;

namespace NxtAIGen.Providers.Cohere.Tests;

public sealed class CohereRequestTests
{
    [Fact]
    public async Task StreamAsync_MultiTurnWithSystemPrompt_WritesMessagesAndOptions()
    {
        var (mock, capture) = RequestCapture.Expect();
        var provider = TestProviders.Create(mock);
        var request = new ChatRequest
        {
            Model = "command-r7b-12-2024",
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
        Assert.Equal("Hel", result.Text);
        mock.VerifyNoOutstandingExpectation();
        JsonAssert.Equal("""
            {
              "model": "command-r7b-12-2024",
              "messages": [
                {"role": "system", "content": "Be brief."},
                {"role": "user", "content": "Hi"},
                {"role": "assistant", "content": "Hello! How can I help?"},
                {"role": "user", "content": "Name a colour."}
              ],
              "stream": true,
              "max_tokens": 100,
              "temperature": 0.5,
              "p": 0.9,
              "stop_sequences": ["END"]
            }
            """, capture.Body);
        Assert.Equal("text/event-stream", capture.Request!.Headers.Accept.Single().MediaType);
    }

    [Fact]
    public async Task StreamAsync_NoModel_UsesDefaultModel()
    {
        var (mock, capture) = RequestCapture.Expect();
        var provider = TestProviders.Create(mock);

        await StreamFolder.ReadAllAsync(provider.StreamAsync(TestProviders.Hello()));

        JsonAssert.Equal("""
            {"model": "command-a-03-2025", "messages": [{"role": "user", "content": "Hello"}], "stream": true}
            """, capture.Body);
    }

    [Fact]
    public async Task StreamAsync_BaseUrlAndHeaders_PostsToV2ChatUnderTheRoot()
    {
        var (mock, capture) = RequestCapture.Expect("http://127.0.0.1:9000/cohere/v2/chat");
        var provider = TestProviders.Create(mock, baseUrl: new Uri("http://127.0.0.1:9000/cohere/"), headers: new Dictionary<string, string> { ["X-Client-Name"] = "tests" });

        await StreamFolder.ReadAllAsync(provider.StreamAsync(TestProviders.Hello()));

        mock.VerifyNoOutstandingExpectation();
        Assert.Equal("tests", capture.Request!.Headers.GetValues("X-Client-Name").Single());
        Assert.DoesNotContain(TestProviders.ApiKey, capture.Request.RequestUri!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamAsync_ImagesAndDocuments_WritesImageUrlAndTextParts()
    {
        var (mock, capture) = RequestCapture.Expect();
        var provider = TestProviders.Create(mock);
        var request = new ChatRequest
        {
            Model = "command-a-vision-07-2025",
            Messages =
            [
                new ChatMessage(ChatRole.System, [new TextPart("Use the notes."), new DocumentPart("rules.md", "text/markdown", Encoding.UTF8.GetBytes("Be kind."))]),
                new ChatMessage(ChatRole.User, [
                    new TextPart("What is in these?"),
                    new ImagePart(new byte[] { 1, 2, 3 }, "image/png"),
                    new ImagePart(new Uri("https://example.com/cat.jpg")),
                    new DocumentPart("report.pdf", "application/pdf", new byte[] { 37, 80, 68, 70 }, "Extracted PDF text."),
                ]),
            ],
        };

        await StreamFolder.ReadAllAsync(provider.StreamAsync(request));

        JsonAssert.Equal("""
            {
              "model": "command-a-vision-07-2025",
              "messages": [
                {"role": "system", "content": "Use the notes.\n\n<document name=\"rules.md\">\nBe kind.\n</document>"},
                {"role": "user", "content": [
                  {"type": "text", "text": "What is in these?"},
                  {"type": "image_url", "image_url": {"url": "data:image/png;base64,AQID"}},
                  {"type": "image_url", "image_url": {"url": "https://example.com/cat.jpg"}},
                  {"type": "text", "text": "<document name=\"report.pdf\">\nExtracted PDF text.\n</document>"}
                ]}
              ],
              "stream": true
            }
            """, capture.Body);
    }

    [Fact]
    public async Task StreamAsync_PdfWithoutText_ThrowsInvalidRequestBeforeSending()
    {
        var handler = StubHttpHandler.ForBody(Encoding.UTF8.GetBytes(SseBodies.Ok));
        var provider = TestProviders.Create(handler);
        var request = new ChatRequest { Messages = [new ChatMessage(ChatRole.User, [new DocumentPart("scan.pdf", "application/pdf", new byte[] { 1 })])] };

        var error = await Assert.ThrowsAsync<NxtAIGenProviderException>(() => StreamFolder.ReadAllAsync(provider.StreamAsync(request)));

        Assert.Equal(ProviderErrorKind.InvalidRequest, error.Kind);
        Assert.Equal(0, handler.Requests);
    }

    [Theory]
    [InlineData(ChatReasoningEffort.Low, null, 2048)]
    [InlineData(null, 5000, 5000)]
    [InlineData(ChatReasoningEffort.High, 3000, 3000)]
    public async Task StreamAsync_Reasoning_WritesThinkingWithTokenBudget(ChatReasoningEffort? effort, int? budget, int expected)
    {
        var (mock, capture) = RequestCapture.Expect();
        var provider = TestProviders.Create(mock);
        var request = new ChatRequest
        {
            Model = "command-a-reasoning-08-2025",
            Messages = [ChatMessage.User("Think.")],
            Reasoning = new ChatReasoningOptions { Effort = effort, BudgetTokens = budget },
        };

        await StreamFolder.ReadAllAsync(provider.StreamAsync(request));

        using var body = JsonDocument.Parse(capture.Body!);
        JsonAssert.Equal("{\"type\":\"enabled\",\"token_budget\":" + expected + "}", body.RootElement.GetProperty("thinking").GetRawText());
    }

    [Fact]
    public async Task StreamAsync_ToolsAndToolHistory_WritesToolPlanCallsAndResults()
    {
        var (mock, capture) = RequestCapture.Expect();
        var provider = TestProviders.Create(mock);
        using var schema = JsonDocument.Parse("""{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}""");
        var request = new ChatRequest
        {
            Messages =
            [
                ChatMessage.User("Weather in Paris?"),
                new ChatMessage(ChatRole.Assistant, [
                    new ReasoningPart("The user wants weather."),
                    new TextPart("I will look up the weather."),
                    new ToolCallPart(new ChatToolCall("get_weather_1", "get_weather", "{\"city\":\"Paris\"}")),
                    new ToolCallPart(new ChatToolCall("get_time_2", "get_time", "")),
                ]),
                new ChatMessage(ChatRole.Tool, [
                    new ToolResultPart("get_weather_1", "{\"temp\":21}", "get_weather"),
                    new ToolResultPart("get_time_2", "12:00"),
                ]),
            ],
            Tools =
            [
                new ChatToolDefinition("get_weather", "Current weather", schema.RootElement.Clone()),
                new ChatToolDefinition("get_time"),
            ],
            ToolChoice = ChatToolChoice.Required,
        };

        await StreamFolder.ReadAllAsync(provider.StreamAsync(request));

        JsonAssert.Equal("""
            {
              "model": "command-a-03-2025",
              "messages": [
                {"role": "user", "content": "Weather in Paris?"},
                {"role": "assistant", "tool_plan": "I will look up the weather.", "tool_calls": [
                  {"id": "get_weather_1", "type": "function", "function": {"name": "get_weather", "arguments": "{\"city\":\"Paris\"}"}},
                  {"id": "get_time_2", "type": "function", "function": {"name": "get_time", "arguments": "{}"}}
                ]},
                {"role": "tool", "tool_call_id": "get_weather_1", "content": "{\"temp\":21}"},
                {"role": "tool", "tool_call_id": "get_time_2", "content": "12:00"}
              ],
              "stream": true,
              "tools": [
                {"type": "function", "function": {"name": "get_weather", "description": "Current weather",
                  "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}},
                {"type": "function", "function": {"name": "get_time", "parameters": {"type": "object", "properties": {}}}}
              ],
              "tool_choice": "REQUIRED"
            }
            """, capture.Body);
    }

    [Theory]
    [InlineData("none", "\"NONE\"", 2)]
    [InlineData("auto", null, 2)]
    [InlineData("function", "\"REQUIRED\"", 1)]
    public async Task StreamAsync_ToolChoice_IsMapped(string mode, string? expectedChoice, int expectedTools)
    {
        var (mock, capture) = RequestCapture.Expect();
        var provider = TestProviders.Create(mock);
        var choice = mode switch { "none" => ChatToolChoice.None, "auto" => ChatToolChoice.Auto, _ => ChatToolChoice.Function("b") };
        var request = new ChatRequest { Messages = [ChatMessage.User("x")], Tools = [new("a"), new("b")], ToolChoice = choice };

        await StreamFolder.ReadAllAsync(provider.StreamAsync(request));

        using var body = JsonDocument.Parse(capture.Body!);
        Assert.Equal(expectedTools, body.RootElement.GetProperty("tools").GetArrayLength());
        if (expectedChoice is null)
        {
            Assert.False(body.RootElement.TryGetProperty("tool_choice", out _));
        }
        else
        {
            JsonAssert.Equal(expectedChoice, body.RootElement.GetProperty("tool_choice").GetRawText());
        }
    }

    [Fact]
    public async Task StreamAsync_AdditionalProperties_AreTopLevelAndOverride()
    {
        var (mock, capture) = RequestCapture.Expect();
        var provider = TestProviders.Create(mock);
        var request = new ChatRequest
        {
            Messages = [ChatMessage.User("Hi")],
            Temperature = 1,
            AdditionalProperties = new Dictionary<string, JsonElement>
            {
                ["seed"] = JsonSerializer.SerializeToElement(42, TestJsonContext.Default.Int32),
                ["temperature"] = JsonSerializer.SerializeToElement(0.2, TestJsonContext.Default.Double),
                ["safety_mode"] = JsonSerializer.SerializeToElement("STRICT", TestJsonContext.Default.String),
            },
        };

        await StreamFolder.ReadAllAsync(provider.StreamAsync(request));

        JsonAssert.Equal("""
            {"model": "command-a-03-2025", "messages": [{"role": "user", "content": "Hi"}], "stream": true, "seed": 42, "temperature": 0.2, "safety_mode": "STRICT"}
            """, capture.Body);
    }

    [Theory]
    [InlineData("")]
    [InlineData("command a")]
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
