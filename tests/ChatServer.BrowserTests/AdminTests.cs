using static Microsoft.Playwright.Assertions;

namespace ChatServer.BrowserTests;

/// <summary>The admin panel: usage chart, provider switches, server keys, users and plans; and a normal user never sees it.</summary>
public sealed class AdminTests(ChromiumFixture chromium) : BrowserTest(chromium)
{
    [SkippableFact]
    public async Task Admin_SeesUsage_DisablesAProvider_StoresAServerKey_AndSetsAPlan()
    {
        const string serverKey = "sk-server-browser-0123456789abcdef";
        await using var server = LiveChatServer.Start();
        var page = await OpenAsync(server);
        await AccountTests.SignUpAsync(page, "admin@example.test"); // the first account is admin
        await SendAsync(page, "Count me in the usage");
        await WaitForAnswerAsync(page);

        await page.GetByTestId("admin-button").ClickAsync();
        var admin = page.GetByTestId("admin-dialog");
        await Expect(admin.GetByTestId("usage-chart")).ToBeVisibleAsync();
        await Expect(admin.GetByTestId("chart-bar")).Not.ToHaveCountAsync(0);
        await Expect(admin.GetByTestId("usage-providers")).ToContainTextAsync("demo");
        await ScreenshotAsync(page, "admin-usage");

        // Disable a provider: the picker no longer offers it.
        await Expect(page.Locator("#provider-select option[value=ollama]")).ToHaveCountAsync(1);
        await admin.GetByTestId("admin-tab-providers").ClickAsync();
        await admin.Locator("[data-testid=admin-provider-row][data-provider=ollama]").GetByTestId("provider-enabled").UncheckAsync();
        await Expect(admin).ToContainTextAsync("Saved");
        await Expect(page.Locator("#provider-select option[value=ollama]")).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "admin-providers");

        // A server-wide key, shown masked only.
        await admin.GetByTestId("admin-tab-keys").ClickAsync();
        await admin.GetByTestId("key-provider-select").SelectOptionAsync("anthropic");
        await admin.GetByTestId("key-input").FillAsync(serverKey);
        await admin.GetByTestId("key-save").ClickAsync();
        var row = admin.Locator("[data-testid=key-row][data-provider=anthropic]");
        await Expect(row).ToBeVisibleAsync();
        Assert.DoesNotContain(serverKey, await page.ContentAsync(), StringComparison.Ordinal);
        await Expect(page.Locator("#provider-select option[value=anthropic]")).ToHaveTextAsync("Anthropic");

        // Users and a per-user plan override.
        await admin.GetByTestId("admin-tab-users").ClickAsync();
        var user = admin.GetByTestId("admin-user-row").Filter(new() { HasText = "admin@example.test" });
        await Expect(user).ToContainTextAsync("admin");
        await user.Locator("input[aria-label='Per day']").FillAsync("3");
        await user.GetByTestId("user-plan-save").ClickAsync();
        await Expect(admin).ToContainTextAsync("Saved the plan of admin@example.test");
        await admin.Locator("[data-close]").First.ClickAsync();
        await page.GetByTestId("settings-button").ClickAsync();
        await Expect(page.GetByTestId("settings-plan")).ToContainTextAsync("1 / 3");
        await ScreenshotAsync(page, "settings-plan");
        Assert.Empty(CspViolations);
    }

    [SkippableFact]
    public async Task ASecondUser_IsNotAdmin_AndSeesNoAdminButton()
    {
        await using var server = LiveChatServer.Start();
        var first = await OpenAsync(server);
        await AccountTests.SignUpAsync(first, "first@example.test");
        await Expect(first.GetByTestId("admin-button")).ToBeVisibleAsync();

        var second = await OpenAsync(server);
        await AccountTests.SignUpAsync(second, "second@example.test");
        await Expect(second.GetByTestId("admin-button")).ToBeHiddenAsync();
    }
}
