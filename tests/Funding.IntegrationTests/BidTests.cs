using System.Net;
using CommunitySafety.TestSupport;
using CommunitySafety.TestSupport.Clients.Funding;
using Xunit;
using static CommunitySafety.Funding.IntegrationTests.BidsApi;

namespace CommunitySafety.Funding.IntegrationTests;

public sealed class BidTests(FundingFixture fixture)
{
    private readonly HttpClient _officer = fixture.Client(FundingRoles.FundingOfficer);

    [Fact]
    public async Task A_bidder_drafts_and_submits_their_organisations_bid_which_the_officer_assesses_and_may_assess_again()
    {
        var streamId = await _officer.OpenStream();
        var organisationId = await fixture.Organisation();
        var bidder = fixture.ClientFor(organisationId, FundingRoles.Bidder);

        var drafted = await bidder.DraftBid(BidBody(streamId, 12_345.67m));
        var bid = await drafted.Json(HttpStatusCode.Created);
        var bidId = bid["id"]!.GetValue<Guid>();
        Assert.Equal(FundingRoutes.Bid(bidId), drafted.Headers.Location!.OriginalString);
        Assert.Equal("\"1\"", drafted.ETag());
        Assert.Equal(("Draft", organisationId, streamId, 12_345.67m, "Street Safe"), (bid["status"]!.GetValue<string>(), bid["organisationId"]!.GetValue<Guid>(),
            bid["streamId"]!.GetValue<Guid>(), bid["amountRequested"]!.GetValue<decimal>(), bid["title"]!.GetValue<string>()));
        Assert.Equal(["young people engaged", "sessions delivered"], bid["outputs"]!.AsArray().Select(o => o!["measure"]!.GetValue<string>()));

        var submitted = await bidder.SubmitBid(bidId, "\"1\"");
        var afterSubmit = await submitted.Json(HttpStatusCode.OK);
        Assert.Equal(("Submitted", 2L), (afterSubmit["status"]!.GetValue<string>(), afterSubmit["version"]!.GetValue<long>()));
        Assert.Equal("\"2\"", submitted.ETag());

        var assessed = await _officer.AssessBid(bidId, new { score = 55, comments = "Outputs vague" }, submitted.ETag());
        Assert.Equal(55, (await assessed.Json(HttpStatusCode.OK))["assessment"]!["score"]!.GetValue<int>());
        var reassessed = await _officer.AssessBid(bidId, new { score = 80, comments = "Moderated: outputs clarified" });
        var view = await reassessed.Json(HttpStatusCode.OK);
        Assert.Equal(("Assessed", 80, 4L), (view["status"]!.GetValue<string>(), view["assessment"]!["score"]!.GetValue<int>(), view["version"]!.GetValue<long>()));
        Assert.Equal("\"4\"", reassessed.ETag());

        var read = await bidder.GetBid(bidId);
        var stored = await read.Json(HttpStatusCode.OK);
        Assert.Equal("\"4\"", read.ETag());
        Assert.Equal(("Assessed", 80, "Moderated: outputs clarified"),
            (stored["status"]!.GetValue<string>(), stored["assessment"]!["score"]!.GetValue<int>(), stored["assessment"]!["comments"]!.GetValue<string>()));

        var listed = await (await _officer.GetBids(streamId: streamId, status: "Assessed")).Json(HttpStatusCode.OK);
        Assert.Equal([bidId], listed.AsArray().Select(b => b!["id"]!.GetValue<Guid>()));
        Assert.Empty((await (await _officer.GetBids(streamId: streamId, status: "Draft")).Json(HttpStatusCode.OK)).AsArray());
        await (await fixture.Client(FundingRoles.FinanceOfficer).GetBid(bidId)).Json(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_funding_officer_drafts_for_a_named_organisation_and_submits_on_its_behalf()
    {
        var streamId = await _officer.OpenStream();
        var organisationId = await fixture.Organisation();
        var missing = await (await _officer.DraftBid(BidBody(streamId))).Problem(HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["organisationId"], missing["errors"]!.AsObject().Select(e => e.Key));

        var bid = await (await _officer.DraftBid(BidBody(streamId, organisationId: organisationId))).Json(HttpStatusCode.Created);
        Assert.Equal(organisationId, bid["organisationId"]!.GetValue<Guid>());
        var bidId = bid["id"]!.GetValue<Guid>();
        Assert.Equal("Submitted", (await (await _officer.SubmitBid(bidId)).Json(HttpStatusCode.OK))["status"]!.GetValue<string>());
        // the organisation's own bidder sees it
        await (await fixture.ClientFor(organisationId, FundingRoles.Bidder).GetBid(bidId)).Json(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_bid_is_declined_from_submitted_or_assessed_citing_a_known_decision_if_any_and_then_is_closed()
    {
        var streamId = await _officer.OpenStream();
        var organisationId = await fixture.Organisation();
        var bidder = fixture.ClientFor(organisationId, FundingRoles.Bidder);

        var draft = await bidder.Draft(streamId);
        await (await _officer.DeclineBid(draft, new { reason = "Not yet submitted" })).Problem(HttpStatusCode.Conflict, "bid-not-submitted");
        await (await _officer.AssessBid(draft, new { score = 50, comments = "c" })).Problem(HttpStatusCode.Conflict, "bid-not-submitted");

        await (await bidder.SubmitBid(draft)).Json(HttpStatusCode.OK);
        await (await bidder.SubmitBid(draft)).Problem(HttpStatusCode.Conflict, "bid-already-submitted");
        await (await _officer.DeclineBid(draft, new { reason = "r", decisionId = Guid.NewGuid() }))
            .Problem(HttpStatusCode.UnprocessableEntity, "decision-unknown");
        await (await _officer.DeclineBid(draft, new { reason = "r", decisionId = await fixture.Decision(consensusReached: false) }))
            .Problem(HttpStatusCode.UnprocessableEntity, "decision-without-consensus");

        var decisionId = await fixture.Decision(text: "Decline Street Safe");
        var declined = await (await _officer.DeclineBid(draft, new { reason = "Duplicates an existing service", decisionId }))
            .Json(HttpStatusCode.OK);
        Assert.Equal(("Declined", decisionId, "Duplicates an existing service"),
            (declined["status"]!.GetValue<string>(), declined["decisionId"]!.GetValue<Guid>(), declined["closingReason"]!.GetValue<string>()));

        await (await _officer.DeclineBid(draft, new { reason = "again" })).Problem(HttpStatusCode.Conflict, "bid-closed");
        await (await bidder.WithdrawBid(draft, new { reason = "too late" })).Problem(HttpStatusCode.Conflict, "bid-closed");
        await (await _officer.AssessBid(draft, new { score = 50, comments = "c" })).Problem(HttpStatusCode.Conflict, "bid-closed");

        // an assessed bid is declined without citing a decision
        var assessed = await fixture.AssessedBid(_officer, streamId, organisationId);
        var plain = await (await _officer.DeclineBid(assessed, new { reason = "Scored below the line" })).Json(HttpStatusCode.OK);
        Assert.Equal("Declined", plain["status"]!.GetValue<string>());
        Assert.Null(plain["decisionId"]);
    }

    [Fact]
    public async Task Only_the_bidder_of_the_bids_organisation_withdraws_it_and_a_withdrawn_bid_is_closed()
    {
        var streamId = await _officer.OpenStream();
        var organisationId = await fixture.Organisation();
        var bidder = fixture.ClientFor(organisationId, FundingRoles.Bidder);
        var stranger = fixture.ClientFor(await fixture.Organisation(), FundingRoles.Bidder);

        var draft = await bidder.Draft(streamId);
        Assert.Equal(HttpStatusCode.Forbidden, (await _officer.WithdrawBid(draft, new { reason = "r" })).StatusCode);
        await (await stranger.WithdrawBid(draft, new { reason = "r" })).Problem(HttpStatusCode.Forbidden, "not-your-bid");
        await (await fixture.Client(FundingRoles.Bidder).WithdrawBid(draft, new { reason = "r" })).Problem(HttpStatusCode.Forbidden, "no-organisation");
        var withdrawn = await (await bidder.WithdrawBid(draft, new { reason = "Project funded elsewhere" })).Json(HttpStatusCode.OK);
        Assert.Equal(("Withdrawn", "Project funded elsewhere"), (withdrawn["status"]!.GetValue<string>(), withdrawn["closingReason"]!.GetValue<string>()));
        await (await bidder.SubmitBid(draft)).Problem(HttpStatusCode.Conflict, "bid-closed");
        await (await bidder.WithdrawBid(draft, new { reason = "again" })).Problem(HttpStatusCode.Conflict, "bid-closed");

        var submitted = await bidder.Draft(streamId);
        await (await bidder.SubmitBid(submitted)).Json(HttpStatusCode.OK);
        Assert.Equal("Withdrawn", (await (await bidder.WithdrawBid(submitted, new { reason = "r" })).Json(HttpStatusCode.OK))["status"]!.GetValue<string>());

        var assessed = await fixture.AssessedBid(_officer, streamId, organisationId);
        Assert.Equal("Withdrawn", (await (await bidder.WithdrawBid(assessed, new { reason = "r" })).Json(HttpStatusCode.OK))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bidders_see_and_touch_only_their_own_organisations_bids()
    {
        var streamId = await _officer.OpenStream();
        var mine = await fixture.Organisation();
        var theirs = await fixture.Organisation();
        var bidder = fixture.ClientFor(mine, FundingRoles.Bidder);
        var stranger = fixture.ClientFor(theirs, FundingRoles.Bidder);
        var myBid = await bidder.Draft(streamId);
        var theirBid = await stranger.Draft(streamId);

        await (await stranger.GetBid(myBid)).Problem(HttpStatusCode.Forbidden, "not-your-bid");
        await (await stranger.SubmitBid(myBid)).Problem(HttpStatusCode.Forbidden, "not-your-bid");
        await (await bidder.DraftBid(BidBody(streamId, organisationId: theirs))).Problem(HttpStatusCode.Forbidden, "not-your-bid");
        Assert.Equal(mine, (await (await bidder.DraftBid(BidBody(streamId, organisationId: mine))).Json(HttpStatusCode.Created))
            ["organisationId"]!.GetValue<Guid>());

        var listed = await (await bidder.GetBids(streamId: streamId)).Json(HttpStatusCode.OK);
        Assert.Equal(2, listed.AsArray().Count);
        Assert.All(listed.AsArray(), b => Assert.Equal(mine, b!["organisationId"]!.GetValue<Guid>()));
        var all = await (await _officer.GetBids(streamId: streamId)).Json(HttpStatusCode.OK);
        Assert.Equal(3, all.AsArray().Count);
        Assert.Contains(all.AsArray(), b => b!["id"]!.GetValue<Guid>() == theirBid);

        var orgless = fixture.Client(FundingRoles.Bidder);
        await (await orgless.DraftBid(BidBody(streamId))).Problem(HttpStatusCode.Forbidden, "no-organisation");
        await (await orgless.GetBids()).Problem(HttpStatusCode.Forbidden, "no-organisation");
        await (await orgless.GetBid(myBid)).Problem(HttpStatusCode.Forbidden, "no-organisation");
    }

    [Fact]
    public async Task Bad_bodies_are_400_problems_naming_the_fields()
    {
        var streamId = await _officer.OpenStream();
        var bidder = fixture.ClientFor(await fixture.Organisation(), FundingRoles.Bidder);

        var invalid = await (await bidder.DraftBid(new { streamId = Guid.Empty, title = "", amountRequested = -5m, outputs = Array.Empty<object>() }))
            .Problem(HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["amountRequested", "area", "description", "outputs", "priority", "streamId", "title"], invalid["errors"]!.AsObject().Select(e => e.Key).Order());
        foreach (var amount in new[] { 0m, -0.01m, 10.001m })
            await (await bidder.DraftBid(BidBody(streamId, amount))).Problem(HttpStatusCode.BadRequest, "validation");
        var badOutput = await (await bidder.DraftBid(new
        {
            streamId, title = "t", description = "d", amountRequested = 10m, priority = "p", area = "a",
            outputs = new object?[] { new { measure = "", target = 0 }, null },
        })).Problem(HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["outputs[0].measure", "outputs[0].target", "outputs[1].measure", "outputs[1].target"],
            badOutput["errors"]!.AsObject().Select(e => e.Key).Order());
        await (await bidder.PostRaw("/api/funding/bids", "null")).Problem(HttpStatusCode.BadRequest);
        await (await bidder.PostRaw("/api/funding/bids", "{\"amountRequested\": \"lots\"}")).Problem(HttpStatusCode.BadRequest);

        var bidId = await bidder.Draft(streamId);
        await (await bidder.SubmitBid(bidId)).Json(HttpStatusCode.OK);
        foreach (var body in new object[] { new { score = 101, comments = "c" }, new { score = -1, comments = "c" }, new { comments = "c" }, new { score = 50 } })
            await (await _officer.AssessBid(bidId, body)).Problem(HttpStatusCode.BadRequest, "validation");
        await (await _officer.PostRaw(FundingRoutes.BidAssessment(bidId), "null")).Problem(HttpStatusCode.BadRequest);
        await (await _officer.DeclineBid(bidId, new { reason = "" })).Problem(HttpStatusCode.BadRequest, "validation");
        await (await _officer.DeclineBid(bidId, new { reason = "r", decisionId = Guid.Empty })).Problem(HttpStatusCode.BadRequest, "validation");
        await (await _officer.PostRaw(FundingRoutes.BidDecline(bidId), "null")).Problem(HttpStatusCode.BadRequest);
        await (await bidder.WithdrawBid(bidId, new { reason = " " })).Problem(HttpStatusCode.BadRequest, "validation");
        await (await bidder.PostRaw(FundingRoutes.BidWithdrawal(bidId), "null")).Problem(HttpStatusCode.BadRequest);
        await (await _officer.GetBids(status: "Pending")).Problem(HttpStatusCode.BadRequest);
        await (await _officer.AssessBid(bidId, new { score = 50, comments = "c" }, "three")).Problem(HttpStatusCode.BadRequest);

        // nothing of that changed the bid
        Assert.Equal("\"2\"", (await bidder.GetBid(bidId)).ETag());
    }

    [Fact]
    public async Task Wrong_callers_unknown_ids_and_stale_versions_are_refused()
    {
        var streamId = await _officer.OpenStream();
        var organisationId = await fixture.Organisation();
        var bidder = fixture.ClientFor(organisationId, FundingRoles.Bidder);
        var bidId = await bidder.Draft(streamId);

        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Client().DraftBid(BidBody(streamId))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Client().GetBid(bidId)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Client().GetBids()).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Client().SubmitBid(bidId)).StatusCode);
        var finance = fixture.ClientFor(organisationId, FundingRoles.FinanceOfficer);
        Assert.Equal(HttpStatusCode.Forbidden, (await finance.DraftBid(BidBody(streamId))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await finance.SubmitBid(bidId)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await bidder.AssessBid(bidId, new { score = 100, comments = "mine is great" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await bidder.DeclineBid(bidId, new { reason = "r" })).StatusCode);

        await (await bidder.DraftBid(BidBody(Guid.NewGuid()))).Problem(HttpStatusCode.NotFound, "not-found");
        var unknown = Guid.NewGuid();
        await (await bidder.GetBid(unknown)).Problem(HttpStatusCode.NotFound, "not-found");
        await (await bidder.SubmitBid(unknown)).Problem(HttpStatusCode.NotFound, "not-found");
        await (await _officer.AssessBid(unknown, new { score = 1, comments = "c" })).Problem(HttpStatusCode.NotFound, "not-found");
        await (await _officer.DeclineBid(unknown, new { reason = "r" })).Problem(HttpStatusCode.NotFound, "not-found");
        await (await bidder.WithdrawBid(unknown, new { reason = "r" })).Problem(HttpStatusCode.NotFound, "not-found");
        await (await bidder.SubmitBid(Guid.Empty)).Problem(HttpStatusCode.NotFound, "not-found");

        var stale = await (await bidder.SubmitBid(bidId, "\"7\"")).Problem(HttpStatusCode.PreconditionFailed, "stale-version");
        Assert.Equal(1, stale["currentVersion"]!.GetValue<long>());
        await (await bidder.SubmitBid(bidId, "\"1\"")).Json(HttpStatusCode.OK);
        await (await _officer.AssessBid(bidId, new { score = 1, comments = "c" }, "\"1\"")).Problem(HttpStatusCode.PreconditionFailed, "stale-version");
        await (await bidder.WithdrawBid(bidId, new { reason = "r" }, "\"1\"")).Problem(HttpStatusCode.PreconditionFailed, "stale-version");
        Assert.Equal("\"2\"", (await bidder.GetBid(bidId)).ETag());
    }
}
