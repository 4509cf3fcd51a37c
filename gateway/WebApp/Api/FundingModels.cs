namespace CommunitySafety.Web.Api;

// Funding's records as its API answers them (JSON, enums by name), and what the funding pages send to it.

/// <summary>A funding stream for a financial year (2026 = 2026-27) and its ledger.</summary>
public sealed record FundingStream(Guid Id, string Name, string Source, int FinancialYear, decimal Budget, DateTimeOffset CreatedAt, decimal Committed,
    decimal Available, IReadOnlyList<BudgetChange> BudgetChanges, string FinancialYearLabel)
{
    public IReadOnlyList<BudgetChange> BudgetChanges { get; init; } = BudgetChanges ?? [];
}

public sealed record BudgetChange(Guid StreamId, decimal Change, string Reason, string ChangedBy, DateTimeOffset ChangedAt);

public enum BidStatus { Draft, Submitted, Assessed, Awarded, Declined, Withdrawn }

public sealed record PromisedOutput(string Measure, decimal Target);

public sealed record BidAssessment(Guid BidId, int Score, string Comments, string AssessedBy, DateTimeOffset AssessedAt);

public sealed record Bid(Guid Id, Guid StreamId, Guid OrganisationId, string Title, string Description, decimal AmountRequested, string Priority,
    IReadOnlyList<PromisedOutput> Outputs, string Area, string DraftedBy, DateTimeOffset DraftedAt, BidStatus Status, DateTimeOffset? SubmittedAt,
    BidAssessment? Assessment, Guid? AwardId, decimal? AmountAwarded, Guid? DecisionId, string? ClosingReason)
{
    public IReadOnlyList<PromisedOutput> Outputs { get; init; } = Outputs ?? [];
}

public enum InstalmentStatus { Scheduled, Approved, Paid, Cancelled }

public sealed record Instalment(Guid InstalmentId, decimal Amount, DateOnly DueOn, InstalmentStatus Status, DateOnly? PaidOn, string? CancelledReason);

public sealed record MonitoringReturn(Guid ReturnId, int Quarter, DateOnly PeriodEnd, decimal SpendToDate, IReadOnlyDictionary<string, decimal>? OutputsAchieved,
    decimal ExpectedSpend, decimal VariancePercent, string? VarianceExplanation, string SubmittedBy, DateTimeOffset SubmittedAt);

public sealed record AwardReduction(decimal Amount, string Reason, bool UnderspendReturned, string By, DateTimeOffset At);

public sealed record Award(Guid Id, Guid StreamId, Guid BidId, Guid OrganisationId, string Title, string Description, decimal Amount, Guid DecisionId,
    DateOnly AwardDate, IReadOnlyList<PromisedOutput> Outputs, DateTimeOffset AwardedAt, IReadOnlyList<Instalment> Instalments,
    IReadOnlyList<MonitoringReturn> Returns, IReadOnlyList<AwardReduction> Reductions, decimal NetAmount, decimal Scheduled, decimal Paid, decimal ReportedSpend)
{
    public IReadOnlyList<PromisedOutput> Outputs { get; init; } = Outputs ?? [];
    public IReadOnlyList<Instalment> Instalments { get; init; } = Instalments ?? [];
    public IReadOnlyList<MonitoringReturn> Returns { get; init; } = Returns ?? [];
    public IReadOnlyList<AwardReduction> Reductions { get; init; } = Reductions ?? [];
}

/// <summary>A decision Funding heard of from Meetings (never its text): what an award may cite when reached by consensus.</summary>
public sealed record KnownDecision(Guid Id, Guid MeetingId, Guid BodyId, bool ConsensusReached, DateTimeOffset RecordedAt);

public sealed record CreateFundingStream(string Name, string Source, int FinancialYear, decimal Budget);

public sealed record ChangeBudget(decimal Change, string Reason);

public sealed record OutputPromise(string Measure, decimal Target);

public sealed record DraftBid(Guid StreamId, string Title, string Description, decimal AmountRequested, string Priority, IReadOnlyList<OutputPromise> Outputs,
    string Area);

public sealed record AssessBid(int Score, string Comments);

public sealed record DeclineBid(string Reason, Guid? DecisionId);

public sealed record WithdrawBid(string Reason);

public sealed record AwardBid(decimal Amount, Guid DecisionId, DateOnly AwardDate);

public sealed record ScheduleInstalment(decimal Amount, DateOnly DueOn);

public sealed record PayInstalment(DateOnly PaidOn);

public sealed record CancelInstalment(string Reason);

public sealed record SubmitMonitoringReturn(int Quarter, decimal SpendToDate, IReadOnlyDictionary<string, decimal> OutputsAchieved, string? VarianceExplanation);

public sealed record ReduceAward(decimal Amount, string Reason);

public sealed record MonitoringRule(decimal VarianceThresholdPercent, string Rule);
