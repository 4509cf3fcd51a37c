namespace CommunitySafety.Meetings.Actions;

public sealed record DropAction(string? Reason);

/// <summary>The action will not be done; the reason is kept and it leaves the review.</summary>
public static class DropActionEndpoint
{
    public static ProblemDetails Validate(DropAction command) =>
        new FieldErrors().Text("reason", command.Reason, 2000).ToProblem();

    [WolverinePost("/api/meetings/actions/{actionId}/drop"), Authorize(Roles = MeetingsRoles.Managers)]
    [EmptyResponse, ProducesResponseType(StatusCodes.Status404NotFound), ProducesResponseType(StatusCodes.Status409Conflict)]
    public static Events Post(DropAction command, [VersionedAggregate("actionId")] ActionItem action, ClaimsPrincipal user, TimeProvider clock)
    {
        MeetingAccess.EnsureManages(user, action.BodyId);
        return [.. ActionRules.DecideDrop(action, command.Reason!, clock.GetUtcNow())];
    }
}
