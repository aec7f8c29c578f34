using System.Text;
using System.Text.Json;
using NxtAIGen.Abstractions;
using NxtAIGen.Testing;

namespace NxtAIGen.Providers.Gemini.Tests;

public sealed class GeminiRequestTests
{
    [Fact]
    public async Task StreamAsync_MultiTurnWithSystemPrompt_WritesContentsSystemInstructionAndGenerationConfig()
    {
        var (mock, capture) = RequestCapture.Expect();
        var provider = TestProviders.Create(mock);
        var request = new ChatRequest
        {
            Messages =
            [
                ChatMessage.System("Be brief."),
                ChatMessage.User("Hi"),
                ChatMessage.Assistant("Hello! How can I help?"),
                ChatMessage.System("Answer in English."),
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
              "contents": [
                {"role": "user", "parts": [{"text": "Hi"}]},
                {"role": "model", "parts": [{"text": "Hello! How can I help?"}]},
                {"role": "user", "parts": [{"text": "Name a colour."}]}
              ],
              "systemInstruction": {"parts": [{"text": "Be brief."}, {"text": "Answer in English."}]},
              "generationConfig": {"maxOutputTokens": 100, "temperature": 0.5, "topP": 0.9, "stopSequences": ["END"]}
            }
            """, capture.Body);
        var sent = capture.Request!;
        Assert.Equal("text/event-stream", sent.Headers.Accept.Single().MediaType);
        Assert.Null(sent.Headers.Authorization);
        Assert.DoesNotContain(TestProviders.ApiKey, sent.RequestUri!.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("key=", sent.RequestUri!.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamAsync_MinimalRequest_WritesOnlyContents()
    {
        var (mock, capture) = RequestCapture.Expect();
        var provider = TestProviders.Create(mock);

        await StreamFolder.ReadAllAsync(provider.StreamAsync(TestProviders.Hello()));

        JsonAssert.Equal("""{"contents": [{"role": "user", "parts": [{"text": "Hello"}]}]}""", capture.Body);
    }

    [Theory]
    [InlineData("gemini-2.5-pro", "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse")]
    [InlineData("models/gemini-2.5-flash", "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse")]
    [InlineData("tunedModels/my-model-123", "https://generativelanguage.googleapis.com/v1beta/tunedModels/my-model-123:streamGenerateContent?alt=sse")]
    public async Task StreamAsync_Model_IsInThePath(string model, string url)
    {
        var (mock, _) = RequestCapture.Expect(url);
        var provider = TestProviders.Create(mock);

        await StreamFolder.ReadAllAsync(provider.StreamAsync(new ChatRequest { Model = model, Messages = [ChatMessage.User("Hi")] }));

        mock.VerifyNoOutstandingExpectation();
    }

    [Theory]
    [InlineData("http://127.0.0.1:9000", "http://127.0.0.1:9000/v1beta/models/gemini-3.5-flash:streamGenerateContent?alt=sse")]
    [InlineData("http://127.0.0.1:9000/proxy/", "http://127.0.0.1:9000/proxy/v1beta/models/gemini-3.5-flash:streamGenerateContent?alt=sse")]
    [InlineData("https://gateway.example.com/v1", "https://gateway.example.com/v1/models/gemini-3.5-flash:streamGenerateContent?alt=sse")]
    [InlineData("https://gateway.example.com/google/v1alpha", "https://gateway.example.com/google/v1alpha/models/gemini-3.5-flash:streamGenerateContent?alt=sse")]
    public async Task StreamAsync_BaseUrl_IsTheServiceRootOrAVersionedRoot(string baseUrl, string url)
    {
        var (mock, _) = RequestCapture.Expect(url);
        var provider = TestProviders.Create(mock, baseUrl: new Uri(baseUrl));

        await StreamFolder.ReadAllAsync(provider.StreamAsync(TestProviders.Hello()));

        mock.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task StreamAsync_NoKeyAndExtraHeaders_SendsNoKeyHeaderAndTheExtraHeaders()
    {
        var (mock, capture) = RequestCapture.Expect(apiKey: null);
        var provider = TestProviders.Create(mock, apiKey: null, headers: new Dictionary<string, string> { ["X-Goog-User-Project"] = "proj-1" });

        await StreamFolder.ReadAllAsync(provider.StreamAsync(TestProviders.Hello()));

        Assert.False(capture.Request!.Headers.Contains("x-goog-api-key"));
        Assert.Equal("proj-1", capture.Request.Headers.GetValues("X-Goog-User-Project").Single());
    }

    [Fact]
    public async Task StreamAsync_ImagesAndDocuments_WritesInlineDataFileDataAndText()
    {
        var (mock, capture) = RequestCapture.Expect();
        var provider = TestProviders.Create(mock);
        var request = new ChatRequest
        {
            Messages =
            [
                new ChatMessage(ChatRole.User, [
                    new TextPart("What is in these?"),
                    new ImagePart(new byte[] { 1, 2, 3 }, "image/png"),
                    new ImagePart(new Uri("data:image/jpeg;base64,BAUG")),
                    new ImagePart(new Uri("https://example.com/cat.webp")),
                    new DocumentPart("report.pdf", "application/pdf", new byte[] { 37, 80, 68, 70 }, "ignored"),
                    new DocumentPart("notes.txt", "text/plain", Encoding.UTF8.GetBytes("Line one.")),
                    new DocumentPart("memo.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", new byte[] { 80, 75 }, "Memo text."),
                ]),
            ],
        };

        await StreamFolder.ReadAllAsync(provider.StreamAsync(request));

        JsonAssert.Equal("""
            {
              "contents": [
                {"role": "user", "parts": [
                  {"text": "What is in these?"},
                  {"inlineData": {"mimeType": "image/png", "data": "AQID"}},
                  {"inlineData": {"mimeType": "image/jpeg", "data": "BAUG"}},
                  {"fileData": {"mimeType": "image/webp", "fileUri": "https://example.com/cat.webp"}},
                  {"inlineData": {"mimeType": "application/pdf", "data": "JVBERg=="}},
                  {"text": "<document name=\"notes.txt\">\nLine one.\n</document>"},
                  {"text": "<document name=\"memo.docx\">\nMemo text.\n</document>"}
                ]}
              ]
            }
            """, capture.Body);
    }

    [Fact]
    public async Task StreamAsync_DocumentWithoutText_ThrowsInvalidRequestBeforeSending()
    {
        var handler = StubHttpHandler.ForBody(Encoding.UTF8.GetBytes(SseBodies.Ok));
        var provider = TestProviders.Create(handler);
        var request = new ChatRequest
        {
            Messages = [new ChatMessage(ChatRole.User, [new DocumentPart("sheet.xlsx", "application/vnd.ms-excel", new byte[] { 1 })])],
        };

        var error = await Assert.ThrowsAsync<NxtAIGenProviderException>(() => StreamFolder.ReadAllAsync(provider.StreamAsync(request)));

        Assert.Equal(ProviderErrorKind.InvalidRequest, error.Kind);
        Assert.Contains("sheet.xlsx", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, handler.Requests);
    }

    [Theory]
    [InlineData("gemini-3.5-flash", ChatReasoningEffort.Low, null, true, """{"includeThoughts": true, "thinkingLevel": "low"}""")]
    [InlineData("gemini-3-flash-preview", ChatReasoningEffort.Minimal, null, true, """{"includeThoughts": true, "thinkingLevel": "minimal"}""")]
    [InlineData("gemini-3.1-pro-preview", ChatReasoningEffort.High, null, false, """{"includeThoughts": false, "thinkingLevel": "high"}""")]
    [InlineData("gemini-3.5-flash", null, 2000, true, """{"includeThoughts": true, "thinkingBudget": 2000}""")]
    [InlineData("gemini-2.5-flash", ChatReasoningEffort.Medium, null, true, """{"includeThoughts": true, "thinkingBudget": 8192}""")]
    [InlineData("gemini-2.5-pro", null, 512, true, """{"includeThoughts": true, "thinkingBudget": 512}""")]
    [InlineData("gemini-2.5-flash", null, null, true, """{"includeThoughts": true}""")]
    public async Task StreamAsync_Reasoning_WritesThinkingConfigForTheModelGeneration(
        string model, ChatReasoningEffort? effort, int? budget, bool include, string expected)
    {
        var url = $"https://generativelanguage.googleapis.com/v1beta/models/{model}:streamGenerateContent?alt=sse";
        var (mock, capture) = RequestCapture.Expect(url);
        var provider = TestProviders.Create(mock);
        var request = new ChatRequest
        {
            Model = model,
            Messages = [ChatMessage.User("Think.")],
            Reasoning = new ChatReasoningOptions { Effort = effort, BudgetTokens = budget, IncludeReasoning = include },
        };

        await StreamFolder.ReadAllAsync(provider.StreamAsync(request));

        using var body = JsonDocument.Parse(capture.Body!);
        JsonAssert.Equal(expected, body.RootElement.GetProperty("generationConfig").GetProperty("thinkingConfig").GetRawText());
    }

    [Fact]
    public async Task StreamAsync_ToolsCallsResultsAndSignatures_WritesFunctionPartsAndSignaturesBack()
    {
        var (mock, capture) = RequestCapture.Expect();
        var provider = TestProviders.Create(mock);
        using var schema = JsonDocument.Parse("""{"type":"object","properties":{"city":{"type":"string"}},"required":["city"],"additionalProperties":false}""");
        var request = new ChatRequest
        {
            Messages =
            [
                ChatMessage.User("Weather and time in Paris?"),
                new ChatMessage(ChatRole.Assistant, [
                    new ReasoningPart("I should call the tools.", "sig-thought"),
                    new ReasoningPart("Unsigned summary."),
                    new ToolCallPart(new ChatToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}") { Signature = "sig-call" }),
                    new ToolCallPart(new ChatToolCall("call_2", "get_time", "")),
                ]),
                new ChatMessage(ChatRole.Tool, [
                    new ToolResultPart("call_1", "{\"temp\":21}"),
                    new ToolResultPart("call_2", "12:00", "get_time"),
                    new ToolResultPart("call_1", "[1,2]", isError: true),
                ]),
                ChatMessage.User("Thanks. Anything else?"),
                new ChatMessage(ChatRole.Assistant, [new TextPart("No."), new ReasoningPart(string.Empty, "sig-trailing")]),
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
              "contents": [
                {"role": "user", "parts": [{"text": "Weather and time in Paris?"}]},
                {"role": "model", "parts": [
                  {"text": "I should call the tools.", "thought": true, "thoughtSignature": "sig-thought"},
                  {"functionCall": {"name": "get_weather", "args": {"city": "Paris"}}, "thoughtSignature": "sig-call"},
                  {"functionCall": {"name": "get_time", "args": {}}}
                ]},
                {"role": "user", "parts": [
                  {"functionResponse": {"name": "get_weather", "response": {"temp": 21}}},
                  {"functionResponse": {"name": "get_time", "response": {"result": "12:00"}}},
                  {"functionResponse": {"name": "get_weather", "response": {"error": [1, 2]}}},
                  {"text": "Thanks. Anything else?"}
                ]},
                {"role": "model", "parts": [{"text": "No."}, {"text": "", "thoughtSignature": "sig-trailing"}]}
              ],
              "tools": [{"functionDeclarations": [
                {"name": "get_weather", "description": "Current weather",
                  "parametersJsonSchema": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"], "additionalProperties": false}},
                {"name": "get_time"}
              ]}],
              "toolConfig": {"functionCallingConfig": {"mode": "ANY", "allowedFunctionNames": ["get_weather"]}}
            }
            """, capture.Body);
    }

