using CommunitySafety.Contracts.Governance;

namespace CommunitySafety.Governance.Organisations;

public sealed record RegisterOrganisation(string? Name, OrganisationKind? Kind);

public static class RegisterOrganisationEndpoint
{
    public const int MaxNameLength = 200;

    public static ProblemDetails Validate(RegisterOrganisation command) =>
        new FieldErrors()
            .Text("name", command.Name, MaxNameLength)
            .Defined("kind", command.Kind)
            .ToProblem();

    public static OrganisationRegistered Decide(Guid id, RegisterOrganisation command, DateTimeOffset now) =>
        new(id, command.Name!.Trim(), command.Kind!.Value, now);

    [WolverinePost("/api/governance/organisations"), Authorize(Roles = GovernanceRoles.Admin)]
    [ProducesResponseType(StatusCodes.Status201Created)]
    public static (IResult, IStartStream) Post(RegisterOrganisation command, TimeProvider clock)
    {
        var id = Guid.CreateVersion7();
        return NewStream.Start<Organisation>(id, $"/api/governance/organisations/{id}", new { id }, Decide(id, command, clock.GetUtcNow()));
    }
}

public static class GetOrganisationsEndpoint
{
    /// <param name="isaSigned">When given, only the current signatories of the Information Sharing Agreement (true) or the others (false).</param>
    /// <param name="limit">Organisations a page (1–500, default 100).</param>
    /// <param name="page">Which page (from 1).</param>
    /// <param name="session">Governance's read session.</param>
    /// <param name="http">The request (for the paging headers of the answer).</param>
    [WolverineGet("/api/governance/organisations")]
    [ProducesResponseType<IReadOnlyList<OrganisationView>>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status400BadRequest)]
    public static async Task<IResult> List(bool? isaSigned, int? limit, int? page, IQuerySession session, HttpContext http)
    {
        if (!PageRequest.TryRead(limit, page, out var request, out var refusal)) return refusal;
        var query = session.Query<OrganisationView>().AsQueryable();
        if (isaSigned is { } signed) query = signed ? query.Where(o => o.IsaSignedOn != null) : query.Where(o => o.IsaSignedOn == null);
        return (await query.OrderBy(o => o.Name).ThenBy(o => o.Id).ToPageAsync(request, http.RequestAborted)).Ok(http);
    }

    [WolverineGet("/api/governance/organisations/{id}")]
    [ProducesResponseType<OrganisationView>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, HttpContext http) =>
        StreamReads.Read(await session.LoadAsync<OrganisationView>(id, http.RequestAborted), id, http, o => o.Version,
            resource: nameof(Organisation));
}
