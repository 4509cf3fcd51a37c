namespace CommunitySafety.Meetings.Meetings;

public sealed record CancelMeeting(string? Reason);

/// <summary>Cancels a meeting, with the reason; calendars see it cancelled.</summary>
public static class CancelMeetingEndpoint
{
    public static ProblemDetails Validate(CancelMeeting command) =>
        new FieldErrors().Text("reason", command.Reason, 1000).ToProblem();

    [WolverinePost("/api/meetings/meetings/{meetingId}/cancel"), Authorize(Roles = MeetingsRoles.Managers)]
    [EmptyResponse, ProducesResponseType(StatusCodes.Status404NotFound), ProducesResponseType(StatusCodes.Status409Conflict)]
    public static Events Post(CancelMeeting command, [VersionedAggregate] Meeting meeting, ClaimsPrincipal user, TimeProvider clock)
    {
        MeetingAccess.EnsureManages(user, meeting.BodyId);
        return [.. Meeting.DecideCancel(meeting, command.Reason!, clock.GetUtcNow())];
    }
}
