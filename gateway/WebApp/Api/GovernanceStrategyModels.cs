namespace CommunitySafety.Web.Api;

// The strategy cycle as governance administrators read and record it: local strategic assessments, the county Community Safety
// Agreement and its action plan, and the annual compliance checklist.

public sealed record ComplianceCheck(string Id, string Title, bool Met, string Detail, IReadOnlyList<string> Evidence);

public sealed record ComplianceChecklistView(int Year, DateOnly AsOf, bool AllMet, IReadOnlyList<ComplianceCheck> Checks);

public sealed record AssessmentPriority(Guid Id, string Title, string Evidence);

public sealed record StrategicAssessmentView(Guid Id, string PartnershipName, int Year, IReadOnlyList<AssessmentPriority> Priorities, DateTimeOffset SubmittedAt);

public enum AgreementStatus { Draft, Agreed, RefreshAwaitingAdoption }

public sealed record AgreementSummary(Guid Id, int Year, string Title, Guid CountyBodyId, DateTimeOffset DraftedAt, AgreementStatus Status, int PlanYear,
    DateTimeOffset? LastAgreedAt);

public sealed record AssessmentPriorityRequest(string Title, string Evidence);

public sealed record SubmitAssessmentRequest(string PartnershipName, int Year, IReadOnlyList<AssessmentPriorityRequest> Priorities);

// ---- an agreement as the administrator reads and changes it ----

public enum ReviewOutcome { Refreshed, NoChange }

public sealed record PriorityEvidence(Guid AssessmentId, Guid? PriorityId);

public sealed record CountyPriority(Guid Id, string Title, string Rationale, IReadOnlyList<PriorityEvidence> DrawsOn);

public sealed record AgreementVersion(int Number, int Year, IReadOnlyList<CountyPriority> Priorities, DateTimeOffset CreatedAt, Guid? AgreedByDecisionId,
    Guid? AgreedAtMeetingId, DateTimeOffset? AgreedAt);

public sealed record AgreementReview(int Year, ReviewOutcome Outcome, string Notes, int Version, DateTimeOffset RecordedAt);

public sealed record QuarterlyActual(Guid MeasureId, string Quarter, decimal Actual, DateTimeOffset RecordedAt);

public sealed record PlanLineRecord(Guid Id, IReadOnlyList<QuarterlyActual> Actuals);

public sealed record IgnoredAdoption(Guid DecisionId, string Reason, DateTimeOffset At);

/// <summary>The agreement itself (<c>GET …/strategy/agreements/{id}</c>): its versions of the priorities, reviews and the decisions that did not adopt it.</summary>
public sealed record AgreementDetail(Guid Id, int Year, string Title, Guid CountyBodyId, DateTimeOffset DraftedAt, AgreementStatus Status, int PlanYear,
    DateTimeOffset? LastAgreedAt, IReadOnlyList<AgreementVersion> Versions, IReadOnlyList<AgreementReview> Reviews, IReadOnlyList<IgnoredAdoption> IgnoredAdoptions)
{
    /// <summary>The plan's lines as recorded, for what the plan view leaves out: every quarter's actual.</summary>
    public IReadOnlyList<PlanLineRecord> Lines { get; init; } = [];

    public AgreementVersion Current => Versions[^1];

    public AgreementVersion? InForce => Versions.LastOrDefault(v => v.AgreedByDecisionId is not null);
}

public sealed record PriorityEvidenceRequest(Guid AssessmentId, Guid? PriorityId);

public sealed record CountyPriorityRequest(Guid? Id, string Title, string Rationale, IReadOnlyList<PriorityEvidenceRequest> DrawsOn);

public sealed record DraftAgreementRequest(int Year, string Title, Guid CountyBodyId, IReadOnlyList<CountyPriorityRequest> Priorities);

public sealed record ReviewAgreementRequest(int Year, ReviewOutcome Outcome, string Notes, IReadOnlyList<CountyPriorityRequest>? Priorities);

public sealed record MilestoneRequest(string Title, DateOnly DueOn);

public sealed record MeasureRequest(string Name, string? Unit, decimal Baseline, decimal Target);

public sealed record AddPlanLineRequest(Guid PriorityId, string Title, Guid OwnerOrganisationId, IReadOnlyList<MilestoneRequest> Milestones, IReadOnlyList<MeasureRequest> Measures);

public sealed record RecordActualRequest(Guid MeasureId, string Quarter, decimal Actual);

public sealed record CompleteMilestoneRequest(DateOnly On);
