using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatServer.BrowserTests;

/// <summary>A guest on the chat page: streaming, Stop, attachments, quota.</summary>
public sealed class GuestChatTests(ChromiumFixture chromium) : BrowserTest(chromium)
{
    [SkippableFact]
    public async Task Guest_SendsAMessage_SeesTheAnswerStreamAsItArrives()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        upstream.Handler = async context =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.Body.WriteAsync(OpenAIStream.Chunk("Streaming **works**"));
            await context.Response.Body.FlushAsync();
            await release.Task.WaitAsync(context.RequestAborted);
            await context.Response.Body.WriteAsync(OpenAIStream.Chunk(" and finishes."));
            await context.Response.Body.WriteAsync(OpenAIStream.End(inputTokens: 21, outputTokens: 9));
        };
        await using var server = LiveChatServer.StartWithOpenAI(upstream);
        var page = await OpenAsync(server);
        await PickProviderAsync(page, "openai");

        await SendAsync(page, "Hello there");

        var answer = page.GetByTestId("assistant-message").Last;
        await Expect(page.GetByTestId("user-message").Last).ToContainTextAsync("Hello there");
        // The first piece is on the page while the upstream still holds the rest back.
        await Expect(answer.Locator("strong")).ToHaveTextAsync("works");
        await Expect(page.GetByTestId("stop-button")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("send-button")).ToBeHiddenAsync();
        await ScreenshotAsync(page, "guest-streaming");
        Assert.DoesNotContain("finishes", await answer.InnerTextAsync(), StringComparison.Ordinal);

        release.SetResult();

        await WaitForAnswerAsync(page);
        await Expect(answer).ToContainTextAsync("Streaming works and finishes.");
        await Expect(answer.GetByTestId("message-footer")).ToContainTextAsync("21 in · 9 out tokens");
        await Expect(answer.GetByTestId("message-footer")).ToContainTextAsync("total");
        await Expect(answer.GetByTestId("message-meta")).ToContainTextAsync("openai");
        await ScreenshotAsync(page, "guest-answered");
        Assert.Empty(PageErrors);
        Assert.Empty(CspViolations);
    }

    [SkippableFact]
    public async Task Guest_WithTheDemoProvider_ChatsOfflineAndSeesTheRemainingCount()
    {
        await using var server = LiveChatServer.Start(new() { ["NxtAIGen:Guest:Limit"] = "3" });
        var page = await OpenAsync(server);
        await Expect(page.GetByTestId("provider-select")).ToHaveValueAsync("demo");
        await Expect(page.GetByTestId("guest-remaining")).ToHaveAttributeAsync("data-remaining", "3");

        await SendAsync(page, "What can you do?");
        await WaitForAnswerAsync(page);

        await Expect(page.GetByTestId("assistant-message").Last).ToContainTextAsync("What can you do?");
        await Expect(page.GetByTestId("guest-remaining")).ToHaveAttributeAsync("data-remaining", "2");
        await Expect(page.GetByTestId("guest-remaining")).ToContainTextAsync("2 guest messages left");

        // The guest's conversation stays in the tab: a reload shows it again.
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("body.ready");
        await Expect(page.GetByTestId("user-message")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("assistant-message")).ToHaveCountAsync(1);
        await ScreenshotAsync(page, "guest-demo");
    }

    [SkippableFact]
    public async Task Guest_AtTheLimit_IsInvitedToSignUp()
    {
        await using var server = LiveChatServer.Start(new() { ["NxtAIGen:Guest:Limit"] = "1" });
        var page = await OpenAsync(server);

        await SendAsync(page, "One question");
        await WaitForAnswerAsync(page);

        await Expect(page.GetByTestId("guest-remaining")).ToHaveAttributeAsync("data-remaining", "0");
        await Expect(page.GetByTestId("signup-invite")).ToBeVisibleAsync();

        await SendAsync(page, "One more");
        await WaitForAnswerAsync(page);
        await Expect(page.GetByTestId("assistant-message").Last.GetByTestId("error-box")).ToContainTextAsync("guest_limit");
        await ScreenshotAsync(page, "guest-limit");
    }

    [SkippableFact]
    public async Task Stop_EndsTheStreamAtOnce_AndTheServerCancelsTheProvider()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        upstream.Handler = async context =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.Body.WriteAsync(OpenAIStream.Chunk("A long answer begins"));
            await context.Response.Body.FlushAsync();
            // Never finishes on its own: only a cancelled request ends it.
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        };
        await using var server = LiveChatServer.StartWithOpenAI(upstream);
        var page = await OpenAsync(server);
        await PickProviderAsync(page, "openai");

        await SendAsync(page, "Tell me everything");
        var answer = page.GetByTestId("assistant-message").Last;
        await Expect(answer).ToContainTextAsync("A long answer begins");

        await page.GetByTestId("stop-button").ClickAsync();

        await Expect(page.GetByTestId("stop-button")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("send-button")).ToBeVisibleAsync();
        await Expect(answer.GetByTestId("message-footer")).ToContainTextAsync("Stopped");
        await Expect(answer).ToContainTextAsync("A long answer begins");
        // The server saw the browser go and cancelled the upstream request.
        await upstream.RequestAborted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await ScreenshotAsync(page, "stopped");

        // The partial answer is part of the history of the next turn.
        upstream.Handler = OpenAIStream.Answering("Next answer.");
        await SendAsync(page, "Go on");
        await WaitForAnswerAsync(page);
        var messages = JsonDocument.Parse(upstream.RequestBodies[^1]).RootElement.GetProperty("messages").EnumerateArray().ToList();
        Assert.Contains(messages, m => m.GetProperty("role").GetString() == "assistant" && m.GetProperty("content").ToString().Contains("A long answer begins", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Attachments_ImageAndPdf_AreSentAndARefusedFileIsShown()
    {
        await using var server = LiveChatServer.Start();
        var page = await OpenAsync(server);

        await page.GetByTestId("file-input").SetInputFilesAsync(new[]
        {
            new FilePayload { Name = "pixel.png", MimeType = "image/png", Buffer = TestFiles.Png },
            new FilePayload { Name = "report.pdf", MimeType = "application/pdf", Buffer = TestFiles.Pdf("Quarterly numbers") },
            new FilePayload { Name = "tool.exe", MimeType = "application/x-msdownload", Buffer = [0x4D, 0x5A, 0x90, 0x00] },
        });

        await Expect(page.GetByTestId("attachment-chip")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("attachment-error")).ToContainTextAsync("tool.exe");
        await ScreenshotAsync(page, "attachments-picked");

        await SendAsync(page, "What did I attach?");
        await WaitForAnswerAsync(page);

        var answer = page.GetByTestId("assistant-message").Last;
        await Expect(answer).ToContainTextAsync("report.pdf");
        await Expect(answer).ToContainTextAsync("image");
        await Expect(page.GetByTestId("user-message").Last.GetByTestId("message-file")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("attachment-chip")).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "attachments-answered");
    }

    [SkippableFact]
    public async Task Attachments_DroppedAndPasted_AreAttachedAndSent()
    {
        await using var server = LiveChatServer.Start();
        var page = await OpenAsync(server);

        await page.EvaluateAsync(
            """
            () => {
              const files = new DataTransfer();
              files.items.add(new File(['Meeting notes: ship on Friday.'], 'notes.txt', { type: 'text/plain' }));
              document.body.dispatchEvent(new DragEvent('dragenter', { dataTransfer: files, bubbles: true }));
              window.__overlayShown = !document.getElementById('drop-overlay').hidden;
              document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: files, bubbles: true, cancelable: true }));
            }
            """);
        Assert.True(await page.EvaluateAsync<bool>("() => window.__overlayShown"), "dragging files over the page shows the drop zone");
        await Expect(page.Locator("#drop-overlay")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("attachment-chip")).ToHaveCountAsync(1);

        var png = Convert.ToBase64String(TestFiles.Png);
        await page.GetByTestId("message-input").EvaluateAsync(
            """
            (input, png) => {
              const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
              const clipboard = new DataTransfer();
              clipboard.items.add(new File([bytes], 'screenshot.png', { type: 'image/png' }));
              input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: clipboard, bubbles: true, cancelable: true }));
            }
            """, png);
        await Expect(page.GetByTestId("attachment-chip")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("attachment-chip").Locator("img.attachment-thumb")).ToHaveCountAsync(1);

        // A chip can be removed before sending.
        await page.GetByTestId("attachment-chip").Filter(new() { HasText = "notes.txt" }).GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.GetByTestId("attachment-chip")).ToHaveCountAsync(1);

        await SendAsync(page, "What is in the screenshot?");
        await WaitForAnswerAsync(page);
        await Expect(page.GetByTestId("assistant-message").Last).ToContainTextAsync("1 image");
        await Expect(page.GetByTestId("assistant-message").Last).Not.ToContainTextAsync("notes.txt");
        await Expect(page.GetByTestId("user-message").Last.GetByTestId("message-file")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("screenshot.png"));
    }

    [SkippableFact]
    public async Task Attachments_AFileTheServerRefuses_IsShownOnThePage()
    {
        await using var server = LiveChatServer.Start();
        var page = await OpenAsync(server);

        // A file the server refuses (not really a PNG) is said so on the page, never dropped silently.
        await page.GetByTestId("file-input").SetInputFilesAsync(new FilePayload { Name = "fake.png", MimeType = "image/png", Buffer = "not an image"u8.ToArray() });
        await SendAsync(page, "Look");
        await WaitForAnswerAsync(page);

        await Expect(page.GetByTestId("assistant-message").Last.GetByTestId("error-box")).ToContainTextAsync("fake.png");
        await Expect(page.GetByTestId("attachment-error")).ToContainTextAsync("fake.png");
    }
}
