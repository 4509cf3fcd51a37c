using System.Globalization;
using System.Net;
using CommunitySafety.TestSupport;
using Microsoft.Playwright;
using Xunit;

namespace CommunitySafety.EndToEndTests.Web;

/// <summary>
/// The partnership's secretary running a body's meetings on the website, in Debian's Chromium through the gateway against
/// the real services: every page visited passes axe-core (WCAG 2.0–2.2 A and AA); screenshots are kept.
/// </summary>
public sealed class ClerkJourneyTests(PlatformFixture platform)
{
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..6];

    /// <summary>A Working Group as Governance sets it up: five responsible authorities and a co-operating body, one member each,
    /// a named substitute for the fourth authority's member; once Meetings knows them all.</summary>
    private async Task<(Guid Body, string Name)> WorkingGroup()
    {
        using var admin = platform.Client().WithToken("governance-admin");
        var name = $"Community Safety Working Group {_suffix}";
        var body = await (await admin.PostJson("/api/governance/bodies", new { name, kind = "WorkingGroup", cadence = "Quarterly" })).CreatedId();
        string[] authorities = ["Kent Police", "Kent Fire and Rescue", "Kent County Council", "NHS Kent and Medway ICB", "Probation Service"];
        var members = new List<Guid>();
        foreach (var (organisation, i) in authorities.Select((a, i) => (a, i)).Append(("Violence Reduction Unit", 5)))
        {
            var kind = i < 5 ? "ResponsibleAuthority" : "CooperatingBody";
            var id = await (await admin.PostJson("/api/governance/organisations", new { name = $"{organisation} {_suffix}", kind })).CreatedId();
            members.Add((await (await admin.PostJson($"/api/governance/bodies/{body}/members",
                new { organisationId = id, personName = $"Member {i} {_suffix}", role = i == 0 ? "Chair" : "Member" })).Json(HttpStatusCode.OK))["membershipId"]!.GetValue<Guid>());
        }
        await admin.PostJson($"/api/governance/bodies/{body}/members/{members[3]}/substitutes", new { name = $"Deputy Three {_suffix}" });
        using var secretary = platform.Client().WithToken("meetings-secretary");
        await Probes.Eventually(TimeSpan.FromSeconds(60), async () =>
        {
            var response = await secretary.GetAsync($"/api/meetings/bodies/{body}");
            if (response.StatusCode != HttpStatusCode.OK) return false;
            var view = await response.Json(HttpStatusCode.OK);
            return view["members"]!.AsArray().Count == 6 && view["members"]!.AsArray().Any(m => m!["substitutes"]!.AsArray().Count == 1);
        });
        return (body, name);
    }

    private static ILocator Panel(SiteBrowser browser) => browser.Page.Locator("#quorum");

    [Fact]
    public async Task A_clerk_plans_a_quarterly_series_publishes_an_agenda_reaches_quorum_records_a_decision_and_an_action_reviewed_next_time()
    {
        var (body, name) = await WorkingGroup();
        await using var browser = await SiteBrowser.OpenAsync(platform.Gateway.Url);
        var page = browser.Page;

        // signing in (Development: a demonstration user)
        await browser.GoAsync("/sign-in");
        await page.GetByLabel("The partnership's secretary").CheckAsync();
        await page.GetByLabel("Your name").FillAsync("Pat Secretary");
        await browser.SubmitAsync("Sign in");
        Assert.Equal("Dashboard", await page.Locator("h1").InnerTextAsync());

        // a quarterly series, two meetings, the first outside its agenda's publication window (a week before it)
        await browser.GoAsync($"/clerk/bodies/{body}");
        await browser.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "Plan a series of meetings" }));
        var first = DateTime.UtcNow.Date.AddDays(10);
        await page.Locator("#first-day").FillAsync(first.Day.ToString(CultureInfo.InvariantCulture));
        await page.Locator("#first-month").FillAsync(first.Month.ToString(CultureInfo.InvariantCulture));
        await page.Locator("#first-year").FillAsync(first.Year.ToString(CultureInfo.InvariantCulture));
        await page.Locator("#first-time").FillAsync("10am");
        await page.GetByLabel("The same weekday each time").CheckAsync();
        await page.GetByLabel("How long each meeting lasts, in minutes").FillAsync("120");
        await page.GetByLabel("Where the meetings are held (optional)").FillAsync("Kent Police HQ, Maidstone");
        await page.GetByLabel("How many meetings").FillAsync("2");
        await browser.SubmitAsync("Plan the meetings");
        var planned = page.Locator("main a[href^='/clerk/meetings/']");
        Assert.Equal(2, await planned.CountAsync());
        var firstMeeting = (await planned.Nth(0).GetAttributeAsync("href"))!;
        var nextMeeting = (await planned.Nth(1).GetAttributeAsync("href"))!;

        // the agenda: an item of business, then published
        await browser.GoAsync(firstMeeting);
        await browser.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "Agenda", Exact = true }));
        await page.GetByLabel("Title of the item").FillAsync("Shoplifting in Ashford town centre");
        await page.Locator("#item-exempt-2").CheckAsync(); // No
        await browser.SubmitAsync("Add the item");
        Assert.Contains("Shoplifting in Ashford town centre", await page.Locator("main").InnerTextAsync());
        await browser.SubmitAsync("Publish the agenda now");
        Assert.Contains("published", (await page.Locator(".govuk-notification-banner").InnerTextAsync()).ToLowerInvariant());

        // the meeting day: three authorities present is not a quorum; the fourth's named substitute makes it one
        await browser.GoAsync($"{firstMeeting}/day");
        for (var i = 0; i < 3; i++)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = $"Present (Member {i} {_suffix})" }).ClickAsync();
            await browser.SettledAsync();
            await Assertions.Expect(Panel(browser)).ToContainTextAsync($"{i + 1} of 4 required responsible authorities are represented");
        }
        await browser.CheckedAsync();
        await Assertions.Expect(Panel(browser)).ToContainTextAsync("Not quorate");

        // a decision before the quorum is refused, plainly
        await page.GetByLabel("The decision", new() { Exact = true }).FillAsync("Fund the town centre patrols from the Crime Reduction Grant");
        await page.Locator("#decision-consensus").CheckAsync(); // Yes
        await browser.SubmitAsync("Record the decision");
        Assert.Contains("not quorate", (await page.Locator(".govuk-error-summary").InnerTextAsync()).ToLowerInvariant());

        await page.GetByRole(AriaRole.Button, new() { Name = $"Substitute: Deputy Three {_suffix} (for Member 3 {_suffix})" }).ClickAsync();
        await browser.SettledAsync();
        await Assertions.Expect(Panel(browser)).ToContainTextAsync("4 of 4 required responsible authorities are represented");
        await browser.CheckedAsync();
        var panel = await Panel(browser).InnerTextAsync();
        Assert.Contains("Quorate", panel);
        Assert.DoesNotContain("Not quorate", panel);
        Assert.Contains($"Deputy Three {_suffix} is here as the named substitute for Member 3 {_suffix}", panel);
        await browser.ScreenshotAsync("web-meeting-day.png");

        // the decision, under the item, and an action for an organisation
        await page.GetByLabel("The decision", new() { Exact = true }).FillAsync("Fund the town centre patrols from the Crime Reduction Grant");
        await page.Locator("#decision-consensus").CheckAsync();
        await page.GetByLabel("Under which item?").SelectOptionAsync(new SelectOptionValue { Label = "5. Shoplifting in Ashford town centre" });
        await browser.SubmitAsync("Record the decision");
        Assert.Matches(@"\d{4}-\d{2}-\d{2}/5\.1", await page.Locator(".govuk-notification-banner").InnerTextAsync());

        var due = first.AddDays(30);
        await page.GetByLabel("The action", new() { Exact = true }).FillAsync("Report shoplifting figures for Ashford to the next meeting");
        await page.GetByLabel("Owner").SelectOptionAsync(new SelectOptionValue { Label = $"Kent Police {_suffix} (the organisation)" });
        await page.Locator("#action-due-day").FillAsync(due.Day.ToString(CultureInfo.InvariantCulture));
        await page.Locator("#action-due-month").FillAsync(due.Month.ToString(CultureInfo.InvariantCulture));
        await page.Locator("#action-due-year").FillAsync(due.Year.ToString(CultureInfo.InvariantCulture));
        await browser.SubmitAsync("Raise the action");
        Assert.Contains("action", (await page.Locator(".govuk-notification-banner").InnerTextAsync()).ToLowerInvariant());

        // the next meeting's agenda reviews the open action
        await browser.GoAsync($"{nextMeeting}/agenda");
        Assert.Contains("Report shoplifting figures for Ashford to the next meeting", await page.Locator("main").InnerTextAsync());
        await browser.ScreenshotAsync("web-next-agenda.png");

        // and the dashboard lists it among the open actions
        await browser.GoAsync("/dashboard");
        Assert.Contains("Report shoplifting figures for Ashford to the next meeting", await page.Locator("main").InnerTextAsync());
        Assert.Contains(name, await page.Locator("main").InnerTextAsync());
    }
}
