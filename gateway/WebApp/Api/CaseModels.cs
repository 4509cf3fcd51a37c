// What the case workers' pages read of CaseManagement and send to it (the service's JSON, by name). In a namespace of
// their own: the names (risk, status, actions) would otherwise meet those of Meetings' and Governance's models.
namespace CommunitySafety.Web.Api.Cases;

public enum CaseRisk { Low, Medium, High }

public enum SubjectRole { Victim, Perpetrator, Witness }

public enum CaseStatus { Open, Closed }

public enum CaseOutcome { Resolved, Improved, NoFurtherAction, TransferredToAnotherAgency, Unresolved, MergedIntoAnotherCase }

public enum CaseActionStatus { Open, InProgress, Done, Cancelled }

/// <summary>Red: overdue. Amber: due within 7 days. Green: later. Complete: done or cancelled.</summary>
public enum CaseRag { Red, Amber, Green, Complete }

public enum InterventionKind { Warning, CommunityProtectionWarning, CommunityProtectionNotice, AcceptableBehaviourAgreement, Injunction }

public enum MatchedOn { NameAndDateOfBirth, Address }

public enum AccessOutcome { Granted, Refused, Failed }

/// <summary>An open case of the caseload (<c>GET /api/cases</c>): nothing personal.</summary>
public sealed record CaseListEntry(
    Guid Id, string Reference, Area Area, CaseRisk? Risk, int? RiskScore, DateOnly? NextReviewDue, Guid LeadAgency, IReadOnlyList<Guid> Agencies,
    bool ReviewOverdue, int OverdueActions, DateTimeOffset ReferredAt);

public sealed record CaseSubject(Guid SubjectId, SubjectRole Role, bool Erased, string? Name, DateOnly? DateOfBirth, string? Address, string? Contact);

public sealed record CaseIncident(DateOnly Date, string? Place, string? Description);

public sealed record CaseStatusChange(CaseStatus Status, CaseOutcome? Outcome, string? Reason, string By, DateTimeOffset At);

public sealed record CaseLinkView(Guid CaseId, string Reference, string? Reason, string By, DateTimeOffset At);

public sealed record CaseReviewView(Guid SittingId, DateOnly SittingOn, IReadOnlyList<Guid> Attendance, string? Summary, IReadOnlyList<string?> Decisions,
    DateOnly NextReviewDue, string RecordedBy, DateTimeOffset RecordedAt);

public sealed record CaseActionChange(CaseActionStatus Status, string? Note, string ChangedBy, DateTimeOffset ChangedAt);

public sealed record CaseActionView(
    Guid ActionId, Guid OwnerOrganisationId, string? Description, DateOnly DueOn, Guid? SittingId, CaseActionStatus Status, CaseRag Rag,
    string AgreedBy, DateTimeOffset AgreedAt, IReadOnlyList<CaseActionChange> History);

public sealed record BreachView(DateOnly OccurredOn, string? Description, string RecordedBy, DateTimeOffset RecordedAt);

public sealed record InterventionView(
    Guid Id, Guid SubjectId, InterventionKind Kind, DateOnly IssuedOn, Guid IssuedByOrganisation, string? Notes, string RecordedBy,
    DateTimeOffset RecordedAt, IReadOnlyList<BreachView> Breaches);

public sealed record ErasureView(Guid SubjectId, string? Reason, string ErasedBy, string ErasedByUser, Guid ErasedByOrganisation, DateTimeOffset At);

public sealed record RiskAssessment(
    Guid CaseId, IReadOnlyDictionary<string, bool> Answers, int Score, CaseRisk Level, Guid AssessedByOrganisation, string AssessedBy,
    DateTimeOffset AssessedAt, DateOnly NextReviewDue);

/// <summary>Why the reader may see the case: their organisation's signature of the ISA and its review date.</summary>
public sealed record AccessBasis(Guid OrganisationId, string OrganisationName, DateOnly? SignedOn, DateOnly? ReviewOn);

