using CommunitySafety.Contracts.Governance;
using CommunitySafety.Governance.Organisations;

namespace CommunitySafety.Governance.Bodies;

// The partnership's bodies as residents may know them (the website's "Who we are"): every body but a confidential one (the
// ASB case panel, or one marked so), its terms of reference in force, and its members by organisation and role. No person
// is named: residents learn which organisations sit on a body, not who represents them.

public sealed record OpenBodySummary(Guid Id, string Name, BodyKind Kind, MeetingCadence Cadence, Guid? ParentBodyId);

public sealed record OpenMember(Guid OrganisationId, string Organisation, OrganisationKind? Kind, MemberRole Role);

public sealed record OpenTerms(int Version, string Purpose, IReadOnlyList<string> GuidingPrinciples, IReadOnlyList<string> Responsibilities,
    IReadOnlyList<string> Membership, MeetingCadence Cadence, int QuorumMinimum, DecisionMaking DecisionMaking, DateOnly? AdoptedOn);

public sealed record OpenBody(Guid Id, string Name, BodyKind Kind, MeetingCadence Cadence, int QuorumMinimum, Guid? ParentBodyId, string? ParentBody,
    OpenTerms? TermsOfReference, IReadOnlyList<OpenMember> Members);

public static class OpenBodiesEndpoint
{
    public const string Url = "/api/governance/open/bodies";

    /// <summary>The partnership's bodies by name, none confidential; a page at a time (<c>limit</c> 1–500, default 100).</summary>
    [WolverineGet(Url), AllowAnonymous]
    [ProducesResponseType<IReadOnlyList<OpenBodySummary>>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status400BadRequest)]
    public static async Task<IResult> List(int? limit, int? page, IQuerySession session, HttpContext http)
    {
        if (!PageRequest.TryRead(limit, page, out var request, out var refusal)) return refusal;
        var found = await session.Query<BodyView>()
            .Where(b => !b.MarkedConfidential && b.Kind != BodyKind.AsbCasePanel)
            .OrderBy(b => b.Name).ThenBy(b => b.Id)
            .ToPageAsync(request, http.RequestAborted);
        return found.Select(b => new OpenBodySummary(b.Id, b.Name, b.Kind, b.Cadence, b.ParentBodyId)).Ok(http);
    }

    /// <summary>A body, its terms of reference in force and its members by organisation; 404 for a confidential body, as for an unknown one.</summary>
    [WolverineGet(Url + "/{id}"), AllowAnonymous]
    [ProducesResponseType<OpenBody>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, HttpContext http)
    {
        var ct = http.RequestAborted;
        var body = await session.LoadAsync<BodyView>(id, ct);
        if (body is null || body.Confidential) return Problems.NotFound("Body", id);
        var terms = body.TermsOfReferenceVersionId is { } version ? await session.LoadAsync<TermsVersionView>(version, ct) : null;
        var parent = body.ParentBodyId is { } parentId ? await session.LoadAsync<BodyView>(parentId, ct) : null;
        var current = body.Members.Where(m => m.IsCurrent).ToList();
        var organisations = (await session.LoadManyAsync<OrganisationView>(ct, current.Select(m => m.OrganisationId).Distinct())).ToDictionary(o => o.Id);
        return Results.Ok(Of(body, terms, parent is { Confidential: false } ? parent : null, organisations));
    }

    public static OpenBody Of(BodyView body, TermsVersionView? terms, BodyView? parent, IReadOnlyDictionary<Guid, OrganisationView> organisations) => new(
        body.Id, body.Name, body.Kind, body.Cadence, body.QuorumMinimum, parent?.Id, parent?.Name,
        terms is null ? null : new OpenTerms(terms.Number, terms.Purpose, terms.GuidingPrinciples, terms.Responsibilities, terms.Membership,
            terms.Cadence, terms.QuorumMinimum, terms.DecisionMaking, terms.Adoption?.AdoptedOn),
        [.. body.Members.Where(m => m.IsCurrent)
            .Select(m => organisations.TryGetValue(m.OrganisationId, out var o)
                ? new OpenMember(o.Id, o.Name, o.Kind, m.Role)
                : new OpenMember(m.OrganisationId, "An organisation of the partnership", null, m.Role))
            .DistinctBy(m => (m.OrganisationId, m.Role))
            .OrderBy(m => m.Role).ThenBy(m => m.Organisation)]);
}
