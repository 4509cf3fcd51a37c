namespace CommunitySafety.Governance.Strategy;

public static class GetAgreementsEndpoint
{
    /// <summary>The agreements, latest year first, a page at a time (<c>limit</c> 1–500, default 100; <c>page</c> from 1).</summary>
    [WolverineGet(StrategyUrls.Agreements)]
    [ProducesResponseType<IReadOnlyList<CommunitySafetyAgreement>>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status400BadRequest)]
    public static async Task<IResult> List(int? limit, int? page, IQuerySession session, HttpContext http)
    {
        if (!PageRequest.TryRead(limit, page, out var request, out var refusal)) return refusal;
        return (await session.Query<CommunitySafetyAgreement>().OrderByDescending(a => a.Year).ThenByDescending(a => a.DraftedAt).ThenBy(a => a.Id)
            .ToPageAsync(request, http.RequestAborted)).Ok(http);
    }

    [WolverineGet(StrategyUrls.Agreements + "/{id}")]
    [ProducesResponseType<CommunitySafetyAgreement>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, HttpContext http) =>
        StreamReads.Read(await session.LoadAsync<CommunitySafetyAgreement>(id, http.RequestAborted), id, http, a => a.Version);

    /// <summary>The action plan with each line's RAG status and % progress, derived as of today (see <see cref="PlanRag"/>).</summary>
    [WolverineGet(StrategyUrls.Agreements + "/{id}/plan")]
    [ProducesResponseType<ActionPlanView>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Plan(Guid id, IQuerySession session, TimeProvider clock, HttpContext http)
    {
        var agreement = await session.LoadAsync<CommunitySafetyAgreement>(id, http.RequestAborted);
        if (agreement is null) return Problems.NotFound(nameof(CommunitySafetyAgreement), id);
        http.Response.Headers.ETag = IfMatch.ETag(agreement.Version);
        return Results.Ok(ActionPlanView.Of(agreement, agreement.Lines, PartnershipCalendar.Today(clock.GetUtcNow())));
    }
}
