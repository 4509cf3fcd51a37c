namespace CommunitySafety.Meetings.Meetings;

public static class GetSeriesEndpoint
{
    [WolverineGet("/api/meetings/series/{id}")]
    [ProducesResponseType<MeetingSeriesView>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, HttpContext http) =>
        StreamReads.Read(await session.LoadAsync<MeetingSeriesView>(id, http.RequestAborted), id, http, s => s.Version, resource: nameof(MeetingSeries));
}
