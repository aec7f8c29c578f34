using System.Text;
using System.Text.Json;
using NxtAIGen.Abstractions;
using NxtAIGen.Testing;

namespace NxtAIGen.Providers.Anthropic.Tests;

public sealed class AnthropicRequestTests
{
    [Fact]
    public async Task StreamAsync_MultiTurnWithSystemPrompt_WritesMessagesOptionsAndHeaders()
    {
        var (mock, capture) = RequestCapture.Expect();
        var provider = TestProviders.Create(mock);
        var request = new ChatRequest
        {
            Model = "claude-sonnet-4-5-20250929",
            Messages =
            [
                ChatMessage.System("Be brief."),
                ChatMessage.User("Hi"),
                ChatMessage.Assistant("Hello! How can I help?"),
                ChatMessage.User("Name a colour."),
            ],
            MaxOutputTokens = 100,
            Temperature = 0.5f,
            StopSequences = ["END"],
        };

        var result = await StreamFolder.CollectAsync(provider.StreamAsync(request));

        Assert.Null(result.Error);
        Assert.Equal("Hel", result.Text);
        mock.VerifyNoOutstandingExpectation();
        JsonAssert.Equal("""
            {
              "model": "claude-sonnet-4-5-20250929",
              "max_tokens": 100,
              "system": "Be brief.",
              "messages": [
                {"role": "user", "content": "Hi"},
                {"role": "assistant", "content": "Hello! How can I help?"},
                {"role": "user", "content": "Name a colour."}
              ],
              "stream": true,
              "temperature": 0.5,
              "stop_sequences": ["END"]
            }
            """, capture.Body);
        Assert.Equal("text/event-stream", capture.Request!.Headers.Accept.Single().MediaType);
        Assert.False(capture.Request.Headers.Contains("Authorization"));
    }

    [Fact]
    public async Task StreamAsync_NoModelNoLimit_UsesDefaultModelAndMaxTokens()
    {
        var (mock, capture) = RequestCapture.Expect();
        var provider = TestProviders.Create(mock);

        await StreamFolder.ReadAllAsync(provider.StreamAsync(TestProviders.Hello()));

        JsonAssert.Equal("""
            {"model": "claude-sonnet-4-5", "max_tokens": 8192, "messages": [{"role": "user", "content": "Hello"}], "stream": true}
            """, capture.Body);
    }

    [Theory]
    [InlineData("claude-3-haiku-20240307", 4096)]
    [InlineData("claude-3-opus-latest", 4096)]
    [InlineData("claude-3-5-haiku-latest", 8192)]
    [InlineData("claude-3-7-sonnet-20250219", 8192)]
    [InlineData("claude-opus-4-1", 8192)]
    public async Task StreamAsync_NoLimit_MaxTokensFitsTheModel(string model, int expected)
    {
        var body = await CaptureAsync(new ChatRequest { Model = model, Messages = [ChatMessage.User("Hi")] });

        Assert.Equal(expected, body.GetProperty("max_tokens").GetInt32());
    }

    [Fact]
    public async Task StreamAsync_SeveralSystemMessages_AreTextBlocksInOrder()
    {
        var body = await CaptureAsync(new ChatRequest
        {
            Messages =
            [
                ChatMessage.System("Rule one."),
                ChatMessage.User("Hi"),
                new ChatMessage(ChatRole.System, [new TextPart("Rule two."), new DocumentPart("style.md", "text/markdown", Encoding.UTF8.GetBytes("# Style"))]),
            ],
        });

        JsonAssert.Equal("""
            [
              {"type": "text", "text": "Rule one."},
              {"type": "text", "text": "Rule two."},
              {"type": "text", "text": "<document name=\"style.md\">\n# Style\n</document>"}
            ]
            """, body.GetProperty("system").GetRawText());
        JsonAssert.Equal("""[{"role": "user", "content": "Hi"}]""", body.GetProperty("messages").GetRawText());
    }

