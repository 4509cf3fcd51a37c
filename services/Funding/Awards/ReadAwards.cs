namespace CommunitySafety.Funding.Awards;

/// <summary>
/// Awards are made on bids (POST /api/funding/bids/{bidId}/award); here they are read, scoped as bids are
/// (<see cref="OrganisationScope"/>): officers read every award, a bidder only its own organisation's.
/// </summary>
public static class ReadAwardEndpoints
{
    [WolverineGet("/api/funding/awards/{awardId}"), Authorize(Roles = FundingRoles.AnyFundingRole)]
    [ProducesResponseType<AwardView>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status403Forbidden),
     ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(Guid awardId, IQuerySession session, HttpContext http)
    {
        var award = await session.LoadAsync<AwardView>(awardId, http.RequestAborted);
        if (award is not null) OrganisationScope.EnsureMayRead(http.User, award.OrganisationId, OrganisationScope.Award);
        return StreamReads.Read(award, awardId, http, a => a.Version, resource: nameof(Award));
    }

    /// <summary>Awards, oldest first, optionally of one stream; a bidder sees only their own organisation's; a page at a time (<c>limit</c> 1–500, default 100).</summary>
    [WolverineGet("/api/funding/awards"), Authorize(Roles = FundingRoles.AnyFundingRole)]
    [ProducesResponseType<IReadOnlyList<AwardView>>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status400BadRequest),
     ProducesResponseType(StatusCodes.Status403Forbidden)]
    public static async Task<IResult> List(Guid? streamId, int? limit, int? page, IQuerySession session, HttpContext http)
    {
        if (!PageRequest.TryRead(limit, page, out var request, out var refusal)) return refusal;
        var query = session.Query<AwardView>().AsQueryable();
        if (OrganisationScope.ListedOrganisation(http.User) is { } organisationId) query = query.Where(a => a.OrganisationId == organisationId);
        if (streamId is { } s) query = query.Where(a => a.StreamId == s);
        return (await query.OrderBy(a => a.AwardedAt).ThenBy(a => a.Id).ToPageAsync(request, http.RequestAborted)).Ok(http);
    }
}
