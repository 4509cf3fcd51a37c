namespace CommunitySafety.Governance.Bodies;

public sealed record NameSubstitute(string? Name);

/// <summary>The substitute's id.</summary>
public sealed record SubstituteNamedAnswer(Guid SubstituteId);

/// <summary>Names a substitute who may attend for a member, with the member's delegated authority.</summary>
public static class NameSubstituteEndpoint
{
    public static ProblemDetails Validate(NameSubstitute command) =>
        new FieldErrors().Text("name", command.Name, 200).ToProblem();

    [WolverinePost("/api/governance/bodies/{bodyId}/members/{membershipId}/substitutes"), Authorize(Roles = GovernanceRoles.Admin)]
    [ProducesResponseType<SubstituteNamedAnswer>(StatusCodes.Status200OK)]
    public static (SubstituteNamedAnswer, Events) Post(Guid membershipId, NameSubstitute command, [VersionedAggregate] Body body, TimeProvider clock)
    {
        var substituteId = Guid.CreateVersion7();
        return (new SubstituteNamedAnswer(substituteId), [.. Body.DecideSubstitute(body, membershipId, substituteId, command.Name!, clock.GetUtcNow())]);
    }
}
