using CommunitySafety.Meetings.Meetings;
using CommunitySafety.Meetings.Membership;

namespace CommunitySafety.Meetings.Agenda;

public sealed record DeclareInterest(Guid? MembershipId, Guid? ItemId, InterestNature? Nature, string? Details);

/// <summary>A member's declaration of interest in an item of the agenda; the minutes record it.</summary>
public static class DeclareInterestEndpoint
{
    public static ProblemDetails Validate(DeclareInterest command) =>
        new FieldErrors()
            .Id("membershipId", command.MembershipId)
            .Id("itemId", command.ItemId)
            .Defined("nature", command.Nature)
            .Text("details", command.Details, 2000)
            .ToProblem();

    [WolverinePost("/api/meetings/meetings/{meetingId}/interests"), Authorize(Roles = MeetingsRoles.Managers)]
    [EmptyResponse, ProducesResponseType(StatusCodes.Status404NotFound), ProducesResponseType(StatusCodes.Status422UnprocessableEntity)]
    public static async Task<Events> Post(DeclareInterest command, [VersionedAggregate] Meeting meeting, IDocumentSession session, ClaimsPrincipal user,
        TimeProvider clock, CancellationToken ct)
    {
        MeetingAccess.EnsureManages(user, meeting.BodyId);
        var membershipId = command.MembershipId!.Value;
        var member = await session.LoadAsync<MemberRef>(membershipId, ct);
        return [.. Meeting.DecideInterest(meeting, member, membershipId, command.ItemId!.Value, command.Nature!.Value, command.Details!, clock.GetUtcNow())];
    }
}
