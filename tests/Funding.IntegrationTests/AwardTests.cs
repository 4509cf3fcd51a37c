using System.Net;
using CommunitySafety.Contracts.Funding;
using CommunitySafety.TestSupport;
using CommunitySafety.TestSupport.Clients.Funding;
using Wolverine.Tracking;
using Xunit;

namespace CommunitySafety.Funding.IntegrationTests;

public sealed class AwardTests(FundingFixture fixture)
{
    private static readonly DateOnly InYear = new(2026, 9, 1);
    private readonly HttpClient _officer = fixture.Client(FundingRoles.FundingOfficer);

    private static object AwardBody(decimal amount, Guid decisionId, DateOnly? awardDate = null) =>
        new { amount, decisionId, awardDate = awardDate ?? InYear };

    private async Task<(decimal Committed, decimal Available)> Ledger(Guid streamId)
    {
        var stream = await (await _officer.GetStream(streamId)).Json(HttpStatusCode.OK);
        return (stream["committed"]!.GetValue<decimal>(), stream["available"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task An_award_by_a_recorded_decision_commits_the_budget_closes_the_bid_and_publishes_GrantAwarded()
    {
        var streamId = await _officer.OpenStream(50_000m);
        var organisationId = await fixture.Organisation();
        var bidId = await fixture.AssessedBid(_officer, streamId, organisationId, 20_000m);
        var decisionId = await fixture.Decision(text: "Fund Street Safe at £18,500");

        HttpResponseMessage response = null!;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () =>
            response = await _officer.AwardBid(bidId, AwardBody(18_500.50m, decisionId), "\"3\""));

        var award = await response.Json(HttpStatusCode.Created);
        var awardId = award["id"]!.GetValue<Guid>();
        Assert.Equal(FundingRoutes.Award(awardId), response.Headers.Location!.OriginalString);
        Assert.Equal("\"1\"", response.ETag());
        Assert.Equal((streamId, bidId, organisationId, 18_500.50m, decisionId, "2026-09-01", "Street Safe"),
            (award["streamId"]!.GetValue<Guid>(), award["bidId"]!.GetValue<Guid>(), award["organisationId"]!.GetValue<Guid>(),
                award["amount"]!.GetValue<decimal>(), award["decisionId"]!.GetValue<Guid>(), award["awardDate"]!.GetValue<string>(),
                award["title"]!.GetValue<string>()));

        var published = tracked.Sent.SingleMessage<GrantAwarded>();
        Assert.Equal((awardId, streamId, bidId, organisationId, 18_500.50m, "GBP", decisionId, InYear),
            (published.AwardId, published.FundingStreamId, published.BidId, published.RecipientOrganisationId, published.Amount, published.Currency,
                published.DecisionId, published.AwardDate));

        Assert.Equal((18_500.50m, 31_499.50m), await Ledger(streamId));
        var bid = await (await _officer.GetBid(bidId)).Json(HttpStatusCode.OK);
        Assert.Equal(("Awarded", awardId, 18_500.50m, decisionId), (bid["status"]!.GetValue<string>(), bid["awardId"]!.GetValue<Guid>(),
            bid["amountAwarded"]!.GetValue<decimal>(), bid["decisionId"]!.GetValue<Guid>()));

        // the recipient's bidder and the officers read the award, and the awards of a stream (another organisation's bidder: AwardScopeTests)
        var read = await fixture.ClientFor(organisationId, FundingRoles.Bidder).GetAward(awardId);
        Assert.Equal(18_500.50m, (await read.Json(HttpStatusCode.OK))["amount"]!.GetValue<decimal>());
        Assert.Equal("\"1\"", read.ETag());
        var listed = await (await fixture.Client(FundingRoles.FinanceOfficer).GetAwards(streamId: streamId)).Json(HttpStatusCode.OK);
        Assert.Equal([awardId], listed.AsArray().Select(a => a!["id"]!.GetValue<Guid>()));
        Assert.Contains(await _officer.AllPages(FundingRoutes.Awards), a => a!["id"]!.GetValue<Guid>() == awardId);

        // the bid is closed: a second award of it is refused and changes nothing
        await (await _officer.AwardBid(bidId, AwardBody(1m, decisionId))).Problem(HttpStatusCode.Conflict, "bid-closed");
        Assert.Equal((18_500.50m, 31_499.50m), await Ledger(streamId));
    }

    [Fact]
    public async Task Awards_against_the_rules_are_refused_by_name_publish_nothing_and_commit_nothing()
    {
        var streamId = await _officer.OpenStream(30_000m);
        var organisationId = await fixture.Organisation();
        var bidder = fixture.ClientFor(organisationId, FundingRoles.Bidder);
        var decisionId = await fixture.Decision();

        var submitted = await bidder.Draft(streamId);
        await (await bidder.SubmitBid(submitted)).Json(HttpStatusCode.OK);
        var assessed = await fixture.AssessedBid(_officer, streamId, organisationId, 20_000m);
        var big = await fixture.AssessedBid(_officer, streamId, organisationId, 40_000m);

        var refusals = new (Guid Bid, object Body, HttpStatusCode Status, string Rule)[]
        {
            (await bidder.Draft(streamId), AwardBody(1m, decisionId), HttpStatusCode.Conflict, "bid-not-assessed"),
            (submitted, AwardBody(1m, decisionId), HttpStatusCode.Conflict, "bid-not-assessed"),
            (assessed, AwardBody(20_000.01m, decisionId), HttpStatusCode.Conflict, "award-above-request"),
            (assessed, AwardBody(1m, decisionId, new DateOnly(2026, 3, 31)), HttpStatusCode.Conflict, "date-outside-financial-year"),
            (assessed, AwardBody(1m, decisionId, new DateOnly(2027, 4, 1)), HttpStatusCode.Conflict, "date-outside-financial-year"),
            (assessed, AwardBody(1m, Guid.NewGuid()), HttpStatusCode.UnprocessableEntity, "decision-unknown"),
            (assessed, AwardBody(1m, await fixture.Decision(consensusReached: false)), HttpStatusCode.UnprocessableEntity, "decision-without-consensus"),
            (big, AwardBody(30_000.01m, decisionId), HttpStatusCode.Conflict, "over-budget"),
        };
        foreach (var (bid, body, status, rule) in refusals)
        {
            HttpResponseMessage response = null!;
            var tracked = await fixture.Host.ExecuteAndWaitAsync(async () => response = await _officer.AwardBid(bid, body));
            await response.Problem(status, rule);
            Assert.Empty(tracked.Sent.MessagesOf<GrantAwarded>());
        }
        var overBudget = await (await _officer.AwardBid(big, AwardBody(30_000.01m, decisionId))).Problem(HttpStatusCode.Conflict, "over-budget");
        Assert.Equal(30_000m, overBudget["available"]!.GetValue<decimal>());

        Assert.Equal((0m, 30_000m), await Ledger(streamId));
        Assert.Empty((await (await _officer.GetAwards(streamId: streamId)).Json(HttpStatusCode.OK)).AsArray());
        Assert.Equal("Assessed", (await (await _officer.GetBid(assessed)).Json(HttpStatusCode.OK))["status"]!.GetValue<string>());

        // exactly what is available fits
        await (await _officer.AwardBid(big, AwardBody(30_000m, decisionId, new DateOnly(2027, 3, 31)))).Json(HttpStatusCode.Created);
        Assert.Equal((30_000m, 0m), await Ledger(streamId));
        await (await _officer.AwardBid(assessed, AwardBody(0.01m, decisionId))).Problem(HttpStatusCode.Conflict, "over-budget");
    }

    [Fact]
    public async Task Bad_bodies_wrong_callers_unknown_ids_and_stale_versions_are_refused()
    {
        var streamId = await _officer.OpenStream();
        var organisationId = await fixture.Organisation();
        var bidId = await fixture.AssessedBid(_officer, streamId, organisationId);
        var decisionId = await fixture.Decision();
        var url = FundingRoutes.BidAward(bidId);

        foreach (var amount in new[] { 0m, -100m, 10.001m })
        {
            var invalid = await (await _officer.PostJson(url, AwardBody(amount, decisionId))).Problem(HttpStatusCode.BadRequest, "validation");
            Assert.Equal(["amount"], invalid["errors"]!.AsObject().Select(e => e.Key));
        }
        var empty = await (await _officer.PostJson(url, new { })).Problem(HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["amount", "awardDate", "decisionId"], empty["errors"]!.AsObject().Select(e => e.Key).Order());
        await (await _officer.PostJson(url, new { amount = 10m, decisionId = Guid.Empty, awardDate = InYear })).Problem(HttpStatusCode.BadRequest, "validation");
        await (await _officer.PostRaw(url, "null")).Problem(HttpStatusCode.BadRequest);
        await (await _officer.PostRaw(url, $"{{\"amount\": 10, \"decisionId\": \"{decisionId}\", \"awardDate\": \"next week\"}}")).Problem(HttpStatusCode.BadRequest);

        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Client().PostJson(url, AwardBody(10m, decisionId))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Client().GetAwards()).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.ClientFor(organisationId, FundingRoles.Bidder).PostJson(url, AwardBody(10m, decisionId))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.Client(FundingRoles.FinanceOfficer).PostJson(url, AwardBody(10m, decisionId))).StatusCode);

