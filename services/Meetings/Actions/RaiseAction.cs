using CommunitySafety.Meetings.Meetings;
using CommunitySafety.Meetings.Membership;

namespace CommunitySafety.Meetings.Actions;

public sealed record RaiseAction(string? Text, Guid? OwnerMembershipId, Guid? OwnerOrganisationId, DateOnly? DueOn, Guid? ItemId);

/// <summary>The new action's id.</summary>
public sealed record ActionRaisedAnswer(Guid Id);

/// <summary>Raises an action at a meeting, owned by a member of the body or an organisation; it comes back to the body's
/// later meetings until done or dropped.</summary>
public static class RaiseActionEndpoint
{
    public static ProblemDetails Validate(RaiseAction command) =>
        new FieldErrors()
            .Text("text", command.Text, 2000)
            .Check(command.OwnerMembershipId is null != command.OwnerOrganisationId is null, "owner",
                "Give exactly one of 'ownerMembershipId' (a member of the body) and 'ownerOrganisationId' (an organisation).")
            .Check(command.OwnerMembershipId != Guid.Empty, "ownerMembershipId", "'ownerMembershipId' must be a non-empty id when given.")
            .Check(command.OwnerOrganisationId != Guid.Empty, "ownerOrganisationId", "'ownerOrganisationId' must be a non-empty id when given.")
            .Check(command.DueOn is not null, "dueOn", "'dueOn' is required (a date, e.g. 2027-01-31).")
            .Check(command.ItemId != Guid.Empty, "itemId", "'itemId' must be a non-empty id when given.")
            .ToProblem();

    [WolverinePost("/api/meetings/meetings/{meetingId}/actions"), Authorize(Roles = MeetingsRoles.Managers)]
    [ProducesResponseType<ActionRaisedAnswer>(StatusCodes.Status201Created), ProducesResponseType(StatusCodes.Status403Forbidden),
     ProducesResponseType(StatusCodes.Status404NotFound), ProducesResponseType(StatusCodes.Status422UnprocessableEntity)]
    public static async Task<(IResult, IStartStream)> Post(Guid meetingId, RaiseAction command, IDocumentSession session, ClaimsPrincipal user,
        TimeProvider clock, CancellationToken ct)
    {
        var meeting = meetingId == Guid.Empty ? null : await session.LoadAsync<Meeting>(meetingId, ct);
        if (meeting is null) throw RequestRefused.NotFound(nameof(Meeting), meetingId);
        MeetingAccess.EnsureManages(user, meeting.BodyId);
        var member = command.OwnerMembershipId is { } m ? await session.LoadAsync<MemberRef>(m, ct) : null;
        var organisation = command.OwnerOrganisationId is { } o ? await session.LoadAsync<OrganisationRef>(o, ct) : null;
        var id = Guid.CreateVersion7();
        var events = ActionRules.DecideRaise(id, meeting, command.Text!, command.OwnerMembershipId, member, command.OwnerOrganisationId,
            organisation, command.DueOn!.Value, command.ItemId, clock.GetUtcNow());
        return NewStream.Start<ActionItem>(id, $"/api/meetings/actions/{id}", new ActionRaisedAnswer(id), [.. events]);
    }
}