    [Fact]
    public async Task StreamAsync_ConsecutiveSameRoleMessages_AreMergedAndBlankTextDropped()
    {
        var body = await CaptureAsync(new ChatRequest
        {
            Messages =
            [
                ChatMessage.User("First."),
                ChatMessage.User("Second."),
                ChatMessage.User("   "),
                ChatMessage.Assistant("A."),
                ChatMessage.Assistant(""),
                ChatMessage.Assistant("B."),
                ChatMessage.User("Third."),
            ],
        });

        JsonAssert.Equal("""
            [
              {"role": "user", "content": [{"type": "text", "text": "First."}, {"type": "text", "text": "Second."}]},
              {"role": "assistant", "content": [{"type": "text", "text": "A."}, {"type": "text", "text": "B."}]},
              {"role": "user", "content": "Third."}
            ]
            """, body.GetProperty("messages").GetRawText());
    }

    [Fact]
    public async Task StreamAsync_ConversationOpeningWithTheAssistant_GetsAUserTurnFirst_AndPrefillLosesTrailingSpace()
    {
        var body = await CaptureAsync(new ChatRequest
        {
            Messages =
            [
                ChatMessage.System("Speak like a pirate."),
                ChatMessage.Assistant("Ahoy! What be yer question?"),
                ChatMessage.User("Where is the treasure?"),
                ChatMessage.Assistant("The treasure be \n"),
            ],
        });

        JsonAssert.Equal("""
            [
              {"role": "user", "content": "(conversation start)"},
              {"role": "assistant", "content": "Ahoy! What be yer question?"},
              {"role": "user", "content": "Where is the treasure?"},
              {"role": "assistant", "content": "The treasure be"}
            ]
            """, body.GetProperty("messages").GetRawText());
    }

    [Fact]
    public async Task StreamAsync_Images_AreBase64OrUrlSources()
    {
        var body = await CaptureAsync(new ChatRequest
        {
            Messages =
            [
                new ChatMessage(ChatRole.User, [
                    new TextPart("What is in these pictures?"),
                    new ImagePart(new byte[] { 1, 2, 3 }, "image/png"),
                    new ImagePart(new Uri("https://example.com/cat.jpg")),
                    new ImagePart(new Uri("data:image/webp;base64,AAEC")),
                ]),
            ],
        });

        JsonAssert.Equal("""
            [
              {"role": "user", "content": [
                {"type": "text", "text": "What is in these pictures?"},
                {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": "AQID"}},
                {"type": "image", "source": {"type": "url", "url": "https://example.com/cat.jpg"}},
                {"type": "image", "source": {"type": "base64", "media_type": "image/webp", "data": "AAEC"}}
              ]}
            ]
            """, body.GetProperty("messages").GetRawText());
    }

    [Fact]
    public async Task StreamAsync_PdfIsADocumentBlock_OtherDocumentsAreText()
    {
        var body = await CaptureAsync(new ChatRequest
        {
            Messages =
            [
                new ChatMessage(ChatRole.User, [
                    new TextPart("Summarise."),
                    new DocumentPart("report.pdf", "application/pdf", new byte[] { 37, 80, 68, 70 }, "Extracted text, not sent."),
                    new DocumentPart("notes.txt", "text/plain", Encoding.UTF8.GetBytes("Line one.\nLine two.")),
                    new DocumentPart("memo.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", new byte[] { 80, 75 }, "Memo text."),
                    new DocumentPart("scan.pdf", "application/pdf", text: "Only the text was kept."),
                ]),
            ],
        });

        JsonAssert.Equal("""
            [
              {"role": "user", "content": [
                {"type": "text", "text": "Summarise."},
                {"type": "document", "source": {"type": "base64", "media_type": "application/pdf", "data": "JVBERg=="}, "title": "report.pdf"},
                {"type": "text", "text": "<document name=\"notes.txt\">\nLine one.\nLine two.\n</document>"},
                {"type": "text", "text": "<document name=\"memo.docx\">\nMemo text.\n</document>"},
                {"type": "text", "text": "<document name=\"scan.pdf\">\nOnly the text was kept.\n</document>"}
              ]}
            ]
            """, body.GetProperty("messages").GetRawText());
    }

