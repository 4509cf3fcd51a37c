using CommunitySafety.Governance.Organisations;
using CommunitySafety.Contracts.Governance;

namespace CommunitySafety.Governance.Bodies;

/// <param name="OrganisationId">The organisation the member comes from (required).</param>
/// <param name="PersonName">The member's name (required).</param>
/// <param name="Role">The member's role on the body (required).</param>
/// <param name="Represents">For a collective seat: the authorities represented (the member's own organisation among them).</param>
public sealed record AppointMember(Guid? OrganisationId, string? PersonName, MemberRole? Role, IReadOnlyList<Guid>? Represents);

/// <summary>The new membership's id.</summary>
public sealed record MemberAppointedAnswer(Guid MembershipId);

/// <summary>Appoints a member (a person for an organisation, in a role) to a body; a collective seat names the authorities it represents.</summary>
public static class AppointMemberEndpoint
{
    public static ProblemDetails Validate(AppointMember command) =>
        new FieldErrors()
            .Id("organisationId", command.OrganisationId)
            .Text("personName", command.PersonName, 200)
            .Defined("role", command.Role)
            .Check(command.Represents is null || command.Represents.Count <= 50 && command.Represents.All(r => r != Guid.Empty), "represents",
                "'represents' lists at most 50 non-empty organisation ids.")
            .ToProblem();

    [WolverinePost("/api/governance/bodies/{bodyId}/members"), Authorize(Roles = GovernanceRoles.Admin)]
    [ProducesResponseType<MemberAppointedAnswer>(StatusCodes.Status200OK)]
    public static async Task<(MemberAppointedAnswer, Events)> Post(AppointMember command, [VersionedAggregate] Body body, IDocumentSession session,
        TimeProvider clock, CancellationToken ct)
    {
        var organisation = await session.LoadAsync<Organisation>(command.OrganisationId!.Value, ct);
        var membershipId = Guid.CreateVersion7();
        var appointed = command.Represents is { Count: > 0 } represents
            ? Body.DecideCollectiveAppointment(body, organisation, membershipId, command.OrganisationId.Value, command.PersonName!, command.Role!.Value,
                represents, (await session.LoadManyAsync<Organisation>(ct, represents.Distinct())).ToDictionary(o => o.Id), clock.GetUtcNow())
            : Body.DecideAppointment(body, organisation, membershipId, command.OrganisationId.Value, command.PersonName!, command.Role!.Value,
                clock.GetUtcNow());
        return (new MemberAppointedAnswer(membershipId), [.. appointed]);
    }
}
