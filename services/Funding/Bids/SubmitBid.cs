namespace CommunitySafety.Funding.Bids;

/// <summary>The bidder (or a funding officer) submits a draft bid for assessment.</summary>
public static class SubmitBidEndpoint
{
    [WolverinePost("/api/funding/bids/{bidId}/submit"), Authorize(Roles = FundingRoles.FundingOfficer + "," + FundingRoles.Bidder)]
    [ProducesResponseType<Bid>(StatusCodes.Status200OK)]
    public static (UpdatedAggregate, Events) Post([VersionedAggregate] Bid bid, ClaimsPrincipal user, TimeProvider clock)
    {
        bid.EnsureMayAct(user);
        return (new UpdatedAggregate(), [Bid.DecideSubmit(bid, user.DisplayName(), clock.GetUtcNow())]);
    }
}
