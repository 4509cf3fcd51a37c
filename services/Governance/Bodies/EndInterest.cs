namespace CommunitySafety.Governance.Bodies;

public sealed record EndInterest(DateOnly? On);

/// <summary>Records the day a member's interest ended.</summary>
public static class EndInterestEndpoint
{
    public static ProblemDetails Validate(EndInterest command) =>
        new FieldErrors().Check(command.On is not null, "on", "'on' is required (a date, e.g. 2026-04-01).").ToProblem();

    [WolverinePost("/api/governance/bodies/{bodyId}/members/{membershipId}/interests/{interestId}/end"), Authorize(Roles = GovernanceRoles.Admin)]
    [EmptyResponse]
    public static Events Post(Guid membershipId, Guid interestId, EndInterest command, [VersionedAggregate] Body body, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return [.. Body.DecideEndInterest(body, membershipId, interestId, command.On!.Value, PartnershipCalendar.Today(now), now)];
    }
}
