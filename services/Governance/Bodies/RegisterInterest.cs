namespace CommunitySafety.Governance.Bodies;

public sealed record RegisterInterest(InterestCategory? Category, string? Description, DateOnly? From, DateOnly? To);

/// <summary>The interest's id.</summary>
public sealed record InterestRegisteredAnswer(Guid InterestId);

/// <summary>Registers a member's interest (financial, a role elsewhere, …) in the body's register of interests.</summary>
public static class RegisterInterestEndpoint
{
    public const int MaxDescriptionLength = 2000;

    public static ProblemDetails Validate(RegisterInterest command) =>
        new FieldErrors()
            .Defined("category", command.Category)
            .Text("description", command.Description, MaxDescriptionLength)
            .Check(command.From is not null, "from", "'from' is required (a date, e.g. 2026-04-01).")
            .ToProblem();

    [WolverinePost("/api/governance/bodies/{bodyId}/members/{membershipId}/interests"), Authorize(Roles = GovernanceRoles.Admin)]
    [ProducesResponseType<InterestRegisteredAnswer>(StatusCodes.Status200OK)]
    public static (InterestRegisteredAnswer, Events) Post(Guid membershipId, RegisterInterest command, [VersionedAggregate] Body body, TimeProvider clock)
    {
        var interestId = Guid.CreateVersion7();
        return (new InterestRegisteredAnswer(interestId), [.. Body.DecideRegisterInterest(body, membershipId, interestId, command.Category!.Value,
            command.Description!, command.From!.Value, command.To, clock.GetUtcNow())]);
    }
}
