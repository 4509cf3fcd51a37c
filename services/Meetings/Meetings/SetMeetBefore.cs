using CommunitySafety.Meetings.Membership;

namespace CommunitySafety.Meetings.Meetings;

public sealed record SetMeetBefore(Guid? BodyId);

public static class MeetBeforeEndpoint
{
    public static ProblemDetails Validate(SetMeetBefore command) =>
        new FieldErrors().Id("bodyId", command.BodyId).ToProblem();

    /// <summary>Requires the body to meet before another (e.g. the Working Group before the county partnership):
    /// meetings scheduled against the rule are flagged.</summary>
    [WolverinePut("/api/meetings/bodies/{bodyId}/meet-before"), Authorize(Roles = MeetingsRoles.Managers)]
    [ProducesResponseType(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status422UnprocessableEntity)]
    public static async Task<IResult> Put(Guid bodyId, SetMeetBefore command, IDocumentSession session, HttpContext http)
    {
        MeetingAccess.EnsureManages(http.User, bodyId);
        var ct = http.RequestAborted;
        var body = await session.LoadAsync<BodyRef>(bodyId, ct) ?? throw new DomainRuleViolation("body-not-known", $"Body '{bodyId}' is not known to Meetings.", Refusal.Inconsistent);
        var before = await session.LoadAsync<BodyRef>(command.BodyId!.Value, ct)
                     ?? throw new DomainRuleViolation("body-not-known", $"Body '{command.BodyId}' is not known to Meetings.", Refusal.Inconsistent);
        if (before.Id == body.Id) throw new DomainRuleViolation("same-body", "A body cannot be required to meet before itself.", Refusal.Inconsistent);
        var rule = new MeetBeforeRule { Id = body.Id, BeforeBodyId = before.Id, BeforeBodyName = before.Name };
        session.Store(rule);
        await session.SaveChangesAsync(ct);
        return Results.Ok(rule);
    }
}
