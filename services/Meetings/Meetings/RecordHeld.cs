namespace CommunitySafety.Meetings.Meetings;

/// <summary>Records that the meeting took place (once it has started); published as <c>MeetingHeld</c>.</summary>
public static class RecordHeldEndpoint
{
    [WolverinePost("/api/meetings/meetings/{meetingId}/held"), Authorize(Roles = MeetingsRoles.Managers)]
    [EmptyResponse, ProducesResponseType(StatusCodes.Status404NotFound), ProducesResponseType(StatusCodes.Status409Conflict)]
    public static Events Post([VersionedAggregate] Meeting meeting, ClaimsPrincipal user, TimeProvider clock)
    {
        MeetingAccess.EnsureManages(user, meeting.BodyId);
        return [.. Meeting.DecideHeld(meeting, clock.GetUtcNow())];
    }
}
