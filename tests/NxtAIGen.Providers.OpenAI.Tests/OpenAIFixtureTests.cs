using NxtAIGen.Abstractions;
using NxtAIGen.Testing;

namespace NxtAIGen.Providers.OpenAI.Tests;

public sealed class OpenAIFixtureTests
{
    public static TheoryData<string, string> FixturesByChunking()
    {
        var data = new TheoryData<string, string>();
        foreach (var id in StreamFixture.ListIds(TestProviders.FixtureFolders))
        {
            foreach (var chunking in Chunking.Standard)
            {
                data.Add(id, chunking.Name);
            }
        }

        return data;
    }

    public static TheoryData<string, LineEnding> FixturesByLineEnding()
    {
        var data = new TheoryData<string, LineEnding>();
        foreach (var id in StreamFixture.ListIds(TestProviders.FixtureFolders))
        {
            data.Add(id, LineEnding.CrLf);
            data.Add(id, LineEnding.Cr);
        }

        return data;
    }

    [Fact]
    public void Corpus_HasEveryOpenAIFamilyFixture()
    {
        Assert.Equal(29, StreamFixture.ListIds(TestProviders.FixtureFolders).Count);
    }

    [Theory]
    [MemberData(nameof(FixturesByChunking))]
    public async Task StreamAsync_Fixture_MatchesExpected(string fixtureId, string chunking)
    {
        var fixture = StreamFixture.Load(fixtureId);
        var result = await RunAsync(fixture, fixture.Body, Chunking.Parse(chunking));
        StreamAssert.Matches(fixture.Expected, result, $"{fixtureId}, {chunking}", StreamComparisonOptions.OpenAIStyle);
        Assert.True(result.Metadata.Count <= 1, "metadata is sent once");
    }

    [Theory]
    [MemberData(nameof(FixturesByLineEnding))]
    public async Task StreamAsync_FixtureWithOtherLineEndings_MatchesExpected(string fixtureId, LineEnding ending)
    {
        var fixture = StreamFixture.Load(fixtureId);
        var body = LineEndings.Convert(fixture.Body, ending);
        foreach (var chunking in new[] { Chunking.Whole, Chunking.Random(7, 5) })
        {
            var result = await RunAsync(fixture, body, chunking);
            StreamAssert.Matches(fixture.Expected, result, $"{fixtureId}, {ending}, {chunking}", StreamComparisonOptions.OpenAIStyle);
        }
    }

    [Fact]
    public async Task StreamAsync_Perplexity_SurfacesCitationsOnceAsMetadata()
    {
        var fixture = StreamFixture.Load("perplexity/citations");
        var result = await RunAsync(fixture, fixture.Body, Chunking.Whole);
        var metadata = Assert.Single(result.Metadata);
        Assert.Equal("sonar", metadata.Model);
        Assert.Equal(fixture.Expected.Citations, metadata.Citations);
        Assert.Equal(ChatChunkKind.Metadata, result.Chunks[0].Kind);
    }

    [Fact]
    public async Task StreamAsync_Refusal_EmitsRefusalChunksAndNoText()
    {
        var fixture = StreamFixture.Load("openai/refusal");
        var result = await RunAsync(fixture, fixture.Body, Chunking.Whole);
        Assert.Equal(fixture.Expected.Refusal, result.Refusal);
        Assert.Empty(result.Text);
        Assert.Equal(ChatFinishReason.Stop, result.UnifiedFinishReason);
    }

    [Theory]
    [InlineData("openai/parallel-tool-calls", ChatFinishReason.ToolCalls)]
    [InlineData("openai/finish-length", ChatFinishReason.Length)]
    [InlineData("together/eos-bigint-seed", ChatFinishReason.Stop)]
    [InlineData("openai/text-usage-chunk", ChatFinishReason.Stop)]
    public async Task StreamAsync_FinishReason_IsMapped(string fixtureId, ChatFinishReason expected)
    {
        var fixture = StreamFixture.Load(fixtureId);
        var result = await RunAsync(fixture, fixture.Body, Chunking.Whole);
        Assert.Equal(expected, result.UnifiedFinishReason);
    }

    [Fact]
    public async Task StreamAsync_UsageAfterFinish_EmitsUsageThenFinishLast()
    {
        var fixture = StreamFixture.Load("openrouter/usage-after-finish-tail");
        var result = await RunAsync(fixture, fixture.Body, Chunking.Whole);
        Assert.Equal(ChatChunkKind.Usage, result.Chunks[^2].Kind);
        Assert.Equal(ChatChunkKind.Finish, result.Chunks[^1].Kind);
        Assert.Equal("stop", result.FinishReason);
    }

    [Fact]
    public async Task StreamAsync_ReasoningExcluded_DropsReasoningChunks()
    {
        var fixture = StreamFixture.Load("deepseek/reasoning");
        var provider = TestProviders.Create("deepseek", StubHttpHandler.ForBody(fixture.Body));
        var request = new ChatRequest { Messages = [ChatMessage.User("Hi")], Reasoning = new ChatReasoningOptions { IncludeReasoning = false } };
        var result = await StreamFolder.CollectAsync(provider.StreamAsync(request));
        Assert.Empty(result.Reasoning);
        Assert.Equal(fixture.Expected.Text, result.Text);
    }

    private static async Task<StreamResult> RunAsync(StreamFixture fixture, byte[] body, Chunking chunking)
    {
        var handler = StubHttpHandler.ForBody(body, chunking);
        var provider = TestProviders.Create(TestProviders.TypeForFixture(fixture.Provider), handler);
        var result = await StreamFolder.CollectAsync(provider.StreamAsync(TestProviders.Hello()));
        Assert.True(((ChunkedContent)handler.LastResponse!.Content).IsDisposed, "the response is disposed at the end");
        return result;
    }
}
