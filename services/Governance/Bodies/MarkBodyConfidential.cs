namespace CommunitySafety.Governance.Bodies;

/// <summary>Marks a body confidential: from then on its decisions never leave Meetings as text. Once marked, always.</summary>
public static class MarkBodyConfidentialEndpoint
{
    [WolverinePost("/api/governance/bodies/{bodyId}/confidential"), Authorize(Roles = GovernanceRoles.Admin)]
    [EmptyResponse, ProducesResponseType(StatusCodes.Status404NotFound), ProducesResponseType(StatusCodes.Status422UnprocessableEntity)]
    public static Events Post([VersionedAggregate] Body body, TimeProvider clock) => [.. Body.DecideMarkConfidential(body, clock.GetUtcNow())];
}
