using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatServer.BrowserTests;

/// <summary>Reasoning panel, regenerate, edit and resend, copy, themes and the phone layout.</summary>
public sealed class ChatFeatureTests(ChromiumFixture chromium) : BrowserTest(chromium)
{
    [SkippableFact]
    public async Task Reasoning_IsShownInACollapsiblePanelWithItsDuration()
    {
        await using var server = LiveChatServer.Start();
        var page = await OpenAsync(server);

        await page.GetByTestId("reasoning-toggle").CheckAsync();
        await SendAsync(page, "Think about tea");
        await WaitForAnswerAsync(page);

        var panel = page.GetByTestId("assistant-message").Last.GetByTestId("reasoning-panel");
        await Expect(panel).ToBeVisibleAsync();
        await Expect(panel.Locator("summary")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^Reasoned for \d+(\.\d)? m?s$"));
        // Collapsed once the answer started; a click opens it.
        Assert.False(await panel.EvaluateAsync<bool>("(d) => d.open"));
        await panel.Locator("summary").ClickAsync();
        Assert.True(await panel.EvaluateAsync<bool>("(d) => d.open"));
        Assert.False(string.IsNullOrWhiteSpace(await panel.Locator(".reasoning-text").InnerTextAsync()));
        await ScreenshotAsync(page, "reasoning");
    }

    [SkippableFact]
    public async Task EditAndResend_AndRegenerate_SendTheShortenedHistory()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        var turn = 0;
        upstream.Handler = context => OpenAIStream.Answering($"Answer {Interlocked.Increment(ref turn)}.")(context);
        await using var server = LiveChatServer.StartWithOpenAI(upstream);
        var page = await OpenAsync(server);
        await PickProviderAsync(page, "openai");

        await SendAsync(page, "First question");
        await WaitForAnswerAsync(page);
        await SendAsync(page, "Second question");
        await WaitForAnswerAsync(page);
        await Expect(page.GetByTestId("assistant-message")).ToHaveCountAsync(2);

        // Edit the first question: what followed it is replaced.
        await page.GetByTestId("user-message").First.GetByTestId("edit-message").ClickAsync();
        await page.GetByTestId("edit-input").FillAsync("First question, edited");
        await page.GetByTestId("edit-send").ClickAsync();
        await WaitForAnswerAsync(page);

        await Expect(page.GetByTestId("user-message")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("user-message")).ToContainTextAsync("First question, edited");
        await Expect(page.GetByTestId("assistant-message")).ToContainTextAsync("Answer 3.");
        Assert.Equal(["user:First question, edited"], Roles(upstream.RequestBodies[^1]));

        // Regenerate the last answer: the same question again, without the old answer.
        await page.GetByTestId("assistant-message").Last.GetByTestId("regenerate").ClickAsync();
        await WaitForAnswerAsync(page);
        await Expect(page.GetByTestId("assistant-message")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("assistant-message")).ToContainTextAsync("Answer 4.");
        Assert.Equal(["user:First question, edited"], Roles(upstream.RequestBodies[^1]));

        // And the next turn carries the whole visible history.
        await SendAsync(page, "Third");
        await WaitForAnswerAsync(page);
        Assert.Equal(["user:First question, edited", "assistant:Answer 4.", "user:Third"], Roles(upstream.RequestBodies[^1]));
    }

    [SkippableFact]
    public async Task Copy_PutsTheAnswerOnTheClipboard()
    {
        await using var server = LiveChatServer.Start();
        var page = await OpenAsync(server);
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);

        await SendAsync(page, "Copy me");
        await WaitForAnswerAsync(page);
        var answer = page.GetByTestId("assistant-message").Last;
        await answer.GetByTestId("copy-answer").ClickAsync();

        await Expect(answer.GetByTestId("copy-answer")).ToHaveTextAsync("Copied");
        var clipboard = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        Assert.Contains("Copy me", clipboard, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Theme_TogglesBetweenSystemLightAndDark_AndIsRemembered()
    {
        await using var server = LiveChatServer.Start();
        var page = await OpenAsync(server);
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });

        await page.GetByTestId("theme-toggle").ClickAsync(); // auto -> light
        await page.GetByTestId("theme-toggle").ClickAsync(); // light -> dark
        await Expect(page.Locator("html")).ToHaveClassAsync("dark");
        var background = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        Assert.Equal("rgb(21, 23, 26)", background);

        await page.ReloadAsync();
        await page.WaitForSelectorAsync("body.ready");
        await Expect(page.Locator("html")).ToHaveClassAsync("dark");
        await SendAsync(page, "Dark mode?");
        await WaitForAnswerAsync(page);
        await ScreenshotAsync(page, "theme-dark");
        Assert.Empty(CspViolations);
    }

    [SkippableFact]
    public async Task Phone_LayoutFitsTheScreen_AndTheConversationListSlidesIn()
    {
        await using var server = LiveChatServer.Start();
        var page = await OpenAsync(server, new ViewportSize { Width = 390, Height = 844 });

        await SendAsync(page, "Hello from a phone");
        await WaitForAnswerAsync(page);

        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "the page must not scroll sideways on a phone");
        await Expect(page.GetByTestId("new-chat")).Not.ToBeInViewportAsync();
        await page.GetByTestId("sidebar-toggle").ClickAsync();
        await Expect(page.GetByTestId("new-chat")).ToBeInViewportAsync();
        await ScreenshotAsync(page, "phone-sidebar");
        await page.GetByTestId("new-chat").ClickAsync();
        await Expect(page.GetByTestId("user-message")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("message-input")).ToBeInViewportAsync();
        await ScreenshotAsync(page, "phone");
    }

    private static string[] Roles(string requestBody) =>
        [.. JsonDocument.Parse(requestBody).RootElement.GetProperty("messages").EnumerateArray()
            .Select(m => $"{m.GetProperty("role").GetString()}:{ContentText(m.GetProperty("content"))}")];

    private static string ContentText(JsonElement content) => content.ValueKind == JsonValueKind.String
        ? content.GetString()!
        : string.Concat(content.EnumerateArray().Where(p => p.TryGetProperty("text", out _)).Select(p => p.GetProperty("text").GetString()));
}