    [Fact]
    public async Task StreamAsync_ToolResultWithUnknownCallAndNoName_ThrowsInvalidRequestBeforeSending()
    {
        var handler = StubHttpHandler.ForBody(Encoding.UTF8.GetBytes(SseBodies.Ok));
        var provider = TestProviders.Create(handler);
        var request = new ChatRequest
        {
            Messages = [ChatMessage.User("Hi"), new ChatMessage(ChatRole.Tool, [new ToolResultPart("call_9", "{}")])],
        };

        var error = await Assert.ThrowsAsync<NxtAIGenProviderException>(() => StreamFolder.ReadAllAsync(provider.StreamAsync(request)));

        Assert.Equal(ProviderErrorKind.InvalidRequest, error.Kind);
        Assert.Equal(0, handler.Requests);
    }

    [Theory]
    [InlineData(ChatToolChoiceMode.Auto, """{"functionCallingConfig": {"mode": "AUTO"}}""")]
    [InlineData(ChatToolChoiceMode.None, """{"functionCallingConfig": {"mode": "NONE"}}""")]
    [InlineData(ChatToolChoiceMode.Required, """{"functionCallingConfig": {"mode": "ANY"}}""")]
    public async Task StreamAsync_ToolChoice_WritesFunctionCallingMode(ChatToolChoiceMode mode, string expected)
    {
        var (mock, capture) = RequestCapture.Expect();
        var provider = TestProviders.Create(mock);
        var request = new ChatRequest
        {
            Messages = [ChatMessage.User("Hi")],
            Tools = [new ChatToolDefinition("ping")],
            ToolChoice = mode switch
            {
                ChatToolChoiceMode.None => ChatToolChoice.None,
                ChatToolChoiceMode.Required => ChatToolChoice.Required,
                _ => ChatToolChoice.Auto,
            },
        };

        await StreamFolder.ReadAllAsync(provider.StreamAsync(request));

        using var body = JsonDocument.Parse(capture.Body!);
        JsonAssert.Equal(expected, body.RootElement.GetProperty("toolConfig").GetRawText());
    }

