using CommunitySafety.Funding.Bids;
using CommunitySafety.Funding.Decisions;
using CommunitySafety.Funding.Streams;
using Xunit;

namespace CommunitySafety.UnitTests;

/// <summary>How a bid reads (<see cref="BidView"/>): its projection, fed the events the bid's rules decide.</summary>
public sealed class BidViewTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly FundingStream Stream =
        FundingStream.Create(new FundingStreamCreated(Guid.NewGuid(), "Crime Reduction Grant", "PCC", 2026, 100_000m, "officer", T0));

    private static BidDrafted Drafted() => new(Guid.NewGuid(), Stream.Id, Guid.NewGuid(), "Street Safe", "Detached youth work", 20_000m,
        "Reduce ASB in the town centre", [new PromisedOutput("young people engaged", 40)], "North", "bidder", T0);

    /// <summary>The bid (for the rules) and its view, folded from the same events.</summary>
    private sealed class History(BidDrafted drafted)
    {
        public Bid Bid { get; private set; } = Bid.Evolve(null, drafted);
        public BidView View { get; private set; } = BidView.Evolve(null, drafted);

        public T Then<T>(Func<Bid, T> decide) where T : notnull
        {
            var e = decide(Bid);
            Bid = Bid.Evolve(Bid, e);
            View = BidView.Evolve(View, e);
            return e;
        }
    }

    [Fact]
    public void A_bid_reads_as_drafted_then_submitted_with_its_latest_assessment()
    {
        var drafted = Drafted();
        var history = new History(drafted);
        Assert.Equal((drafted.BidId, drafted.Priority, drafted.Area, drafted.DraftedBy, drafted.DraftedAt, BidStatus.Draft, false),
            (history.View.Id, history.View.Priority, history.View.Area, history.View.DraftedBy, history.View.DraftedAt, history.View.Status, history.View.IsClosed));
        history.Then(b => Bid.DecideSubmit(b, "bidder", T0.AddDays(1)));
        Assert.Equal((BidStatus.Submitted, T0.AddDays(1)), (history.View.Status, history.View.SubmittedAt));
        history.Then(b => Bid.DecideAssess(b, 60, "Fair", "officer", T0));
        history.Then(b => Bid.DecideAssess(b, 75, "Moderated up", "officer", T0));
        Assert.Equal((BidStatus.Assessed, 75, "Moderated up"), (history.View.Status, history.View.Assessment!.Score, history.View.Assessment.Comments));
        Assert.Equal(history.Bid.Status, history.View.Status);
    }

    [Fact]
    public void A_declined_or_withdrawn_bid_reads_with_the_reason_and_an_awarded_one_with_the_award()
    {
        var declined = new History(Drafted());
        declined.Then(b => Bid.DecideSubmit(b, "bidder", T0));
        var decisionId = Guid.NewGuid();
        declined.Then(b => Bid.DecideDecline(b, "Not a priority", decisionId, "officer", T0));
        Assert.Equal((BidStatus.Declined, "Not a priority", decisionId, true), (declined.View.Status, declined.View.ClosingReason, declined.View.DecisionId, declined.View.IsClosed));

        var withdrawn = new History(Drafted());
        withdrawn.Then(b => Bid.DecideWithdraw(b, "No longer needed", "bidder", T0));
        Assert.Equal((BidStatus.Withdrawn, "No longer needed", true), (withdrawn.View.Status, withdrawn.View.ClosingReason, withdrawn.View.IsClosed));

        var awarded = new History(Drafted());
        awarded.Then(b => Bid.DecideSubmit(b, "bidder", T0));
        awarded.Then(b => Bid.DecideAssess(b, 72, "Good", "officer", T0));
        var decision = new KnownDecision { Id = Guid.NewGuid(), ConsensusReached = true };
        var awardId = Guid.NewGuid();
        awarded.Then(b => Bid.DecideAward(b, Stream, awardId, 20_000m, decision.Id, decision, new DateOnly(2027, 3, 31), "officer", T0).Bid);
        Assert.Equal((BidStatus.Awarded, awardId, 20_000m, decision.Id), (awarded.View.Status, awarded.View.AwardId, awarded.View.AmountAwarded, awarded.View.DecisionId));
        Assert.Equal(BidStatus.Awarded, awarded.Bid.Status);
    }

    [Fact]
    public void A_bids_history_starts_with_its_draft()
    {
        Assert.Throws<InvalidOperationException>(() => BidView.Evolve(null, new BidSubmitted(Guid.NewGuid(), "bidder", T0)));
        Assert.Throws<InvalidOperationException>(() => Bid.Evolve(null, new BidSubmitted(Guid.NewGuid(), "bidder", T0)));
    }
}
