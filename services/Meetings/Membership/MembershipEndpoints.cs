namespace CommunitySafety.Meetings.Membership;

public sealed record BodyMembershipView(BodyRef Body, IReadOnlyList<MemberRef> Members, IReadOnlyList<OrganisationRef> Organisations);

public static class GetBodyMembershipEndpoint
{
    /// <summary>The membership of a body as Meetings knows it (built from Governance's events).</summary>
    [WolverineGet("/api/meetings/bodies/{bodyId}")]
    [ProducesResponseType<BodyMembershipView>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(Guid bodyId, IQuerySession session, CancellationToken ct)
    {
        var snapshot = await MembershipSnapshot.ForBody(session, bodyId, ct);
        return snapshot.Body is null
            ? Problems.NotFound("Body", bodyId)
            : Results.Ok(new BodyMembershipView(snapshot.Body, [.. snapshot.Members.Values], [.. snapshot.Organisations.Values]));
    }
}
