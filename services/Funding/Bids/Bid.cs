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

/// <summary>A bid and where it stands: draft → submitted → assessed → awarded / declined, or withdrawn before a decision.</summary>
public sealed partial record Bid(
    Guid Id, Guid StreamId, Guid OrganisationId, string Title, string Description, decimal AmountRequested, string Priority,
    IReadOnlyList<PromisedOutput> Outputs, string Area, string DraftedBy, DateTimeOffset DraftedAt)
{
    public long Version { get; set; }
    public BidStatus Status { get; init; } = BidStatus.Draft;
    public DateTimeOffset? SubmittedAt { get; init; }
    public BidAssessed? Assessment { get; init; }
    public Guid? AwardId { get; init; }
    public decimal? AmountAwarded { get; init; }
    public Guid? DecisionId { get; init; }
    public string? ClosingReason { get; init; }

    public static Bid Create(BidDrafted e) => new(e.BidId, e.StreamId, e.OrganisationId, e.Title, e.Description, e.AmountRequested, e.Priority,
        e.Outputs, e.Area, e.DraftedBy, e.DraftedAt);

    public Bid Apply(BidSubmitted e) => this with { Status = BidStatus.Submitted, SubmittedAt = e.SubmittedAt };
    public Bid Apply(BidAssessed e) => this with { Status = BidStatus.Assessed, Assessment = e };
    public Bid Apply(BidAwarded e) => this with { Status = BidStatus.Awarded, AwardId = e.AwardId, AmountAwarded = e.Amount, DecisionId = e.DecisionId };
    public Bid Apply(BidDeclined e) => this with { Status = BidStatus.Declined, DecisionId = e.DecisionId, ClosingReason = e.Reason };
    public Bid Apply(BidWithdrawn e) => this with { Status = BidStatus.Withdrawn, ClosingReason = e.Reason };
}
