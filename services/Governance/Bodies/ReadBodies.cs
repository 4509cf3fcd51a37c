namespace CommunitySafety.Governance.Bodies;

public static class GetBodiesEndpoint
{
    /// <summary>The bodies by name, a page at a time (<c>limit</c> 1–500, default 100; <c>page</c> from 1).</summary>
    [WolverineGet("/api/governance/bodies")]
    [ProducesResponseType<IReadOnlyList<BodyView>>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status400BadRequest)]
    public static async Task<IResult> List(int? limit, int? page, IQuerySession session, HttpContext http)
    {
        if (!PageRequest.TryRead(limit, page, out var request, out var refusal)) return refusal;
        return (await session.Query<BodyView>().OrderBy(b => b.Name).ThenBy(b => b.Id).ToPageAsync(request, http.RequestAborted)).Ok(http);
    }

    [WolverineGet("/api/governance/bodies/{id}")]
    [ProducesResponseType<BodyView>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, HttpContext http) =>
        StreamReads.Read(await session.LoadAsync<BodyView>(id, http.RequestAborted), id, http, b => b.Version, resource: nameof(Body));
}
