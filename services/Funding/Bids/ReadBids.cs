namespace CommunitySafety.Funding.Bids;

/// <summary>Bids as they stand, scoped to whoever reads them (<see cref="OrganisationScope"/>).</summary>
public static class ReadBidEndpoints
{
    [WolverineGet("/api/funding/bids/{bidId}"), Authorize(Roles = FundingRoles.AnyFundingRole)]
    [ProducesResponseType<BidView>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(Guid bidId, IQuerySession session, HttpContext http)
    {
        var bid = await session.LoadAsync<BidView>(bidId, http.RequestAborted);
        if (bid is not null) OrganisationScope.EnsureMayRead(http.User, bid.OrganisationId, OrganisationScope.Bid);
        return StreamReads.Read(bid, bidId, http, b => b.Version, resource: nameof(Bid));
    }

    /// <summary>Bids, oldest first, by stream and status; a bidder sees only their own organisation's; a page at a time (<c>limit</c> 1–500, default 100).</summary>
    [WolverineGet("/api/funding/bids"), Authorize(Roles = FundingRoles.AnyFundingRole)]
    [ProducesResponseType<IReadOnlyList<BidView>>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status400BadRequest)]
    public static async Task<IResult> List(Guid? streamId, BidStatus? status, int? limit, int? page, IQuerySession session, HttpContext http)
    {
        if (!PageRequest.TryRead(limit, page, out var request, out var refusal)) return refusal;
        var query = session.Query<BidView>().AsQueryable();
        if (OrganisationScope.ListedOrganisation(http.User) is { } organisationId) query = query.Where(b => b.OrganisationId == organisationId);
        if (streamId is { } s) query = query.Where(b => b.StreamId == s);
        if (status is { } st) query = query.Where(b => b.Status == st);
        return (await query.OrderBy(b => b.DraftedAt).ThenBy(b => b.Id).ToPageAsync(request, http.RequestAborted)).Ok(http);
    }
}
