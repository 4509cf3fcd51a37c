using CommunitySafety.Governance.Organisations;

namespace CommunitySafety.Governance.Bodies;

/// <summary>One line of the register: the member, their organisation, the interest, and whether it is current today.</summary>
public sealed record InterestEntry(
    Guid InterestId, Guid MembershipId, string PersonName, bool MemberIsCurrent, Guid OrganisationId, string? OrganisationName,
    InterestCategory Category, string Description, DateOnly From, DateOnly? To, bool Current, DateTimeOffset RegisteredAt);

public static class GetInterestsEndpoint
{
    /// <summary>The register of interests: current ones (today, UK date) flagged; by member, then from the earliest; a page at a time.</summary>
    [WolverineGet("/api/governance/bodies/{bodyId}/interests")]
    [ProducesResponseType<IReadOnlyList<InterestEntry>>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status400BadRequest),
     ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> List(Guid bodyId, int? limit, int? page, IQuerySession session, TimeProvider clock, HttpContext http)
    {
        if (!PageRequest.TryRead(limit, page, out var request, out var refusal)) return refusal;
        if (await session.LoadAsync<BodyView>(bodyId, http.RequestAborted) is not { } body) return Problems.NotFound(nameof(Body), bodyId);
        var today = PartnershipCalendar.Today(clock.GetUtcNow());
        var organisationIds = body.Members.Select(m => m.OrganisationId).Distinct().ToArray();
        var organisations = (await session.LoadManyAsync<OrganisationView>(http.RequestAborted, organisationIds)).ToDictionary(o => o.Id, o => o.Name);
        var entries = body.Interests.Select(i =>
            {
                var member = body.Member(i.MembershipId)!;
                return new InterestEntry(i.InterestId, i.MembershipId, member.PersonName, member.IsCurrent, member.OrganisationId,
                    organisations.GetValueOrDefault(member.OrganisationId), i.Category, i.Description, i.From, i.To, i.CurrentOn(today), i.RegisteredAt);
            })
            .OrderBy(e => e.PersonName).ThenBy(e => e.From).ThenBy(e => e.InterestId);
        return entries.ToPage(request).Ok(http);
    }
}
