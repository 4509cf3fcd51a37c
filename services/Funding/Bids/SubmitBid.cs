namespace CommunitySafety.Funding.Bids;

/// <summary>The bidder (or a funding officer) submits a draft bid for assessment.</summary>
public static class SubmitBidEndpoint
{
    [WolverinePost("/api/funding/bids/{bidId}/submit"), Authorize(Roles = FundingRoles.FundingOfficer + "," + FundingRoles.Bidder)]
    [ProducesResponseType<BidView>(StatusCodes.Status200OK)]
    public static async Task<(BidView, Events)> Post([VersionedAggregate] Bid bid, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock,
        CancellationToken ct)
    {
        bid.EnsureMayAct(user);
        var submitted = Bid.DecideSubmit(bid, user.DisplayName(), clock.GetUtcNow());
        return (await BidView.AfterAsync(session, bid.Id, submitted, ct), [submitted]);
    }
}
