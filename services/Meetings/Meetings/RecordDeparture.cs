namespace CommunitySafety.Meetings.Meetings;

public sealed record RecordDeparture(Guid? MembershipId);

/// <summary>A member (or their substitute) leaves; quorum is evaluated on who remains.</summary>
public static class RecordDepartureEndpoint
{
    public static ProblemDetails Validate(RecordDeparture command) =>
        new FieldErrors().Id("membershipId", command.MembershipId).ToProblem();

    [WolverinePost("/api/meetings/meetings/{meetingId}/departures"), Authorize(Roles = MeetingsRoles.Managers)]
    [EmptyResponse]
    public static Events Post(RecordDeparture command, [VersionedAggregate] Meeting meeting, ClaimsPrincipal user, TimeProvider clock)
    {
        MeetingAccess.EnsureManages(user, meeting.BodyId);
        return [.. Meeting.DecideDeparture(meeting, command.MembershipId!.Value, clock.GetUtcNow())];
    }
}
