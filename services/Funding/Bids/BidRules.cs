using CommunitySafety.Funding.Awards;
using CommunitySafety.Funding.Decisions;
using CommunitySafety.Funding.Streams;

namespace CommunitySafety.Funding.Bids;

/// <summary>
/// The rules of a bid's life as pure decide functions: each takes the bid as it stands and returns the event that
/// records the change, or throws a <see cref="DomainRuleViolation"/> naming the rule that refuses it.
/// </summary>
public sealed partial record Bid
{
    public bool IsClosed => Status is BidStatus.Awarded or BidStatus.Declined or BidStatus.Withdrawn;

    /// <summary>
    /// Who may act on a bid: a funding officer on any bid; a bidder only on their own organisation's bids (403
    /// <c>no-organisation</c> when the token names none, 403 <c>not-your-bid</c> when it names another): <see cref="OrganisationScope"/>.
    /// </summary>
    public static void DecideActor(Guid bidOrganisation, bool isFundingOfficer, Guid? callerOrganisation) =>
        OrganisationScope.Decide(bidOrganisation, isFundingOfficer, callerOrganisation, OrganisationScope.Bid);

    /// <summary>
    /// <see cref="DecideActor"/> for <paramref name="user"/>, before anything is decided: a funding officer may act on any bid
    /// (unless <paramref name="officerMayAct"/> is false: only the bidder withdraws), a bidder on their own organisation's.
    /// </summary>
    public void EnsureMayAct(ClaimsPrincipal user, bool officerMayAct = true) =>
        DecideActor(OrganisationId, officerMayAct && user.IsInRole(FundingRoles.FundingOfficer), user.OrganisationId());

    /// <summary>Draft → submitted.</summary>
    public static BidSubmitted DecideSubmit(Bid bid, string by, DateTimeOffset now)
    {
        RefuseIfClosed(bid);
        if (bid.Status != BidStatus.Draft)
            throw new DomainRuleViolation("bid-already-submitted", "The bid has already been submitted.").With("bidStatus", bid.Status.ToString());
        return new BidSubmitted(bid.Id, by, now);
    }

    /// <summary>
    /// Submitted → assessed. An assessed bid may be assessed again (e.g. after moderation): the new assessment
    /// replaces the old, until the bid is decided.
    /// </summary>
    public static BidAssessed DecideAssess(Bid bid, int score, string comments, string by, DateTimeOffset now)
    {
        RefuseIfClosed(bid);
        if (bid.Status is not (BidStatus.Submitted or BidStatus.Assessed)) throw NotSubmitted(bid);
        if (score is < 0 or > 100) throw new DomainRuleViolation("score-out-of-range", "A score is between 0 and 100.", Refusal.OutOfRange);
        return new BidAssessed(bid.Id, score, comments, by, now);
    }

    /// <summary>A submitted or assessed bid is declined, with the reason (and the decision, if the partnership made one).</summary>
    public static BidDeclined DecideDecline(Bid bid, string reason, Guid? decisionId, string by, DateTimeOffset now)
    {
        RefuseIfClosed(bid);
        if (bid.Status is not (BidStatus.Submitted or BidStatus.Assessed)) throw NotSubmitted(bid);
        return new BidDeclined(bid.Id, reason, decisionId, by, now);
    }

    /// <summary>The bidder withdraws the bid at any time before it is decided.</summary>
    public static BidWithdrawn DecideWithdraw(Bid bid, string reason, string by, DateTimeOffset now)
    {
        RefuseIfClosed(bid);
        return new BidWithdrawn(bid.Id, reason, by, now);
    }

    /// <summary>
    /// An award on an assessed bid, by a decision of the partnership reached by consensus, for no more than was
    /// requested, dated inside the stream's financial year, and within the stream's available budget. Returns the
    /// events for the three streams the award writes: the bid, the funding stream and the new award.
    /// </summary>
    public static (BidAwarded Bid, AwardCommitted Commitment, AwardMade Award) DecideAward(
        Bid bid, FundingStream stream, Guid awardId, decimal amount, Guid decisionId, KnownDecision? decision, DateOnly awardDate,
        string by, DateTimeOffset now)
    {
        RefuseIfClosed(bid);
        if (bid.Status != BidStatus.Assessed)
            throw new DomainRuleViolation("bid-not-assessed", "Only an assessed bid can be awarded.").With("bidStatus", bid.Status.ToString());
        if (bid.StreamId != stream.Id)
            throw new InvalidOperationException($"Bid {bid.Id} is against stream {bid.StreamId}, not {stream.Id}.");
        if (amount > bid.AmountRequested)
            throw new DomainRuleViolation("award-above-request", $"An award of {amount:N2} exceeds the {bid.AmountRequested:N2} the bid requested.")
                .With("amountRequested", bid.AmountRequested).With("amount", amount);
        var year = new FinancialYear(stream.FinancialYear);
        if (!year.Contains(awardDate))
            throw new DomainRuleViolation("date-outside-financial-year",
                    $"The award date {awardDate:yyyy-MM-dd} is outside the stream's financial year {year} ({year.Start:yyyy-MM-dd} to {year.End:yyyy-MM-dd}).")
                .With("financialYear", year.ToString());
        DecisionRule.Require(decision, decisionId);
        var commitment = FundingStream.DecideCommit(stream, awardId, amount, now);
        return (new BidAwarded(bid.Id, awardId, amount, decisionId, now), commitment,
            new AwardMade(awardId, stream.Id, bid.Id, bid.OrganisationId, bid.Title, bid.Description, amount, decisionId, awardDate, bid.Outputs, by, now));
    }

    private static void RefuseIfClosed(Bid bid)
    {
        if (bid.IsClosed)
            throw new DomainRuleViolation("bid-closed", $"The bid is {bid.Status.ToString().ToLowerInvariant()}: nothing more can happen to it.")
                .With("bidStatus", bid.Status.ToString());
    }

    private static DomainRuleViolation NotSubmitted(Bid bid) =>
        new DomainRuleViolation("bid-not-submitted", "The bid has not been submitted yet.").With("bidStatus", bid.Status.ToString());
}
