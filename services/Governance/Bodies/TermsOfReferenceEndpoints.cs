using CommunitySafety.Contracts.Governance;
using CommunitySafety.Governance.Adoption;
using CommunitySafety.ServiceDefaults;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;

namespace CommunitySafety.Governance.Bodies;

public sealed record DraftTermsOfReference(
    string? Purpose, IReadOnlyList<string>? GuidingPrinciples, IReadOnlyList<string>? Responsibilities, IReadOnlyList<string>? Membership,
    MeetingCadence? Cadence, int? QuorumMinimum, DecisionMaking? DecisionMaking);

public static class DraftTermsOfReferenceEndpoint
{
    public const int MaxPurposeLength = 4000;
    public const int MaxLines = 50;
    public const int MaxLineLength = 2000;

    public static ProblemDetails Validate(DraftTermsOfReference? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors()
            .Text("purpose", command.Purpose, MaxPurposeLength)
            .Lines("guidingPrinciples", command.GuidingPrinciples)
            .Lines("responsibilities", command.Responsibilities)
            .Lines("membership", command.Membership)
            .Defined("cadence", command.Cadence)
            .Check(command.QuorumMinimum is not null, "quorumMinimum", "'quorumMinimum' is required (the responsible authorities a quorate meeting needs).")
            .Range("quorumMinimum", command.QuorumMinimum, 1, 50)
            .Defined("decisionMaking", command.DecisionMaking)
            .ToProblem();

    private static FieldErrors Lines(this FieldErrors errors, string field, IReadOnlyList<string>? lines) => errors
        .Check(lines is null || lines.Count <= MaxLines, field, $"'{field}' may list at most {MaxLines} items.")
        .Check(lines is null || lines.All(l => l is not null && l.Length <= MaxLineLength), field,
            $"Each item of '{field}' must be text of at most {MaxLineLength} characters.");

    /// <summary>Drafts a new version of the body's terms of reference: 201 with its id (what a decision adopts) and number.</summary>
    [WolverinePost("/api/governance/bodies/{bodyId}/terms-of-reference"), Authorize(Roles = GovernanceRoles.Admin)]
    [ProducesResponseType(StatusCodes.Status201Created)]
    public static async Task<IResult> Post(
        Guid bodyId, DraftTermsOfReference command, IDocumentSession session, IMessageBus bus, TimeProvider clock, HttpContext http)
    {
        var versionId = Guid.CreateVersion7();
        TermsOfReferenceDrafted? drafted = null;
        var result = await session.Append<Body>(bodyId, http, body =>
            {
                var (onBody, onVersion) = TermsOfReference.DecideDraft(body, versionId, command.Purpose!, command.GuidingPrinciples,
                    command.Responsibilities, command.Membership, command.Cadence!.Value, command.QuorumMinimum!.Value, command.DecisionMaking!.Value,
                    clock.GetUtcNow());
                drafted = onVersion;
                return [onBody];
            },
            bus, IntegrationEvents.ToContract,
            // the version's own stream, in the same transaction; the body's new version stays the ETag Append set
            then: _ =>
            {
                session.Events.StartStream<TermsOfReference>(versionId, drafted!);
                return Task.CompletedTask;
            });
        return drafted is null ? result : Results.Created(http.Request.Local($"/api/governance/bodies/{bodyId}/terms-of-reference/{versionId}"), new { versionId, version = drafted.Number });
    }
}

/// <summary>A version of the terms of reference as read: its text, its status for the body, and the decision that adopted it.</summary>
public sealed record TermsOfReferenceView(
    Guid VersionId, Guid BodyId, int Version, TermsStatus Status, string Purpose, IReadOnlyList<string> GuidingPrinciples,
    IReadOnlyList<string> Responsibilities, IReadOnlyList<string> Membership, MeetingCadence Cadence, int QuorumMinimum,
    DecisionMaking DecisionMaking, DateTimeOffset DraftedAt, TermsAdoption? Adoption, IReadOnlyList<RefusedAdoption> RefusedAdoptions)
{
    public static TermsOfReferenceView Of(TermsOfReference t, Body body) => new(
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
        if (await session.LoadAsync<Body>(bodyId, ct) is not { } body) return Problems.NotFound(nameof(Body), bodyId);
        var versions = (await session.Query<TermsOfReference>().Where(t => t.BodyId == bodyId)
            .OrderByDescending(t => t.Number).ThenBy(t => t.Id).ToPageAsync(request, ct)).Select(t => TermsOfReferenceView.Of(t, body));
        var inEffect = body.TermsOfReferenceVersionId is { } id && await session.LoadAsync<TermsOfReference>(id, ct) is { } terms
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
        if (await session.LoadAsync<Body>(bodyId, http.RequestAborted) is not { } body) return Problems.NotFound(nameof(Body), bodyId);
        var terms = await session.LoadAsync<TermsOfReference>(versionId, http.RequestAborted);
        if (terms is null || terms.BodyId != bodyId) return Problems.NotFound("Terms of reference version", versionId);
        http.Response.Headers.ETag = StreamWrites.ETag(terms.Version);
        return Results.Ok(TermsOfReferenceView.Of(terms, body));
    }
}

/// <summary>
/// A decision recorded in Meetings adopts a document: if it is a version of terms of reference, adopt it (a decision of
/// its body or of that body's parent, with consensus, once) and put it in effect for its body; otherwise record why not. Other documents' ids are not ours: ignored here, another handler takes them.
/// </summary>
public static class TermsOfReferenceAdoptionHandler
{
    public static async Task Handle(AdoptionRequested message, IDocumentSession session, IMessageBus bus, TimeProvider clock, CancellationToken ct)
    {
        if (message.DocumentId == Guid.Empty || await session.LoadAsync<TermsOfReference>(message.DocumentId, ct) is null) return;

        var version = await session.Events.FetchForWriting<TermsOfReference>(message.DocumentId, ct);
        var terms = version.Aggregate!;
        var body = await session.Events.FetchForWriting<Body>(terms.BodyId, ct);
        var events = TermsOfReference.DecideAdoption(terms, body.Aggregate?.ParentBodyId, message.DecisionId, message.MeetingId, message.BodyId,
            message.ConsensusReached, message.DecidedAt, clock.GetUtcNow());
        version.AppendMany(events.ToArray());
        if (events.OfType<TermsOfReferenceAdopted>().SingleOrDefault() is not { } adopted || body.Aggregate is null) return;

        var onBody = TermsOfReference.DecideInEffect(body.Aggregate, terms, adopted);
        body.AppendMany(onBody.ToArray());
        foreach (var e in onBody)
            if (IntegrationEvents.ToContract(e) is { } contract) await bus.PublishAsync(contract);
    }

}
