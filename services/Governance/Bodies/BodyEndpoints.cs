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

public sealed record AppointMember(Guid? OrganisationId, string? PersonName, MemberRole? Role);

public static class AppointMemberEndpoint
{
    public static ProblemDetails Validate(AppointMember? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors()
            .Id("organisationId", command.OrganisationId)
            .Text("personName", command.PersonName, 200)
            .Defined("role", command.Role)
            .ToProblem();

    [WolverinePost("/api/governance/bodies/{bodyId}/members"), Authorize(Roles = GovernanceRoles.Admin)]
    public static async Task<IResult> Post(
        Guid bodyId, AppointMember command, IDocumentSession session, IMessageBus bus, TimeProvider clock, HttpContext http)
    {
        var organisation = await session.LoadAsync<Organisation>(command.OrganisationId!.Value, http.RequestAborted);
        var membershipId = Guid.CreateVersion7();
        return await session.Append<Body>(bodyId, http,
            body => Body.DecideAppointment(body, organisation, membershipId, command.OrganisationId.Value,
                command.PersonName!, command.Role!.Value, clock.GetUtcNow()),
            bus, IntegrationEvents.ToContract, _ => new { membershipId });
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
