namespace CommunitySafety.Funding.Awards;

public enum InstalmentStatus { Scheduled, Approved, Paid, Cancelled }

/// <summary>A grant awarded on a bid, citing the recorded partnership decision that approved it.</summary>
public sealed record AwardMade(
    Guid AwardId, Guid StreamId, Guid BidId, Guid OrganisationId, string Title, string Description, decimal Amount, Guid DecisionId,
    DateOnly AwardDate, IReadOnlyList<Bids.PromisedOutput> Outputs, string AwardedBy, DateTimeOffset AwardedAt);

public sealed record InstalmentScheduled(Guid AwardId, Guid InstalmentId, decimal Amount, DateOnly DueOn, string ScheduledBy, DateTimeOffset ScheduledAt);
public sealed record InstalmentApproved(Guid AwardId, Guid InstalmentId, string ApprovedBy, DateTimeOffset ApprovedAt);
public sealed record InstalmentPaid(Guid AwardId, Guid InstalmentId, Guid OrganisationId, decimal Amount, DateOnly PaidOn, string PaidBy, DateTimeOffset RecordedAt);
public sealed record InstalmentCancelled(Guid AwardId, Guid InstalmentId, string Reason, string CancelledBy, DateTimeOffset CancelledAt);

/// <summary>A quarterly monitoring return: spend to date and outputs achieved against those promised.</summary>
public sealed record MonitoringReturnSubmitted(
    Guid AwardId, Guid ReturnId, int Quarter, DateOnly PeriodEnd, decimal SpendToDate, IReadOnlyDictionary<string, decimal> OutputsAchieved,
    decimal ExpectedSpend, decimal VariancePercent, string? VarianceExplanation, string SubmittedBy, DateTimeOffset SubmittedAt);

/// <summary>Money came back from the award: an underspend returned by the recipient, or clawed back by the partnership.</summary>
public sealed record AwardReducedBy(
    Guid AwardId, Guid StreamId, Guid OrganisationId, decimal Amount, string Reason, bool UnderspendReturned, string By, DateTimeOffset At);

public sealed record Instalment(Guid InstalmentId, decimal Amount, DateOnly DueOn, InstalmentStatus Status, DateOnly? PaidOn, string? CancelledReason);

/// <summary>
/// An award and its life: the payment schedule (instalments scheduled → approved → paid, or cancelled), monitoring
/// returns, and reductions (underspend returned, clawback). What is paid never exceeds what is awarded, net of reductions.
/// </summary>
public sealed partial record Award(
    Guid Id, Guid StreamId, Guid BidId, Guid OrganisationId, string Title, string Description, decimal Amount, Guid DecisionId, DateOnly AwardDate,
    IReadOnlyList<Bids.PromisedOutput> Outputs, DateTimeOffset AwardedAt)
{
    public long Version { get; set; }
    public IReadOnlyList<Instalment> Instalments { get; init; } = [];
    public IReadOnlyList<MonitoringReturnSubmitted> Returns { get; init; } = [];
    public IReadOnlyList<AwardReducedBy> Reductions { get; init; } = [];

    /// <summary>What the award is worth now: the amount awarded less what came back.</summary>
    public decimal NetAmount => Amount - Reductions.Sum(r => r.Amount);
    public decimal Scheduled => Instalments.Where(i => i.Status != InstalmentStatus.Cancelled).Sum(i => i.Amount);
    public decimal Paid => Instalments.Where(i => i.Status == InstalmentStatus.Paid).Sum(i => i.Amount);
    public decimal ReportedSpend => Returns.Count == 0 ? 0 : Returns[^1].SpendToDate;

    public static Award Create(AwardMade e) => new(e.AwardId, e.StreamId, e.BidId, e.OrganisationId, e.Title, e.Description, e.Amount, e.DecisionId,
        e.AwardDate, e.Outputs, e.AwardedAt);

    public Award Apply(InstalmentScheduled e) =>
        this with { Instalments = [.. Instalments, new Instalment(e.InstalmentId, e.Amount, e.DueOn, InstalmentStatus.Scheduled, null, null)] };

    public Award Apply(InstalmentApproved e) => With(e.InstalmentId, i => i with { Status = InstalmentStatus.Approved });
    public Award Apply(InstalmentPaid e) => With(e.InstalmentId, i => i with { Status = InstalmentStatus.Paid, PaidOn = e.PaidOn });
    public Award Apply(InstalmentCancelled e) => With(e.InstalmentId, i => i with { Status = InstalmentStatus.Cancelled, CancelledReason = e.Reason });
    public Award Apply(MonitoringReturnSubmitted e) => this with { Returns = [.. Returns, e] };
    public Award Apply(AwardReducedBy e) => this with { Reductions = [.. Reductions, e] };

    private Award With(Guid instalmentId, Func<Instalment, Instalment> change) =>
        this with { Instalments = Instalments.Select(i => i.InstalmentId == instalmentId ? change(i) : i).ToList() };
}
