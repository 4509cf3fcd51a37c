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
        // the scenario: a decision by consensus, a stream of £100,000, two assessed bids
        using var officer = platform.Client().WithToken("funding-officer");
        var (_, suffix, decisionId, trust, _, stream, streamName) =
            await SetUpAsync(officer, "Award Crime Reduction Grant to the youth diversion and CCTV projects", "Margate Youth Trust", 100_000m);
        using var bidder = platform.Client().WithTokenFor(trust, "bidder");

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

    [Fact]
    public async Task A_bidder_drafts_and_submits_a_bid_for_its_own_organisation_and_a_finance_officer_approves_and_pays_its_instalment()
    {
        using var officer = platform.Client().WithToken("funding-officer");
        var (today, suffix, decisionId, trust, trustName, stream, _) =
            await SetUpAsync(officer, "Award Crime Reduction Grant to the street pastors", "Herne Bay Street Pastors", 50_000m);

        // the bidder drafts the bid on the website, for the organisation it signed in for, and submits it
        await using var bidderSite = await SiteBrowser.OpenAsync(platform.Gateway.Url);
        var page = bidderSite.Page;
        await bidderSite.GoAsync("/sign-in");
        await page.GetByLabel("A bidder", new() { Exact = true }).CheckAsync();
        await page.Locator("#organisation").SelectOptionAsync(new SelectOptionValue { Label = trustName });
        await page.GetByLabel("Your name").FillAsync("Bea Bidder");
        await bidderSite.SubmitAsync("Sign in");
        await bidderSite.GoAsync("/funding/bids");
        await page.GetByLabel("Funding stream").SelectOptionAsync(stream.ToString());
        await page.GetByLabel("Title of the project").FillAsync($"Street pastors {suffix}");
        await page.GetByLabel("What the project will do").FillAsync("Friday and Saturday night patrols in the town centre");
        await page.GetByLabel("Amount requested, in pounds").FillAsync("12,500");
        await page.GetByLabel("The partnership's priority it serves").FillAsync("CSA priority 3: night-time economy");
        await page.GetByLabel("Area", new() { Exact = true }).FillAsync("North");
        await page.GetByLabel("An output it promises").FillAsync("patrol nights");
        await page.GetByLabel("Target for that output").FillAsync("80");
        await bidderSite.SubmitAsync("Save the draft");
        Assert.Equal($"Street pastors {suffix}", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("Draft", await page.Locator(".govuk-summary-list").First.InnerTextAsync());
        var bid = Guid.Parse(new Uri(page.Url).AbsolutePath.Split('/').Last());
        await bidderSite.SubmitAsync("Submit the bid for assessment");
        Assert.Contains("Awaiting assessment", await page.Locator(".govuk-summary-list").First.InnerTextAsync());

        // what the bidder sent is the bid of its own organisation
        var sent = await (await officer.GetAsync($"/api/funding/bids/{bid}")).Json(HttpStatusCode.OK);
        Assert.Equal(12_500m, sent["amountRequested"]!.GetValue<decimal>());
        Assert.Equal("Submitted", sent["status"]!.GetValue<string>());
        Assert.Equal(trust, sent["organisationId"]!.GetValue<Guid>());
        Assert.Equal("patrol nights", sent["outputs"]![0]!["measure"]!.GetValue<string>());

        // the officer assesses and awards it, citing the decision, and schedules an instalment
        Assert.Equal(HttpStatusCode.OK, (await officer.PostJson($"/api/funding/bids/{bid}/assessment", new { score = 81, comments = "Clear need" })).StatusCode);
        HttpResponseMessage awarded = null!;
        await Probes.Eventually(TimeSpan.FromSeconds(60), async () =>
            (awarded = await officer.PostJson($"/api/funding/bids/{bid}/award", new { amount = 12_500m, decisionId, awardDate = today })).StatusCode
            == HttpStatusCode.Created);
        var award = await awarded.CreatedId();
        Assert.Equal(HttpStatusCode.OK, (await officer.PostJson($"/api/funding/awards/{award}/instalments", new { amount = 6_250m, dueOn = today })).StatusCode);

        // the finance officer approves the instalment and records its payment
        await using var financeSite = await SiteBrowser.OpenAsync(platform.Gateway.Url);
        page = financeSite.Page;
        await financeSite.GoAsync("/sign-in");
        await page.GetByLabel("A finance officer", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Your name").FillAsync("Finn Finance");
        await financeSite.SubmitAsync("Sign in");
        await financeSite.GoAsync($"/funding/awards/{award}");
        Assert.Contains("Awaiting approval", await page.Locator("#instalments").InnerTextAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve £6,250.00", Exact = false }).ClickAsync();
        await financeSite.SettledAsync();
        await financeSite.CheckedAsync();
        Assert.Contains("Approved, to pay", await page.Locator("#instalments").InnerTextAsync());
        await page.GetByLabel("Approved instalment").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await financeSite.SubmitAsync("Record the payment");
        Assert.Contains($"Paid on {UkDate(today)}", await page.Locator("#instalments").InnerTextAsync());
        await financeSite.ScreenshotAsync("web-finance.png");

        var after = await (await officer.GetAsync($"/api/funding/awards/{award}")).Json(HttpStatusCode.OK);
        Assert.Equal(6_250m, after["paid"]!.GetValue<decimal>());
    }

    private sealed record Setting(DateOnly Today, string Suffix, Guid DecisionId, Guid Trust, string TrustName, Guid Stream, string StreamName);

    /// <summary>Through the API, as FundingScenarioTests sets it up: a decision by consensus, an organisation to bid, and a stream of this
    /// financial year with its budget; names made unique to the test.</summary>
    private async Task<Setting> SetUpAsync(HttpClient officer, string decision, string organisation, decimal budget)
    {
        var today = PartnershipCalendar.Today(DateTimeOffset.UtcNow);
        var year = today.Month >= 4 ? today.Year : today.Year - 1;
        var suffix = Guid.NewGuid().ToString("N")[..4];
        using var clerk = platform.Client().WithToken("governance-admin", "meetings-secretary");
        var decisionId = await Scenario.QuorateDecision(clerk, $"{decision} {suffix}");
        var trustName = $"{organisation} {suffix}";
        var trust = await (await clerk.PostJson("/api/governance/organisations", new { name = trustName, kind = "CooperatingBody" })).CreatedId();
        var streamName = $"Crime Reduction Grant {suffix}";
        var stream = await (await officer.PostJson("/api/funding/streams",
            new { name = streamName, source = "PCC Crime Reduction Grant", financialYear = year, budget })).CreatedId();
        return new(today, suffix, decisionId, trust, trustName, stream, streamName);
    }

    private static string UkDate(DateOnly date) => date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
}
