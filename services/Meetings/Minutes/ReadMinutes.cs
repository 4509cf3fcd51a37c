using CommunitySafety.Meetings.Meetings;
using CommunitySafety.Meetings.Membership;

namespace CommunitySafety.Meetings.Minutes;

public static class ReadMinutesEndpoint
{
    /// <summary>
    /// The minutes. The body's managers and members get the full version, drafts included; anybody else (no sign-in
    /// needed) the public version once published, never for a confidential body (404 otherwise, as if absent).
    /// </summary>
    [WolverineGet("/api/meetings/meetings/{meetingId}/minutes"), AllowAnonymous]
    [ProducesResponseType<MinutesDocument>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(Guid meetingId, IQuerySession session, HttpContext http)
    {
        var ct = http.RequestAborted;
        var meeting = meetingId == Guid.Empty ? null : await session.LoadAsync<Meeting>(meetingId, ct);
        if (meeting is null) return Problems.NotFound("Minutes", meetingId);
        var membership = await MembershipSnapshot.ForBody(session, meeting.BodyId, ct);
        var full = MeetingAccess.Manages(http.User, meeting.BodyId) || await MeetingAccess.IsMember(http.User, meeting.BodyId, session, ct);
        if (!full && (membership.Body is null or { IsConfidential: true } || meeting.Minutes.Status != MinutesStatus.Published))
            return Problems.NotFound("Minutes", meetingId);
        var approving = meeting.Minutes.ApprovedAtMeetingId is { } at ? await session.LoadAsync<Meeting>(at, ct) : null;
        var minutes = MinutesDocument.Assemble(meeting, membership, approving);
        return Results.Ok(full ? minutes : MinutesDocument.ForPublic(minutes));
    }
}
