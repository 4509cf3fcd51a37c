using System.Net;
using CommunitySafety.ServiceDefaults;
using CommunitySafety.TestSupport;
using Microsoft.Playwright;
using Xunit;

namespace CommunitySafety.EndToEndTests.Web;

/// <summary>
/// Issue 17 on the website: a funding officer, in Debian's Chromium through the gateway against the real services, awards a
/// bid citing a consensus decision Meetings recorded (and Funding heard of over the broker), chosen from the register's
/// list; a second award that would exceed the stream's budget is refused, the refusal said plainly with the figures. Every
/// page visited passes axe-core.
/// </summary>
public sealed class FundingJourneyTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_funding_officer_awards_a_bid_citing_a_consensus_decision_and_is_refused_an_award_over_the_streams_budget()
    {
        // the scenario, through the API as FundingScenarioTests sets it up: a decision by consensus, a stream of £100,000, two assessed bids
        var today = PartnershipCalendar.Today(DateTimeOffset.UtcNow);
        var year = today.Month >= 4 ? today.Year : today.Year - 1;
        var suffix = Guid.NewGuid().ToString("N")[..4];
        using var clerk = platform.Client().WithToken("governance-admin", "meetings-secretary");
        var decisionId = await Scenario.QuorateDecision(clerk, $"Award Crime Reduction Grant to the youth diversion and CCTV projects {suffix}");
        var trust = await (await clerk.PostJson("/api/governance/organisations", new { name = $"Margate Youth Trust {suffix}", kind = "CooperatingBody" })).CreatedId();
        using var officer = platform.Client().WithToken("funding-officer");
        using var bidder = platform.Client().WithTokenFor(trust, "bidder");
        var streamName = $"Crime Reduction Grant {suffix}";
        var stream = await (await officer.PostJson("/api/funding/streams",
            new { name = streamName, source = "PCC Crime Reduction Grant", financialYear = year, budget = 100_000m })).CreatedId();

        async Task<Guid> AssessedBid(string title, decimal requested)
        {
            var bid = await (await bidder.PostJson("/api/funding/bids", new
            {
                streamId = stream, title, description = title + " in Cliftonville", amountRequested = requested, priority = "CSA priority 2: ASB",
                outputs = new[] { new { measure = "young people engaged", target = 40m } }, area = "East",
            })).CreatedId();
            Assert.Equal(HttpStatusCode.OK, (await bidder.PostJson($"/api/funding/bids/{bid}/submit", null)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await officer.PostJson($"/api/funding/bids/{bid}/assessment", new { score = 78, comments = "Strong evidence" })).StatusCode);
            return bid;
        }
        var youth = await AssessedBid($"Youth diversion {suffix}", 60_000m);
        var cctv = await AssessedBid($"Mobile CCTV {suffix}", 50_000m);
        // Funding hears of the decision over the broker
        await Probes.Eventually(TimeSpan.FromSeconds(60), async () =>
            (await (await officer.GetAsync("/api/funding/decisions?consensus=true&limit=100")).Json(HttpStatusCode.OK)).ToJsonString().Contains(decisionId.ToString()));

        await using var browser = await SiteBrowser.OpenAsync(platform.Gateway.Url);
        var page = browser.Page;
        await browser.GoAsync("/sign-in");
        await page.GetByLabel("A funding officer").CheckAsync();
        await page.GetByLabel("Your name").FillAsync("Fay Officer");
        await browser.SubmitAsync("Sign in");
        Assert.Equal("Dashboard", await page.Locator("h1").InnerTextAsync());

        // the streams: the new one, its budget all available
        await browser.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "Funding streams" }));
        var row = page.Locator("tr", new() { Has = page.GetByRole(AriaRole.Link, new() { Name = streamName }) });
        Assert.Contains("£100,000.00", await row.InnerTextAsync());

        // the first bid: awarded, citing the decision chosen from the list
        await browser.GoAsync($"/funding/bids/{youth}");
        Assert.Equal($"Youth diversion {suffix}", await page.Locator("h1").InnerTextAsync());
        await page.GetByLabel("The decision that approved it").SelectOptionAsync(decisionId.ToString());
        await page.GetByLabel("Amount awarded, in pounds").FillAsync("60,000");
        await browser.SubmitAsync("Award the grant");
        Assert.Contains("The grant is awarded", await page.Locator(".govuk-notification-banner").InnerTextAsync());
        Assert.Contains("£60,000.00", await page.Locator(".govuk-summary-list").First.InnerTextAsync());
        Assert.Contains($"reference {decisionId.ToString()[..8]}", await page.Locator("main").InnerTextAsync());

        // the second: £45,000 when £40,000 is left is refused, plainly, with the figures
        await browser.GoAsync($"/funding/bids/{cctv}");
        await page.GetByLabel("The decision that approved it").SelectOptionAsync(decisionId.ToString());
        await page.GetByLabel("Amount awarded, in pounds").FillAsync("45000");
        await browser.SubmitAsync("Award the grant");
        var summary = await page.Locator(".govuk-error-summary").InnerTextAsync();
        Assert.Contains("This award of £45,000.00 would exceed the stream's available budget of £40,000.00", summary);
        Assert.StartsWith("Error: ", await page.TitleAsync());
        await browser.ScreenshotAsync("web-funding.png");

        // nothing more was committed: the stream still has £40,000 available
        var after = await (await officer.GetAsync($"/api/funding/streams/{stream}")).Json(HttpStatusCode.OK);
        Assert.Equal(40_000m, after["available"]!.GetValue<decimal>());
    }
}
