using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CommunitySafety.TestSupport;

/// <summary>
/// The partnership's website in headless Chromium, as a resident or a clerk uses it: with JavaScript on or off, every page
/// visited checked by axe-core against WCAG 2.0, 2.1 and 2.2 A and AA (<see cref="CheckedAsync"/>), screenshots kept.
/// </summary>
public sealed class SiteBrowser : IAsyncDisposable
{
    /// <summary>axe-core's tags for the levels UK public bodies must meet (WCAG 2.2 AA) and those below them.</summary>
    public static readonly List<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly IBrowserContext _context;
    private readonly IBrowserContext? _checker;
    private readonly List<string> _visited = [];

    private SiteBrowser(IPlaywright playwright, IBrowser browser, IBrowserContext context, IPage page, IBrowserContext? checker)
    {
        _playwright = playwright;
        _browser = browser;
        _context = context;
        _checker = checker;
        Page = page;
    }

    public IPage Page { get; }

    /// <summary>Every page checked so far, with the number of axe-core's violations (0 each, or the check failed).</summary>
    public IReadOnlyList<string> Visited => _visited;

    public static async Task<SiteBrowser> OpenAsync(Uri site, bool javaScript = true)
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = site.ToString(),
            JavaScriptEnabled = javaScript,
            ViewportSize = new() { Width = 1280, Height = 900 },
            Locale = "en-GB",
        });
        var page = await context.NewPageAsync();
        // axe-core runs in the page: with scripts off it cannot, so the page's HTML is checked in a second context that runs
        // scripts (the page's own scripts taken out, so it is the page as a browser without JavaScript shows it)
        var checker = javaScript ? null : await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "en-GB" });
        return new SiteBrowser(playwright, browser, context, page, checker);
    }

    public async Task<IResponse?> GoAsync(string path)
    {
        var response = await Page.GotoAsync(path);
        await CheckedAsync();
        return response;
    }

    /// <summary>Runs axe-core on the page as it is (JavaScript off: axe is injected by Playwright all the same) and fails on any violation.</summary>
    public async Task CheckedAsync()
    {
        var checkedPage = Page;
        // the page at rest: a link just clicked keeps GOV.UK's focus style (black on yellow, no underline), which axe-core
        // would judge by colour alone
        if (_checker is null) await Page.EvaluateAsync("() => document.activeElement?.blur()");
        if (_checker is not null)
        {
            checkedPage = await _checker.NewPageAsync();
            // the same address (so that its stylesheets load from the site), the HTML this browser got: not asked for again
            var html = WithoutScripts(await Page.ContentAsync());
            await checkedPage.RouteAsync(Page.Url, route => route.FulfillAsync(new() { Body = html, ContentType = "text/html; charset=utf-8" }));
            await checkedPage.GotoAsync(Page.Url);
        }
        AxeResult result;
        try
        {
            result = await checkedPage.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = WcagTags } });
        }
        finally
        {
            if (!ReferenceEquals(checkedPage, Page)) await checkedPage.CloseAsync();
        }
        _visited.Add($"{new Uri(Page.Url).PathAndQuery}: {result.Violations.Length} violations");
        if (result.Violations.Length > 0)
            throw new Xunit.Sdk.XunitException($"axe-core found {result.Violations.Length} violation(s) on {Page.Url}:\n" + string.Join("\n",
                result.Violations.Select(v => $"- {v.Id} ({v.Impact}): {v.Help}\n    " +
                                              string.Join("\n    ", v.Nodes.Take(5).Select(n => $"{n.Target} {n.Html}")))));
    }

    private static string WithoutScripts(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html, "<script\\b[^>]*>.*?</script>", "",
            System.Text.RegularExpressions.RegexOptions.Singleline | System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    /// <summary>Submits a form by its button, and checks the page it leads to.</summary>
    public async Task SubmitAsync(string button)
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await SettledAsync();
        await CheckedAsync();
    }

    /// <summary>Submits a form by pressing Enter in one of its fields (the browser's implicit submission: the form's first submit button),
    /// and checks the page it leads to.</summary>
    public async Task PressEnterAsync(ILocator field)
    {
        await field.PressAsync("Enter");
        await SettledAsync();
        await CheckedAsync();
    }

    /// <summary>Follows a link (a full navigation, or Blazor's enhanced one) and checks the page it leads to.</summary>
    public async Task FollowAsync(ILocator link)
    {
        await link.ClickAsync();
        await SettledAsync();
        await CheckedAsync();
    }

    /// <summary>After a click: the post and the page it led to (a navigation, or Blazor's enhanced update in place) are done.</summary>
    public async Task SettledAsync()
    {
        await Page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    public Task<string> ScreenshotAsync(string name) => Chromium.ScreenshotAsync(Page, name);

    public async ValueTask DisposeAsync()
    {
        if (_checker is not null) await _checker.DisposeAsync();
        await _context.DisposeAsync();
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
