namespace CommunitySafety.Governance.Bodies;

/// <summary>Ends a membership of a body.</summary>
public static class EndMembershipEndpoint
{
    [WolverinePost("/api/governance/bodies/{bodyId}/members/{membershipId}/end"), Authorize(Roles = GovernanceRoles.Admin)]
    [EmptyResponse]
    public static Events Post(Guid membershipId, [VersionedAggregate] Body body, TimeProvider clock) =>
        [.. Body.DecideEnd(body, membershipId, clock.GetUtcNow())];
}
