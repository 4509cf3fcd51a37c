namespace CommunitySafety.Funding.Bids;

public enum BidStatus { Draft, Submitted, Assessed, Awarded, Declined, Withdrawn }

/// <summary>An output or measure the project promises (e.g. "young people engaged", 40).</summary>
public sealed record PromisedOutput(string Measure, decimal Target);

/// <summary>A project bid by an organisation against a funding stream.</summary>
public sealed record BidDrafted(
    Guid BidId, Guid StreamId, Guid OrganisationId, string Title, string Description, decimal AmountRequested, string Priority,
    IReadOnlyList<PromisedOutput> Outputs, string Area, string DraftedBy, DateTimeOffset DraftedAt);

public sealed record BidSubmitted(Guid BidId, string SubmittedBy, DateTimeOffset SubmittedAt);
public sealed record BidAssessed(Guid BidId, int Score, string Comments, string AssessedBy, DateTimeOffset AssessedAt);
public sealed record BidAwarded(Guid BidId, Guid AwardId, decimal Amount, Guid DecisionId, DateTimeOffset AwardedAt);
public sealed record BidDeclined(Guid BidId, string Reason, Guid? DecisionId, string DeclinedBy, DateTimeOffset DeclinedAt);
public sealed record BidWithdrawn(Guid BidId, string Reason, string WithdrawnBy, DateTimeOffset WithdrawnAt);

/// <summary>
/// A bid as its rules need it: where it stands (draft → submitted → assessed → awarded / declined, or withdrawn before a
/// decision), whose it is, what it asks for, and what an award on it carries over. How a bid reads (its priority, area,
/// assessment, outcome) is <see cref="BidView"/>.
/// </summary>
public sealed partial record Bid(
    Guid Id, Guid StreamId, Guid OrganisationId, string Title, string Description, decimal AmountRequested, IReadOnlyList<PromisedOutput> Outputs)
{
    public long Version { get; init; }
    public BidStatus Status { get; init; } = BidStatus.Draft;

    public static Bid Create(BidDrafted e) => new(e.BidId, e.StreamId, e.OrganisationId, e.Title, e.Description, e.AmountRequested, e.Outputs);

    public Bid Apply(BidSubmitted e) => this with { Status = BidStatus.Submitted };
    public Bid Apply(BidAssessed e) => this with { Status = BidStatus.Assessed };
    public Bid Apply(BidAwarded e) => this with { Status = BidStatus.Awarded };
    public Bid Apply(BidDeclined e) => this with { Status = BidStatus.Declined };
    public Bid Apply(BidWithdrawn e) => this with { Status = BidStatus.Withdrawn };

    /// <summary>
    /// The bid after an event (null before its first): the one fold of a bid's events, for every fold written by hand. Marten folds with it too (the instance <c>Evolve</c> below).
    /// </summary>
    public static Bid Evolve(Bid? state, object @event) => @event switch
    {
        BidDrafted e => Create(e),
        BidSubmitted e => Existing(state).Apply(e),
        BidAssessed e => Existing(state).Apply(e),
        BidAwarded e => Existing(state).Apply(e),
        BidDeclined e => Existing(state).Apply(e),
        BidWithdrawn e => Existing(state).Apply(e),
        _ => Existing(state),
    };

    /// <summary>The fold Marten runs for the inline document (its source generator takes a method named <c>Evolve</c> for the evolver): the same <see cref="Evolve(Bid?, object)"/>.</summary>
    /// <param name="event">The next event of the stream.</param>
    public Bid Evolve(object @event) => Evolve(this, @event);

    private static Bid Existing(Bid? state) => state ?? throw new InvalidOperationException("A bid's stream starts with BidDrafted.");
}