    [Fact]
    public async Task StreamAsync_PdfWithoutDocumentsCapability_IsItsText()
    {
        var (mock, capture) = RequestCapture.Expect();
        var provider = TestProviders.Create(mock, capabilities: ChatCapabilities.Vision);
        var request = new ChatRequest
        {
            Messages = [new ChatMessage(ChatRole.User, [new DocumentPart("report.pdf", "application/pdf", new byte[] { 1 }, "PDF text.")])],
        };

        await StreamFolder.ReadAllAsync(provider.StreamAsync(request));

        using var body = JsonDocument.Parse(capture.Body!);
        JsonAssert.Equal("""
            [{"role": "user", "content": "<document name=\"report.pdf\">\nPDF text.\n</document>"}]
            """, body.RootElement.GetProperty("messages").GetRawText());
        Assert.Contains("<document name=\\\"report.pdf\\\">", capture.Body, StringComparison.Ordinal); // Markup is not \u-escaped.
    }

    [Theory]
    [InlineData("binary")]
    [InlineData("system-image")]
    [InlineData("assistant-image")]
    [InlineData("ftp-image")]
    public async Task StreamAsync_PartAnthropicCannotTake_ThrowsInvalidRequestBeforeSending(string what)
    {
        var handler = StubHttpHandler.ForBody(Encoding.UTF8.GetBytes(SseBodies.Ok));
        var provider = TestProviders.Create(handler);
        var image = new ImagePart(new byte[] { 1 }, "image/png");
        ChatMessage message = what switch
        {
            "binary" => new ChatMessage(ChatRole.User, [new DocumentPart("data.bin", "application/octet-stream", new byte[] { 1 })]),
            "system-image" => new ChatMessage(ChatRole.System, [image]),
            "assistant-image" => new ChatMessage(ChatRole.Assistant, [image]),
            _ => new ChatMessage(ChatRole.User, [new ImagePart(new Uri("ftp://example.com/a.png"))]),
        };

        var error = await Assert.ThrowsAsync<NxtAIGenProviderException>(
            () => StreamFolder.ReadAllAsync(provider.StreamAsync(new ChatRequest { Messages = [message, ChatMessage.User("Hi")] })));

        Assert.Equal(ProviderErrorKind.InvalidRequest, error.Kind);
        Assert.Equal(0, handler.Requests);
    }

    [Fact]
    public async Task StreamAsync_Reasoning_WritesThinkingWithBudgetAndRoomForTheAnswer_AndNoTemperature()
    {
        var body = await CaptureAsync(new ChatRequest
        {
            Messages = [ChatMessage.User("Think.")],
            Reasoning = new ChatReasoningOptions { Effort = ChatReasoningEffort.High },
            Temperature = 0.3f,
            TopP = 0.5f,
        });

        JsonAssert.Equal("""
            {
              "model": "claude-sonnet-4-5",
              "max_tokens": 28672,
              "messages": [{"role": "user", "content": "Think."}],
              "stream": true,
              "thinking": {"type": "enabled", "budget_tokens": 24576}
            }
            """, body.GetRawText());
    }

    [Theory]
    [InlineData(null, 500, null, 8192, 1024)]
    [InlineData(null, null, 20000, 20000, 8192)]
    [InlineData(null, 30000, 20000, 20000, 10000)]
    [InlineData(ChatReasoningEffort.Minimal, null, 1500, 1500, 1024)]
    [InlineData(ChatReasoningEffort.Medium, 3000, null, 8192, 3000)]
    public async Task StreamAsync_ThinkingBudget_IsAtLeast1024AndBelowMaxTokens(
        ChatReasoningEffort? effort, int? budget, int? maxOutput, int expectedMax, int expectedBudget)
    {
        var body = await CaptureAsync(new ChatRequest
        {
            Messages = [ChatMessage.User("Think.")],
            Reasoning = new ChatReasoningOptions { Effort = effort ?? (budget is null ? ChatReasoningEffort.Medium : null), BudgetTokens = budget },
            MaxOutputTokens = maxOutput,
        });

        Assert.Equal(expectedMax, body.GetProperty("max_tokens").GetInt32());
        Assert.Equal(expectedBudget, body.GetProperty("thinking").GetProperty("budget_tokens").GetInt32());
    }

