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
