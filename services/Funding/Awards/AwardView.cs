namespace CommunitySafety.Funding.Awards;

public sealed record Instalment(Guid InstalmentId, decimal Amount, DateOnly DueOn, InstalmentStatus Status, DateOnly? PaidOn, string? CancelledReason);

/// <summary>
/// An award as it reads (GET /api/funding/awards, /api/funding/awards/{awardId}, the reports and the 360Giving export):
/// the award, its payment schedule, its monitoring returns and its reductions, with the totals. Projected inline from the
/// award's stream, so a read sees the write before it.
/// </summary>
public sealed partial record AwardView(
    Guid Id, Guid StreamId, Guid BidId, Guid OrganisationId, string Title, string Description, decimal Amount, Guid DecisionId, DateOnly AwardDate,
    IReadOnlyList<Bids.PromisedOutput> Outputs, DateTimeOffset AwardedAt)
{
    public long Version { get; init; }
    public IReadOnlyList<Instalment> Instalments { get; init; } = [];
    public IReadOnlyList<MonitoringReturnSubmitted> Returns { get; init; } = [];
    public IReadOnlyList<AwardReducedBy> Reductions { get; init; } = [];

    /// <summary>What the award is worth now: the amount awarded less what came back.</summary>
    public decimal NetAmount => Amount - Reductions.Sum(r => r.Amount);
    public decimal Scheduled => Instalments.Where(i => i.Status != InstalmentStatus.Cancelled).Sum(i => i.Amount);
    public decimal Paid => Instalments.Where(i => i.Status == InstalmentStatus.Paid).Sum(i => i.Amount);
    public decimal ReportedSpend => Returns.Count == 0 ? 0 : Returns[^1].SpendToDate;

    /// <summary>Money the recipient was paid and gave back (underspend returned).</summary>
    public decimal Returned => Reductions.Where(r => r.UnderspendReturned).Sum(r => r.Amount);

    /// <summary>What is scheduled and not cancelled, less what came back after being paid.</summary>
    public decimal ScheduledNet => Scheduled - Returned;

    /// <summary>What the recipient was paid and still holds.</summary>
    public decimal PaidNet => Paid - Returned;

    public static AwardView Create(AwardMade e) => new(e.AwardId, e.StreamId, e.BidId, e.OrganisationId, e.Title, e.Description, e.Amount, e.DecisionId,
        e.AwardDate, e.Outputs, e.AwardedAt);

    public AwardView Apply(InstalmentScheduled e) =>
        this with { Instalments = [.. Instalments, new Instalment(e.InstalmentId, e.Amount, e.DueOn, InstalmentStatus.Scheduled, null, null)] };

    public AwardView Apply(InstalmentApproved e) => With(e.InstalmentId, i => i with { Status = InstalmentStatus.Approved });
    public AwardView Apply(InstalmentPaid e) => With(e.InstalmentId, i => i with { Status = InstalmentStatus.Paid, PaidOn = e.PaidOn });
    public AwardView Apply(InstalmentCancelled e) => With(e.InstalmentId, i => i with { Status = InstalmentStatus.Cancelled, CancelledReason = e.Reason });
    public AwardView Apply(MonitoringReturnSubmitted e) => this with { Returns = [.. Returns, e] };
    public AwardView Apply(AwardReducedBy e) => this with { Reductions = [.. Reductions, e] };

    /// <summary>
    /// The view after an event (null before the award's first): the one fold of the award's events, for every fold written by
    /// hand (tests, code). Marten folds with it too (the instance <c>Evolve</c> below).
    /// </summary>
    public static AwardView Evolve(AwardView? state, object @event) => @event switch
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

    /// <summary>The fold Marten runs for the inline document (its source generator takes a method named <c>Evolve</c> for the evolver): the same <see cref="Evolve(AwardView?, object)"/>.</summary>
    /// <param name="event">The next event of the stream.</param>
    public AwardView Evolve(object @event) => Evolve(this, @event);

    private static AwardView Existing(AwardView? state) => state ?? throw new InvalidOperationException("An award's stream starts with AwardMade.");

    private AwardView With(Guid instalmentId, Func<Instalment, Instalment> change) =>
        this with { Instalments = Instalments.Select(i => i.InstalmentId == instalmentId ? change(i) : i).ToList() };
}
