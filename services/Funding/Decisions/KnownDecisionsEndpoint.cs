namespace CommunitySafety.Funding.Decisions;

/// <summary>
/// The decisions Funding has heard of (<see cref="KnownDecision"/>: ids, where and when, whether by consensus; never their
/// text), for a funding officer to choose the one an award or a decline cites rather than type its id.
/// </summary>
public static class KnownDecisionsEndpoint
{
    /// <summary>
    /// The decisions Funding knows, newest first; <c>consensus=true</c> for those an award may cite only; a page at a time
    /// (<c>limit</c> 1–500, default 100; <c>page</c> from 1).
    /// </summary>
    [WolverineGet("/api/funding/decisions"), Authorize(Roles = FundingRoles.FundingOfficer)]
    [ProducesResponseType<IReadOnlyList<KnownDecision>>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status400BadRequest)]
    public static async Task<IResult> List(bool? consensus, int? limit, int? page, IQuerySession session, HttpContext http)
    {
        if (!PageRequest.TryRead(limit, page, out var request, out var refusal)) return refusal;
        var query = session.Query<KnownDecision>().AsQueryable();
        if (consensus is { } c) query = query.Where(d => d.ConsensusReached == c);
        return (await query.OrderByDescending(d => d.RecordedAt).ThenBy(d => d.Id).ToPageAsync(request, http.RequestAborted)).Ok(http);
    }
}
