using CommunitySafety.Meetings.Meetings;

namespace CommunitySafety.Meetings.Agenda;

/// <summary>Publishes the agenda now, ahead of its due date (once; a cancelled meeting's agenda is not published).</summary>
public static class PublishAgendaEndpoint
{
    [WolverinePost("/api/meetings/meetings/{meetingId}/agenda/publish"), Authorize(Roles = MeetingsRoles.Managers)]
    [EmptyResponse, ProducesResponseType(StatusCodes.Status404NotFound), ProducesResponseType(StatusCodes.Status409Conflict)]
    public static Events Post([VersionedAggregate] Meeting meeting, ClaimsPrincipal user, TimeProvider clock)
    {
        MeetingAccess.EnsureManages(user, meeting.BodyId);
        return [.. Meeting.DecidePublishAgenda(meeting, clock.GetUtcNow())];
    }
}
