using System.Net;
using CommunitySafety.TestSupport;
using CommunitySafety.TestSupport.Clients.Funding;
using Xunit;

namespace CommunitySafety.Funding.IntegrationTests;

public sealed class ReturnTests(FundingFixture fixture)
{
    private readonly HttpClient _officer = fixture.Client(FundingRoles.FundingOfficer);


    [Fact]
    public async Task The_recipients_bidder_submits_quarterly_returns_measured_against_the_straight_line_profile()
    {
        var award = await fixture.ArrangeAward(amount: 10_000m);
        var bidder = fixture.ClientFor(award.OrganisationId, FundingRoles.Bidder);

        // Quarter 1 expects 2,500; 2,750 is exactly 10% over, which needs no explanation.
        var first = await bidder.SubmitReturn(award.AwardId, new { quarter = 1, spendToDate = 2_750m, outputsAchieved = new Dictionary<string, decimal> { ["sessions"] = 3 } }, "\"1\"");
        var answer = await first.Json(HttpStatusCode.OK);
        Assert.Equal("\"2\"", first.ETag());
        Assert.Equal((2_500m, 10m, "2026-06-30"), (answer["expectedSpend"]!.GetValue<decimal>(), answer["variancePercent"]!.GetValue<decimal>(),
            answer["periodEnd"]!.GetValue<string>()));

        // Quarter 2 expects 5,000: 4,000 is 20% under and must be explained.
        var unexplained = await (await bidder.SubmitReturn(award.AwardId, new { quarter = 2, spendToDate = 4_000m, outputsAchieved = new { } }))
            .Problem(HttpStatusCode.UnprocessableEntity, "variance-needs-explanation");
        Assert.Equal((-20m, 10m), (unexplained["variancePercent"]!.GetValue<decimal>(), unexplained["thresholdPercent"]!.GetValue<decimal>()));
        await (await _officer.SubmitReturn(award.AwardId, new
        {
            quarter = 2, spendToDate = 4_000m, varianceExplanation = "Youth worker post vacant for six weeks",
            outputsAchieved = new Dictionary<string, decimal> { ["sessions"] = 5, ["young people engaged"] = 18 },
        })).Json(HttpStatusCode.OK);

        var read = await fixture.ReadAward(award.AwardId);
        Assert.Equal([1, 2], read.Returns.Select(r => r.Quarter));
        Assert.Equal((4_000m, -20m, "Youth worker post vacant for six weeks", 18m), (read.ReportedSpend, read.Returns[1].VariancePercent,
            read.Returns[1].VarianceExplanation, read.Returns[1].OutputsAchieved["young people engaged"]));
        Assert.Null(read.Returns[0].VarianceExplanation);
    }

    [Fact]
    public async Task Returns_are_one_per_quarter_with_cumulative_spend_within_the_award_for_promised_outputs()
    {
        var award = await fixture.ArrangeAward(amount: 10_000m);
        var none = new Dictionary<string, decimal>();
        await (await _officer.SubmitReturn(award.AwardId, new { quarter = 2, spendToDate = 5_000m, outputsAchieved = none })).Json(HttpStatusCode.OK);

        await (await _officer.SubmitReturn(award.AwardId, new { quarter = 2, spendToDate = 5_000m, outputsAchieved = none })).Problem(HttpStatusCode.Conflict, "return-exists");
        var behind = await (await _officer.SubmitReturn(award.AwardId, new { quarter = 3, spendToDate = 4_999.99m, outputsAchieved = none, varianceExplanation = "x" }))
            .Problem(HttpStatusCode.Conflict, "spend-not-cumulative");
        Assert.Equal(5_000m, behind["earlierSpend"]!.GetValue<decimal>());
        await (await _officer.SubmitReturn(award.AwardId, new { quarter = 4, spendToDate = 10_000.01m, outputsAchieved = none })).Problem(HttpStatusCode.Conflict, "spend-exceeds-award");
        await (await _officer.SubmitReturn(award.AwardId, new { quarter = 4, spendToDate = 10_000m, outputsAchieved = none })).Json(HttpStatusCode.OK);

        var unknown = await (await _officer.SubmitReturn(award.AwardId, new
            {
                quarter = 3, spendToDate = 7_500m, outputsAchieved = new Dictionary<string, decimal> { ["sessions"] = 1, ["arrests"] = 2 },
            }))
            .Problem(HttpStatusCode.BadRequest, "validation");
        Assert.Contains("arrests", unknown["errors"]!["outputsAchieved"]![0]!.GetValue<string>());
        Assert.Equal([2, 4], (await fixture.ReadAward(award.AwardId)).Returns.Select(r => r.Quarter));
    }

    [Fact]
    public async Task Bad_input_wrong_callers_unknown_awards_and_stale_versions_are_refused()
    {
        var award = await fixture.ArrangeAward();
        var none = new Dictionary<string, decimal>();

        foreach (var body in new object[]
                 {
                     new { quarter = 0, spendToDate = 0m, outputsAchieved = none }, new { quarter = 5, spendToDate = 0m, outputsAchieved = none },
                     new { spendToDate = 0m, outputsAchieved = none }, new { quarter = 1, spendToDate = -1m, outputsAchieved = none },
                     new { quarter = 1, spendToDate = 1.001m, outputsAchieved = none }, new { quarter = 1, outputsAchieved = none },
                     new { quarter = 1, spendToDate = 2_500m }, new { quarter = 1, spendToDate = 2_500m, outputsAchieved = new Dictionary<string, decimal> { ["sessions"] = -1 } },
                 })
            await (await _officer.SubmitReturn(award.AwardId, body)).Problem(HttpStatusCode.BadRequest, "validation");
        await (await _officer.PostRaw(FundingRoutes.Returns(award.AwardId), "null")).Problem(HttpStatusCode.BadRequest);
        await (await _officer.PostRaw(FundingRoutes.Returns(award.AwardId), "{\"quarter\": \"first\"}")).Problem(HttpStatusCode.BadRequest);

        var valid = new { quarter = 1, spendToDate = 2_500m, outputsAchieved = none };
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Client().SubmitReturn(award.AwardId, valid)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.Client(FundingRoles.FinanceOfficer).SubmitReturn(award.AwardId, valid)).StatusCode);
        await (await fixture.ClientFor(Guid.NewGuid(), FundingRoles.Bidder).SubmitReturn(award.AwardId, valid)).Problem(HttpStatusCode.Forbidden, "not-your-award");
        // a bidder token naming no organisation: refused by the rule bids and awards share
        await (await fixture.Client(FundingRoles.Bidder).SubmitReturn(award.AwardId, valid)).Problem(HttpStatusCode.Forbidden, "no-organisation");
        await (await _officer.SubmitReturn(Guid.NewGuid(), valid)).Problem(HttpStatusCode.NotFound, "not-found");
        await (await _officer.SubmitReturn(award.AwardId, valid, "\"2\"")).Problem(HttpStatusCode.PreconditionFailed, "stale-version");

        Assert.Empty((await fixture.ReadAward(award.AwardId)).Returns);
    }
}

/// <summary>The variance rule as the pages read it.</summary>
public sealed class MonitoringRuleTests(FundingFixture fixture)
{
    [Fact]
    public async Task The_rule_names_the_configured_threshold()
    {
        var rule = await (await fixture.ClientFor(Guid.NewGuid(), FundingRoles.Bidder).GetMonitoringRule()).Json(HttpStatusCode.OK);
        Assert.Equal(10m, rule["varianceThresholdPercent"]!.GetValue<decimal>());
        Assert.Contains("more than 10% above or below", rule["rule"]!.GetValue<string>());
    }
}
