using CommunitySafety.Meetings.Membership;

namespace CommunitySafety.Meetings.Meetings;

public static class GetMeetingsEndpoint
{
    /// <summary>200 meetings a page unless asked (a year of a busy partnership's), at most 500.</summary>
    public static readonly PageSize Pages = new(200, Paging.MaxLimit);

    /// <summary>
    /// Meetings the caller may see, soonest first: public meetings for everybody (no sign-in needed); a body's other
    /// meetings for its managers and members. Filter by body, area and a date range (<c>from</c>, <c>to</c>); a page at a
    /// time (<c>limit</c> 1–500, default 200; <c>page</c> from 1).
    /// </summary>
    [WolverineGet("/api/meetings/meetings"), AllowAnonymous]
    [ProducesResponseType<IReadOnlyList<MeetingSummary>>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status400BadRequest)]
    public static async Task<IResult> List(Guid? bodyId, Area? area, DateTimeOffset? from, DateTimeOffset? to, int? limit, int? page,
        IQuerySession session, HttpContext http)
    {
        if (!PageRequest.TryRead(limit, page, out var request, out var refusal, Pages)) return refusal;
        var ct = http.RequestAborted;
        var visible = await MeetingAccess.VisibleBodies(http.User, session, ct);
        var query = session.Query<Meeting>().AsQueryable();
        if (visible is not null)
        {
            var bodies = visible.ToArray();
            query = query.Where(m => m.Public || bodies.Contains(m.BodyId));
        }
        if (bodyId is { } b) query = query.Where(m => m.BodyId == b);
        if (area is { } a) query = query.Where(m => m.Area == a);
        if (from is { } f) query = query.Where(m => m.StartsAt >= f);
        if (to is { } t) query = query.Where(m => m.StartsAt < t);
        var found = await query.OrderBy(m => m.StartsAt).ThenBy(m => m.Id).ToPageAsync(request, ct);
        var kinds = (await session.LoadManyAsync<BodyRef>(ct, found.Items.Select(m => m.BodyId).Distinct()))
            .ToDictionary(b => b.Id, b => b.Kind);
        return found.Select(m => MeetingSummary.Of(m, kinds.GetValueOrDefault(m.BodyId))).Ok(http);
    }

    /// <summary>
    /// A meeting, if the caller may see it (otherwise 404, as if it did not exist): in full (attendance, interests,
    /// decisions, agenda) for the body's managers and members; for everybody else a public meeting's summary.
    /// </summary>
    [WolverineGet("/api/meetings/meetings/{id}"), AllowAnonymous]
    [ProducesResponseType<Meeting>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, HttpContext http)
    {
        var ct = http.RequestAborted;
        var meeting = await session.LoadAsync<Meeting>(id, ct);
        if (meeting is null) return Problems.NotFound(nameof(Meeting), id);
        if (MeetingAccess.Manages(http.User, meeting.BodyId) || await MeetingAccess.IsMember(http.User, meeting.BodyId, session, ct))
            return StreamReads.Read(meeting, id, http, m => m.Version);
        if (!meeting.Public) return Problems.NotFound(nameof(Meeting), id);
        var body = await session.LoadAsync<BodyRef>(meeting.BodyId, ct);
        return StreamReads.Read(MeetingSummary.Of(meeting, body?.Kind), id, http, _ => meeting.Version);
    }

    /// <summary>Whether the meeting is quorate now, and which responsible authorities are represented.</summary>
    [WolverineGet("/api/meetings/meetings/{id}/quorum")]
    [ProducesResponseType<QuorumResult>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Quorum(Guid id, IQuerySession session, HttpContext http)
    {
        var meeting = await session.LoadAsync<Meeting>(id, http.RequestAborted);
        if (meeting is null || !await MeetingAccess.CanSee(http.User, meeting, session, http.RequestAborted)) return Problems.NotFound(nameof(Meeting), id);
        var membership = await MembershipSnapshot.ForBody(session, meeting.BodyId, http.RequestAborted);
        return Results.Ok(membership.Evaluate(meeting));
    }
}
