using CommunitySafety.Contracts.Governance;

namespace CommunitySafety.Governance.Bodies;

/// <param name="Name">The body's name (required).</param>
/// <param name="Kind">What kind of body it is (required).</param>
/// <param name="Cadence">How often it meets (required).</param>
/// <param name="QuorumMinimum">How many responsible authorities must be represented for a decision (the kind's default when not given).</param>
/// <param name="Confidential">Mark the body confidential (its decisions stay inside it); the ASB case panel always is.</param>
/// <param name="ParentBodyId">The body that oversees it: besides the body itself, the only one whose decisions may adopt its terms of reference.</param>
public sealed record CreateBody(string? Name, BodyKind? Kind, MeetingCadence? Cadence, int? QuorumMinimum, bool? Confidential = null, Guid? ParentBodyId = null);

public static class CreateBodyEndpoint
{
    public static ProblemDetails Validate(CreateBody command) =>
        new FieldErrors()
            .Text("name", command.Name, 200)
            .Defined("kind", command.Kind)
            .Defined("cadence", command.Cadence)
            .Range("quorumMinimum", command.QuorumMinimum, 1, 50)
            .Check(command.ParentBodyId != Guid.Empty, "parentBodyId", "'parentBodyId' must be a non-empty id when given.")
            .ToProblem();

    [WolverinePost("/api/governance/bodies"), Authorize(Roles = GovernanceRoles.Admin)]
    [ProducesResponseType(StatusCodes.Status201Created), ProducesResponseType(StatusCodes.Status422UnprocessableEntity)]
    public static async Task<(IResult, IStartStream)> Post(CreateBody command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        var parent = command.ParentBodyId is { } p ? await session.LoadAsync<Body>(p, ct) : null;
        var created = Body.DecideCreate(id, command.Name!, command.Kind!.Value, command.Cadence!.Value,
            command.QuorumMinimum ?? Body.DefaultQuorumMinimum, command.Confidential ?? false, command.ParentBodyId, parent, clock.GetUtcNow());
        return NewStream.Start<Body>(id, $"/api/governance/bodies/{id}", new { id }, created);
    }
}
