using Microsoft.Playwright;

namespace ChatServer.BrowserTests;

/// <summary>What every browser test does: a fresh browser context per test, dialogs and page errors recorded, screenshots saved.</summary>
[Collection(BrowserGroup.Name)]
public abstract class BrowserTest : IAsyncLifetime
{
    private readonly ChromiumFixture _chromium;
    private readonly List<IBrowserContext> _contexts = [];
    private readonly List<(IPage Page, string Name)> _pages = [];

    protected BrowserTest(ChromiumFixture chromium) => _chromium = chromium;

    /// <summary>Gets the dialogs (alert, confirm, prompt) any page opened: the page itself never uses them.</summary>
    protected List<string> Dialogs { get; } = [];

    /// <summary>Gets the uncaught script errors of the pages.</summary>
    protected List<string> PageErrors { get; } = [];

    /// <summary>Gets the Content-Security-Policy violations the pages reported (there must be none).</summary>
    protected List<string> CspViolations { get; } = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        // The last state of every page, also (above all) when the test failed.
        foreach (var (page, name) in _pages)
        {
            try
            {
                await ScreenshotAsync(page, $"{name}-end");
            }
            catch (PlaywrightException)
            {
                // The page is already closed.
            }
        }

        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }
    }

    /// <summary>Opens the chat page of <paramref name="server"/> in a new context (its own cookies and storage).</summary>
    /// <returns>The loaded page.</returns>
    protected async Task<IPage> OpenAsync(LiveChatServer server, ViewportSize? viewport = null, [System.Runtime.CompilerServices.CallerMemberName] string testName = "")
    {
        BrowserEnvironment.RequireChromium();
        var context = await _chromium.Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseUrl.ToString(),
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 860 },
        });
        _contexts.Add(context);
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        _pages.Add((page, _pages.Count == 0 ? testName : $"{testName}-{_pages.Count + 1}"));
        page.Dialog += async (_, dialog) =>
        {
            lock (Dialogs)
            {
                Dialogs.Add($"{dialog.Type}: {dialog.Message}");
            }

            await dialog.DismissAsync();
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                lock (CspViolations)
                {
                    CspViolations.Add(message.Text);
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (PageErrors)
            {
                PageErrors.Add(error);
            }
        };
        await page.GotoAsync("/");
        await page.WaitForSelectorAsync("body.ready");
        return page;
    }

    /// <summary>Picks a provider in the page's picker and waits for its models.</summary>
    protected static async Task PickProviderAsync(IPage page, string provider)
    {
        await page.GetByTestId("provider-select").SelectOptionAsync(provider);
        await Assertions.Expect(page.GetByTestId("model-select")).ToBeEnabledAsync();
    }

    /// <summary>Saves a full-page screenshot to <c>TestResults/screenshots/&lt;name&gt;.png</c>.</summary>
    protected static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserEnvironment.ScreenshotDirectory, $"{name}.png"), FullPage = true });

    /// <summary>Types a message and sends it with the Send button.</summary>
    protected static async Task SendAsync(IPage page, string text)
    {
        await page.GetByTestId("message-input").FillAsync(text);
        await page.GetByTestId("send-button").ClickAsync();
    }

    /// <summary>Waits until the last answer has finished (its footer is written and the Send button is back).</summary>
    protected static async Task WaitForAnswerAsync(IPage page)
    {
        await Assertions.Expect(page.GetByTestId("send-button")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("assistant-message").Last).ToHaveAttributeAsync("aria-busy", "false");
    }

    /// <summary>Polls <paramref name="condition"/> until it holds or <paramref name="timeout"/> passes.</summary>
    protected static async Task<bool> EventuallyAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > (timeout ?? TimeSpan.FromSeconds(10)))
            {
                return false;
            }

            await Task.Yield();
            await Task.Delay(20);
        }

        return true;
    }
}
