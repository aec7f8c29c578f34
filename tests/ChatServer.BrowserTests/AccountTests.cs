using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatServer.BrowserTests;

/// <summary>Signed-in users: accounts, stored conversations, keys, settings.</summary>
public sealed class AccountTests(ChromiumFixture chromium) : BrowserTest(chromium)
{
    private const string Password = "Browser-Test-1";

    [SkippableFact]
    public async Task SignUp_Chat_Reload_TheConversationIsKept_AndItsHistoryGoesWithTheNextTurn()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        var turn = 0;
        upstream.Handler = context => OpenAIStream.Answering($"Stored answer {Interlocked.Increment(ref turn)}.")(context);
        await using var server = LiveChatServer.StartWithOpenAI(upstream);
        var page = await OpenAsync(server);

        await SignUpAsync(page, "reader@example.test");
        await PickProviderAsync(page, "openai");
        await SendAsync(page, "Remember the word marmalade");
        await WaitForAnswerAsync(page);
        await Expect(page.GetByTestId("conversation-item")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("conversation-item")).ToContainTextAsync("Remember the word marmalade");

        await page.ReloadAsync();
        await page.WaitForSelectorAsync("body.ready");

        await Expect(page.GetByTestId("user-email")).ToHaveTextAsync("reader@example.test");
        await Expect(page.GetByTestId("conversation-item")).ToHaveCountAsync(1);
        // The address names the conversation, so the reload reopened it.
        await Expect(page.GetByTestId("user-message")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("Remember the word marmalade"));
        await Expect(page.GetByTestId("assistant-message")).ToContainTextAsync("Stored answer 1.");
        await ScreenshotAsync(page, "signed-in-reloaded");

        await PickProviderAsync(page, "openai");
        await SendAsync(page, "Which word?");
        await WaitForAnswerAsync(page);

        var sent = JsonDocument.Parse(upstream.RequestBodies[^1]).RootElement.GetProperty("messages").EnumerateArray()
            .Select(m => $"{m.GetProperty("role").GetString()}:{m.GetProperty("content")}").ToList();
        Assert.Equal(3, sent.Count);
        Assert.Contains("Remember the word marmalade", sent[0], StringComparison.Ordinal);
        Assert.Contains("Stored answer 1.", sent[1], StringComparison.Ordinal);
        Assert.Contains("Which word?", sent[2], StringComparison.Ordinal);

