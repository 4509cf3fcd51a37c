using CommunitySafety.CaseManagement.Interventions;
using CommunitySafety.CaseManagement.PersonalData;
using CommunitySafety.CaseManagement.Risk;
using CommunitySafety.CaseManagement.Signatories;

namespace CommunitySafety.CaseManagement.Cases;

public sealed record SubjectView(Guid SubjectId, SubjectRole Role, bool Erased, string? Name, DateOnly? DateOfBirth, string? Address, string? Contact);

public sealed record IncidentView(DateOnly Date, string? Place, string? Description);

public sealed record StatusChangeView(CaseStatus Status, CaseOutcome? Outcome, string? Reason, string By, DateTimeOffset At);

public sealed record CaseLinkView(Guid CaseId, string Reference, string? Reason, string By, DateTimeOffset At);

public sealed record MergedCaseView(Guid CaseId, string Reference, string? Reason, string By, DateTimeOffset At);

public sealed record ReviewView(Guid SittingId, DateOnly SittingOn, IReadOnlyList<Guid> Attendance, string? Summary, IReadOnlyList<string?> Decisions,
    DateOnly NextReviewDue, string RecordedBy, DateTimeOffset RecordedAt);

public sealed record ActionStatusChangeView(ActionStatus Status, string? Note, string ChangedBy, DateTimeOffset ChangedAt);

/// <summary>An action with its RAG status as of the day it is read.</summary>
public sealed record ActionView(
    Guid ActionId, Guid OwnerOrganisationId, string? Description, DateOnly DueOn, Guid? SittingId, ActionStatus Status, Rag Rag,
    string AgreedBy, DateTimeOffset AgreedAt, IReadOnlyList<ActionStatusChangeView> History);

public sealed record BreachView(DateOnly OccurredOn, string? Description, string RecordedBy, DateTimeOffset RecordedAt);

public sealed record InterventionView(
    Guid Id, Guid SubjectId, InterventionKind Kind, DateOnly IssuedOn, Guid IssuedByOrganisation, string? Notes, string RecordedBy,
    DateTimeOffset RecordedAt, IReadOnlyList<BreachView> Breaches);

/// <summary>An erasure: whose, why, who erased (user and organisation) and when.</summary>
public sealed record ErasureView(Guid SubjectId, string? Reason, string ErasedBy, string ErasedByUser, Guid ErasedByOrganisation, DateTimeOffset At);

/// <summary>
/// A case in full, its text opened with its text key and its subjects' details with their own keys. Text erased at the
/// end of the retention period reads as null (<see cref="TextErased"/>); an erased subject's mentions read "[erased]".
/// </summary>
public sealed record CaseView(
    Guid Id, string Reference, Area Area, Guid ReferringOrganisationId, string? ReferringOfficer, DateTimeOffset ReferredAt,
    IReadOnlyList<IncidentView> Incidents, IReadOnlyList<SubjectView> Subjects, IReadOnlyList<string?> Locations, IReadOnlyList<Guid> Agencies,
    RiskLevel? Risk, int? RiskScore, DateOnly? NextReviewDue, IReadOnlyList<RiskAssessed> RiskHistory,
    CaseStatus Status, IReadOnlyList<StatusChangeView> StatusHistory, long Version,
    DateOnly? ReviewOverdueSince, IReadOnlyList<ReviewView> Reviews, IReadOnlyList<ActionView> Actions,
    IReadOnlyList<InterventionView> Interventions,
    IReadOnlyList<CaseLinkView> Links, IReadOnlyList<MergedCaseView> MergedFrom, Guid? MergedInto, string? MergedIntoReference,
    IReadOnlyList<ErasureView> Erasures, bool TextErased, DateTimeOffset? TextErasedAt)
{
    /// <summary>Why the reader may see the case: their organisation's current signature of the ISA.</summary>
    public AccessBasis? SeenAs { get; init; }

    public static CaseView Of(CaseFileView file, CaseText text, IReadOnlyDictionary<Guid, byte[]> subjectKeys, DateOnly today) => new(
        file.Id, file.Reference, file.Area, file.ReferringOrganisationId, text.Open(file.ReferringOfficer), file.ReferredAt,
        [.. file.Incidents.Select(i => new IncidentView(i.Date, text.Open(i.Place), text.Open(i.Description)))],
        [.. file.Subjects.Select(s =>
        {
            var details = PersonalDetails.Open(subjectKeys.GetValueOrDefault(s.SubjectId), s.Details);
            return new SubjectView(s.SubjectId, s.Role, details is null, details?.Name, details?.DateOfBirth, details?.Address, details?.Contact);
        })],
        [.. file.Locations.Select(text.Open)], file.Agencies,
        file.CurrentRisk?.Level, file.CurrentRisk?.Score, file.ReviewDue, file.RiskHistory,
        file.Status, [.. file.StatusHistory.Select(s => new StatusChangeView(s.Status, s.Outcome, text.Open(s.Reason), s.By, s.At))], file.Version,
        file.ReviewOverdueSince,
        [.. file.Reviews.Select(r => new ReviewView(r.SittingId, r.SittingOn, r.Attendance, text.Open(r.Summary), [.. r.Decisions.Select(text.Open)],
            r.NextReviewDue, r.RecordedBy, r.RecordedAt))],
        [.. file.Actions.Select(a => new ActionView(a.ActionId, a.OwnerOrganisationId, text.Open(a.Description), a.DueOn, a.SittingId, a.Status,
            a.RagOn(today), a.AgreedBy, a.AgreedAt, [.. a.History.Select(h => new ActionStatusChangeView(h.Status, text.Open(h.Note), h.ChangedBy, h.ChangedAt))]))],
        [.. file.Interventions.Select(i => new InterventionView(i.Id, i.SubjectId, i.Kind, i.IssuedOn, i.IssuedByOrganisation, text.Open(i.Notes),
            i.RecordedBy, i.RecordedAt, [.. i.Breaches.Select(b => new BreachView(b.OccurredOn, text.Open(b.Description), b.RecordedBy, b.RecordedAt))]))],
        [.. file.Links.Select(l => new CaseLinkView(l.CaseId, l.Reference, text.Open(l.Reason), l.By, l.At))],
        [.. file.MergedFrom.Select(m => new MergedCaseView(m.CaseId, m.Reference, text.Open(m.Reason), m.By, m.At))],
        file.MergedInto, file.MergedIntoReference,
        [.. file.Erasures.Select(e => new ErasureView(e.SubjectId, text.Open(e.Reason), e.By.UserName, e.By.UserSubject, e.By.OrganisationId, e.At))],
        text.IsErased, file.TextErasedAt);
}

