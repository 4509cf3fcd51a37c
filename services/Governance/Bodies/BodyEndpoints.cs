using CommunitySafety.Contracts.Governance;
using CommunitySafety.Governance.Organisations;
using CommunitySafety.ServiceDefaults;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;

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
    public static ProblemDetails Validate(CreateBody? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors()
            .Text("name", command.Name, 200)
            .Defined("kind", command.Kind)
            .Defined("cadence", command.Cadence)
            .Range("quorumMinimum", command.QuorumMinimum, 1, 50)
            .Check(command.ParentBodyId != Guid.Empty, "parentBodyId", "'parentBodyId' must be a non-empty id when given.")
            .ToProblem();

    [WolverinePost("/api/governance/bodies"), Authorize(Roles = GovernanceRoles.Admin)]
    [ProducesResponseType(StatusCodes.Status201Created), ProducesResponseType(StatusCodes.Status422UnprocessableEntity)]
    public static async Task<IResult> Post(CreateBody command, IDocumentSession session, IMessageBus bus, TimeProvider clock, HttpContext http)
    {
        var id = Guid.CreateVersion7();
        var parent = command.ParentBodyId is { } p ? await session.LoadAsync<Body>(p, http.RequestAborted) : null;
        var created = Body.DecideCreate(id, command.Name!, command.Kind!.Value, command.Cadence!.Value,
            command.QuorumMinimum ?? Body.DefaultQuorumMinimum, command.Confidential ?? false, command.ParentBodyId, parent, clock.GetUtcNow());
        return await session.Start<Body>(id, [created], $"/api/governance/bodies/{id}", bus, IntegrationEvents.ToContract);
    }
}

/// <summary>Marks a body confidential: from then on its decisions never leave Meetings as text. Once marked, always.</summary>
public static class MarkBodyConfidentialEndpoint
{
    [WolverinePost("/api/governance/bodies/{bodyId}/confidential"), Authorize(Roles = GovernanceRoles.Admin)]
    [ProducesResponseType(StatusCodes.Status204NoContent), ProducesResponseType(StatusCodes.Status404NotFound),
     ProducesResponseType(StatusCodes.Status422UnprocessableEntity)]
    public static Task<IResult> Post(Guid bodyId, IDocumentSession session, IMessageBus bus, TimeProvider clock, HttpContext http) =>
        session.Append<Body>(bodyId, http, body => Body.DecideMarkConfidential(body, clock.GetUtcNow()), bus, IntegrationEvents.ToContract);
}

/// <param name="ParentBodyId">The body that oversees this one; null to remove the parent.</param>
public sealed record SetParentBody(Guid? ParentBodyId);

/// <summary>Sets (or removes) the body that oversees a body and may adopt its terms of reference.</summary>
public static class SetParentBodyEndpoint
{
    public static ProblemDetails Validate(SetParentBody? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors().Check(command.ParentBodyId != Guid.Empty, "parentBodyId", "'parentBodyId' must be a non-empty id, or null to remove the parent.").ToProblem();

    [WolverinePut("/api/governance/bodies/{bodyId}/parent"), Authorize(Roles = GovernanceRoles.Admin)]
    [ProducesResponseType(StatusCodes.Status204NoContent), ProducesResponseType(StatusCodes.Status404NotFound),
     ProducesResponseType(StatusCodes.Status409Conflict), ProducesResponseType(StatusCodes.Status422UnprocessableEntity)]
    public static async Task<IResult> Put(Guid bodyId, SetParentBody command, IDocumentSession session, IMessageBus bus, TimeProvider clock, HttpContext http)
    {
        // the parent and the bodies above it, for the cycle check: the walk stops at the top, at a body seen before, or too deep
        var ancestors = new Dictionary<Guid, Body>();
        for (var next = command.ParentBodyId; next is { } id && !ancestors.ContainsKey(id) && ancestors.Count <= Body.MaxParentDepth + 1;)
        {
            if (await session.LoadAsync<Body>(id, http.RequestAborted) is not { } above) break;
            ancestors[id] = above;
            next = above.ParentBodyId;
        }
        return await session.Append<Body>(bodyId, http, body => Body.DecideParent(body, command.ParentBodyId, ancestors, clock.GetUtcNow()),
            bus, IntegrationEvents.ToContract);
    }
}

/// <param name="OrganisationId">The organisation the member comes from (required).</param>
/// <param name="PersonName">The member's name (required).</param>
/// <param name="Role">The member's role on the body (required).</param>
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
    /// <summary>The bodies by name, a page at a time (<c>limit</c> 1–500, default 100; <c>page</c> from 1).</summary>
    [WolverineGet("/api/governance/bodies")]
    [ProducesResponseType<IReadOnlyList<Body>>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status400BadRequest)]
    public static async Task<IResult> List(int? limit, int? page, IQuerySession session, HttpContext http)
    {
        if (!PageRequest.TryRead(limit, page, out var request, out var refusal)) return refusal;
        return (await session.Query<Body>().OrderBy(b => b.Name).ThenBy(b => b.Id).ToPageAsync(request, http.RequestAborted)).Ok(http);
    }

    [WolverineGet("/api/governance/bodies/{id}")]
    [ProducesResponseType<Body>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, HttpContext http) =>
        StreamWrites.Read(await session.LoadAsync<Body>(id, http.RequestAborted), id, http, b => b.Version);
}
