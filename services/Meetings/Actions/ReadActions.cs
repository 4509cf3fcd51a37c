using CommunitySafety.Meetings.Meetings;
using CommunitySafety.Meetings.Membership;

namespace CommunitySafety.Meetings.Actions;

/// <summary>The open actions a meeting reviews under its standard "Review of open actions" item.</summary>
public static class ActionReview
{
    /// <summary>
    /// The body's actions still open or in progress that were raised at an earlier meeting of the body (by the raising
    /// meetings' current start times), with whether each is overdue on <paramref name="today"/> (default: today in the UK).
    /// </summary>
    public static async Task<IReadOnlyList<ActionView>> ForMeeting(IQuerySession session, Meeting meeting, CancellationToken ct,
        DateOnly? today = null)
    {
        var open = await session.Query<ActionView>()
            .Where(a => a.BodyId == meeting.BodyId && (a.Status == ActionStatus.Open || a.Status == ActionStatus.InProgress))
            .ToListAsync(ct);
        // A raising meeting may have been rescheduled since: compare by its start now.
        var meetingIds = open.Select(a => a.RaisedAtMeetingId).Distinct().ToArray();
        var starts = (await session.LoadManyAsync<Meeting>(ct, meetingIds)).ToDictionary(m => m.Id, m => m.StartsAt);
        var current = open.Select(a => starts.TryGetValue(a.RaisedAtMeetingId, out var s) ? a with { RaisedAtMeetingStartsAt = s } : a);
        var day = today ?? ActionView.Today(TimeProvider.System);
        return [.. ActionRules.DueForReview(current, meeting).Select(a => a.AsOf(day))];
    }
}

public static class GetActionsEndpoint
{
    /// <summary>An action, for its body's managers and members (404 for anybody else, as if it did not exist).</summary>
    [WolverineGet("/api/meetings/actions/{id}")]
    [ProducesResponseType<ActionView>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, TimeProvider clock, HttpContext http)
    {
        var action = id == Guid.Empty ? null : await session.LoadAsync<ActionView>(id, http.RequestAborted);
        if (action is null || !await MaySee(http, action.BodyId, session)) return Problems.NotFound("Action", id);
        http.Response.Headers.ETag = IfMatch.ETag(action.Version);
        return Results.Ok(action.AsOf(ActionView.Today(clock)));
    }

    /// <summary>
    /// The body's action log, oldest due first, optionally of one status (Open, InProgress, Done, Dropped), for the
    /// body's managers and members (404 for anybody else); a page at a time (<c>limit</c> 1–500, default 100).
    /// </summary>
    [WolverineGet("/api/meetings/bodies/{bodyId}/actions")]
    [ProducesResponseType<IReadOnlyList<ActionView>>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status400BadRequest),
     ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> List(Guid bodyId, string? status, int? limit, int? page, IQuerySession session, TimeProvider clock, HttpContext http)
    {
        ActionStatus? wanted = null;
        var errors = new FieldErrors();
        if (status is not null)
        {
            if (!Enum.TryParse<ActionStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(status, out _))
                errors.Add("status", $"'status' must be one of: {string.Join(", ", Enum.GetNames<ActionStatus>())}.");
            else wanted = parsed;
        }
        if (!PageRequest.TryRead(limit, page, out var request, out var refusal, errors: errors)) return refusal;
        var ct = http.RequestAborted;
        if (bodyId == Guid.Empty || await session.LoadAsync<BodyRef>(bodyId, ct) is null || !await MaySee(http, bodyId, session)) return Problems.NotFound("Body", bodyId);
        var query = session.Query<ActionView>().Where(a => a.BodyId == bodyId);
        if (wanted is { } w) query = query.Where(a => a.Status == w);
        var today = ActionView.Today(clock);
        return (await query.OrderBy(a => a.DueOn).ThenBy(a => a.Id).ToPageAsync(request, ct)).Select(a => a.AsOf(today)).Ok(http);
    }

    private static async Task<bool> MaySee(HttpContext http, Guid bodyId, IQuerySession session) =>
        MeetingAccess.Manages(http.User, bodyId) || await MeetingAccess.IsMember(http.User, bodyId, session, http.RequestAborted);
}