/// <summary>
/// Why a user may read a case: their organisation (as CaseManagement's register of signatories names it) signed the
/// Information Sharing Agreement on <paramref name="SignedOn"/>, due for review on <paramref name="ReviewOn"/> (null when
/// Governance did not say).
/// </summary>
public sealed record AccessBasis(Guid OrganisationId, string OrganisationName, DateOnly? SignedOn, DateOnly? ReviewOn)
{
    public static AccessBasis Of(IsaSignatory signatory) => new(signatory.Id, signatory.Name, signatory.SignedOn, signatory.ReviewOn);
}

/// <summary>What anyone in the partnership may know: that a case exists, and which agencies are involved.</summary>
public sealed record CaseSignpost(Guid Id, string Reference, Area Area, CaseStatus Status, IReadOnlyList<Guid> Agencies, DateTimeOffset ReferredAt,
    Guid? MergedInto)
{
    public static CaseSignpost Of(CaseFileView file) => new(file.Id, file.Reference, file.Area, file.Status, file.Agencies, file.ReferredAt, file.MergedInto);
}

public static class ReadCaseEndpoint
{
    /// <summary>
    /// Case details, personal data and text unsealed, for users of current ISA signatories only; everyone else gets 403
    /// naming the signpost. Every attempt is audited (by the audit middleware, like every request to case data).
    /// </summary>
    [WolverineGet("/api/cases/{caseId}"), Authorize(Roles = CaseRoles.AnyCaseRole)]
    [ProducesResponseType<CaseView>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status403Forbidden),
     ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(Guid caseId, IQuerySession session, CaseKeys keys, TimeProvider clock, HttpContext http)
    {
        var ct = http.RequestAborted;
        var file = caseId == Guid.Empty ? null : await session.LoadAsync<CaseFileView>(caseId, ct);
        if (file is null) return Problems.NotFound("Case", caseId);
        var today = PartnershipCalendar.Today(clock.GetUtcNow());
        var organisation = CaseAccess.Organisation(http.User);
        var signatory = organisation is { } org ? await session.LoadAsync<IsaSignatory>(org, ct) : null;
        if (CaseAccess.Decide(organisation, signatory, today) != AccessLevel.Full)
        {
            var refusal = Problems.FromRule(CaseAccess.RefusalFor(CaseAccess.Organisation(http.User)));
            refusal.Extensions["signpost"] = $"/api/cases/{caseId}/signpost";
            return Results.Problem(refusal);
        }

        var text = await keys.TextAsync(session, file, ct);
        var subjectKeys = await keys.SubjectKeysAsync(session, file.Subjects.Select(s => s.SubjectId), ct);
        http.Response.Headers.ETag = IfMatch.ETag(file.Version);
        return Results.Ok(CaseView.Of(file, text, subjectKeys, today) with { SeenAs = AccessBasis.Of(signatory!) });
    }

    /// <summary>That the case exists, its area, status and agencies: for anyone signed in. Audited.</summary>
    [WolverineGet("/api/cases/{caseId}/signpost")]
    [ProducesResponseType<CaseSignpost>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Signpost(Guid caseId, IQuerySession session, CancellationToken ct) =>
        (caseId == Guid.Empty ? null : await session.LoadAsync<CaseFileView>(caseId, ct)) is { } file
            ? Results.Ok(CaseSignpost.Of(file))
            : Problems.NotFound("Case", caseId);
}
