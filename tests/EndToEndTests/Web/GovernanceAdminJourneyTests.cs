using System.Globalization;
using System.Net;
using CommunitySafety.TestSupport;
using Microsoft.Playwright;
using Xunit;

namespace CommunitySafety.EndToEndTests.Web;

/// <summary>
/// A governance administrator on the website, in Debian's Chromium through the gateway against the real services: runs a chair's
/// election and sees the term and when the next election is due; records an organisation's signature of the Information Sharing
/// Agreement. Every page visited passes axe-core (WCAG 2.0–2.2 A and AA); the body's page is kept as a screenshot.
/// </summary>
public sealed class GovernanceAdminJourneyTests(PlatformFixture platform)
{
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..6];

    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    private static DateOnly UkToday => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).DateTime);

    private static string Long(DateOnly date) => date.ToString("d MMMM yyyy", British);

    [Fact]
    public async Task An_administrator_runs_a_chairs_election_sees_the_term_and_the_next_election_due_and_records_an_isa_signature()
    {
        using var admin = platform.Client().WithToken("governance-admin");
        var body = await (await admin.PostJson("/api/governance/bodies",
            new { name = $"Community Safety Working Group {_suffix}", kind = "WorkingGroup", cadence = "Quarterly" })).CreatedId();
        string[] authorities = ["Kent Police", "Kent County Council", "Kent Fire and Rescue Service"];
        var organisations = new List<Guid>();
        foreach (var (authority, i) in authorities.Select((a, i) => (a, i)))
        {
            var organisation = await (await admin.PostJson("/api/governance/organisations", new { name = $"{authority} {_suffix}", kind = "ResponsibleAuthority" })).CreatedId();
            organisations.Add(organisation);
            (await admin.PostJson($"/api/governance/bodies/{body}/members",
                new { organisationId = organisation, personName = $"Member {i} {_suffix}", role = "Member" })).EnsureSuccessStatusCode();
        }

        // the site's first page render (its sign-in page asks Governance for the bodies and organisations) can take a while on a
        // loaded machine: once here, with time to spare, so the browser's 30-second navigations measure the pages, not a cold start
        using (var warm = new HttpClient { BaseAddress = platform.Gateway.Url, Timeout = TimeSpan.FromMinutes(2) })
            Assert.Equal(HttpStatusCode.OK, (await warm.GetAsync("/sign-in")).StatusCode);

        await using var browser = await SiteBrowser.OpenAsync(platform.Gateway.Url);
        var page = browser.Page;
        await browser.GoAsync("/sign-in");
        await page.GetByRole(AriaRole.Radio, new() { Name = "A governance administrator" }).CheckAsync();
        await page.GetByLabel("Your name").FillAsync("Gill Governance");
        await browser.SubmitAsync("Sign in");
        Assert.Equal("Dashboard", await page.Locator("h1").InnerTextAsync());

        // the body, from the list of bodies: no chair, no elected term yet
        await browser.FollowAsync(page.Locator("main a[href='/admin/bodies']"));
        await browser.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = $"Community Safety Working Group {_suffix}" }));
        Assert.Contains("Vacant", await page.Locator("#office-terms").InnerTextAsync());

        // the chair's election: two members stood, the second was elected; the term runs two years from today
        await page.Locator("#election-office").CheckAsync(); // Chair
        await page.GetByLabel($"Member 0 {_suffix} (Kent Police {_suffix})").CheckAsync();
        await page.GetByLabel($"Member 1 {_suffix} (Kent County Council {_suffix})").CheckAsync();
        await page.GetByLabel("Who was elected?").SelectOptionAsync(new SelectOptionValue { Label = $"Member 1 {_suffix} (Kent County Council {_suffix})" });
        await browser.SubmitAsync("Record the election");

        var ends = UkToday.AddYears(2);
        Assert.Equal($"Member 1 {_suffix} is elected chair until {Long(ends)}", (await page.Locator(".govuk-notification-banner p").InnerTextAsync()).Trim());
        var chair = await page.Locator("#office-terms tbody tr").Nth(0).InnerTextAsync();
        Assert.Contains($"Member 1 {_suffix} (Kent County Council {_suffix})", chair);
        Assert.Contains($"{Long(UkToday)} to {Long(ends)}", chair);
        Assert.Contains($"By {Long(ends)}", chair);
        Assert.Contains("Held", chair);
        Assert.Contains("Chair", await page.Locator("#member-list").InnerTextAsync());
        await browser.ScreenshotAsync("web-governance-admin.png");

        // Governance agrees: the chair's term, and the member's role
        var offices = await (await admin.GetAsync($"/api/governance/bodies/{body}/offices")).Json(HttpStatusCode.OK);
        Assert.Equal(ends.ToString("yyyy-MM-dd"), offices.AsArray().Single(o => o!["office"]!.GetValue<string>() == "Chair")!["termEndsOn"]!.GetValue<string>());

        // the fire service signs the ISA today: its review falls due in twelve months
        await browser.GoAsync($"/admin/organisations/{organisations[2]}");
        await page.Locator("#sign-on-day").FillAsync(UkToday.Day.ToString());
        await page.Locator("#sign-on-month").FillAsync(UkToday.Month.ToString());
        await page.Locator("#sign-on-year").FillAsync(UkToday.Year.ToString());
        await page.GetByLabel("Who signed it").FillAsync("Chief Fire Officer");
        await browser.SubmitAsync("Record the signature");
        Assert.Equal($"The signature is recorded. It is due for review on {Long(UkToday.AddMonths(12))}",
            (await page.Locator(".govuk-notification-banner p").InnerTextAsync()).Trim());
        Assert.Equal("Signed", (await page.Locator("#isa .govuk-tag").InnerTextAsync()).Trim());

        await browser.GoAsync("/admin/organisations");
        Assert.Contains("Signed", await page.Locator("#organisations tr", new() { HasText = $"Kent Fire and Rescue Service {_suffix}" }).InnerTextAsync());
    }
}
