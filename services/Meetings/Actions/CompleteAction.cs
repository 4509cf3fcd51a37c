using CommunitySafety.Meetings.Meetings;

namespace CommunitySafety.Meetings.Actions;

public sealed record CompleteAction(string? Note, Guid? MeetingId);

/// <summary>The action is done (optionally reported at a meeting of its body); it leaves the review.</summary>
public static class CompleteActionEndpoint
{
    public static ProblemDetails Validate(CompleteAction command) =>
        new FieldErrors()
            .Text("note", command.Note, 4000, required: false)
            .Check(command.MeetingId != Guid.Empty, "meetingId", "'meetingId' must be a non-empty id when given.")
            .ToProblem();

    [WolverinePost("/api/meetings/actions/{actionId}/complete"), Authorize(Roles = MeetingsRoles.Managers)]
    [EmptyResponse, ProducesResponseType(StatusCodes.Status404NotFound), ProducesResponseType(StatusCodes.Status409Conflict)]
    public static async Task<Events> Post(CompleteAction command, [VersionedAggregate("actionId")] ActionItem action, IDocumentSession session,
        ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        MeetingAccess.EnsureManages(user, action.BodyId);
        var meeting = command.MeetingId is { } m ? await session.LoadAsync<Meeting>(m, ct) : null;
        return [.. ActionRules.DecideComplete(action, command.Note, command.MeetingId, meeting, clock.GetUtcNow())];
    }
}