    [Fact]
    public async Task StreamAsync_AdditionalProperties_AreTopLevelAndOverride()
    {
        var (mock, capture) = RequestCapture.Expect();
        var provider = TestProviders.Create(mock);
        using var safety = JsonDocument.Parse("""[{"category":"HARM_CATEGORY_HARASSMENT","threshold":"BLOCK_NONE"}]""");
        using var config = JsonDocument.Parse("""{"temperature":0.2,"responseMimeType":"application/json"}""");
        var request = new ChatRequest
        {
            Messages = [ChatMessage.User("Hi")],
            Temperature = 1,
            AdditionalProperties = new Dictionary<string, JsonElement>
            {
                ["safetySettings"] = safety.RootElement.Clone(),
                ["generationConfig"] = config.RootElement.Clone(),
            },
        };

        await StreamFolder.ReadAllAsync(provider.StreamAsync(request));

        JsonAssert.Equal("""
            {
              "contents": [{"role": "user", "parts": [{"text": "Hi"}]}],
              "safetySettings": [{"category": "HARM_CATEGORY_HARASSMENT", "threshold": "BLOCK_NONE"}],
              "generationConfig": {"temperature": 0.2, "responseMimeType": "application/json"}
            }
            """, capture.Body);
    }

    [Theory]
    [InlineData("")]
    [InlineData("gemini 3")]
    [InlineData("gemini-3:streamGenerateContent")]
    [InlineData("../admin")]
    [InlineData("models/a/b")]
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
