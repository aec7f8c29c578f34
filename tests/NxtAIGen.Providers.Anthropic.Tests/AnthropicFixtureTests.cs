using System.Text.Json;
using NxtAIGen.Abstractions;
using NxtAIGen.Testing;

namespace NxtAIGen.Providers.Anthropic.Tests;

/// <summary>What the recorded Anthropic bodies say beyond the shared expected.json comparison (run by the conformance suite).</summary>
public sealed class AnthropicFixtureTests
{
    public static TheoryData<string> Fixtures() => [.. StreamFixture.ListIds("anthropic")];

    [Fact]
    public void Corpus_HasEveryAnthropicFixture()
    {
        Assert.Equal(10, StreamFixture.ListIds("anthropic").Count);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task StreamAsync_FixtureWithCrLineEnds_MatchesExpected(string fixtureId)
    {
        var fixture = StreamFixture.Load(fixtureId);
        var body = LineEndings.Convert(fixture.Body, LineEnding.Cr);
        foreach (var chunking in new[] { Chunking.Whole, Chunking.OneByte, Chunking.Random(5, 7) })
        {
            var result = await RunAsync(body, chunking);
            StreamAssert.Matches(fixture.Expected, result, $"{fixtureId}, CR, {chunking}");
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task StreamAsync_Fixture_SendsMetadataOnceFirstAndCountsSignaturesAndRedactedBlocks(string fixtureId)
    {
        var fixture = StreamFixture.Load(fixtureId);
        var result = await RunAsync(fixture.Body, Chunking.Whole);

        var metadata = Assert.Single(result.Metadata);
        Assert.Equal(ChatChunkKind.Metadata, result.Chunks[0].Kind);
        Assert.StartsWith("msg_", metadata.ResponseId, StringComparison.Ordinal);
        Assert.StartsWith("claude-", metadata.Model, StringComparison.Ordinal);
        Assert.Equal(ExtraCount(fixture, "signatureDeltas"), result.Chunks.Count(c => c.Kind == ChatChunkKind.ReasoningSignature));
        Assert.Equal(ExtraCount(fixture, "redactedThinkingBlocks"), result.Chunks.Count(c => c.Kind == ChatChunkKind.RedactedReasoning));
    }

    [Theory]
    [InlineData("anthropic/text-basic", ChatFinishReason.Stop)]
    [InlineData("anthropic/text-then-tool-use", ChatFinishReason.ToolCalls)]
    [InlineData("anthropic/max-tokens-truncated-tool-json", ChatFinishReason.Length)]
    [InlineData("anthropic/refusal-stop-details", ChatFinishReason.ContentFilter)]
    public async Task StreamAsync_StopReason_IsMapped(string fixtureId, ChatFinishReason expected)
    {
        var fixture = StreamFixture.Load(fixtureId);
        var result = await RunAsync(fixture.Body, Chunking.Whole);
        Assert.Equal(expected, result.UnifiedFinishReason);
        Assert.Equal(ChatChunkKind.Usage, result.Chunks[^2].Kind);
    }

    [Fact]
    public async Task StreamAsync_ThinkingWithSignature_SignatureFollowsTheReasoningAndPrecedesTheText()
    {
        var fixture = StreamFixture.Load("anthropic/thinking-signature");
        var result = await RunAsync(fixture.Body, Chunking.OneByte);

        var kinds = result.Chunks.Select(c => c.Kind).Where(k => k != ChatChunkKind.Metadata).Distinct().ToList();
        Assert.Equal([ChatChunkKind.Reasoning, ChatChunkKind.ReasoningSignature, ChatChunkKind.Text, ChatChunkKind.Usage, ChatChunkKind.Finish], kinds);
        var signature = Assert.Single(result.Chunks, c => c.Kind == ChatChunkKind.ReasoningSignature).Text;
        Assert.StartsWith("EvQBCkYICxgC", signature, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Chunks, c => c.Kind == ChatChunkKind.Reasoning && string.IsNullOrEmpty(c.Text));
    }

    [Fact]
    public async Task StreamAsync_RedactedThinking_IsARedactedReasoningChunkWithItsData()
    {
        var fixture = StreamFixture.Load("anthropic/redacted-thinking");
        var result = await RunAsync(fixture.Body, Chunking.Whole);

        var redacted = Assert.Single(result.Chunks, c => c.Kind == ChatChunkKind.RedactedReasoning);
        Assert.Equal("redacted-thinking-data", redacted.Text);
        Assert.Empty(result.Reasoning);
    }

    [Fact]
    public async Task StreamAsync_ReasoningExcluded_DropsReasoningSignaturesAndRedactedData()
    {
        foreach (var id in new[] { "anthropic/thinking-signature", "anthropic/redacted-thinking" })
        {
            var fixture = StreamFixture.Load(id);
            var provider = TestProviders.Create(StubHttpHandler.ForBody(fixture.Body));
            var request = new ChatRequest { Messages = [ChatMessage.User("Hi")], Reasoning = new ChatReasoningOptions { IncludeReasoning = false } };

            var result = await StreamFolder.CollectAsync(provider.StreamAsync(request));

            Assert.Null(result.Error);
            Assert.Equal(fixture.Expected.Text, result.Text);
            Assert.DoesNotContain(result.Chunks, c => c.Kind is ChatChunkKind.Reasoning or ChatChunkKind.ReasoningSignature or ChatChunkKind.RedactedReasoning);
        }
    }

    [Fact]
    public async Task StreamAsync_TruncatedToolJson_KeepsTheRawArgumentsAndEndsWithLength()
    {
        var fixture = StreamFixture.Load("anthropic/max-tokens-truncated-tool-json");
        var result = await RunAsync(fixture.Body, Chunking.Random(4, 16));

        var call = Assert.Single(result.ToolCalls);
        Assert.False(call.TryParseArguments(out _));
        Assert.Equal(fixture.Expected.ToolCalls[0].ArgumentsRaw, call.Arguments);
        Assert.Equal("max_tokens", result.FinishReason);
        Assert.Equal(new ChatUsage { InputTokens = 450, OutputTokens = 124, CachedInputTokens = 0 }, result.Usage);
    }

    [Fact]
    public async Task StreamAsync_ToolWithoutArguments_HasEmptyObjectArguments()
    {
        var fixture = StreamFixture.Load("anthropic/tool-no-args");
        var result = await RunAsync(fixture.Body, Chunking.Whole);

        Assert.Equal(new ChatToolCall("toolu_01QE1WLsSVp5hy5Q3GmGTmjP", "updateIssueList", "{}"), Assert.Single(result.ToolCalls));
    }

    [Fact]
    public async Task StreamAsync_ToolUse_CallIsEmittedWhenItsBlockStops()
    {
        var fixture = StreamFixture.Load("anthropic/text-then-tool-use");
        var result = await RunAsync(fixture.Body, Chunking.Whole);

        var kinds = result.Chunks.Select(c => c.Kind).ToList();
        Assert.Equal(ChatChunkKind.ToolCall, kinds[^3]);
        Assert.True(kinds.LastIndexOf(ChatChunkKind.Text) < kinds.IndexOf(ChatChunkKind.ToolCall));
    }

    [Fact]
    public async Task StreamAsync_Refusal_SendsTheExplanationAsRefusalAndNoText()
    {
        var fixture = StreamFixture.Load("anthropic/refusal-stop-details");
        var result = await RunAsync(fixture.Body, Chunking.Whole);

        Assert.Empty(result.Text);
        Assert.Equal("This request was refused due to policy.", result.Refusal);
        Assert.Equal(ChatFinishReason.ContentFilter, result.UnifiedFinishReason);
    }

    [Fact]
    public async Task StreamAsync_OverloadedMidStream_IsTransientOverloadedAfterTheText()
    {
        var fixture = StreamFixture.Load("anthropic/error-overloaded-midstream");
        var result = await RunAsync(fixture.Body, Chunking.OneByte);

        Assert.Equal("Hello", result.Text);
        var error = result.ProviderError!;
        Assert.Equal(ProviderErrorKind.Overloaded, error.Kind);
        Assert.True(error.IsTransient);
        Assert.Equal("overloaded_error", error.ProviderCode);
        Assert.Equal("anthropic", error.ProviderId);
        Assert.Null(error.StatusCode);
        Assert.Equal(0, result.FinishCount);
    }

    private static int ExtraCount(StreamFixture fixture, string name) =>
        fixture.Expected.GetExtra(name) is { ValueKind: JsonValueKind.Number } value ? value.GetInt32() : 0;

    private static async Task<StreamResult> RunAsync(byte[] body, Chunking chunking)
    {
        var handler = StubHttpHandler.ForBody(body, chunking);
        var provider = TestProviders.Create(handler);
        var result = await StreamFolder.CollectAsync(provider.StreamAsync(TestProviders.Hello()));
        Assert.True(((ChunkedContent)handler.LastResponse!.Content).IsDisposed, "the response is disposed at the end");
        return result;
    }
}
