namespace CommunitySafety.Web.Api;

// What the site reads of Governance's open data (anonymous) and its bodies.

public enum Rag { Green, Amber, Red }

public sealed record OpenPriority(Guid Id, string Title, string Rationale, IReadOnlyList<string> DrawsOn);

public sealed record OpenAgreement(
    Guid Id, string Title, int Year, int PlanYear, int Version, DateTimeOffset? AgreedAt, string CountyPartnership, bool RefreshAwaitingAdoption,
    IReadOnlyList<OpenPriority> Priorities);

public sealed record MilestoneView(Guid Id, string Title, DateOnly DueOn, DateOnly? CompletedOn, bool Overdue);

public sealed record MeasureView(Guid Id, string Name, string? Unit, decimal Baseline, decimal Target, string? LatestQuarter, decimal? LatestActual,
    int ProgressPercent, Rag? Rag)
{
    /// <summary>The progress expected by the end of the latest actual's quarter (null with no actuals).</summary>
    public int? ExpectedPercent { get; init; }
}

/// <summary>An exception raised with the county partnership when a line turned Red.</summary>
public sealed record PlanExceptionView(Guid EscalationId, IReadOnlyList<string> Reasons, DateTimeOffset RaisedAt);

public sealed record PlanLineView(Guid Id, Guid PriorityId, string PriorityTitle, string Title, string Owner, int Year, Rag Rag, int ProgressPercent,
    IReadOnlyList<string> Reasons, IReadOnlyList<MilestoneView> Milestones, IReadOnlyList<MeasureView> Measures)
{
    /// <summary>The exceptions the line raised (the administrator's plan only; the open plan leaves them out).</summary>
    public IReadOnlyList<PlanExceptionView> Exceptions { get; init; } = [];
}

public sealed record RagCounts(int Green, int Amber, int Red);

public sealed record ActionPlanView(Guid AgreementId, string Title, int PlanYear, DateOnly AsOf, int ProgressPercent, RagCounts Rag, IReadOnlyList<PlanLineView> Lines);

/// <summary>A public decision: a partnership body's (never a confidential body's, never under an exempt item) or a grant award.</summary>
public sealed record OpenDecision(Guid Id, string Kind, DateTimeOffset At, Guid? BodyId, string? Body, string Summary, string? AgendaReference,
    bool? ConsensusReached, decimal? Amount, string? Currency);

public sealed record OpenBodySummary(Guid Id, string Name, CommunitySafety.Contracts.Governance.BodyKind Kind, CommunitySafety.Contracts.Governance.MeetingCadence Cadence,
    Guid? ParentBodyId);

public sealed record OpenMember(Guid OrganisationId, string Organisation, CommunitySafety.Contracts.Governance.OrganisationKind? Kind,
    CommunitySafety.Contracts.Governance.MemberRole Role);

public sealed record OpenTerms(int Version, string Purpose, IReadOnlyList<string> GuidingPrinciples, IReadOnlyList<string> Responsibilities,
    IReadOnlyList<string> Membership, CommunitySafety.Contracts.Governance.MeetingCadence Cadence, int QuorumMinimum,
    CommunitySafety.Contracts.Governance.DecisionMaking DecisionMaking, DateOnly? AdoptedOn);

public sealed record OpenBody(Guid Id, string Name, CommunitySafety.Contracts.Governance.BodyKind Kind, CommunitySafety.Contracts.Governance.MeetingCadence Cadence,
    int QuorumMinimum, Guid? ParentBodyId, string? ParentBody, OpenTerms? TermsOfReference, IReadOnlyList<OpenMember> Members);
