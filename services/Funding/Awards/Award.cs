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

/// <summary>
/// An award as its rules need it: what was awarded and what came back, the payment schedule (instalments scheduled →
/// approved → paid, or cancelled) and the spend each quarter's monitoring return reported. What is paid never exceeds
/// what is awarded, net of reductions. How the award reads (titles, dates, the returns and reductions in full) is
/// <see cref="AwardView"/>.
/// </summary>
public sealed partial record Award(Guid Id, Guid StreamId, Guid OrganisationId, decimal Amount, IReadOnlyList<string> Measures)
{
    public long Version { get; init; }
    public IReadOnlyList<ScheduledInstalment> Instalments { get; init; } = [];

    /// <summary>Spend to date each quarter's return reported, by quarter.</summary>
    public IReadOnlyDictionary<int, decimal> SpendByQuarter { get; init; } = new Dictionary<int, decimal>();

    /// <summary>Everything that came back from the award (underspend returned and clawback).</summary>
    public decimal Reduced { get; init; }

    /// <summary>Money the recipient was paid and gave back (underspend returned).</summary>
    public decimal Returned { get; init; }

    /// <summary>What the award is worth now: the amount awarded less what came back.</summary>
    public decimal NetAmount => Amount - Reduced;
    public decimal Scheduled => Instalments.Where(i => i.Status != InstalmentStatus.Cancelled).Sum(i => i.Amount);
    public decimal Paid => Instalments.Where(i => i.Status == InstalmentStatus.Paid).Sum(i => i.Amount);

    public static Award Create(AwardMade e) => new(e.AwardId, e.StreamId, e.OrganisationId, e.Amount, e.Outputs.Select(o => o.Measure).ToList());

    public Award Apply(InstalmentScheduled e) =>
        this with { Instalments = [.. Instalments, new ScheduledInstalment(e.InstalmentId, e.Amount, InstalmentStatus.Scheduled)] };

    public Award Apply(InstalmentApproved e) => With(e.InstalmentId, InstalmentStatus.Approved);
    public Award Apply(InstalmentPaid e) => With(e.InstalmentId, InstalmentStatus.Paid);
    public Award Apply(InstalmentCancelled e) => With(e.InstalmentId, InstalmentStatus.Cancelled);
    public Award Apply(MonitoringReturnSubmitted e) => this with { SpendByQuarter = new Dictionary<int, decimal>(SpendByQuarter) { [e.Quarter] = e.SpendToDate } };

    public Award Apply(AwardReducedBy e) =>
        this with { Reduced = Reduced + e.Amount, Returned = e.UnderspendReturned ? Returned + e.Amount : Returned };

    /// <summary>
    /// The award after an event (null before the award's first): the one fold of the award's events, for every fold written by
    /// hand (tests, code). Marten folds with it too (the instance <c>Evolve</c> below).
    /// </summary>
    public static Award Evolve(Award? state, object @event) => @event switch
    {
        AwardMade e => Create(e),
        InstalmentScheduled e => Existing(state).Apply(e),
        InstalmentApproved e => Existing(state).Apply(e),
        InstalmentPaid e => Existing(state).Apply(e),
        InstalmentCancelled e => Existing(state).Apply(e),
        MonitoringReturnSubmitted e => Existing(state).Apply(e),
        AwardReducedBy e => Existing(state).Apply(e),
        _ => Existing(state),
    };

    /// <summary>The fold Marten runs for the inline document (its source generator takes a method named <c>Evolve</c> for the evolver): the same <see cref="Evolve(Award?, object)"/>.</summary>
    /// <param name="event">The next event of the stream.</param>
    public Award Evolve(object @event) => Evolve(this, @event);

    private static Award Existing(Award? state) => state ?? throw new InvalidOperationException("An award's stream starts with AwardMade.");

    private Award With(Guid instalmentId, InstalmentStatus status) =>
        this with { Instalments = Instalments.Select(i => i.InstalmentId == instalmentId ? i with { Status = status } : i).ToList() };
}

/// <summary>An instalment as the schedule's rules need it.</summary>
public sealed record ScheduledInstalment(Guid InstalmentId, decimal Amount, InstalmentStatus Status);