    [Theory]
    [InlineData("claude-3-5-sonnet-latest", null, false)]
    [InlineData("claude-3-haiku-20240307", null, false)]
    [InlineData("claude-sonnet-4-5", 1024, false)]
    [InlineData("claude-sonnet-4-5", "required", false)]
    [InlineData("claude-sonnet-4-5", "function", false)]
    [InlineData("claude-sonnet-4-5", "none", true)]
    [InlineData("claude-3-7-sonnet-latest", null, true)]
    public async Task StreamAsync_ThinkingIsLeftOutWhereAnthropicWouldRefuseIt(string model, object? condition, bool expected)
    {
        var body = await CaptureAsync(new ChatRequest
        {
            Model = model,
            Messages = [ChatMessage.User("Think.")],
            Reasoning = new ChatReasoningOptions { Effort = ChatReasoningEffort.Low },
            MaxOutputTokens = condition as int?,
            Temperature = 0.2f,
            Tools = condition is string ? [new ChatToolDefinition("f")] : null,
            ToolChoice = condition switch
            {
                "required" => ChatToolChoice.Required,
                "function" => ChatToolChoice.Function("f"),
                "none" => ChatToolChoice.None,
                _ => null,
            },
        });

        Assert.Equal(expected, body.TryGetProperty("thinking", out _));
        Assert.Equal(!expected, body.TryGetProperty("temperature", out _));
    }

    [Fact]
    public async Task StreamAsync_ReasoningWithoutBudgetOrEffort_SendsNoThinking()
    {
        var body = await CaptureAsync(new ChatRequest { Messages = [ChatMessage.User("Hi")], Reasoning = new ChatReasoningOptions { IncludeReasoning = false } });

        Assert.False(body.TryGetProperty("thinking", out _));
    }

    [Fact]
    public async Task StreamAsync_ThinkingHistory_IsSentBackFirstInTheAssistantTurn()
    {
        var body = await CaptureAsync(new ChatRequest
        {
            Messages = ToolLoop(withThinking: true),
            Reasoning = new ChatReasoningOptions { BudgetTokens = 2000 },
            Tools = [new ChatToolDefinition("get_weather")],
        });

        Assert.Equal(2000, body.GetProperty("thinking").GetProperty("budget_tokens").GetInt32());
        JsonAssert.Equal("""
            [
              {"role": "user", "content": "Weather in Paris?"},
              {"role": "assistant", "content": [
                {"type": "thinking", "thinking": "I should call the tool.", "signature": "sig-1"},
                {"type": "redacted_thinking", "data": "opaque"},
                {"type": "text", "text": "Let me check."},
                {"type": "tool_use", "id": "toolu_1", "name": "get_weather", "input": {"city": "Paris"}}
              ]},
              {"role": "user", "content": [
                {"type": "tool_result", "tool_use_id": "toolu_1", "content": "{\"temp\":21}"}
              ]}
            ]
            """, body.GetProperty("messages").GetRawText());
    }

    [Fact]
    public async Task StreamAsync_ThinkingHistoryWithoutThinkingNow_IsLeftOut()
    {
        var body = await CaptureAsync(new ChatRequest
        {
            Messages =
            [
                ChatMessage.User("Hi"),
                new ChatMessage(ChatRole.Assistant, [new ReasoningPart("Hmm.", "sig"), new TextPart("Hello.")]),
                ChatMessage.User("Again"),
                new ChatMessage(ChatRole.Assistant, [new ReasoningPart("Only thinking.", "sig-2")]),
            ],
        });

        JsonAssert.Equal("""
            [
              {"role": "user", "content": "Hi"},
              {"role": "assistant", "content": "Hello."},
              {"role": "user", "content": "Again"}
            ]
            """, body.GetProperty("messages").GetRawText());
    }

