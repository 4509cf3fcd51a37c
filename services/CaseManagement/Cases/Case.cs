using CommunitySafety.CaseManagement.PersonalData;
using CommunitySafety.CaseManagement.Risk;

namespace CommunitySafety.CaseManagement.Cases;

public enum SubjectRole { Victim, Perpetrator, Witness }

/// <summary>The partnership's four engagement areas.</summary>
public enum Area { North, East, South, West }

/// <summary>An incident: its date in clear, where and what happened sealed under the case's text key.</summary>
public sealed record Incident(DateOnly Date, SealedText Place, SealedText Description);

/// <summary>A subject of a case: their role in the clear, their personal details sealed with their own key.</summary>
public sealed record Subject(Guid SubjectId, SubjectRole Role, SealedDetails Details);

/// <summary>
/// A case referred. Every free text (the referring officer, incidents, locations) is sealed under the case's first text
/// key, <see cref="TextKey"/>; each subject's details under the subject's own key.
/// </summary>
public sealed record CaseReferred(
    Guid CaseId, string Reference, Guid ReferringOrganisationId, SealedText ReferringOfficer, Area Area,
    IReadOnlyList<Incident> Incidents, IReadOnlyList<Subject> Subjects, IReadOnlyList<SealedText> Locations, Guid TextKey,
    DateTimeOffset ReferredAt);

public enum CaseOutcome { Resolved, Improved, NoFurtherAction, TransferredToAnotherAgency, Unresolved, MergedIntoAnotherCase }

public enum CaseStatus { Open, Closed }

public sealed record CaseClosed(Guid CaseId, CaseOutcome Outcome, SealedText Reason, string ClosedBy, DateTimeOffset ClosedAt);
public sealed record CaseReopened(Guid CaseId, SealedText Reason, string ReopenedBy, DateTimeOffset ReopenedAt);

/// <summary>A closure (with its outcome) or a reopening, as the case's history shows it.</summary>
public sealed record StatusChange(CaseStatus Status, CaseOutcome? Outcome, SealedText Reason, string By, DateTimeOffset At);

/// <summary>
/// An ASB case as referred to the multi-agency panel. The snapshot is also the read model; it holds its free text only
/// sealed under <see cref="TextKey"/> and personal details only sealed under the subjects' keys, so reading it needs them.
/// </summary>
public sealed partial record CaseFile(
    Guid Id, string Reference, Guid ReferringOrganisationId, SealedText ReferringOfficer, Area Area,
    IReadOnlyList<Incident> Incidents, IReadOnlyList<Subject> Subjects, IReadOnlyList<SealedText> Locations,
    IReadOnlyList<Guid> ErasedSubjects, DateTimeOffset ReferredAt)
{
    public long Version { get; set; }

    /// <summary>The current generation of the case's text key: every <see cref="SealedText"/> of the case is sealed under it. Null once erased.</summary>
    public Guid? TextKey { get; init; }

    /// <summary>Every risk assessment, oldest first; the last is the current one.</summary>
    public IReadOnlyList<RiskAssessed> RiskHistory { get; init; } = [];

    public RiskAssessed? CurrentRisk => RiskHistory.Count == 0 ? null : RiskHistory[^1];

    public CaseStatus Status { get; init; } = CaseStatus.Open;

    /// <summary>Every closure and reopening, oldest first.</summary>
    public IReadOnlyList<StatusChange> StatusHistory { get; init; } = [];

    /// <summary>The agencies involved: the referring one, then every organisation that took on work or attended a review.</summary>
    public IReadOnlyList<Guid> Agencies { get; init; } = [];

    /// <summary>The case with <paramref name="organisation"/> among its agencies.</summary>
    public CaseFile WithAgency(Guid organisation) => Agencies.Contains(organisation) ? this : this with { Agencies = [.. Agencies, organisation] };

    /// <summary>Refuses work on a closed case (409): it must be reopened first.</summary>
    public CaseFile EnsureOpen() => Status == CaseStatus.Open
        ? this
        : throw new DomainRuleViolation("case-closed", $"Case {Reference} is closed; reopen it first.");

    public static CaseFile Create(CaseReferred e) => new CaseFile(e.CaseId, e.Reference, e.ReferringOrganisationId, e.ReferringOfficer,
        e.Area, e.Incidents, e.Subjects, e.Locations, [], e.ReferredAt) { TextKey = e.TextKey }.WithAgency(e.ReferringOrganisationId);

    public CaseFile Apply(RiskAssessed e) => this with { RiskHistory = [.. RiskHistory, e], ReviewDue = e.NextReviewDue };

    public CaseFile Apply(CaseClosed e) => this with { Status = CaseStatus.Closed, StatusHistory = [.. StatusHistory, new StatusChange(CaseStatus.Closed, e.Outcome, e.Reason, e.ClosedBy, e.ClosedAt)] };

    public CaseFile Apply(CaseReopened e) => this with { Status = CaseStatus.Open, StatusHistory = [.. StatusHistory, new StatusChange(CaseStatus.Open, null, e.Reason, e.ReopenedBy, e.ReopenedAt)] };

    public static CaseClosed DecideClose(CaseFile file, CaseOutcome outcome, SealedText reason, string by, DateTimeOffset now) =>
        file.Status == CaseStatus.Closed
            ? throw new DomainRuleViolation("case-closed", $"Case {file.Reference} is already closed.")
            : new CaseClosed(file.Id, outcome, reason, by, now);

    /// <summary>A closed case reopens, unless it was merged away or its data was erased at the end of its retention period.</summary>
    public static IReadOnlyList<object> DecideReopen(CaseFile file, SealedText reason, string by, DateTimeOffset now) =>
        file.Status == CaseStatus.Open
            ? throw new DomainRuleViolation("case-open", $"Case {file.Reference} is open; only a closed case can be reopened.")
            : file.MergedInto is { } survivor
                ? throw MergedAway(file, survivor)
                : file.TextKey is null
                    ? throw CaseText.Erased()
                    : [new CaseReopened(file.Id, reason, by, now)];

    public static string ReferenceFor(Guid caseId, DateTimeOffset at) => $"ASB-{at:yyyy}-{caseId.ToString("N")[^6..].ToUpperInvariant()}";
}

public static class CaseQueries
{
    /// <summary>
    /// The open cases' snapshots. A partnership has tens or hundreds of open cases, so agendas and overdue lists are
    /// computed from them in memory by pure functions.
    /// </summary>
    public static async Task<IReadOnlyList<CaseFile>> OpenAsync(Marten.IQuerySession session, CancellationToken ct) =>
        await Marten.QueryableExtensions.ToListAsync(session.Query<CaseFile>().Where(c => c.Status == CaseStatus.Open), ct);
}
