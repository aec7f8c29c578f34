using System.Text.Json;
using Microsoft.Extensions.AI;
using NxtAIGen.Abstractions;
using AI = Microsoft.Extensions.AI;
using Nx = NxtAIGen.Abstractions;

namespace NxtAIGen.Tests;

/// <summary>Round trips through the bridge in both directions keep every kind of content, in the request and the answer.</summary>
public sealed class ChatClientRoundTripTests
{
    private static readonly JsonSerializerOptions CompactJson = new(AIJsonUtilities.DefaultOptions) { WriteIndented = false };
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 1, 2, 3];
    private static readonly byte[] Pdf = [0x25, 0x50, 0x44, 0x46, 4, 5, 6];

    private static readonly ChatChunk[] EveryChunk =
    [
        ChatChunk.ForMetadata(new ChatResponseMetadata { ResponseId = "resp_1", Model = "model-2026" }),
        ChatChunk.ForReasoning("Let me "),
        ChatChunk.ForReasoning("think."),
        ChatChunk.ForReasoningSignature("sig-abc"),
        ChatChunk.ForRedactedReasoning("encrypted-xyz"),
        ChatChunk.ForText("Hel"),
        ChatChunk.ForText("lo"),
        ChatChunk.ForToolCall(new ChatToolCall("call_1", "get_weather", """{"city":"Paris","days":2}""") { Signature = "thought-sig" }),
        ChatChunk.ForMetadata(new ChatResponseMetadata { ResponseId = "resp_1", Model = "model-2026", Citations = ["https://example.com/a"] }),
        ChatChunk.ForUsage(new ChatUsage { InputTokens = 12, OutputTokens = 34, ReasoningTokens = 5, CachedInputTokens = 2 }),
        ChatChunk.ForFinish(Nx.ChatFinishReason.ToolCalls, "tool_use"),
    ];

    [Fact]
    public async Task ProviderToChatClientToProvider_Stream_KeepsEveryChunkKind()
    {
        var inner = new ListProvider().Answer(EveryChunk);
        var outer = inner.AsChatClient().AsChatStreamProvider("outer");

        var chunks = new List<ChatChunk>();
        await foreach (var chunk in outer.StreamAsync(FullRequest()))
        {
            chunks.Add(chunk);
        }

        // The bridge reports the ids with the first content and repeats them with the citations; everything else is as sent.
        Assert.Equal(EveryChunk.Where(c => c.Kind != ChatChunkKind.Metadata), chunks.Where(c => c.Kind != ChatChunkKind.Metadata));
        var metadata = chunks.Where(c => c.Kind == ChatChunkKind.Metadata).Select(c => c.Metadata!).ToList();
        Assert.All(metadata, m => Assert.Equal(("resp_1", "model-2026"), (m.ResponseId, m.Model)));
        Assert.Equal(["https://example.com/a"], metadata[^1].Citations!);
        Assert.Equal(ChatChunkKind.Metadata, chunks[0].Kind);
    }

    [Fact]
    public async Task ProviderToChatClientToProvider_Request_KeepsEveryPartKind()
    {
        var inner = new ListProvider().Answer([ChatChunk.ForText("ok"), ChatChunk.ForFinish(Nx.ChatFinishReason.Stop, "stop")]);
        var outer = inner.AsChatClient().AsChatStreamProvider("outer");
        var sent = FullRequest();

        await foreach (var _ in outer.StreamAsync(sent))
        {
        }

        var received = Assert.Single(inner.Requests);
        Assert.Equal(sent.Model, received.Model);
        Assert.Equal(sent.MaxOutputTokens, received.MaxOutputTokens);
        Assert.Equal(sent.Temperature, received.Temperature);
        Assert.Equal(sent.TopP, received.TopP);
        Assert.Equal(sent.StopSequences, received.StopSequences);
        Assert.Equal(ChatReasoningEffort.High, received.Reasoning?.Effort);
        Assert.Equal(ChatToolChoice.Function("get_weather"), received.ToolChoice);
        var tool = Assert.Single(received.Tools!);
        Assert.Equal(("get_weather", "Weather by city"), (tool.Name, tool.Description));
        Assert.Equal(sent.Tools![0].ParametersSchema!.Value.GetRawText(), tool.ParametersSchema!.Value.GetRawText());
        Assert.Equal(7, received.AdditionalProperties!["seed"].GetInt32());
        Assert.Equal(Describe(sent.Messages), Describe(received.Messages));
    }

    [Fact]
    public async Task ChatClientToProviderToChatClient_Stream_KeepsEveryContentKind()
    {
        var inner = new ListChatClient().Answer(EveryUpdate());
        using var outer = inner.AsChatStreamProvider("bridge").AsChatClient();

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in outer.GetStreamingResponseAsync(FullConversation(), FullOptions()))
        {
            updates.Add(update);
        }

        var contents = updates.SelectMany(u => u.Contents).ToList();
        Assert.Equal(
            ["reasoning:Let me think.", "signature:sig-abc", "redacted:encrypted-xyz", "text:Hello", "call:call_1 get_weather {\"city\":\"Paris\"} thought-sig", "usage:12/34/5/2"],
            Describe(contents));
        Assert.All(updates, u => Assert.Equal(("resp_9", "m-9"), (u.ResponseId, u.ModelId)));
        Assert.Equal(AI.ChatFinishReason.ToolCalls, updates.Last(u => u.FinishReason is not null).FinishReason);
    }

    [Fact]
    public async Task ChatClientToProviderToChatClient_NonStreaming_FoldsOneAssistantMessage()
    {
        var inner = new ListChatClient().Answer(EveryUpdate());
        using var outer = inner.AsChatStreamProvider("bridge").AsChatClient();

        var response = await outer.GetResponseAsync(FullConversation(), FullOptions());

        var message = Assert.Single(response.Messages);
        Assert.Equal(AI.ChatRole.Assistant, message.Role);
        Assert.Equal(
            ["reasoning:Let me think. sig-abc", "redacted:encrypted-xyz", "text:Hello", "call:call_1 get_weather {\"city\":\"Paris\"} thought-sig"],
            Describe(message.Contents));
        Assert.Equal("resp_9", response.ResponseId);
        Assert.Equal("m-9", response.ModelId);
        Assert.Equal(AI.ChatFinishReason.ToolCalls, response.FinishReason);
        Assert.Equal((12L, 34L, 5L, 2L, 46L), (response.Usage!.InputTokenCount, response.Usage.OutputTokenCount, response.Usage.ReasoningTokenCount, response.Usage.CachedInputTokenCount, response.Usage.TotalTokenCount));
    }

    [Fact]
    public async Task ChatClientToProviderToChatClient_Request_KeepsEveryContentKind()
    {
        var inner = new ListChatClient().Answer([new ChatResponseUpdate(AI.ChatRole.Assistant, "ok") { FinishReason = AI.ChatFinishReason.Stop }]);
        using var outer = inner.AsChatStreamProvider("bridge").AsChatClient();
        var conversation = FullConversation();

        await outer.GetResponseAsync(conversation, FullOptions());

        var (messages, options) = Assert.Single(inner.Calls);
        // Instructions arrive as the leading system message.
        Assert.Equal(AI.ChatRole.System, messages[0].Role);
        Assert.Equal("Be brief.", messages[0].Text);
        Assert.Equal(conversation.Select(m => m.Role), messages.Skip(1).Select(m => m.Role));
        Assert.Equal(conversation.Select(m => Describe(m.Contents)), messages.Skip(1).Select(m => Describe(m.Contents)));
        Assert.NotNull(options);
        Assert.Equal("m-9", options!.ModelId);
        Assert.Equal(256, options.MaxOutputTokens);
        Assert.Equal(ReasoningEffort.Medium, options.Reasoning!.Effort);
        Assert.Equal("get_weather", Assert.IsType<RequiredChatToolMode>(options.ToolMode).RequiredFunctionName);
        var tool = Assert.IsAssignableFrom<AIFunctionDeclaration>(Assert.Single(options.Tools!));
        Assert.Equal("get_weather", tool.Name);
        Assert.Equal("string", tool.JsonSchema.GetProperty("properties").GetProperty("city").GetProperty("type").GetString());
    }

    private static ChatRequest FullRequest() => new()
    {
        Model = "model-x",
        MaxOutputTokens = 100,
        Temperature = 0.5f,
        TopP = 0.9f,
        StopSequences = ["END"],
        Reasoning = new ChatReasoningOptions { Effort = ChatReasoningEffort.High },
        Tools = [new ChatToolDefinition("get_weather", "Weather by city", Json("""{"type":"object","properties":{"city":{"type":"string"}}}"""))],
        ToolChoice = ChatToolChoice.Function("get_weather"),
        AdditionalProperties = new Dictionary<string, JsonElement> { ["seed"] = Json("7") },
        Messages =
        [
            Nx.ChatMessage.System("Be brief."),
            new Nx.ChatMessage(Nx.ChatRole.User, [new TextPart("Look:"), new ImagePart(Png, "image/png"), new DocumentPart("a.pdf", "application/pdf", Pdf)]),
            new Nx.ChatMessage(Nx.ChatRole.Assistant, [
                new ReasoningPart("I think", "sig-1"),
                new ReasoningPart(string.Empty, redactedData: "secret-1"),
                new TextPart("Calling."),
                new ToolCallPart(new ChatToolCall("call_7", "get_weather", """{"city":"Oslo"}""") { Signature = "ts-7" }),
            ]),
            new Nx.ChatMessage(Nx.ChatRole.Tool, [new ToolResultPart("call_7", """{"temp":3}""", "get_weather")]),
            new Nx.ChatMessage(Nx.ChatRole.Tool, [new ToolResultPart("call_8", "boom", "get_weather", isError: true)]),
        ],
    };

    private static List<AI.ChatMessage> FullConversation() =>
    [
        new(AI.ChatRole.User, [new AI.TextContent("Look:"), new DataContent(Png, "image/png"), new DataContent(Pdf, "application/pdf") { Name = "a.pdf" }]),
        new(AI.ChatRole.Assistant, [
            new TextReasoningContent("I think") { ProtectedData = "sig-1" },
            new TextReasoningContent(string.Empty) { ProtectedData = "secret-1", AdditionalProperties = new() { ["nxtaigen.redacted"] = true } },
            new AI.TextContent("Calling."),
            new FunctionCallContent("call_7", "get_weather", new Dictionary<string, object?> { ["city"] = "Oslo" }) { AdditionalProperties = new() { ["nxtaigen.signature"] = "ts-7" } },
        ]),
        new(AI.ChatRole.Tool, [new FunctionResultContent("call_7", "sunny")]),
    ];

    private static ChatOptions FullOptions() => new()
    {
        ModelId = "m-9",
        Instructions = "Be brief.",
        MaxOutputTokens = 256,
        Reasoning = new ReasoningOptions { Effort = ReasoningEffort.Medium },
        ToolMode = ChatToolMode.RequireSpecific("get_weather"),
        Tools = [new TestFunction("get_weather", _ => "sunny")],
    };

    private static List<ChatResponseUpdate> EveryUpdate()
    {
        ChatResponseUpdate U(params AIContent[] contents) => new(AI.ChatRole.Assistant, contents) { ResponseId = "resp_9", ModelId = "m-9" };
        return
        [
            U(new TextReasoningContent("Let me ")),
            U(new TextReasoningContent("think.")),
            U(new TextReasoningContent(string.Empty) { ProtectedData = "sig-abc" }),
            U(new TextReasoningContent(string.Empty) { ProtectedData = "encrypted-xyz", AdditionalProperties = new() { ["nxtaigen.redacted"] = true } }),
            U(new AI.TextContent("Hel")),
            U(new AI.TextContent("lo")),
            U(new FunctionCallContent("call_1", "get_weather", new Dictionary<string, object?> { ["city"] = "Paris" }) { AdditionalProperties = new() { ["nxtaigen.signature"] = "thought-sig" } }),
            U(new UsageContent(new UsageDetails { InputTokenCount = 12, OutputTokenCount = 34, ReasoningTokenCount = 5, CachedInputTokenCount = 2 })),
            new ChatResponseUpdate(AI.ChatRole.Assistant, []) { ResponseId = "resp_9", ModelId = "m-9", FinishReason = AI.ChatFinishReason.ToolCalls },
        ];
    }

    /// <summary>One line per content, merging adjacent text and reasoning deltas as a reader sees them.</summary>
    private static List<string> Describe(IEnumerable<AIContent> contents)
    {
        var lines = new List<string>();
        foreach (var content in contents)
        {
            var line = content switch
            {
                TextReasoningContent r when r.AdditionalProperties?.ContainsKey("nxtaigen.redacted") == true => "redacted:" + r.ProtectedData,
                TextReasoningContent { Text.Length: 0 } r => "signature:" + r.ProtectedData,
                TextReasoningContent r => "reasoning:" + r.Text + (r.ProtectedData is null ? string.Empty : " " + r.ProtectedData),
                AI.TextContent t => "text:" + t.Text,
                DataContent d => $"data:{d.MediaType}:{d.Name}:{Convert.ToHexString(d.Data.Span)}",
                FunctionCallContent c => $"call:{c.CallId} {c.Name} {JsonSerializer.Serialize(c.Arguments, CompactJson.GetTypeInfo(typeof(IDictionary<string, object?>)))} {c.AdditionalProperties?["nxtaigen.signature"]}",
                FunctionResultContent r => $"result:{r.CallId} {(r.Result is JsonElement e ? e.GetRawText() : r.Result)}",
                UsageContent u => $"usage:{u.Details.InputTokenCount}/{u.Details.OutputTokenCount}/{u.Details.ReasoningTokenCount}/{u.Details.CachedInputTokenCount}",
                _ => content.GetType().Name,
            };
            var kind = line[..line.IndexOf(':', StringComparison.Ordinal)];
            if (lines.Count > 0 && (kind is "text" or "reasoning") && lines[^1].StartsWith(kind + ":", StringComparison.Ordinal) && content is not TextReasoningContent { ProtectedData: not null })
            {
                lines[^1] += line[(kind.Length + 1)..];
            }
            else
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    private static List<string> Describe(IEnumerable<Nx.ChatMessage> messages) =>
        [.. messages.SelectMany(m => m.Parts.Select(p => m.Role + " " + p switch
        {
            TextPart t => "text:" + t.Text,
            ImagePart i => $"image:{i.MediaType}:{Convert.ToHexString(i.Data.Span)}",
            DocumentPart d => $"document:{d.Name}:{d.MediaType}:{Convert.ToHexString(d.Data.Span)}",
            ReasoningPart r => $"reasoning:{r.Text}|{r.Signature}|{r.RedactedData}",
            ToolCallPart c => $"call:{c.Call.Id} {c.Call.Name} {c.Call.Arguments} {c.Call.Signature}",
            ToolResultPart r => $"result:{r.ToolCallId} {r.Name} {r.Content} {r.IsError}",
            _ => p.GetType().Name,
        }))];

    private static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
