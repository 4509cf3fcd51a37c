using CommunitySafety.CaseManagement.PersonalData;

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
