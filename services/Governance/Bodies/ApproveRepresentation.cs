using CommunitySafety.Governance.Organisations;

namespace CommunitySafety.Governance.Bodies;

public sealed record ApproveRepresentation(Guid? OrganisationId, string? PersonName, string? ApprovedBy, DateOnly? ApprovedOn);

public static class ApproveRepresentationEndpoint
{
    public static ProblemDetails Validate(ApproveRepresentation command) =>
        new FieldErrors()
            .Id("organisationId", command.OrganisationId)
            .Text("personName", command.PersonName, 200)
            .Text("approvedBy", command.ApprovedBy, 200)
            .Check(command.ApprovedOn is not null, "approvedOn", "'approvedOn' is required (a date).")
            .ToProblem();

    /// <summary>Records that an authority approved a person to represent it in a collective seat on the body.</summary>
    [WolverinePost("/api/governance/bodies/{bodyId}/representation-approvals"), Authorize(Roles = GovernanceRoles.Admin)]
    [EmptyResponse, ProducesResponseType(StatusCodes.Status422UnprocessableEntity)]
    public static async Task<Events> Post(ApproveRepresentation command, [VersionedAggregate] Body body, IDocumentSession session, TimeProvider clock,
        CancellationToken ct)
    {
        var organisation = await session.LoadAsync<Organisation>(command.OrganisationId!.Value, ct);
        var now = clock.GetUtcNow();
        return [.. Body.DecideRepresentationApproval(body, organisation, command.OrganisationId.Value, command.PersonName!, command.ApprovedBy!,
            command.ApprovedOn!.Value, PartnershipCalendar.Today(now), now)];
    }
}
