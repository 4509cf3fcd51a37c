using CommunitySafety.Contracts.Governance;

namespace CommunitySafety.Governance.Bodies;

/// <summary>A version of the terms of reference as read: its text, its status for the body, and the decision that adopted it.</summary>
public sealed record TermsOfReferenceView(
    Guid VersionId, Guid BodyId, int Version, TermsStatus Status, string Purpose, IReadOnlyList<string> GuidingPrinciples,
    IReadOnlyList<string> Responsibilities, IReadOnlyList<string> Membership, MeetingCadence Cadence, int QuorumMinimum,
    DecisionMaking DecisionMaking, DateTimeOffset DraftedAt, TermsAdoption? Adoption, IReadOnlyList<RefusedAdoption> RefusedAdoptions)
{
    public static TermsOfReferenceView Of(TermsVersionView t, BodyView body) => new(
        t.Id, t.BodyId, t.Number, body.StatusOf(t), t.Purpose, t.GuidingPrinciples, t.Responsibilities, t.Membership, t.Cadence, t.QuorumMinimum,
        t.DecisionMaking, t.DraftedAt, t.Adoption, t.RefusedAdoptions);
}

/// <summary>A body's terms of reference: the version in effect, the drafts not adopted, and every adopted version in order of adoption.</summary>
public sealed record BodyTermsOfReference(
    Guid BodyId, TermsOfReferenceView? InEffect, IReadOnlyList<TermsOfReferenceView> Drafts, IReadOnlyList<TermsOfReferenceView> History);

public static class GetTermsOfReferenceEndpoint
{
    /// <summary>
    /// The version in effect, whatever the page; and, of the page of the body's versions (newest version first:
    /// <c>limit</c> 1–500, default 100, <c>page</c> from 1; <c>X-Total-Count</c> counts every version), the drafts and
    /// the adopted ones.
    /// </summary>
    [WolverineGet("/api/governance/bodies/{bodyId}/terms-of-reference")]
    [ProducesResponseType<BodyTermsOfReference>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status400BadRequest),
     ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(Guid bodyId, int? limit, int? page, IQuerySession session, HttpContext http)
    {
        if (!PageRequest.TryRead(limit, page, out var request, out var refusal)) return refusal;
        var ct = http.RequestAborted;
        if (await session.LoadAsync<BodyView>(bodyId, ct) is not { } body) return Problems.NotFound(nameof(Body), bodyId);
        var versions = (await session.Query<TermsVersionView>().Where(t => t.BodyId == bodyId)
            .OrderByDescending(t => t.Number).ThenBy(t => t.Id).ToPageAsync(request, ct)).Select(t => TermsOfReferenceView.Of(t, body));
        var inEffect = body.TermsOfReferenceVersionId is { } id && await session.LoadAsync<TermsVersionView>(id, ct) is { } terms
            ? TermsOfReferenceView.Of(terms, body)
            : null;
        Paging.WriteHeaders(http, versions.Total, request);
        return Results.Ok(new BodyTermsOfReference(
            bodyId,
            inEffect,
            versions.Items.Where(v => v.Status == TermsStatus.Draft).OrderByDescending(v => v.Version).ToList(),
            versions.Items.Where(v => v.Adoption is not null).OrderBy(v => v.Adoption!.RecordedAt).ToList()));
    }

    [WolverineGet("/api/governance/bodies/{bodyId}/terms-of-reference/{versionId}")]
    [ProducesResponseType<TermsOfReferenceView>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> GetVersion(Guid bodyId, Guid versionId, IQuerySession session, HttpContext http)
    {
        if (await session.LoadAsync<BodyView>(bodyId, http.RequestAborted) is not { } body) return Problems.NotFound(nameof(Body), bodyId);
        var terms = await session.LoadAsync<TermsVersionView>(versionId, http.RequestAborted);
        if (terms is null || terms.BodyId != bodyId) return Problems.NotFound("Terms of reference version", versionId);
        http.Response.Headers.ETag = IfMatch.ETag(terms.Version);
        return Results.Ok(TermsOfReferenceView.Of(terms, body));
    }
}
