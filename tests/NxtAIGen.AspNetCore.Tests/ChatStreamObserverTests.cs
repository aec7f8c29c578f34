using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NxtAIGen.Abstractions;

namespace NxtAIGen.AspNetCore.Tests;

public sealed class ChatStreamObserverTests
{
    private static async Task<(TestApp App, RecordingObserver Observer)> StartAsync(Dictionary<string, string?>? configuration = null)
    {
        var observer = new RecordingObserver();
        var app = await TestApp.StartAsync(configuration, configure: b => b.Services.AddSingleton<IChatStreamObserver>(observer));
        return (app, observer);
    }

    [Fact]
    public async Task Observer_SeesStartWithCallerRequestAndExtraFields_ThenTheWholeAnswer()
    {
        var (app, observer) = await StartAsync();
        await using var _ = app;
        app.Provider.NextCall()
            .Yield(ChatChunk.ForReasoning("Think"))
            .Yield(ChatChunk.ForReasoning("ing."))
            .Text("Hel")
            .Text("lo")
            .Yield(ChatChunk.ForMetadata(new ChatResponseMetadata { Model = "fake-1-2026" }))
            .Yield(ChatChunk.ForUsage(new ChatUsage { InputTokens = 3, OutputTokens = 2 }))
            .Finish();

        using var response = await app.PostStreamAsync(new
        {
            messages = new object[] { new { role = "system", content = "Be brief." }, new { role = "user", content = "hi" } },
            conversation_id = "c-42",
            client_tag = new { tab = 7 },
        });
        await using var sse = new SseReader(await response.Content.ReadAsStreamAsync());
        var events = await sse.ReadToEndAsync();
        var completion = await observer.Ended.Task.WaitAsync(Wait.Deadline);

        Assert.Equal("done", events.Last(e => !e.IsPing).Event);
        var start = Assert.Single(observer.Starts);
        Assert.Equal(ChatCallerKind.Guest, start.Caller.Kind);
        Assert.Equal("fake", start.ProviderId);
        Assert.Equal("fake-1", start.Model);
        Assert.Equal("c-42", start.ConversationId);
        Assert.Equal(7, start.AdditionalFields["client_tag"].GetProperty("tab").GetInt32());
        Assert.False(start.AdditionalFields.ContainsKey("conversation_id"));
        Assert.Equal([ChatRole.System, ChatRole.User], start.Request.Messages.Select(m => m.Role));
        Assert.Equal(events.First(e => e.Event == "start").Json.GetProperty("id").GetString(), start.RequestId);

        Assert.Equal(ChatStreamTermination.Done, completion.Termination);
        Assert.False(completion.Stopped);
        Assert.Equal("Hello", completion.Text);
        Assert.Equal("Thinking.", completion.Reasoning);
        Assert.Equal("fake-1-2026", completion.Model);
        Assert.Equal(3, completion.Usage!.InputTokens);
        Assert.Equal(ChatFinishReason.Stop, completion.FinishReason);
        Assert.NotNull(completion.TimeToFirstToken);
        Assert.NotNull(completion.ReasoningDuration);
        Assert.Null(completion.ErrorCode);
        Assert.Same(start, completion.Start);
    }

    [Fact]
    public async Task Observer_ClientDisconnects_GetsThePartialAnswerMarkedStopped()
    {
        var (app, observer) = await StartAsync();
        await using var _ = app;
        var script = app.Provider.NextCall();
        var response = await app.PostStreamAsync(new { message = "hi" });
        var sse = new SseReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal("start", (await sse.NextEventAsync())!.Event);
        await Wait.ForAsync(script.Started.Task, "the provider call");
        script.Text("partial answer");
        Assert.Equal("content", (await sse.NextEventAsync())!.Event);

        await sse.DisposeAsync();
        response.Dispose();
        var completion = await observer.Ended.Task.WaitAsync(Wait.Deadline);

        Assert.Equal(ChatStreamTermination.Disconnected, completion.Termination);
        Assert.True(completion.Stopped);
        Assert.Equal("partial answer", completion.Text);
        Assert.Null(completion.FinishReason);
    }

    [Fact]
    public async Task Observer_ProviderFails_GetsTheErrorCodeAndSafeMessage()
    {
        var (app, observer) = await StartAsync();
        await using var _ = app;
        app.Provider.NextCall().Text("so far").Throw(new NxtAIGenProviderException(ProviderErrorKind.Overloaded, "fake", "The provider is overloaded."));

        using var response = await app.PostStreamAsync(new { message = "hi" });
        await using var sse = new SseReader(await response.Content.ReadAsStreamAsync());
        var events = await sse.ReadToEndAsync();
        var completion = await observer.Ended.Task.WaitAsync(Wait.Deadline);

        Assert.Equal("error", events.Last(e => !e.IsPing).Event);
        Assert.Equal(ChatStreamTermination.Error, completion.Termination);
        Assert.Equal("overloaded", completion.ErrorCode);
        Assert.Equal(events.Last(e => !e.IsPing).Json.GetProperty("error").GetString(), completion.ErrorMessage);
        Assert.Equal("so far", completion.Text);
    }

    [Fact]
    public async Task Observer_Refuses_ClientGetsTheProblem_ProviderIsNotCalled_AndNothingIsCharged()
    {
        var (app, observer) = await StartAsync(new() { ["NxtAIGen:Guest:Limit"] = "1" });
        await using var _ = app;
        observer.Refusal = ChatStreamRefusal.NotFound("No such conversation.");

        using var refused = await app.PostStreamAsync(new { message = "hi", conversation_id = "nope" });

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("not_found", problem.RootElement.GetProperty("code").GetString());
        Assert.Equal("No such conversation.", problem.RootElement.GetProperty("error").GetString());
        Assert.Equal(0, app.Provider.Calls);
        Assert.Equal(0, observer.EndCalls);

        // The guest's only message was released, so the next request still gets through.
        observer.Refusal = null;
        app.Provider.NextCall().Text("ok").Finish();
        using var allowed = await app.PostStreamAsync(new { message = "hi" });
        await using var sse = new SseReader(await allowed.Content.ReadAsStreamAsync());
        Assert.Equal("done", (await sse.ReadToEndAsync()).Last(e => !e.IsPing).Event);
    }

    [Fact]
    public async Task Observer_ThrowsAtTheEnd_TheStreamStillEndsWithDone()
    {
        var (app, observer) = await StartAsync();
        await using var _ = app;
        observer.ThrowOnEnd = true;
        app.Provider.NextCall().Text("ok").Finish();

        using var response = await app.PostStreamAsync(new { message = "hi" });
        await using var sse = new SseReader(await response.Content.ReadAsStreamAsync());

        Assert.Equal("done", (await sse.ReadToEndAsync()).Last(e => !e.IsPing).Event);
        await observer.Ended.Task.WaitAsync(Wait.Deadline);
        await Wait.UntilAsync(() => app.Logs.Entries.Any(e => e.Text.Contains("observer", StringComparison.OrdinalIgnoreCase)), "the observer failure log");
    }
}
