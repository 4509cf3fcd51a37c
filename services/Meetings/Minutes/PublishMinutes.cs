using CommunitySafety.Meetings.Meetings;

namespace CommunitySafety.Meetings.Minutes;

/// <summary>Publishes approved minutes; the public then sees the public version (exempt parts left out).</summary>
public static class PublishMinutesEndpoint
{
    [WolverinePost("/api/meetings/meetings/{meetingId}/minutes/publish"), Authorize(Roles = MeetingsRoles.Managers)]
    [EmptyResponse, ProducesResponseType(StatusCodes.Status404NotFound), ProducesResponseType(StatusCodes.Status409Conflict)]
    public static Events Post([VersionedAggregate] Meeting meeting, ClaimsPrincipal user, TimeProvider clock)
    {
        MeetingAccess.EnsureManages(user, meeting.BodyId);
        return [.. MinutesRules.DecidePublish(meeting, clock.GetUtcNow())];
    }
}
