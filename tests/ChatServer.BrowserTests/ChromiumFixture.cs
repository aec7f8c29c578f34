using Microsoft.Playwright;

namespace ChatServer.BrowserTests;

/// <summary>One headless Chromium (Debian's, never a downloaded one) shared by every browser test; each test gets its own context.</summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;

    /// <summary>Gets the browser, or null when Chromium is missing (the tests then skip).</summary>
    public IBrowser? Browser { get; private set; }

    public async Task InitializeAsync()
    {
        if (!BrowserEnvironment.HasChromium)
        {
            return;
        }

        // Playwright's driver must never download browsers: the executable path below is the only one used.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserEnvironment.ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
            ChromiumSandbox = false,
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

/// <summary>The browser tests share one Chromium and run one at a time (the machine has few cores).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserGroup : ICollectionFixture<ChromiumFixture>
{
    public const string Name = "browser";
}
