namespace CommunitySafety.Governance.Bodies;

/// <param name="ParentBodyId">The body that oversees this one; null to remove the parent.</param>
public sealed record SetParentBody(Guid? ParentBodyId);

/// <summary>Sets (or removes) the body that oversees a body and may adopt its terms of reference.</summary>
public static class SetParentBodyEndpoint
{
    public static ProblemDetails Validate(SetParentBody command) =>
        new FieldErrors().Check(command.ParentBodyId != Guid.Empty, "parentBodyId", "'parentBodyId' must be a non-empty id, or null to remove the parent.").ToProblem();

    [WolverinePut("/api/governance/bodies/{bodyId}/parent"), Authorize(Roles = GovernanceRoles.Admin)]
    [EmptyResponse, ProducesResponseType(StatusCodes.Status404NotFound), ProducesResponseType(StatusCodes.Status409Conflict),
     ProducesResponseType(StatusCodes.Status422UnprocessableEntity)]
    public static async Task<Events> Put(SetParentBody command, [VersionedAggregate] Body body, IDocumentSession session, TimeProvider clock,
        CancellationToken ct)
    {
        // the parent and the bodies above it, for the cycle check: the walk stops at the top, at a body seen before, or too deep
        var ancestors = new Dictionary<Guid, Body>();
        for (var next = command.ParentBodyId; next is { } id && !ancestors.ContainsKey(id) && ancestors.Count <= Body.MaxParentDepth + 1;)
        {
            if (await session.LoadAsync<Body>(id, ct) is not { } above) break;
            ancestors[id] = above;
            next = above.ParentBodyId;
        }
        return [.. Body.DecideParent(body, command.ParentBodyId, ancestors, clock.GetUtcNow())];
    }
}
