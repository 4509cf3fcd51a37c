using Microsoft.Playwright;

namespace CommunitySafety.TestSupport;

/// <summary>
/// The Aspire dashboard in headless Chromium, driven by Playwright: Debian's <c>/usr/bin/chromium</c> (Playwright's own
/// browser download is not served here; <c>PLAYWRIGHT_CHROMIUM</c> names another). A plain <c>chromium --screenshot</c>
/// renders the dashboard blank: it is a Blazor app that draws after its circuit connects.
/// </summary>
public sealed class DashboardBrowser : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private DashboardBrowser(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
    }

    public IPage Page { get; }

    public static async Task<DashboardBrowser> OpenAsync(Uri dashboard)
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1600, Height = 900 }, BaseURL = dashboard.ToString() });
        return new DashboardBrowser(playwright, browser, page);
    }

    /// <summary>The rows of the page's data grid, each as its cells' texts.</summary>
    public async Task<IReadOnlyList<string[]>> RowsAsync() =>
        await Page.EvaluateAsync<string[][]>(
            "() => Array.from(document.querySelectorAll('[role=row]')).map(r => Array.from(r.querySelectorAll('[role=gridcell]')).map(c => c.innerText.trim()))");

    /// <summary>Saves a screenshot under .test-results/artefacts/ (kept by the test script) and returns its path.</summary>
    public Task<string> ScreenshotAsync(string name) => Chromium.ScreenshotAsync(Page, name);

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}

/// <summary>Debian's Chromium under Playwright, as every browser test here starts it, and where its screenshots go.</summary>
public static class Chromium
{
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("PLAYWRIGHT_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            // no sandbox as root; no calls home, which this machine's closed network refuses one by one
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run"],
        });
        return (playwright, browser);
    }

    /// <summary>Saves a screenshot of the whole page under .test-results/artefacts/ (kept by the test script) and returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(Repository.Root, ".test-results", "artefacts", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }
}
