using System.Net;
using System.Text.Json.Nodes;
using CommunitySafety.ServiceDefaults;
using CommunitySafety.TestSupport;
using Xunit;

namespace CommunitySafety.EndToEndTests;

/// <summary>
/// The Crime Reduction Grant through the gateway, with Meetings' decision reaching Funding over RabbitMQ: a stream of
/// £100,000, two bids, an award citing the recorded decision, refusals for a made-up decision and for going over
/// budget, payments, a monitoring return with a variance, and the totals in the report and the 360Giving export.
/// </summary>
public sealed class FundingScenarioTests(PlatformFixture platform)
{
    [Fact]
    public async Task Awards_cite_a_recorded_decision_stay_within_budget_and_are_paid_monitored_reported_and_published()
    {
        var today = PartnershipCalendar.Today(DateTimeOffset.UtcNow);
        var year = FundingYear(today);
        using var clerk = platform.Client().WithToken("governance-admin", "meetings-secretary");
        var decisionId = await Scenario.QuorateDecision(clerk, "Award Crime Reduction Grant to the youth diversion and CCTV projects");
        var trust = await (await clerk.PostJson("/api/governance/organisations", new { name = "Margate Youth Trust", kind = "CooperatingBody" })).CreatedId();

        using var officer = platform.Client().WithToken("funding-officer");
        using var finance = platform.Client().WithToken("finance-officer");
        using var bidder = platform.Client().WithTokenFor(trust, "bidder");
        var stream = await (await officer.PostJson("/api/funding/streams",
            new { name = "Crime Reduction Grant " + Guid.NewGuid().ToString("N")[..4], source = "PCC Crime Reduction Grant", financialYear = year, budget = 100_000m }))
            .CreatedId();

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
        var youth = await AssessedBid("Youth diversion", 60_000m);
        var cctv = await AssessedBid("Mobile CCTV", 50_000m);

        // Funding hears of the decision over the broker; until then the award is refused as citing an unknown decision
        HttpResponseMessage awarded = null!;
        await Probes.Eventually(TimeSpan.FromSeconds(60), async () =>
            (awarded = await officer.PostJson($"/api/funding/bids/{youth}/award", new { amount = 60_000m, decisionId, awardDate = today })).StatusCode
            == HttpStatusCode.Created);
        var award = await awarded.CreatedId();
        await (await officer.PostJson($"/api/funding/bids/{cctv}/award", new { amount = 30_000m, decisionId = Guid.NewGuid(), awardDate = today }))
            .Problem(HttpStatusCode.UnprocessableEntity, "decision-unknown");
        await (await officer.PostJson($"/api/funding/bids/{cctv}/award", new { amount = 45_000m, decisionId, awardDate = today }))
            .Problem(HttpStatusCode.Conflict, "over-budget");
        var second = await (await officer.PostJson($"/api/funding/bids/{cctv}/award", new { amount = 40_000m, decisionId, awardDate = today })).CreatedId();

        // payments: scheduled → approved → paid
        var instalment = (await (await officer.PostJson($"/api/funding/awards/{award}/instalments", new { amount = 20_000m, dueOn = today }))
            .Json(HttpStatusCode.OK))["instalmentId"]!.GetValue<Guid>();
        Assert.True((await finance.PostJson($"/api/funding/awards/{award}/instalments/{instalment}/approve", null)).IsSuccessStatusCode);
        Assert.True((await finance.PostJson($"/api/funding/awards/{award}/instalments/{instalment}/pay", new { paidOn = today })).IsSuccessStatusCode);

        // a first-quarter return: £25,000 against £15,000 expected needs an explanation
        var ret = new { quarter = 1, spendToDate = 25_000m, outputsAchieved = new Dictionary<string, decimal> { ["young people engaged"] = 14 } };
        await (await bidder.PostJson($"/api/funding/awards/{award}/returns", ret)).Problem(HttpStatusCode.UnprocessableEntity, "variance-needs-explanation");
        Assert.True((await bidder.PostJson($"/api/funding/awards/{award}/returns", new
        {
            ret.quarter, ret.spendToDate, ret.outputsAchieved, varianceExplanation = "Minibus bought in the first quarter",
        })).IsSuccessStatusCode);

        var report = await (await finance.GetAsync($"/api/funding/reports/streams/{stream}")).Json(HttpStatusCode.OK);
        var totals = report["totals"]!;
        Assert.Equal((100_000m, 100_000m, 20_000m, 25_000m, 0m),
            (M(totals, "budget"), M(totals, "awarded"), M(totals, "paid"), M(totals, "reportedSpend"), M(totals, "available")));

        var export = (await (await platform.Client().GetAsync($"/api/funding/exports/360giving?financialYear={year}")).Json(HttpStatusCode.OK)).ToJsonString();
        var errors = await ThreeSixtyGivingSchema.ValidateAsync(export);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var grants = JsonNode.Parse(export)!["grants"]!.AsArray()
            .Where(g => g!["id"]!.GetValue<string>().EndsWith(award.ToString(), StringComparison.Ordinal) || g["id"]!.GetValue<string>().EndsWith(second.ToString(), StringComparison.Ordinal)).ToList();
        Assert.Equal(100_000m, grants.Sum(g => M(g!, "amountAwarded")));
        Assert.Equal(20_000m, grants.Sum(g => M(g!, "amountDisbursed")));
        Assert.All(grants, g => Assert.Equal("Margate Youth Trust", g!["recipientOrganization"]![0]!["name"]!.GetValue<string>()));
    }

    private static int FundingYear(DateOnly today) => today.Month >= 4 ? today.Year : today.Year - 1;

    private static decimal M(JsonNode node, string field) => node[field]!.GetValue<decimal>();
}
