using CommunitySafety.Meetings.Membership;

namespace CommunitySafety.Meetings.Meetings;

public sealed record RecordAttendance(Guid? MembershipId, AttendanceKind? Kind, Guid? SubstituteId);

/// <summary>An arrival (present or by a named substitute) or apologies, of a current member of the meeting's body.</summary>
public static class RecordAttendanceEndpoint
{
    public static ProblemDetails Validate(RecordAttendance command) =>
        new FieldErrors()
            .Id("membershipId", command.MembershipId)
            .Defined("kind", command.Kind)
            .Check(command.Kind != AttendanceKind.Substitute || command.SubstituteId is { } s && s != Guid.Empty,
                "substituteId", "'substituteId' is required when kind is Substitute.")
            .ToProblem();

    [WolverinePost("/api/meetings/meetings/{meetingId}/attendance"), Authorize(Roles = MeetingsRoles.Managers)]
    [EmptyResponse]
    public static async Task<Events> Post(RecordAttendance command, [VersionedAggregate] Meeting meeting, IDocumentSession session, ClaimsPrincipal user,
        TimeProvider clock, CancellationToken ct)
    {
        MeetingAccess.EnsureManages(user, meeting.BodyId);
        var membershipId = command.MembershipId!.Value;
        var member = await session.LoadAsync<MemberRef>(membershipId, ct);
        return [.. Meeting.DecideAttendance(meeting, member, membershipId, command.Kind!.Value, command.SubstituteId, clock.GetUtcNow())];
    }
}
