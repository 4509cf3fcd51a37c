using CommunitySafety.Contracts.Governance;
using CommunitySafety.Governance.Organisations;
using CommunitySafety.ServiceDefaults;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;

namespace CommunitySafety.Governance.Bodies;

public sealed record CreateBody(string? Name, BodyKind? Kind, MeetingCadence? Cadence, int? QuorumMinimum);

public static class CreateBodyEndpoint
{
    public static ProblemDetails Validate(CreateBody? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors()
            .Text("name", command.Name, 200)
            .Defined("kind", command.Kind)
            .Defined("cadence", command.Cadence)
            .Range("quorumMinimum", command.QuorumMinimum, 1, 50)
            .ToProblem();

    [WolverinePost("/api/governance/bodies"), Authorize(Roles = GovernanceRoles.Admin)]
    [ProducesResponseType(StatusCodes.Status201Created)]
    public static Task<IResult> Post(CreateBody command, IDocumentSession session, IMessageBus bus, TimeProvider clock)
    {
        var id = Guid.CreateVersion7();
        var created = new BodyCreated(id, command.Name!.Trim(), command.Kind!.Value, command.Cadence!.Value,
            command.QuorumMinimum ?? Body.DefaultQuorumMinimum, clock.GetUtcNow());
        return session.Start<Body>(id, [created], $"/api/governance/bodies/{id}", bus, IntegrationEvents.ToContract);
    }
}

/// <param name="Represents">For a collective seat: the authorities represented (the member's own organisation among them).</param>
public sealed record AppointMember(Guid? OrganisationId, string? PersonName, MemberRole? Role, IReadOnlyList<Guid>? Represents);

public static class AppointMemberEndpoint
{
    public static ProblemDetails Validate(AppointMember? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors()
            .Id("organisationId", command.OrganisationId)
            .Text("personName", command.PersonName, 200)
            .Defined("role", command.Role)
            .Check(command.Represents is null || command.Represents.Count <= 50 && command.Represents.All(r => r != Guid.Empty), "represents",
                "'represents' lists at most 50 non-empty organisation ids.")
            .ToProblem();

    [WolverinePost("/api/governance/bodies/{bodyId}/members"), Authorize(Roles = GovernanceRoles.Admin)]
    public static async Task<IResult> Post(
        Guid bodyId, AppointMember command, IDocumentSession session, IMessageBus bus, TimeProvider clock, HttpContext http)
    {
        var organisation = await session.LoadAsync<Organisation>(command.OrganisationId!.Value, http.RequestAborted);
        var membershipId = Guid.CreateVersion7();
        if (command.Represents is { Count: > 0 } represents)
        {
            var represented = (await session.LoadManyAsync<Organisation>(http.RequestAborted, represents.Distinct())).ToDictionary(o => o.Id);
            return await session.Append<Body>(bodyId, http,
                body => Body.DecideCollectiveAppointment(body, organisation, membershipId, command.OrganisationId.Value,
                    command.PersonName!, command.Role!.Value, represents, represented, clock.GetUtcNow()),
                bus, IntegrationEvents.ToContract, _ => new { membershipId });
        }
        return await session.Append<Body>(bodyId, http,
            body => Body.DecideAppointment(body, organisation, membershipId, command.OrganisationId.Value,
                command.PersonName!, command.Role!.Value, clock.GetUtcNow()),
            bus, IntegrationEvents.ToContract, _ => new { membershipId });
    }
}

public sealed record ApproveRepresentation(Guid? OrganisationId, string? PersonName, string? ApprovedBy, DateOnly? ApprovedOn);

public static class ApproveRepresentationEndpoint
{
    public static ProblemDetails Validate(ApproveRepresentation? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors()
            .Id("organisationId", command.OrganisationId)
            .Text("personName", command.PersonName, 200)
            .Text("approvedBy", command.ApprovedBy, 200)
            .Check(command.ApprovedOn is not null, "approvedOn", "'approvedOn' is required (a date).")
            .ToProblem();

    /// <summary>Records that an authority approved a person to represent it in a collective seat on the body.</summary>
    [WolverinePost("/api/governance/bodies/{bodyId}/representation-approvals"), Authorize(Roles = GovernanceRoles.Admin)]
    [ProducesResponseType(StatusCodes.Status204NoContent), ProducesResponseType(StatusCodes.Status422UnprocessableEntity)]
    public static async Task<IResult> Post(
        Guid bodyId, ApproveRepresentation command, IDocumentSession session, IMessageBus bus, TimeProvider clock, HttpContext http)
    {
        var organisation = await session.LoadAsync<Organisation>(command.OrganisationId!.Value, http.RequestAborted);
        var now = clock.GetUtcNow();
        return await session.Append<Body>(bodyId, http,
            body => Body.DecideRepresentationApproval(body, organisation, command.OrganisationId.Value, command.PersonName!, command.ApprovedBy!,
                command.ApprovedOn!.Value, PartnershipCalendar.Today(now), now),
            bus, IntegrationEvents.ToContract);
    }
}

public sealed record NameSubstitute(string? Name);

public static class NameSubstituteEndpoint
{
    public static ProblemDetails Validate(NameSubstitute? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors().Text("name", command.Name, 200).ToProblem();

    [WolverinePost("/api/governance/bodies/{bodyId}/members/{membershipId}/substitutes"), Authorize(Roles = GovernanceRoles.Admin)]
    public static Task<IResult> Post(
        Guid bodyId, Guid membershipId, NameSubstitute command, IDocumentSession session, IMessageBus bus, TimeProvider clock,
        HttpContext http)
    {
        var substituteId = Guid.CreateVersion7();
        return session.Append<Body>(bodyId, http,
            body => Body.DecideSubstitute(body, membershipId, substituteId, command.Name!, clock.GetUtcNow()),
            bus, IntegrationEvents.ToContract, _ => new { substituteId });
    }
}

public static class EndMembershipEndpoint
{
    [WolverinePost("/api/governance/bodies/{bodyId}/members/{membershipId}/end"), Authorize(Roles = GovernanceRoles.Admin)]
    public static Task<IResult> Post(
        Guid bodyId, Guid membershipId, IDocumentSession session, IMessageBus bus, TimeProvider clock, HttpContext http) =>
        session.Append<Body>(bodyId, http, body => Body.DecideEnd(body, membershipId, clock.GetUtcNow()),
            bus, IntegrationEvents.ToContract);
}

public static class GetBodiesEndpoint
{
    [WolverineGet("/api/governance/bodies")]
    public static async Task<IReadOnlyList<Body>> List(IQuerySession session, CancellationToken ct) =>
        await session.Query<Body>().OrderBy(b => b.Name).ToListAsync(ct);

    [WolverineGet("/api/governance/bodies/{id}")]
    [ProducesResponseType<Body>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, HttpContext http) =>
        StreamWrites.Read(await session.LoadAsync<Body>(id, http.RequestAborted), id, http, b => b.Version);
}
