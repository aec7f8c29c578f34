using NxtAIGen.Abstractions;

namespace NxtAIGen.AspNetCore.Tests;

public sealed class HistoryTrimmingTests
{
    // 400 characters: about 100 tokens (+4 per message) in the documented estimate.
    private static readonly string Long = new('x', 400);

    private static object Turn(string role, string content) => new { role, content };

    private static async Task<ChatRequest> SendAsync(TestApp app, object[] messages)
    {
        app.Provider.NextCall().Text("ok").Finish();
        using var response = await app.PostStreamAsync(new { messages });
        await using var sse = new SseReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal("done", (await sse.ReadToEndAsync()).Last(e => !e.IsPing).Event);
        return app.Provider.Requests[^1];
    }

    [Fact]
    public async Task Stream_HistoryOverBudget_DropsOldestTurnsAndKeepsSystemAndLastUser()
    {
        await using var app = await TestApp.StartAsync(new() { ["NxtAIGen:Requests:MaxHistoryTokens"] = "350" });

        var sent = await SendAsync(app,
        [
            Turn("system", "Brief."),
            Turn("user", "first " + Long),
            Turn("assistant", "second " + Long),
            Turn("user", "third " + Long),
            Turn("assistant", "fourth " + Long),
            Turn("user", "last " + Long),
        ]);

        // system (~7) + last (~106) + fourth (~106) + third (~106) = ~325 fits; second would exceed 350.
        Assert.Equal(["Brief.", "third", "fourth", "last"], sent.Messages.Select(m => m.Text.Split(' ')[0]));
    }

    [Fact]
    public async Task Stream_TrimmingWouldStartWithAnAssistantTurn_DropsItToo()
    {
        await using var app = await TestApp.StartAsync(new() { ["NxtAIGen:Requests:MaxHistoryTokens"] = "230" });

        var sent = await SendAsync(app,
        [
            Turn("user", "first " + Long),
            Turn("assistant", "second " + Long),
            Turn("user", "last " + Long),
        ]);

        // last + second fit (~212), but a history must start with the user: second goes as well.
        Assert.Equal(["last"], sent.Messages.Select(m => m.Text.Split(' ')[0]));
    }

    [Fact]
    public async Task Stream_LastUserTurnAloneOverBudget_IsStillSent()
    {
        await using var app = await TestApp.StartAsync(new() { ["NxtAIGen:Requests:MaxHistoryTokens"] = "100" });

        var sent = await SendAsync(app, [Turn("system", "sys"), Turn("user", "old"), Turn("assistant", "older answer"), Turn("user", "last " + Long + Long)]);

        Assert.Equal(["sys", "last"], sent.Messages.Select(m => m.Text.Split(' ')[0]));
    }

    [Fact]
    public async Task Stream_NoBudget_SendsTheWholeHistory()
    {
        await using var app = await TestApp.StartAsync();

        var sent = await SendAsync(app, [Turn("user", "a " + Long), Turn("assistant", "b " + Long), Turn("user", "c " + Long)]);

        Assert.Equal(3, sent.Messages.Count);
    }

    [Fact]
    public void Estimate_CountsTextByFourCharactersAndImagesAsAThousand()
    {
        var text = new ChatMessage(ChatRole.User, new string('y', 40));
        var image = new ChatMessage(ChatRole.User, [new TextPart("see"), new ImagePart(new byte[] { 1, 2, 3 }, "image/png")]);

        Assert.Equal(4 + 10, Requests.ChatHistoryTrimmer.Estimate(text));
        Assert.Equal(4 + 1 + 1000, Requests.ChatHistoryTrimmer.Estimate(image));
    }

    [Theory]
    [InlineData("99")]
    [InlineData("10000001")]
    public async Task Options_MaxHistoryTokensOutOfRange_FailsAtStart(string value)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(async () => await TestApp.StartAsync(new() { ["NxtAIGen:Requests:MaxHistoryTokens"] = value }));

        Assert.Contains("NxtAIGen:Requests:MaxHistoryTokens", error.Message, StringComparison.Ordinal);
    }
}