    [Fact]
    public async Task StreamAsync_ToolLoopBegunWithoutSignedThinking_SendsNoThinking()
    {
        var body = await CaptureAsync(new ChatRequest
        {
            Messages = ToolLoop(withThinking: false),
            Reasoning = new ChatReasoningOptions { Effort = ChatReasoningEffort.Medium },
            Tools = [new ChatToolDefinition("get_weather")],
        });

        Assert.False(body.TryGetProperty("thinking", out _));
        Assert.DoesNotContain("unsigned", body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamAsync_ToolsChoiceAndResults_WriteAnthropicBlocks()
    {
        using var schema = JsonDocument.Parse("""{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}""");
        var body = await CaptureAsync(new ChatRequest
        {
            Messages =
            [
                ChatMessage.User("Weather and time in Paris?"),
                new ChatMessage(ChatRole.Assistant, [
                    new ToolCallPart(new ChatToolCall("toolu_1", "get_weather", "{\"city\":\"Paris\"}")),
                    new ToolCallPart(new ChatToolCall("toolu_2", "get_time", "")),
                    new ToolCallPart(new ChatToolCall("toolu_3", "broken", "{\"cut")),
                ]),
                new ChatMessage(ChatRole.Tool, [
                    new ToolResultPart("toolu_1", "{\"temp\":21}", "get_weather"),
                    new ToolResultPart("toolu_2", "clock unavailable", "get_time", isError: true),
                ]),
                new ChatMessage(ChatRole.Tool, [new ToolResultPart("toolu_3", "bad input")]),
                ChatMessage.User("Also, be quick."),
            ],
            Tools =
            [
                new ChatToolDefinition("get_weather", "Current weather", schema.RootElement.Clone()),
                new ChatToolDefinition("get_time"),
            ],
            ToolChoice = ChatToolChoice.Function("get_weather"),
        });

        JsonAssert.Equal("""
            [
              {"role": "user", "content": "Weather and time in Paris?"},
              {"role": "assistant", "content": [
                {"type": "tool_use", "id": "toolu_1", "name": "get_weather", "input": {"city": "Paris"}},
                {"type": "tool_use", "id": "toolu_2", "name": "get_time", "input": {}},
                {"type": "tool_use", "id": "toolu_3", "name": "broken", "input": {}}
              ]},
              {"role": "user", "content": [
                {"type": "tool_result", "tool_use_id": "toolu_1", "content": "{\"temp\":21}"},
                {"type": "tool_result", "tool_use_id": "toolu_2", "content": "clock unavailable", "is_error": true},
                {"type": "tool_result", "tool_use_id": "toolu_3", "content": "bad input"},
                {"type": "text", "text": "Also, be quick."}
              ]}
            ]
            """, body.GetProperty("messages").GetRawText());
        JsonAssert.Equal("""
            [
              {"name": "get_weather", "description": "Current weather",
               "input_schema": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}},
              {"name": "get_time", "input_schema": {"type": "object", "properties": {}}}
            ]
            """, body.GetProperty("tools").GetRawText());
        JsonAssert.Equal("""{"type": "tool", "name": "get_weather"}""", body.GetProperty("tool_choice").GetRawText());
    }

    [Theory]
    [InlineData("auto", """{"type": "auto"}""")]
    [InlineData("required", """{"type": "any"}""")]
    [InlineData("none", """{"type": "none"}""")]
    public async Task StreamAsync_ToolChoice_IsMapped(string mode, string expected)
    {
        var body = await CaptureAsync(new ChatRequest
        {
            Messages = [ChatMessage.User("Hi")],
            Tools = [new ChatToolDefinition("f")],
            ToolChoice = mode switch { "auto" => ChatToolChoice.Auto, "required" => ChatToolChoice.Required, _ => ChatToolChoice.None },
        });

        JsonAssert.Equal(expected, body.GetProperty("tool_choice").GetRawText());
    }

    [Fact]
    public async Task StreamAsync_ToolChoiceWithoutTools_IsNotSent()
    {
        var body = await CaptureAsync(new ChatRequest { Messages = [ChatMessage.User("Hi")], ToolChoice = ChatToolChoice.None });

        Assert.False(body.TryGetProperty("tool_choice", out _));
        Assert.False(body.TryGetProperty("tools", out _));
    }

    [Fact]
    public async Task StreamAsync_TemperatureAndTopP_SendsTemperatureOnlyClampedToOne()
    {
        var both = await CaptureAsync(new ChatRequest { Messages = [ChatMessage.User("Hi")], Temperature = 1.5f, TopP = 0.9f });
        var topPOnly = await CaptureAsync(new ChatRequest { Messages = [ChatMessage.User("Hi")], TopP = 0.9f });

        Assert.Equal(1, both.GetProperty("temperature").GetDouble());
        Assert.False(both.TryGetProperty("top_p", out _));
        Assert.Equal(0.9, topPOnly.GetProperty("top_p").GetDouble(), 3);
    }

    [Fact]
    public async Task StreamAsync_AdditionalProperties_AreTopLevelAndOverride()
    {
        var body = await CaptureAsync(new ChatRequest
        {
            Model = "claude-opus-4-1",
            Messages = [ChatMessage.User("Hi")],
            Temperature = 1,
            AdditionalProperties = new Dictionary<string, JsonElement>
            {
                ["top_k"] = JsonSerializer.SerializeToElement(40, TestJsonContext.Default.Int32),
                ["max_tokens"] = JsonSerializer.SerializeToElement(64, TestJsonContext.Default.Int32),
                ["temperature"] = JsonSerializer.SerializeToElement(0.2, TestJsonContext.Default.Double),
            },
        });

        JsonAssert.Equal("""
            {"model": "claude-opus-4-1", "messages": [{"role": "user", "content": "Hi"}], "stream": true, "top_k": 40, "max_tokens": 64, "temperature": 0.2}
            """, body.GetRawText());
    }

    [Theory]
    [InlineData("https://proxy.example.com", "https://proxy.example.com/v1/messages")]
    [InlineData("https://proxy.example.com/anthropic/", "https://proxy.example.com/anthropic/v1/messages")]
    [InlineData("http://127.0.0.1:9000/v1", "http://127.0.0.1:9000/v1/messages")]
    public async Task StreamAsync_BaseUrl_GetsV1MessagesOnce(string baseUrl, string expectedUrl)
    {
        var (mock, capture) = RequestCapture.Expect(expectedUrl);
        var provider = TestProviders.Create(mock, baseUrl: new Uri(baseUrl));

        await StreamFolder.ReadAllAsync(provider.StreamAsync(TestProviders.Hello()));

        mock.VerifyNoOutstandingExpectation();
        Assert.NotNull(capture.Body);
    }

    [Fact]
    public async Task StreamAsync_NoKeyAndConfiguredHeaders_SendsNoKeyAndTheHeaders()
    {
        var (mock, capture) = RequestCapture.Expect(apiKey: null);
        var headers = new Dictionary<string, string> { ["anthropic-beta"] = "context-1m-2025-08-07", ["anthropic-version"] = "2023-06-01" };
        var provider = TestProviders.Create(mock, apiKey: null, headers: headers);

        await StreamFolder.ReadAllAsync(provider.StreamAsync(TestProviders.Hello()));

        Assert.False(capture.Request!.Headers.Contains("x-api-key"));
        Assert.Equal("context-1m-2025-08-07", capture.Request.Headers.GetValues("anthropic-beta").Single());
        Assert.Equal("2023-06-01", capture.Request.Headers.GetValues("anthropic-version").Single());
    }

    [Theory]
    [InlineData("")]
    [InlineData("claude sonnet")]
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

    private static List<ChatMessage> ToolLoop(bool withThinking)
    {
        List<ChatPart> assistant = withThinking
            ? [new TextPart("Let me check."), new ReasoningPart("I should call the tool.", "sig-1"), new ReasoningPart(string.Empty, redactedData: "opaque")]
            : [new ReasoningPart("unsigned", null), new TextPart("Let me check.")];
        assistant.Add(new ToolCallPart(new ChatToolCall("toolu_1", "get_weather", "{\"city\":\"Paris\"}")));
        return
        [
            ChatMessage.User("Weather in Paris?"),
            new ChatMessage(ChatRole.Assistant, assistant),
            new ChatMessage(ChatRole.Tool, [new ToolResultPart("toolu_1", "{\"temp\":21}", "get_weather")]),
        ];
    }

    private static async Task<JsonElement> CaptureAsync(ChatRequest request)
    {
        var (mock, capture) = RequestCapture.Expect();
        var provider = TestProviders.Create(mock);
        var result = await StreamFolder.CollectAsync(provider.StreamAsync(request));
        Assert.Null(result.Error);
        using var document = JsonDocument.Parse(capture.Body!);
        return document.RootElement.Clone();
    }
}
