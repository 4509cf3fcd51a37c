namespace CommunitySafety.Governance.Bodies;

public static class GetOfficesEndpoint
{
    /// <summary>The body's elections, newest first, a page at a time.</summary>
    [WolverineGet("/api/governance/bodies/{bodyId}/elections")]
    [ProducesResponseType<IReadOnlyList<Election>>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status400BadRequest),
     ProducesResponseType(StatusCodes.Status404NotFound)]
    public static Task<IResult> Elections(Guid bodyId, int? limit, int? page, IQuerySession session, HttpContext http) =>
        PageOfBody(bodyId, limit, page, session, http,
            body => body.Elections.OrderByDescending(e => e.RecordedAt).ThenBy(e => e.ElectionId));

    /// <summary>The offices today (UK date): holder and term, or vacant — a term past its last day is vacant at once.</summary>
    [WolverineGet("/api/governance/bodies/{bodyId}/offices")]
    [ProducesResponseType<IReadOnlyList<OfficeView>>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status400BadRequest),
     ProducesResponseType(StatusCodes.Status404NotFound)]
    public static Task<IResult> Offices(Guid bodyId, int? limit, int? page, IQuerySession session, TimeProvider clock, HttpContext http) =>
        PageOfBody(bodyId, limit, page, session, http, body => body.OfficesOn(PartnershipCalendar.Today(clock.GetUtcNow())));

    /// <summary>The "term ending" reminders raised for the body, newest first.</summary>
    [WolverineGet("/api/governance/bodies/{bodyId}/reminders")]
    [ProducesResponseType<IReadOnlyList<OfficeReminder>>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status400BadRequest),
     ProducesResponseType(StatusCodes.Status404NotFound)]
    public static Task<IResult> Reminders(Guid bodyId, int? limit, int? page, IQuerySession session, HttpContext http) =>
        PageOfBody(bodyId, limit, page, session, http,
            body => body.Reminders.OrderByDescending(r => r.RaisedAt).ThenBy(r => r.ElectionId));

    /// <summary>A page of a list the body holds (404 for an unknown body).</summary>
    private static async Task<IResult> PageOfBody<T>(Guid bodyId, int? limit, int? page, IQuerySession session, HttpContext http,
        Func<BodyView, IEnumerable<T>> list)
    {
        if (!PageRequest.TryRead(limit, page, out var request, out var refusal)) return refusal;
        return await session.LoadAsync<BodyView>(bodyId, http.RequestAborted) is { } body
            ? list(body).ToPage(request).Ok(http)
            : Problems.NotFound(nameof(Body), bodyId);
    }
}
