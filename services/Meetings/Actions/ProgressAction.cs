namespace CommunitySafety.Meetings.Actions;

public sealed record ProgressAction(string? Note);

/// <summary>A progress note; an open action becomes in progress.</summary>
public static class ProgressActionEndpoint
{
    public static ProblemDetails Validate(ProgressAction command) =>
        new FieldErrors().Text("note", command.Note, 4000).ToProblem();

    [WolverinePost("/api/meetings/actions/{actionId}/progress"), Authorize(Roles = MeetingsRoles.Managers)]
    [EmptyResponse, ProducesResponseType(StatusCodes.Status404NotFound), ProducesResponseType(StatusCodes.Status409Conflict)]
    public static Events Post(ProgressAction command, [VersionedAggregate("actionId")] ActionItem action, ClaimsPrincipal user, TimeProvider clock)
    {
        MeetingAccess.EnsureManages(user, action.BodyId);
        return [.. ActionRules.DecideProgress(action, command.Note!, clock.GetUtcNow())];
    }
}
