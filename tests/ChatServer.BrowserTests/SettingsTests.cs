using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatServer.BrowserTests;

/// <summary>Settings beyond keys: default provider and model, deleting the account.</summary>
public sealed class SettingsTests(ChromiumFixture chromium) : BrowserTest(chromium)
{
    [SkippableFact]
    public async Task DefaultProviderAndModel_AreUsedAfterTheNextSignIn()
    {
        await using var server = LiveChatServer.Start();
        var page = await OpenAsync(server);
        await AccountTests.SignUpAsync(page, "defaults@example.test");
        await Expect(page.GetByTestId("model-select")).ToHaveValueAsync("demo-1-fast");

        await page.GetByTestId("settings-button").ClickAsync();
        await page.GetByTestId("default-provider-select").SelectOptionAsync("demo");
        await Expect(page.Locator("[data-testid=default-model-select] option[value=demo-1]")).ToHaveCountAsync(1);
        await page.GetByTestId("default-model-select").SelectOptionAsync("demo-1");
        await page.GetByTestId("defaults-save").ClickAsync();
        await Expect(page.GetByTestId("settings-defaults")).ToContainTextAsync("Saved");
        await page.Locator("#settings-dialog [data-close]").ClickAsync();

        await page.GetByTestId("sign-out-button").ClickAsync();
        await Expect(page.GetByTestId("model-select")).ToHaveValueAsync("demo-1-fast");
        await page.GetByTestId("sign-in-button").ClickAsync();
        await page.GetByTestId("auth-email").FillAsync("defaults@example.test");
        await page.GetByTestId("auth-password").FillAsync("Browser-Test-1");
        await page.GetByTestId("auth-submit").ClickAsync();

        await Expect(page.GetByTestId("user-email")).ToHaveTextAsync("defaults@example.test");
        await Expect(page.GetByTestId("provider-select")).ToHaveValueAsync("demo");
        await Expect(page.GetByTestId("model-select")).ToHaveValueAsync("demo-1");
    }

    [SkippableFact]
    public async Task DeleteAccount_RemovesItAndItsConversations_AndTheEmailCanSignUpAgain()
    {
        await using var server = LiveChatServer.Start();
        var page = await OpenAsync(server);
        await AccountTests.SignUpAsync(page, "leaving@example.test");
        await SendAsync(page, "Soon gone");
        await WaitForAnswerAsync(page);
        await Expect(page.GetByTestId("conversation-item")).ToHaveCountAsync(1);

        await page.GetByTestId("settings-button").ClickAsync();
        await page.GetByTestId("delete-account").ClickAsync();
        await page.GetByTestId("prompt-ok").ClickAsync();

        await Expect(page.GetByTestId("sign-up-button")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("user-message")).ToHaveCountAsync(0);

        await page.GetByTestId("sign-in-button").ClickAsync();
        await page.GetByTestId("auth-email").FillAsync("leaving@example.test");
        await page.GetByTestId("auth-password").FillAsync("Browser-Test-1");
        await page.GetByTestId("auth-submit").ClickAsync();
        await Expect(page.GetByTestId("auth-error")).ToContainTextAsync("Wrong email or password");
        await page.Locator("#auth-dialog [data-close]").ClickAsync();

        await AccountTests.SignUpAsync(page, "leaving@example.test");
        await Expect(page.GetByTestId("conversation-item")).ToHaveCountAsync(0);
        Assert.Empty(Dialogs);
    }

    [SkippableFact]
    public async Task KeyTestButton_SaysWhetherTheProviderAcceptsTheKey()
    {
        const string goodKey = "sk-good-browser-key-000111";
        await using var models = await FakeModelList.StartAsync(goodKey);
        await using var server = LiveChatServer.Start(new() { ["NxtAIGen:Providers:openai:BaseUrl"] = models.BaseUrl.ToString() });
        var page = await OpenAsync(server);
        await AccountTests.SignUpAsync(page, "tester@example.test");
        await page.GetByTestId("settings-button").ClickAsync();
        var settings = page.GetByTestId("settings-dialog");
        var row = settings.Locator("[data-testid=key-row][data-provider=openai]");

        await settings.GetByTestId("key-provider-select").SelectOptionAsync("openai");
        await settings.GetByTestId("key-input").FillAsync("sk-wrong-browser-key-999");
        await settings.GetByTestId("key-save").ClickAsync();
        await row.GetByTestId("key-test").ClickAsync();
        await Expect(row.GetByTestId("key-test-result")).ToContainTextAsync("Refused");

        // Replace it with the right one: the row stays single, masked, and the test passes.
        await row.GetByTestId("key-replace").ClickAsync();
        await Expect(settings.GetByTestId("key-input")).ToBeFocusedAsync();
        await settings.GetByTestId("key-input").FillAsync(goodKey);
        await settings.GetByTestId("key-save").ClickAsync();
        await Expect(settings.GetByTestId("key-row")).ToHaveCountAsync(1);
        await Expect(row.GetByTestId("key-masked")).Not.ToContainTextAsync("999");
        await row.GetByTestId("key-test").ClickAsync();
        await Expect(row.GetByTestId("key-test-result")).ToHaveTextAsync("Works");
        Assert.DoesNotContain(goodKey, await page.ContentAsync(), StringComparison.Ordinal);
        await ScreenshotAsync(page, "settings-key-test");
    }

