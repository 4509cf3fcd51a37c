namespace CommunitySafety.Funding.Streams;

/// <summary>
/// A funding stream as it reads (GET /api/funding/streams, /api/funding/streams/{streamId}, the reports and the 360Giving
/// export): its budget and its changes, what awards have committed and what is available. Projected inline from the
/// stream's events, so a read sees the write before it.
/// </summary>
public sealed record FundingStreamView(Guid Id, string Name, string Source, int FinancialYear, decimal Budget, DateTimeOffset CreatedAt)
{
    public long Version { get; init; }

    /// <summary>Awards net of what came back from them.</summary>
    public decimal Committed { get; init; }

    public decimal Available => Budget - Committed;

    public IReadOnlyList<BudgetChanged> BudgetChanges { get; init; } = [];

    /// <summary>Each award's net commitment.</summary>
    public IReadOnlyDictionary<Guid, decimal> Awards { get; init; } = new Dictionary<Guid, decimal>();

    public string FinancialYearLabel => new Funding.FinancialYear(FinancialYear).ToString();

    public static FundingStreamView Create(FundingStreamCreated e) => new(e.StreamId, e.Name, e.Source, e.FinancialYear, e.Budget, e.CreatedAt);

    public FundingStreamView Apply(BudgetChanged e) => this with { Budget = Budget + e.Change, BudgetChanges = [.. BudgetChanges, e] };

    public FundingStreamView Apply(AwardCommitted e) => this with
    {
        Committed = Committed + e.Amount,
        Awards = new Dictionary<Guid, decimal>(Awards) { [e.AwardId] = e.Amount },
    };

    public FundingStreamView Apply(AwardReduced e) => this with
    {
        Committed = Committed - e.Amount,
        Awards = new Dictionary<Guid, decimal>(Awards) { [e.AwardId] = Awards.GetValueOrDefault(e.AwardId) - e.Amount },
    };

    /// <summary>The view after an event (null before the stream's first), as the projection folds it.</summary>
    public static FundingStreamView Evolve(FundingStreamView? state, object @event) => @event switch
    {
        FundingStreamCreated e => Create(e),
        BudgetChanged e => Existing(state).Apply(e),
        AwardCommitted e => Existing(state).Apply(e),
        AwardReduced e => Existing(state).Apply(e),
        _ => Existing(state),
    };

    /// <summary>The fold Marten runs for the inline document (its source generator takes a method named <c>Evolve</c> for the evolver): the same <see cref="Evolve(FundingStreamView?, object)"/>.</summary>
    /// <param name="event">The next event of the stream.</param>
    public FundingStreamView Evolve(object @event) => Evolve(this, @event);

    private static FundingStreamView Existing(FundingStreamView? state) =>
        state ?? throw new InvalidOperationException("A funding stream starts with FundingStreamCreated.");
}
