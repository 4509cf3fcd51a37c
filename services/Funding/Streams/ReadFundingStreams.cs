namespace CommunitySafety.Funding.Streams;

public static class ReadFundingStreamEndpoints
{
    [WolverineGet("/api/funding/streams/{streamId}"), Authorize(Roles = FundingRoles.AnyFundingRole)]
    [ProducesResponseType<FundingStreamView>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(Guid streamId, IQuerySession session, HttpContext http) =>
        StreamReads.Read(await session.LoadAsync<FundingStreamView>(streamId, http.RequestAborted), streamId, http, s => s.Version,
            resource: nameof(FundingStream));

    /// <summary>The streams, latest financial year first, a page at a time (<c>limit</c> 1–500, default 100; <c>page</c> from 1).</summary>
    [WolverineGet("/api/funding/streams"), Authorize(Roles = FundingRoles.AnyFundingRole)]
    [ProducesResponseType<IReadOnlyList<FundingStreamView>>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status400BadRequest)]
    public static async Task<IResult> List(int? financialYear, int? limit, int? page, IQuerySession session, HttpContext http)
    {
        if (!PageRequest.TryRead(limit, page, out var request, out var refusal)) return refusal;
        return (await FundingStreamQueries.InYear(session, financialYear).ToPageAsync(request, http.RequestAborted)).Ok(http);
    }
}

public static class FundingStreamQueries
{
    /// <summary>The stream an award was made from (its financial year, its ledger), for a write to the award that needs it.</summary>
    public static async Task<FundingStream> OfAwardAsync(IQuerySession session, Awards.Award award, CancellationToken ct) =>
        await session.LoadAsync<FundingStream>(award.StreamId, ct) ?? throw RequestRefused.NotFound(nameof(FundingStream), award.StreamId);

    /// <summary>The streams of a financial year (all when null), latest year first, then by name (and id, so that pages never overlap).</summary>
    public static IQueryable<FundingStreamView> InYear(IQuerySession session, int? financialYear)
    {
        var query = session.Query<FundingStreamView>().AsQueryable();
        if (financialYear is { } year) query = query.Where(s => s.FinancialYear == year);
        return query.OrderByDescending(s => s.FinancialYear).ThenBy(s => s.Name).ThenBy(s => s.Id);
    }
}