    [SkippableFact]
    public async Task Phone_SignedIn_HeaderAndDialogsFitTheScreen()
    {
        await using var server = LiveChatServer.Start();
        var page = await OpenAsync(server, new ViewportSize { Width = 390, Height = 844 });
        await AccountTests.SignUpAsync(page, "phone@example.test");

        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "no sideways scrolling");
        await Expect(page.GetByTestId("settings-button")).ToBeInViewportAsync();
        await Expect(page.GetByTestId("sign-out-button")).ToBeInViewportAsync();

        await page.GetByTestId("settings-button").ClickAsync();
        var box = await page.GetByTestId("settings-dialog").BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.X >= 0 && box.X + box.Width <= 390, $"the dialog fits the width ({box.X} + {box.Width})");
        await ScreenshotAsync(page, "phone-settings");
    }

    [SkippableFact]
    public async Task GatewayToken_IsShownOnce_WorksWithTheV1Endpoint_AndRevokingItRefusesIt()
    {
        await using var server = LiveChatServer.Start();
        var page = await OpenAsync(server);
        await AccountTests.SignUpAsync(page, "gateway@example.test");
        await page.GetByTestId("settings-button").ClickAsync();
        var tokens = page.GetByTestId("settings-tokens");

        await tokens.GetByTestId("token-name").FillAsync("my laptop");
        await tokens.GetByTestId("token-create").ClickAsync();
        var token = await tokens.GetByTestId("token-value").InnerTextAsync();
        await Expect(tokens.GetByTestId("token-row")).ToHaveCountAsync(1);
        await Expect(tokens.GetByTestId("token-row")).ToContainTextAsync("my laptop");
        await ScreenshotAsync(page, "settings-gateway-token");

        // The token works as an OpenAI key (a separate client: no cookie, no CSRF token).
        var client = await Microsoft.Playwright.Playwright.CreateAsync();
        var api = await client.APIRequest.NewContextAsync(new() { BaseURL = server.BaseUrl.ToString() });
        var body = new Dictionary<string, object> { ["model"] = "demo", ["messages"] = new[] { new Dictionary<string, string> { ["role"] = "user", ["content"] = "hi" } } };
        var headers = new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}" };
        var ok = await api.PostAsync("/v1/chat/completions", new() { DataObject = body, Headers = headers });
        Assert.Equal(200, ok.Status);

        // Shown once: closing and opening Settings shows the row, never the token again.
        await page.Locator("#settings-dialog [data-close]").ClickAsync();
        await page.GetByTestId("settings-button").ClickAsync();
        await Expect(tokens.GetByTestId("token-row")).ToHaveCountAsync(1);
        Assert.DoesNotContain(token, await page.ContentAsync(), StringComparison.Ordinal);

        await tokens.GetByTestId("token-revoke").ClickAsync();
        await page.GetByTestId("prompt-ok").ClickAsync();
        await Expect(tokens.GetByTestId("token-row")).ToHaveCountAsync(0);
        var refused = await api.PostAsync("/v1/chat/completions", new() { DataObject = body, Headers = headers });
        Assert.Equal(401, refused.Status);
        await api.DisposeAsync();
        client.Dispose();
    }

    [SkippableFact]
    public async Task ProviderErrorMidStream_KeepsThePartialAnswerAndSaysWhy()
    {
        await using var server = LiveChatServer.Start();
        var page = await OpenAsync(server);

        await SendAsync(page, "/demo error");
        await WaitForAnswerAsync(page);

        var answer = page.GetByTestId("assistant-message").Last;
        await Expect(answer.GetByTestId("error-box")).ToBeVisibleAsync();
        await Expect(answer.GetByTestId("error-box")).ToContainTextAsync("provider_error");
        Assert.False(string.IsNullOrWhiteSpace(await answer.GetByTestId("answer-body").InnerTextAsync()));
        await Expect(answer.GetByTestId("regenerate")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "provider-error");
    }

    [SkippableFact]
    public async Task Keyboard_EnterSends_ShiftEnterAddsALine()
    {
        await using var server = LiveChatServer.Start();
        var page = await OpenAsync(server);
        var input = page.GetByTestId("message-input");

        await input.FocusAsync();
        await page.Keyboard.TypeAsync("first line");
        await page.Keyboard.PressAsync("Shift+Enter");
        await page.Keyboard.TypeAsync("second line");
        await Expect(page.GetByTestId("user-message")).ToHaveCountAsync(0);
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByTestId("user-message")).ToHaveCountAsync(1);
        Assert.Equal("first line\nsecond line", await page.GetByTestId("user-message").Locator(".message-body").InnerTextAsync());
        await WaitForAnswerAsync(page);
        await Expect(input).ToHaveValueAsync(string.Empty);
    }
}