        // A fresh page (new tab, same account) opens it from the list, with both turns.
        var other = await page.Context.NewPageAsync();
        await other.GotoAsync("/");
        await other.WaitForSelectorAsync("body.ready");
        await other.GetByTestId("conversation-item").First.Locator(".conversation-open").ClickAsync();
        await Expect(other.GetByTestId("user-message")).ToHaveCountAsync(2);
        await Expect(other.GetByTestId("assistant-message").Last).ToContainTextAsync("Stored answer 2.");
        await Expect(other.GetByTestId("assistant-message").Last.GetByTestId("message-footer")).ToContainTextAsync("12 in · 7 out tokens");
    }

    [SkippableFact]
    public async Task SavedKey_IsShownMaskedOnly_AndCanBeReplacedAndRemoved()
    {
        const string key = "sk-proj-browser-4f9a8b7c6d5e4f3a2b1c0d9e";
        await using var server = LiveChatServer.Start();
        var page = await OpenAsync(server);
        await SignUpAsync(page, "keys@example.test");

        await page.GetByTestId("settings-button").ClickAsync();
        var settings = page.GetByTestId("settings-dialog");
        await settings.GetByTestId("key-provider-select").First.SelectOptionAsync("openai");
        await settings.GetByTestId("key-input").First.FillAsync(key);
        await settings.GetByTestId("key-save").First.ClickAsync();

        var row = settings.Locator("[data-testid=key-row][data-provider=openai]");
        await Expect(row).ToBeVisibleAsync();
        var masked = await row.GetByTestId("key-masked").InnerTextAsync();
        Assert.DoesNotContain(key, masked, StringComparison.Ordinal);
        Assert.Contains("9e", masked, StringComparison.Ordinal);
        Assert.DoesNotContain(key, await page.ContentAsync(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, await settings.GetByTestId("key-input").First.InputValueAsync());
        await ScreenshotAsync(page, "settings-key-masked");

        // With the user's key, OpenAI no longer "needs a key" in the picker.
        await settings.Locator("[data-close]").First.ClickAsync();
        await Expect(page.Locator("#provider-select option[value=openai]")).ToHaveTextAsync("OpenAI");

        await page.GetByTestId("settings-button").ClickAsync();
        await row.GetByTestId("key-remove").ClickAsync();
        await page.GetByTestId("prompt-ok").ClickAsync();
        await Expect(row).ToHaveCountAsync(0);
        await Expect(settings.GetByTestId("key-empty")).ToBeVisibleAsync();
        Assert.Empty(Dialogs);
    }

    [SkippableFact]
    public async Task Conversations_AreListedNewestFirst_AndCanBeSearchedRenamedExportedAndDeleted()
    {
        await using var server = LiveChatServer.Start();
        var page = await OpenAsync(server);
        await SignUpAsync(page, "lists@example.test");

        await SendAsync(page, "Apples are red");
        await WaitForAnswerAsync(page);
        await page.GetByTestId("new-chat").ClickAsync();
        await SendAsync(page, "Bananas are yellow");
        await WaitForAnswerAsync(page);

        var items = page.GetByTestId("conversation-item");
        await Expect(items).ToHaveCountAsync(2);
        await Expect(items.First).ToContainTextAsync("Bananas");

        await page.GetByTestId("conversation-search").FillAsync("apples");
        await Expect(items).ToHaveCountAsync(1);
        await Expect(items.First).ToContainTextAsync("Apples");

        await items.First.HoverAsync();
        await items.First.GetByTestId("conversation-rename").ClickAsync();
        await page.GetByTestId("prompt-input").FillAsync("Fruit notes");
        await page.GetByTestId("prompt-ok").ClickAsync();
        await page.GetByTestId("conversation-search").FillAsync(string.Empty);
        await Expect(items).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("conversation-list")).ToContainTextAsync("Fruit notes");

        var renamed = items.Filter(new() { HasText = "Fruit notes" });
        await renamed.HoverAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => renamed.GetByTestId("conversation-export").ClickAsync());
        var exported = JsonDocument.Parse(await File.ReadAllTextAsync(await download.PathAsync()));
        Assert.Equal("Fruit notes", exported.RootElement.GetProperty("title").GetString());
        Assert.Equal(2, exported.RootElement.GetProperty("messages").GetArrayLength());

        await renamed.HoverAsync();
        await renamed.GetByTestId("conversation-delete").ClickAsync();
        await page.GetByTestId("prompt-ok").ClickAsync();
        await Expect(items).ToHaveCountAsync(1);
        await Expect(items.First).ToContainTextAsync("Bananas");
        await ScreenshotAsync(page, "conversations");
        Assert.Empty(Dialogs);
    }

    [SkippableFact]
    public async Task SignOut_ReturnsToAGuestPage_AndSignInBringsTheConversationsBack()
    {
        await using var server = LiveChatServer.Start();
        var page = await OpenAsync(server);
        await SignUpAsync(page, "inout@example.test");
        await SendAsync(page, "Kept for later");
        await WaitForAnswerAsync(page);

        await page.GetByTestId("sign-out-button").ClickAsync();
        await Expect(page.GetByTestId("sign-in-button")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("conversation-item")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("user-message")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("guest-remaining")).ToBeVisibleAsync();

        // A wrong password is said so.
        await page.GetByTestId("sign-in-button").ClickAsync();
        await page.GetByTestId("auth-email").FillAsync("inout@example.test");
        await page.GetByTestId("auth-password").FillAsync("Wrong-password-9");
        await page.GetByTestId("auth-submit").ClickAsync();
        await Expect(page.GetByTestId("auth-error")).ToContainTextAsync("Wrong email or password");

        await page.GetByTestId("auth-password").FillAsync(Password);
        await page.GetByTestId("auth-submit").ClickAsync();
        await Expect(page.GetByTestId("user-email")).ToHaveTextAsync("inout@example.test");
        await Expect(page.GetByTestId("conversation-item")).ToHaveCountAsync(1);
        // The antiforgery token was renewed for the signed-in user: a state-changing request works.
        await SendAsync(page, "Back again");
        await WaitForAnswerAsync(page);
        await Expect(page.GetByTestId("assistant-message").Last.GetByTestId("error-box")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("conversation-item")).ToHaveCountAsync(2);
    }

    [SkippableFact]
    public async Task SignUp_Refusals_AreShownInTheDialog()
    {
        await using var server = LiveChatServer.Start();
        var page = await OpenAsync(server);
        await SignUpAsync(page, "taken@example.test");
        await page.GetByTestId("sign-out-button").ClickAsync();
        await Expect(page.GetByTestId("sign-up-button")).ToBeVisibleAsync();

        await page.GetByTestId("sign-up-button").ClickAsync();
        await page.GetByTestId("auth-email").FillAsync("weak@example.test");
        await page.GetByTestId("auth-password").FillAsync("weakpass");
        await page.GetByTestId("auth-submit").ClickAsync();
        await Expect(page.GetByTestId("auth-error")).ToContainTextAsync("Passwords must");

        await page.GetByTestId("auth-email").FillAsync("taken@example.test");
        await page.GetByTestId("auth-password").FillAsync(Password);
        await page.GetByTestId("auth-submit").ClickAsync();
        await Expect(page.GetByTestId("auth-error")).ToHaveTextAsync("Email 'taken@example.test' is already taken.");
        await Expect(page.GetByTestId("user-usage")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("guest-remaining")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("sign-up-button")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "sign-up-refused");
    }

    [SkippableFact]
    public async Task GitHubButton_IsShownOnlyWhenConfigured()
    {
        await using (var plain = LiveChatServer.Start())
        {
            var page = await OpenAsync(plain);
            await page.GetByTestId("sign-in-button").ClickAsync();
            await Expect(page.GetByTestId("auth-dialog")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("external-login-github")).ToHaveCountAsync(0);
        }

        await using var configured = LiveChatServer.Start(new()
        {
            ["Authentication:GitHub:ClientId"] = "browser-test-client",
            ["Authentication:GitHub:ClientSecret"] = "browser-test-secret",
        });
        var second = await OpenAsync(configured);
        await second.GetByTestId("sign-in-button").ClickAsync();
        var button = second.GetByTestId("external-login-github");
        await Expect(button).ToBeVisibleAsync();
        await Expect(button).ToHaveTextAsync("Sign in with GitHub");
        await Expect(button).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/api/auth/external/github\\?return_url=%2F"));
        await ScreenshotAsync(second, "sign-in-github");
    }

    /// <summary>Creates an account through the page's dialog and waits until the page shows it signed in.</summary>
    internal static async Task SignUpAsync(IPage page, string email)
    {
        await page.GetByTestId("sign-up-button").ClickAsync();
        await page.GetByTestId("auth-email").FillAsync(email);
        await page.GetByTestId("auth-password").FillAsync(Password);
        await page.GetByTestId("auth-submit").ClickAsync();
        await Expect(page.GetByTestId("user-email")).ToHaveTextAsync(email);
        await Expect(page.GetByTestId("provider-select")).ToBeEnabledAsync();
    }
}
