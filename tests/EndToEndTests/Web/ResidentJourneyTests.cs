using System.Net;
using CommunitySafety.TestSupport;
using Microsoft.Playwright;
using Xunit;

namespace CommunitySafety.EndToEndTests.Web;

/// <summary>
/// Residents on the partnership's website, in Debian's Chromium through the gateway against the real services, with
/// JavaScript turned off: every page visited passes axe-core (WCAG 2.0–2.2 A and AA); screenshots are kept.
/// </summary>
public sealed class ResidentJourneyTests(PlatformFixture platform)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..6];

    private async Task<(Guid Body, Guid Meeting, string Title)> PublicMeeting(HttpClient secretary, string name, string kind, string? area,
        TimeSpan startsIn)
    {
        var body = await MeetingsScenarioTests.Body(secretary, $"{name} {_suffix}", kind, "Quarterly");
        var title = $"{name} {_suffix} meeting";
        var meeting = await (await secretary.PostJson("/api/meetings/meetings",
            new { bodyId = body, title, area, startsAt = DateTimeOffset.UtcNow.Add(startsIn), location = "Gravesend Civic Centre" })).CreatedId();
        return (body, meeting, title);
    }

    [Fact]
    public async Task Without_JavaScript_a_resident_finds_the_next_North_meeting_asks_a_street_level_question_and_later_reads_the_outcome()
    {
        using var secretary = platform.Client().WithToken("governance-admin", "meetings-secretary");
        // it starts in a few minutes (this platform advertises public meetings at no notice): asked before, answered once it has begun
        var (_, meeting, title) = await PublicMeeting(secretary, "North Neighbourhood Engagement", "NeighbourhoodEngagement", "North", TimeSpan.FromMinutes(2));

        await using var browser = await SiteBrowser.OpenAsync(platform.Gateway.Url, javaScript: false);
        await browser.GoAsync("/");
        await browser.FollowAsync(browser.Page.GetByRole(AriaRole.Link, new() { Name = "Meetings", Exact = true }));
        await browser.Page.GetByLabel("North", new() { Exact = true }).CheckAsync();
        await browser.SubmitAsync("Show meetings");
        Assert.Contains("area=North", browser.Page.Url);
        await browser.FollowAsync(browser.Page.GetByRole(AriaRole.Link, new() { Name = title }));
        Assert.Equal(title, await browser.Page.Locator("h1").InnerTextAsync());
        Assert.Matches(@"\d{4}, \d{1,2}(:\d{2})?(am|pm) to .* \(UK time, (GMT|BST)\)", await browser.Page.Locator(".govuk-summary-list").InnerTextAsync());

        await browser.FollowAsync(browser.Page.GetByRole(AriaRole.Button, new() { Name = "Ask a question or raise an issue" }));
        // sent empty: GOV.UK's error summary, its links to the fields, the page title saying so
        await browser.SubmitAsync("Send");
        Assert.StartsWith("Error: ", await browser.Page.TitleAsync());
        Assert.Equal(2, await browser.Page.Locator(".govuk-error-summary__list a").CountAsync());
        await browser.ScreenshotAsync("web-ask-errors.png");

        await browser.Page.GetByLabel("Ask a question").CheckAsync();
        await browser.Page.GetByLabel("Your question or issue").FillAsync("When will the street light outside number 12 be fixed?");
        await browser.Page.GetByLabel("Street or place (optional)").FillAsync("Mill Lane");
        await browser.SubmitAsync("Send");
        Assert.Equal("Your question has been sent", await browser.Page.Locator("h1").InnerTextAsync());
        await browser.ScreenshotAsync("web-ask-sent.png");

        // the clerk accepts it, answers it and publishes what was done
        var question = await Probes.EventuallyValue(Wait, async () =>
            (await (await secretary.GetAsync($"/api/meetings/meetings/{meeting}/questions")).Json(HttpStatusCode.OK)).AsArray()
            .FirstOrDefault(q => q!["location"]?.GetValue<string>() == "Mill Lane")?["id"]!.GetValue<Guid>());
        Assert.Equal(HttpStatusCode.NoContent, (await secretary.PostJson($"/api/meetings/questions/{question}/moderation", new { accept = true })).StatusCode);
        await Probes.Eventually(TimeSpan.FromMinutes(3), async () =>
            (await secretary.PostJson($"/api/meetings/questions/{question}/answer", new { answer = "Yes: Kent County Council has been asked to repair it." }))
            .StatusCode == HttpStatusCode.NoContent);
        Assert.Equal(HttpStatusCode.NoContent, (await secretary.PostJson($"/api/meetings/questions/{question}/outcome",
            new { youSaid = "The street light in Mill Lane is out", weDid = "Kent County Council repaired it on 3 March", progress = "Done" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await secretary.PostAsync($"/api/meetings/questions/{question}/outcome/publish", null)).StatusCode);

        await browser.GoAsync("/have-your-say");
        Assert.Contains("Kent County Council repaired it on 3 March", await browser.Page.Locator("#main-content").InnerTextAsync());
        await browser.ScreenshotAsync("web-you-said-we-did.png");
    }

    [Fact]
    public async Task With_the_keyboard_alone_a_resident_skips_to_the_content_and_asks_a_question_seeing_where_the_focus_is()
    {
        using var secretary = platform.Client().WithToken("governance-admin", "meetings-secretary");
        var (_, meeting, _) = await PublicMeeting(secretary, "South Neighbourhood Engagement", "NeighbourhoodEngagement", "South", TimeSpan.FromDays(6));
        await using var browser = await SiteBrowser.OpenAsync(platform.Gateway.Url);
        var page = browser.Page;
        await browser.GoAsync($"/meetings/{meeting}/ask");

        // the first Tab reaches the skip link, shown once focused; Enter moves to the content
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to main content", await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
        Assert.True(await page.Locator(".govuk-skip-link").IsVisibleAsync());
        await page.Keyboard.PressAsync("Enter");
        Assert.EndsWith("#main-content", page.Url);

        // every control is reached by Tab and shows where the focus is
        await TabTo(page, "#kind");
        Assert.True(await FocusVisible(page), "no visible focus on the radio");
        await page.Keyboard.PressAsync("Space");
        await TabTo(page, "#text");
        Assert.True(await FocusVisible(page), "no visible focus on the text box");
        await page.Keyboard.TypeAsync("Can the alley behind the shops be lit at night?");
        await TabTo(page, "button.govuk-button");
        Assert.True(await FocusVisible(page), "no visible focus on the button");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"**/meetings/{meeting}/ask/sent");
        await browser.SettledAsync();
        await browser.CheckedAsync();
        Assert.Equal("Your question has been sent", await page.Locator("h1").InnerTextAsync());
    }

    /// <summary>Presses Tab until the focus is on <paramref name="selector"/> (within 40 presses).</summary>
    private static async Task TabTo(IPage page, string selector)
    {
        var trail = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector)) return;
            trail.Add(await page.EvaluateAsync<string>("() => { const e = document.activeElement; return e ? `${e.tagName}#${e.id}.${e.className}` : 'none'; }"));
            await page.Keyboard.PressAsync("Tab");
        }
        throw new Xunit.Sdk.XunitException($"Tab never reached {selector}: {string.Join(" → ", trail)}");
    }

    /// <summary>GOV.UK's focus style: a thick outline, a box shadow or the yellow background, on the focused element (for a
    /// radio or a checkbox, whose input is hidden, on its label's drawn circle or box).</summary>
    private static Task<bool> FocusVisible(IPage page) => page.EvaluateAsync<bool>(
        "() => { const e = document.activeElement; " +
        "const s = e.type === 'radio' || e.type === 'checkbox' ? getComputedStyle(e.nextElementSibling, '::before') : getComputedStyle(e); " +
        "return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || (s.boxShadow && s.boxShadow !== 'none') " +
        "|| s.backgroundColor === 'rgb(255, 221, 0)'; }");

    [Fact]
    public async Task At_the_Open_Forum_an_area_matter_is_turned_away_with_a_link_to_that_areas_meeting()
    {
        using var secretary = platform.Client().WithToken("governance-admin", "meetings-secretary");
        var (_, forum, _) = await PublicMeeting(secretary, "Open Forum", "OpenForum", null, TimeSpan.FromDays(5));
        // the West area: no other test plans a West meeting, so this one is the area's next
        var (_, nem, _) = await PublicMeeting(secretary, "West Neighbourhood Engagement", "NeighbourhoodEngagement", "West", TimeSpan.FromDays(2));

        await using var browser = await SiteBrowser.OpenAsync(platform.Gateway.Url, javaScript: false);
        await browser.GoAsync($"/meetings/{forum}/ask");
        await browser.Page.GetByLabel("Raise an issue").CheckAsync();
        await browser.Page.GetByLabel("Your question or issue").FillAsync("Cars race down the high street at night");
        await browser.Page.GetByLabel("The West area").CheckAsync();
        await browser.SubmitAsync("Send");

        var summary = await browser.Page.Locator(".govuk-error-summary").InnerTextAsync();
        Assert.Contains("does not take matters about one area", summary);
        await browser.ScreenshotAsync("web-open-forum-refusal.png");
        await browser.FollowAsync(browser.Page.GetByRole(AriaRole.Link, new() { Name = "Raise it at the West Neighbourhood Engagement Meeting", Exact = true }));
        Assert.EndsWith($"/meetings/{nem}/ask", new Uri(browser.Page.Url).AbsolutePath);
    }

    [Fact]
    public async Task Every_public_page_passes_axe_with_JavaScript_on_and_off_and_unknown_pages_are_404_pages()
    {
        using var secretary = platform.Client().WithToken("governance-admin", "meetings-secretary");
        var (body, meeting, _) = await PublicMeeting(secretary, "East Neighbourhood Engagement", "NeighbourhoodEngagement", "East", TimeSpan.FromDays(4));
        string[] pages = ["/", "/meetings", "/meetings?area=East", $"/meetings/{meeting}", $"/meetings/{meeting}/ask", $"/meetings/{meeting}/ask/sent",
            "/have-your-say", "/decisions", "/forward-plan", "/bodies", $"/bodies/{body}", "/action-plan", "/open-data", "/accessibility", "/cookies",
            "/sign-in"];

        foreach (var javaScript in new[] { false, true })
        {
            await using var browser = await SiteBrowser.OpenAsync(platform.Gateway.Url, javaScript);
            foreach (var page in pages)
            {
                var response = await browser.GoAsync(page);
                Assert.Equal(200, response?.Status);
            }
            var missing = await browser.GoAsync("/no-such-page");
            Assert.Equal((404, "Page not found"), (missing?.Status, await browser.Page.Locator("h1").InnerTextAsync()));
        }
        await using (var home = await SiteBrowser.OpenAsync(platform.Gateway.Url))
        {
            await home.GoAsync("/");
            await home.ScreenshotAsync("web-home.png");
        }
    }
}