        await (await _officer.AwardBid(Guid.NewGuid(), AwardBody(10m, decisionId))).Problem(HttpStatusCode.NotFound, "not-found");
        await (await _officer.AwardBid(Guid.Empty, AwardBody(10m, decisionId))).Problem(HttpStatusCode.NotFound, "not-found");
        await (await _officer.GetAward(Guid.NewGuid())).Problem(HttpStatusCode.NotFound, "not-found");
        await (await _officer.GetAsync("/api/funding/awards?streamId=some")).Problem(HttpStatusCode.BadRequest);

        var stale = await (await _officer.PostJson(url, AwardBody(10m, decisionId), "\"2\"")).Problem(HttpStatusCode.PreconditionFailed, "stale-version");
        Assert.Equal(3, stale["currentVersion"]!.GetValue<long>());
        await (await _officer.PostJson(url, AwardBody(10m, decisionId), "3")).Problem(HttpStatusCode.BadRequest);
        Assert.Equal((0m, 100_000m), await Ledger(streamId));
        await (await _officer.PostJson(url, AwardBody(10m, decisionId), "\"3\"")).Json(HttpStatusCode.Created);
        Assert.Equal((10m, 99_990m), await Ledger(streamId));
    }

    [Fact]
    public async Task Concurrent_awards_from_one_stream_take_turns_and_exactly_those_that_fit_succeed()
    {
        const int Bids = 10;
        var streamId = await _officer.OpenStream(100_000m);
        var decisionId = await fixture.Decision(text: "Fund the ten projects if the grant allows");
        var bidIds = new List<Guid>();
        for (var i = 0; i < Bids; i++) bidIds.Add(await fixture.AssessedBid(_officer, streamId, await fixture.Organisation(), 15_000m));

        // each request on a client of its own, all fired at once
        var responses = await Task.WhenAll(bidIds.Select(bidId =>
            fixture.Client(FundingRoles.FundingOfficer).AwardBid(bidId, AwardBody(15_000m, decisionId))));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.Equal(6, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(4, statuses.Count(s => s == HttpStatusCode.Conflict));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            await refused.Problem(HttpStatusCode.Conflict, "over-budget");

        Assert.Equal((90_000m, 10_000m), await Ledger(streamId));
        var awards = await (await _officer.GetAwards(streamId: streamId)).Json(HttpStatusCode.OK);
        Assert.Equal(6, awards.AsArray().Count);
        var awarded = await (await _officer.GetBids(streamId: streamId, status: "Awarded")).Json(HttpStatusCode.OK);
        var stillAssessed = await (await _officer.GetBids(streamId: streamId, status: "Assessed")).Json(HttpStatusCode.OK);
        Assert.Equal((6, 4), (awarded.AsArray().Count, stillAssessed.AsArray().Count));
        Assert.Equal(awards.AsArray().Select(a => a!["bidId"]!.GetValue<Guid>()).Order(), awarded.AsArray().Select(b => b!["id"]!.GetValue<Guid>()).Order());
    }
}
