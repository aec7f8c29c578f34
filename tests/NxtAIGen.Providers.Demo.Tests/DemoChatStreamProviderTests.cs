using NxtAIGen.Abstractions;
using NxtAIGen.Providers.Demo.Internal;

namespace NxtAIGen.Providers.Demo.Tests;

public sealed class DemoChatStreamProviderTests
{
    [Fact]
    public async Task StreamAsync_SamePrompt_SameAnswerAndResponseId()
    {
        using var first = DemoTestHost.Unpaced();
        using var second = DemoTestHost.Unpaced();

        var a = await first.CollectAsync(DemoTestHost.Ask("What is the capital of France?"));
        var b = await second.CollectAsync(DemoTestHost.Ask("What is the capital of France?"));

        Assert.Equal(DemoTestHost.TextOf(a), DemoTestHost.TextOf(b));
        Assert.Equal(a, b);
        Assert.StartsWith("demo-", a[0].Metadata!.ResponseId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamAsync_DifferentPrompts_DifferentAnswersAndResponseIds()
    {
        using var host = DemoTestHost.Unpaced();
        var prompts = new[] { "Hello there", "Tell me a joke", "What time is it?", "Explain streaming", "Why is the sky blue?" };
        var answers = new HashSet<string>();
        var ids = new HashSet<string>();
        foreach (var prompt in prompts)
        {
            var chunks = await host.CollectAsync(DemoTestHost.Ask(prompt));
            answers.Add(DemoTestHost.TextOf(chunks));
            ids.Add(chunks[0].Metadata!.ResponseId!);
        }

        Assert.Equal(prompts.Length, answers.Count);
        Assert.Equal(prompts.Length, ids.Count);
    }

    [Fact]
    public async Task StreamAsync_Answer_OneWordPerChunkAndRelatesToThePrompt()
    {
        using var host = DemoTestHost.Unpaced();

        var chunks = await host.CollectAsync(DemoTestHost.Ask("How do I stream answers?"));

        var texts = chunks.Where(c => c.Kind == ChatChunkKind.Text).Select(c => c.Text!).ToList();
        Assert.True(texts.Count > 50);
        Assert.All(texts, t => Assert.Single(t.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        var answer = string.Concat(texts);
        Assert.Contains("“How do I stream answers?”", answer, StringComparison.Ordinal);
        Assert.Contains("NxtAIGen__Providers__openai__ApiKey", answer, StringComparison.Ordinal);
        Assert.Contains("offline demo", answer, StringComparison.Ordinal);
        Assert.Contains("\n\n", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamAsync_Attachments_MentionedByCountAndName()
    {
        using var host = DemoTestHost.Unpaced();
        var request = new ChatRequest
        {
            Messages =
            [
                new ChatMessage(ChatRole.User,
                [
                    new TextPart("Compare these"),
                    new ImagePart(new byte[] { 1, 2, 3 }, "image/png"),
                    new ImagePart(new byte[] { 4, 5 }, "image/jpeg"),
                    new DocumentPart("report.pdf", "application/pdf", text: "Quarterly numbers"),
                ]),
            ],
        };

        var answer = DemoTestHost.TextOf(await host.CollectAsync(request));

        Assert.Contains("2 images", answer, StringComparison.Ordinal);
        Assert.Contains("“report.pdf”", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamAsync_LaterTurn_MentionsTurnCount()
    {
        using var host = DemoTestHost.Unpaced();
        var request = new ChatRequest
        {
            Messages =
            [
                ChatMessage.System("Be brief."),
                ChatMessage.User("Hi"),
                ChatMessage.Assistant("Hello!"),
                ChatMessage.User("And now?"),
                ChatMessage.Assistant("Still here."),
                ChatMessage.User("Third question?"),
            ],
        };

        var answer = DemoTestHost.TextOf(await host.CollectAsync(request));

        Assert.Contains("turn 3", answer, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("system instructions (9 characters)", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamAsync_PromptAboutCode_IncludesCodeBlock()
    {
        using var host = DemoTestHost.Unpaced();

        var answer = DemoTestHost.TextOf(await host.CollectAsync(DemoTestHost.Ask("Show me some code")));

        Assert.Contains("```csharp\n", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamAsync_Paced_NothingArrivesUntilTimeAdvances()
    {
        using var host = new DemoTestHost(o => o.WordDelay = TimeSpan.FromMilliseconds(40));
        await using var e = host.Provider.StreamAsync(DemoTestHost.Ask("Hello")).GetAsyncEnumerator();

        var first = e.MoveNextAsync();
        Assert.True(first.IsCompleted);
        Assert.True(await first);
        Assert.Equal(ChatChunkKind.Metadata, e.Current.Kind);

        var words = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var move = e.MoveNextAsync();
            Assert.False(move.IsCompleted);
            host.Time.Advance(TimeSpan.FromMilliseconds(39));
            Assert.False(move.IsCompleted);
            host.Time.Advance(TimeSpan.FromMilliseconds(1));
            Assert.True(await move);
            Assert.Equal(ChatChunkKind.Text, e.Current.Kind);
            words.Add(e.Current.Text!);
        }

        Assert.Equal(5, words.Count);
    }

    [Fact]
    public async Task StreamAsync_FastModel_NeedsNoTime()
    {
        using var host = new DemoTestHost(o => o.WordDelay = TimeSpan.FromSeconds(1));
        var request = new ChatRequest { Model = "demo-1-fast", Messages = [ChatMessage.User("Hello")] };
        var start = host.Time.GetUtcNow();

        var chunks = new List<ChatChunk>();
        await foreach (var chunk in host.Provider.StreamAsync(request))
        {
            chunks.Add(chunk);
        }

        Assert.Equal(start, host.Time.GetUtcNow());
        Assert.Equal("demo-1-fast", chunks[0].Metadata!.Model);
        Assert.Equal(ChatFinishReason.Stop, chunks[^1].FinishReason);
    }

    [Fact]
    public async Task StreamAsync_NoReasoningAsked_NoReasoningChunks()
    {
        using var host = DemoTestHost.Unpaced();

        var chunks = await host.CollectAsync(DemoTestHost.Ask("Think about it"));

        Assert.DoesNotContain(chunks, c => c.Kind == ChatChunkKind.Reasoning);
        Assert.Null(chunks.Single(c => c.Kind == ChatChunkKind.Usage).Usage!.ReasoningTokens);
    }

    [Fact]
    public async Task StreamAsync_ReasoningAsked_ReasoningBeforeText()
    {
        using var host = new DemoTestHost();

        var chunks = await host.CollectAsync(DemoTestHost.Ask("Think about it", new ChatReasoningOptions { Effort = ChatReasoningEffort.Medium }));

        var kinds = chunks.Select(c => c.Kind).ToList();
        var lastReasoning = kinds.LastIndexOf(ChatChunkKind.Reasoning);
        var firstText = kinds.IndexOf(ChatChunkKind.Text);
        Assert.True(lastReasoning > 0);
        Assert.True(lastReasoning < firstText);
        var usage = chunks.Single(c => c.Kind == ChatChunkKind.Usage).Usage!;
        Assert.True(usage.ReasoningTokens > 0);
        Assert.True(usage.OutputTokens > usage.ReasoningTokens);
        Assert.Contains("offline demo", DemoTestHost.ReasoningOf(chunks), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamAsync_HigherEffort_LongerReasoning()
    {
        using var host = DemoTestHost.Unpaced();

        var low = await host.CollectAsync(DemoTestHost.Ask("Plan a trip?", new ChatReasoningOptions { Effort = ChatReasoningEffort.Minimal }));
        var high = await host.CollectAsync(DemoTestHost.Ask("Plan a trip?", new ChatReasoningOptions { Effort = ChatReasoningEffort.High }));

        Assert.True(DemoTestHost.ReasoningOf(high).Length > DemoTestHost.ReasoningOf(low).Length);
    }

    [Fact]
    public async Task StreamAsync_ReasoningNotIncluded_CountedButNotStreamed()
    {
        using var host = DemoTestHost.Unpaced();

        var chunks = await host.CollectAsync(DemoTestHost.Ask("Think", new ChatReasoningOptions { Effort = ChatReasoningEffort.Low, IncludeReasoning = false }));

        Assert.DoesNotContain(chunks, c => c.Kind == ChatChunkKind.Reasoning);
        Assert.True(chunks.Single(c => c.Kind == ChatChunkKind.Usage).Usage!.ReasoningTokens > 0);
    }

    [Fact]
    public async Task StreamAsync_Complete_MetadataFirstThenUsageThenFinishLast()
    {
        using var host = new DemoTestHost();

        var chunks = await host.CollectAsync(DemoTestHost.Ask("Hello?"));

        Assert.Equal(ChatChunkKind.Metadata, chunks[0].Kind);
        Assert.Equal("demo-1", chunks[0].Metadata!.Model);
        Assert.Equal(ChatChunkKind.Usage, chunks[^2].Kind);
        Assert.Equal(ChatChunkKind.Finish, chunks[^1].Kind);
        Assert.Equal(ChatFinishReason.Stop, chunks[^1].FinishReason);
        Assert.Equal("stop", chunks[^1].Text);
        Assert.Single(chunks, c => c.Kind == ChatChunkKind.Usage);
        var usage = chunks[^2].Usage!;
        var answer = DemoTestHost.TextOf(chunks);
        Assert.Equal((answer.Length + 3) / 4, usage.OutputTokens);
        Assert.InRange(usage.InputTokens!.Value, 4, 20);
    }

    [Fact]
    public async Task StreamAsync_MaxOutputTokens_StopsWithLength()
    {
        using var host = DemoTestHost.Unpaced();
        var full = DemoTestHost.TextOf(await host.CollectAsync(DemoTestHost.Ask("Hello")));

        var chunks = await host.CollectAsync(DemoTestHost.Ask("Hello", maxOutputTokens: 10));

        var text = DemoTestHost.TextOf(chunks);
        Assert.NotEmpty(text);
        Assert.StartsWith(text, full, StringComparison.Ordinal);
        Assert.True(text.Length < full.Length);
        Assert.InRange(chunks[^2].Usage!.OutputTokens!.Value, 1, 10);
        Assert.Equal(ChatFinishReason.Length, chunks[^1].FinishReason);
        Assert.Equal("length", chunks[^1].Text);
    }

    [Fact]
    public async Task StreamAsync_MaxOutputTokensSpentOnReasoning_NoTextAndLength()
    {
        using var host = DemoTestHost.Unpaced();

        var chunks = await host.CollectAsync(DemoTestHost.Ask("Hello", new ChatReasoningOptions { Effort = ChatReasoningEffort.High }, maxOutputTokens: 5));

        Assert.DoesNotContain(chunks, c => c.Kind == ChatChunkKind.Text);
        Assert.Contains(chunks, c => c.Kind == ChatChunkKind.Reasoning);
        Assert.Equal(ChatFinishReason.Length, chunks[^1].FinishReason);
    }

    [Fact]
    public async Task StreamAsync_StopSequence_CutsTheAnswer()
    {
        using var host = DemoTestHost.Unpaced();
        var request = new ChatRequest { Messages = [ChatMessage.User("Hello")], StopSequences = ["NxtAIGen"] };

        var chunks = await host.CollectAsync(request);

        Assert.DoesNotContain("NxtAIGen", DemoTestHost.TextOf(chunks), StringComparison.Ordinal);
        Assert.Equal(ChatFinishReason.Stop, chunks[^1].FinishReason);
    }

    [Fact]
    public async Task StreamAsync_CancelledMidStream_ThrowsOperationCanceled()
    {
        using var host = new DemoTestHost();
        using var cts = new CancellationTokenSource();
        await using var e = host.Provider.StreamAsync(DemoTestHost.Ask("Hello"), cts.Token).GetAsyncEnumerator(cts.Token);
        Assert.True(await e.MoveNextAsync());
        var move = e.MoveNextAsync();
        host.Time.Advance(TimeSpan.FromMilliseconds(40));
        Assert.True(await move);
        Assert.Equal(ChatChunkKind.Text, e.Current.Kind);

        var pending = e.MoveNextAsync();
        Assert.False(pending.IsCompleted);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await pending);
    }

    [Fact]
    public async Task StreamAsync_CancelledBefore_ThrowsOperationCanceled()
    {
        using var host = DemoTestHost.Unpaced();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.CollectAsync(DemoTestHost.Ask("Hello"), cts.Token));
    }

    [Fact]
    public void StreamAsync_NullRequest_ThrowsEagerly()
    {
        using var host = DemoTestHost.Unpaced();

        Assert.Throws<ArgumentNullException>(() => host.Provider.StreamAsync(null!));
    }

    [Fact]
    public async Task StreamAsync_NoMessages_InvalidRequest()
    {
        using var host = DemoTestHost.Unpaced();

        var error = await Assert.ThrowsAsync<NxtAIGenProviderException>(() => host.CollectAsync(new ChatRequest()));

        Assert.Equal(ProviderErrorKind.InvalidRequest, error.Kind);
        Assert.Equal("demo", error.ProviderId);
    }

    [Fact]
    public async Task StreamAsync_ErrorCommand_SomeTextThenServerError()
    {
        using var host = DemoTestHost.Unpaced();
        var chunks = new List<ChatChunk>();

        var error = await Assert.ThrowsAsync<NxtAIGenProviderException>(async () =>
        {
            await foreach (var chunk in host.Provider.StreamAsync(DemoTestHost.Ask("/demo error")))
            {
                chunks.Add(chunk);
            }
        });

        Assert.Equal(ProviderErrorKind.Server, error.Kind);
        Assert.Equal(500, error.StatusCode);
        Assert.Contains(chunks, c => c.Kind == ChatChunkKind.Text);
        Assert.DoesNotContain(chunks, c => c.Kind == ChatChunkKind.Finish);
    }

    [Fact]
    public async Task StreamAsync_IncompleteCommand_SomeTextThenIncomplete()
    {
        using var host = DemoTestHost.Unpaced();
        var chunks = new List<ChatChunk>();

        var error = await Assert.ThrowsAsync<NxtAIGenProviderException>(async () =>
        {
            await foreach (var chunk in host.Provider.StreamAsync(DemoTestHost.Ask("/demo incomplete")))
            {
                chunks.Add(chunk);
            }
        });

        Assert.Equal(ProviderErrorKind.Incomplete, error.Kind);
        Assert.Contains(chunks, c => c.Kind == ChatChunkKind.Text);
    }

    [Fact]
    public async Task StreamAsync_RateLimitCommand_FailsBeforeAnyChunk()
    {
        using var host = DemoTestHost.Unpaced();
        await using var e = host.Provider.StreamAsync(DemoTestHost.Ask(" /Demo  rate-limit ")).GetAsyncEnumerator();

        var error = await Assert.ThrowsAsync<NxtAIGenProviderException>(async () => await e.MoveNextAsync());

        Assert.Equal(ProviderErrorKind.RateLimited, error.Kind);
        Assert.Equal(429, error.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), error.RetryAfter);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task StreamAsync_HelpAndLongCommands_Answer()
    {
        using var host = DemoTestHost.Unpaced();

        var help = DemoTestHost.TextOf(await host.CollectAsync(DemoTestHost.Ask("/demo")));
        var longAnswer = DemoTestHost.TextOf(await host.CollectAsync(DemoTestHost.Ask("/demo long")));

        Assert.Contains("/demo error", help, StringComparison.Ordinal);
        Assert.True(DemoText.CountWords(longAnswer) > 300);
    }

    [Fact]
    public async Task StreamAsync_TextStartingWithDemoWord_IsNotACommand()
    {
        using var host = DemoTestHost.Unpaced();

        var chunks = await host.CollectAsync(DemoTestHost.Ask("/demonstrate error"));

        Assert.Equal(ChatFinishReason.Stop, chunks[^1].FinishReason);
        Assert.Contains("/demonstrate error", DemoTestHost.TextOf(chunks), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListModelsAsync_ReturnsDemoModels()
    {
        using var host = DemoTestHost.Unpaced();

        var models = await host.Provider.ListModelsAsync();

        Assert.Equal(["demo-1", "demo-1-fast"], models.Select(m => m.Id));
        Assert.All(models, m => Assert.Equal(ChatCapabilities.Vision | ChatCapabilities.Documents | ChatCapabilities.Reasoning, m.Capabilities));
    }
}
