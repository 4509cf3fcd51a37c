namespace CommunitySafety.Funding.Streams;

public sealed record FundingStreamCreated(
    Guid StreamId, string Name, string Source, int FinancialYear, decimal Budget, string CreatedBy, DateTimeOffset CreatedAt);

/// <summary>A top-up (positive) or reduction (negative) of the stream's budget, with its reason.</summary>
public sealed record BudgetChanged(Guid StreamId, decimal Change, string Reason, string ChangedBy, DateTimeOffset ChangedAt);

/// <summary>An award takes its amount out of the stream's available budget.</summary>
public sealed record AwardCommitted(Guid StreamId, Guid AwardId, decimal Amount, DateTimeOffset CommittedAt);

/// <summary>Part of an award came back to the stream (underspend returned, or clawed back).</summary>
public sealed record AwardReduced(Guid StreamId, Guid AwardId, decimal Amount, string Reason, DateTimeOffset ReducedAt);

/// <summary>
/// A funding stream (e.g. the PCC's Crime Reduction Grant for 2026-27) as its rules need it: its ledger, the budget,
/// what awards have committed, and what is available. The invariant: committed never exceeds the budget. How a stream
/// reads (its source, when it was opened, its budget changes) is <see cref="FundingStreamView"/>.
/// </summary>
public sealed record FundingStream(Guid Id, string Name, int FinancialYear, decimal Budget)
{
    public long Version { get; init; }

    /// <summary>Awards net of what came back from them.</summary>
    public decimal Committed { get; init; }

    public decimal Available => Budget - Committed;

    /// <summary>Each award's net commitment.</summary>
    public IReadOnlyDictionary<Guid, decimal> Awards { get; init; } = new Dictionary<Guid, decimal>();

    public string FinancialYearLabel => new Funding.FinancialYear(FinancialYear).ToString();

    public static FundingStream Create(FundingStreamCreated e) => new(e.StreamId, e.Name, e.FinancialYear, e.Budget);

    public FundingStream Apply(BudgetChanged e) => this with { Budget = Budget + e.Change };

    public FundingStream Apply(AwardCommitted e) => this with
    {
        Committed = Committed + e.Amount,
        Awards = new Dictionary<Guid, decimal>(Awards) { [e.AwardId] = e.Amount },
    };

    public FundingStream Apply(AwardReduced e) => this with
    {
        Committed = Committed - e.Amount,
        Awards = new Dictionary<Guid, decimal>(Awards) { [e.AwardId] = Awards.GetValueOrDefault(e.AwardId) - e.Amount },
    };

    /// <summary>
    /// The stream after an event (null before its first): the one fold of a funding stream's events, for every fold written
    /// by hand. Marten folds with it too (the instance <c>Evolve</c> below).
    /// </summary>
    public static FundingStream Evolve(FundingStream? state, object @event) => @event switch
    {
        FundingStreamCreated e => Create(e),
        BudgetChanged e => Existing(state).Apply(e),
        AwardCommitted e => Existing(state).Apply(e),
        AwardReduced e => Existing(state).Apply(e),
        _ => Existing(state),
    };

    /// <summary>The fold Marten runs for the inline document (its source generator takes a method named <c>Evolve</c> for the evolver): the same <see cref="Evolve(FundingStream?, object)"/>.</summary>
    /// <param name="event">The next event of the stream.</param>
    public FundingStream Evolve(object @event) => Evolve(this, @event);

    private static FundingStream Existing(FundingStream? state) =>
        state ?? throw new InvalidOperationException("A funding stream starts with FundingStreamCreated.");

    /// <summary>A budget change; a reduction may not take the budget below what is already committed.</summary>
    public static BudgetChanged DecideBudgetChange(FundingStream stream, decimal change, string reason, string by, DateTimeOffset now)
    {
        if (change == 0) throw new DomainRuleViolation("budget-change-zero", "A budget change must add or remove money.", Refusal.OutOfRange);
        if (stream.Budget + change < stream.Committed)
            throw new DomainRuleViolation("budget-below-committed",
                    $"The budget cannot go below the {stream.Committed:N2} already awarded (it would be {stream.Budget + change:N2}).")
                .With("committed", stream.Committed).With("budget", stream.Budget);
        return new BudgetChanged(stream.Id, change, reason, by, now);
    }

    /// <summary>The budget invariant: an award is committed only if it fits in what is available.</summary>
    public static AwardCommitted DecideCommit(FundingStream stream, Guid awardId, decimal amount, DateTimeOffset now)
    {
        if (amount <= 0) throw new DomainRuleViolation("amount-not-positive", "An award must be for more than nothing.", Refusal.OutOfRange);
        if (amount > stream.Available)
            throw new DomainRuleViolation("over-budget",
                    $"An award of {amount:N2} exceeds the {stream.Available:N2} available in {stream.Name} ({stream.FinancialYearLabel}).")
                .With("available", stream.Available).With("requested", amount);
        return new AwardCommitted(stream.Id, awardId, amount, now);
    }

    /// <summary>Money coming back from an award: never more than the award still commits.</summary>
    public static AwardReduced DecideReduce(FundingStream stream, Guid awardId, decimal amount, string reason, DateTimeOffset now)
    {
        var committed = stream.Awards.GetValueOrDefault(awardId);
        if (amount <= 0 || amount > committed)
            throw new DomainRuleViolation("reduction-exceeds-award", $"Between 0 and {committed:N2} can come back from this award.")
                .With("committed", committed);
        return new AwardReduced(stream.Id, awardId, amount, reason, now);
    }
}
