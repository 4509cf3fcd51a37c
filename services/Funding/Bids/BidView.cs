namespace CommunitySafety.Funding.Bids;

/// <summary>
/// A bid as it reads (GET /api/funding/bids, /api/funding/bids/{bidId}, the answer of every write to a bid, the 360Giving
/// export): where it stands, its assessment and its outcome. Projected inline from the bid's stream, so a read sees the
/// write before it.
/// </summary>
public sealed record BidView(
    Guid Id, Guid StreamId, Guid OrganisationId, string Title, string Description, decimal AmountRequested, string Priority,
    IReadOnlyList<PromisedOutput> Outputs, string Area, string DraftedBy, DateTimeOffset DraftedAt)
{
    public long Version { get; init; }
    public BidStatus Status { get; init; } = BidStatus.Draft;
    public DateTimeOffset? SubmittedAt { get; init; }
    public BidAssessed? Assessment { get; init; }
    public Guid? AwardId { get; init; }
    public decimal? AmountAwarded { get; init; }
    public Guid? DecisionId { get; init; }
    public string? ClosingReason { get; init; }
    public bool IsClosed => Status is BidStatus.Awarded or BidStatus.Declined or BidStatus.Withdrawn;

    public static BidView Create(BidDrafted e) => new(e.BidId, e.StreamId, e.OrganisationId, e.Title, e.Description, e.AmountRequested, e.Priority,
        e.Outputs, e.Area, e.DraftedBy, e.DraftedAt);

    public BidView Apply(BidSubmitted e) => this with { Status = BidStatus.Submitted, SubmittedAt = e.SubmittedAt };
    public BidView Apply(BidAssessed e) => this with { Status = BidStatus.Assessed, Assessment = e };
    public BidView Apply(BidAwarded e) => this with { Status = BidStatus.Awarded, AwardId = e.AwardId, AmountAwarded = e.Amount, DecisionId = e.DecisionId };
    public BidView Apply(BidDeclined e) => this with { Status = BidStatus.Declined, DecisionId = e.DecisionId, ClosingReason = e.Reason };
    public BidView Apply(BidWithdrawn e) => this with { Status = BidStatus.Withdrawn, ClosingReason = e.Reason };

    /// <summary>The view after an event (null before the bid's first), as the projection folds it.</summary>
    public static BidView Evolve(BidView? state, object @event) => @event switch
    {
        BidDrafted e => Create(e),
        BidSubmitted e => Existing(state).Apply(e),
        BidAssessed e => Existing(state).Apply(e),
        BidAwarded e => Existing(state).Apply(e),
        BidDeclined e => Existing(state).Apply(e),
        BidWithdrawn e => Existing(state).Apply(e),
        _ => Existing(state),
    };

    /// <summary>The fold Marten runs for the inline document (its source generator takes a method named <c>Evolve</c> for the evolver): the same <see cref="Evolve(BidView?, object)"/>.</summary>
    /// <param name="event">The next event of the stream.</param>
    public BidView Evolve(object @event) => Evolve(this, @event);

    /// <summary>
    /// The answer of a write to a bid (what <c>UpdatedAggregate</c> answered when the bid was its own read model): the view
    /// as it will read once <paramref name="event"/> is committed, i.e. the view as stored with the event applied and the
    /// version it brings. Marten checks at commit that nobody appended in between, so the answer is the committed state.
    /// </summary>
    /// <param name="session">The write's session.</param>
    /// <param name="bidId">The bid written.</param>
    /// <param name="event">The one event the write appends.</param>
    /// <param name="ct">Cancels the read.</param>
    public static async Task<BidView> AfterAsync(IQuerySession session, Guid bidId, object @event, CancellationToken ct)
    {
        var view = await session.LoadAsync<BidView>(bidId, ct)
            ?? throw new InvalidOperationException($"Bid {bidId} has no BidView: rebuild the projection.");
        return Evolve(view, @event) with { Version = view.Version + 1 };
    }

    private static BidView Existing(BidView? state) => state ?? throw new InvalidOperationException("A bid's stream starts with BidDrafted.");
}
