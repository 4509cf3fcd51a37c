namespace CommunitySafety.Governance.Strategy;

public static class GetAssessmentsEndpoint
{
    /// <param name="year">When given, only that year's assessments.</param>
    /// <param name="limit">Assessments a page (1–500, default 100).</param>
    /// <param name="page">Which page (from 1).</param>
    /// <param name="session">Governance's read session.</param>
    /// <param name="http">The request (for the paging headers of the answer).</param>
    [WolverineGet(StrategyUrls.Assessments)]
    [ProducesResponseType<IReadOnlyList<StrategicAssessmentView>>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status400BadRequest)]
    public static async Task<IResult> List(int? year, int? limit, int? page, IQuerySession session, HttpContext http)
    {
        if (!PageRequest.TryRead(limit, page, out var request, out var refusal)) return refusal;
        var query = session.Query<StrategicAssessmentView>().AsQueryable();
        if (year is { } y) query = query.Where(a => a.Year == y);
        return (await query.OrderByDescending(a => a.Year).ThenBy(a => a.PartnershipName).ThenBy(a => a.Id)
            .ToPageAsync(request, http.RequestAborted)).Ok(http);
    }

    [WolverineGet(StrategyUrls.Assessments + "/{id}")]
    [ProducesResponseType<StrategicAssessmentView>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, HttpContext http) =>
        StreamReads.Read(await session.LoadAsync<StrategicAssessmentView>(id, http.RequestAborted), id, http, a => a.Version,
            resource: nameof(StrategicAssessment));
}