/// <summary>A case in full (<c>GET /api/cases/{id}</c>), for users of current ISA signatories.</summary>
public sealed record CaseDetails(
    Guid Id, string Reference, Area Area, Guid ReferringOrganisationId, string? ReferringOfficer, DateTimeOffset ReferredAt,
    IReadOnlyList<CaseIncident> Incidents, IReadOnlyList<CaseSubject> Subjects, IReadOnlyList<string?> Locations, IReadOnlyList<Guid> Agencies,
    CaseRisk? Risk, int? RiskScore, DateOnly? NextReviewDue, IReadOnlyList<RiskAssessment> RiskHistory,
    CaseStatus Status, IReadOnlyList<CaseStatusChange> StatusHistory, long Version,
    DateOnly? ReviewOverdueSince, IReadOnlyList<CaseReviewView> Reviews, IReadOnlyList<CaseActionView> Actions,
    IReadOnlyList<InterventionView> Interventions,
    IReadOnlyList<CaseLinkView> Links, IReadOnlyList<CaseLinkView> MergedFrom, Guid? MergedInto, string? MergedIntoReference,
    IReadOnlyList<ErasureView> Erasures, bool TextErased, DateTimeOffset? TextErasedAt, AccessBasis? SeenAs);

/// <summary>What anyone signed in may know of a case: that it exists, where, and which agencies are involved (the first leads).</summary>
public sealed record CaseSignpost(Guid Id, string Reference, Area Area, CaseStatus Status, IReadOnlyList<Guid> Agencies, DateTimeOffset ReferredAt,
    Guid? MergedInto);

public sealed record RiskQuestion(string Id, string Text, int Weight);

public sealed record RiskMatrix(IReadOnlyList<RiskQuestion> Questions, int MediumThreshold, int HighThreshold);

public sealed record SubjectSearchHit(CaseSignpost Case, IReadOnlyList<MatchedOn> MatchedOn);

public sealed record SimilarCase(Guid CaseId, string Reference, Guid? SubjectId, MatchedOn MatchedOn);

public sealed record IncidentInput(DateOnly Date, string Place, string Description);

public sealed record SubjectInput(SubjectRole Role, string Name, DateOnly? DateOfBirth, string? Address, string? Contact);

public sealed record ReferCaseRequest(string ReferringOfficer, Area Area, IReadOnlyList<IncidentInput> Incidents, IReadOnlyList<SubjectInput> Subjects,
    IReadOnlyList<string> Locations);

public sealed record CaseReferred(Guid Id, string Reference, IReadOnlyList<Guid> Subjects, IReadOnlyList<SimilarCase> SimilarCases);

public sealed record SearchSubjectsRequest(string? Name, DateOnly? DateOfBirth, string? Address);

public sealed record LinkCaseRequest(Guid LinkedCaseId, string Reason);

public sealed record MergeCaseRequest(Guid DuplicateCaseId, string Reason);

public sealed record AssessRiskRequest(IReadOnlyDictionary<string, bool> Answers);

public sealed record RiskAssessed(int Score, CaseRisk Level, DateOnly NextReviewDue);

public sealed record AgreeCaseActionRequest(Guid OwnerOrganisationId, string Description, DateOnly DueOn);

public sealed record CaseActionStatusRequest(CaseActionStatus Status, string? Note);

public sealed record RecordInterventionRequest(InterventionKind Kind, Guid SubjectId, DateOnly IssuedOn, string? Notes);

public sealed record RecordBreachRequest(DateOnly OccurredOn, string Description);

public sealed record CloseCaseRequest(CaseOutcome Outcome, string Reason);

public sealed record CaseReasonRequest(string Reason);

/// <summary>One request to case data, as the access audit holds it.</summary>
public sealed record CaseAuditEntry(
    Guid Id, string RequestId, DateTimeOffset At, string? UserSubject, string? UserName, Guid? OrganisationId, IReadOnlyList<string> Roles,
    string Method, string Route, Guid? CaseId, Guid? SubjectId, int? Status, AccessOutcome Outcome, string? SearchHash);

/// <summary>An organisation of the partnership, as Governance lists them (to name agencies).</summary>
public sealed record PartnerOrganisation(Guid Id, string Name);

public sealed record OverdueCaseAction(
    Guid CaseId, string CaseReference, Area Area, Guid ActionId, Guid OwnerOrganisationId, string? Description, DateOnly DueOn,
    CaseActionStatus Status, CaseRag Rag);

public sealed record OverdueCaseReview(Guid CaseId, string Reference, Area Area, CaseRisk? Risk, DateOnly ReviewDue, int DaysOverdue,
    DateOnly? FlaggedForPanelSince);
