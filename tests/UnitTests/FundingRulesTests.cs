using CommunitySafety.Funding;
using CommunitySafety.Funding.Bids;
using CommunitySafety.Funding.Decisions;
using CommunitySafety.Funding.Streams;
using CommunitySafety.ServiceDefaults;
using Xunit;

namespace CommunitySafety.UnitTests;

public sealed class FundingRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly InYear = new(2026, 11, 23);
    private static readonly Guid OrganisationId = Guid.NewGuid();

    private static FundingStream Stream(decimal budget = 100_000m) =>
        FundingStream.Create(new FundingStreamCreated(Guid.NewGuid(), "Crime Reduction Grant", "PCC", 2026, budget, "officer", T0));

    private static FundingStream Committed(FundingStream stream, decimal amount, out Guid awardId)
    {
        awardId = Guid.NewGuid();
        return stream.Apply(FundingStream.DecideCommit(stream, awardId, amount, T0));
    }

    private static Bid Draft(FundingStream? stream = null, decimal requested = 20_000m) =>
        Bid.Create(new BidDrafted(Guid.NewGuid(), (stream ?? Stream()).Id, OrganisationId, "Street Safe", "Detached youth work", requested,
            "Reduce ASB in the town centre", [new PromisedOutput("young people engaged", 40)], "North", "bidder", T0));

    private static Bid Submitted(Bid bid) => bid.Apply(Bid.DecideSubmit(bid, "bidder", T0));
    private static Bid Assessed(Bid bid)
    {
        var submitted = Submitted(bid);
        return submitted.Apply(Bid.DecideAssess(submitted, 72, "Good", "officer", T0));
    }

    private static Bid Awarded(Bid bid, FundingStream stream) =>
        bid.Apply(Bid.DecideAward(bid, stream, Guid.NewGuid(), 1_000m, Guid.NewGuid(), Consensus(), InYear, "officer", T0).Bid);
    private static Bid Declined(Bid bid) => bid.Apply(Bid.DecideDecline(bid, "Not a priority", null, "officer", T0));
    private static Bid Withdrawn(Bid bid) => bid.Apply(Bid.DecideWithdraw(bid, "No longer needed", "bidder", T0));

    private static KnownDecision Consensus(bool reached = true) => new() { Id = Guid.NewGuid(), ConsensusReached = reached };

    private static string Rule(Action act) => Assert.Throws<DomainRuleViolation>(act).Rule;

    // ---- the budget invariant ----

    [Fact]
    public void An_award_that_fits_exactly_is_committed_and_leaves_nothing_available()
    {
        var stream = Committed(Stream(100_000m), 60_000m, out _);
        var committed = FundingStream.DecideCommit(stream, Guid.NewGuid(), 40_000m, T0);
        Assert.Equal(40_000m, committed.Amount);
        Assert.Equal((100_000m, 0m), (stream.Apply(committed).Committed, stream.Apply(committed).Available));
    }

    [Fact]
    public void One_penny_over_what_is_available_is_over_budget()
    {
        var stream = Committed(Stream(100_000m), 60_000m, out _);
        var violation = Assert.Throws<DomainRuleViolation>(() => FundingStream.DecideCommit(stream, Guid.NewGuid(), 40_000.01m, T0));
        Assert.Equal(("over-budget", Refusal.Conflict), (violation.Rule, violation.Kind));
        Assert.Equal(40_000m, violation.Facts["available"]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void An_award_of_nothing_or_less_is_refused(int amount) =>
        Assert.Equal("amount-not-positive", Rule(() => FundingStream.DecideCommit(Stream(), Guid.NewGuid(), amount, T0)));

    [Fact]
    public void A_top_up_makes_room_for_an_award_that_did_not_fit()
    {
        var stream = Committed(Stream(100_000m), 95_000m, out _);
        Assert.Equal("over-budget", Rule(() => FundingStream.DecideCommit(stream, Guid.NewGuid(), 10_000m, T0)));
        stream = stream.Apply(FundingStream.DecideBudgetChange(stream, 5_000m, "PCC in-year top-up", "officer", T0));
        Assert.Equal(10_000m, stream.Available);
        Assert.Equal(10_000m, FundingStream.DecideCommit(stream, Guid.NewGuid(), 10_000m, T0).Amount);
    }

    [Fact]
    public void A_budget_reduction_may_take_the_budget_down_to_what_is_committed_and_not_a_penny_below()
    {
        var stream = Committed(Stream(100_000m), 70_000m, out _);
        Assert.Equal("budget-below-committed", Rule(() => FundingStream.DecideBudgetChange(stream, -30_000.01m, "cut", "officer", T0)));
        stream = stream.Apply(FundingStream.DecideBudgetChange(stream, -30_000m, "cut", "officer", T0));
        Assert.Equal((70_000m, 0m), (stream.Budget, stream.Available));
        Assert.Equal("over-budget", Rule(() => FundingStream.DecideCommit(stream, Guid.NewGuid(), 0.01m, T0)));
        Assert.Equal("budget-change-zero", Rule(() => FundingStream.DecideBudgetChange(stream, 0m, "nothing", "officer", T0)));
    }

    [Fact]
    public void Money_coming_back_from_an_award_is_available_again_but_never_more_than_the_award()
    {
        var stream = Committed(Stream(100_000m), 100_000m, out var awardId);
        Assert.Equal("reduction-exceeds-award", Rule(() => FundingStream.DecideReduce(stream, awardId, 100_000.01m, "clawback", T0)));
        Assert.Equal("reduction-exceeds-award", Rule(() => FundingStream.DecideReduce(stream, Guid.NewGuid(), 1m, "not this stream's", T0)));
        stream = stream.Apply(FundingStream.DecideReduce(stream, awardId, 2_500m, "underspend returned", T0));
        Assert.Equal((97_500m, 2_500m, 97_500m), (stream.Committed, stream.Available, stream.Awards[awardId]));
        Assert.Equal("over-budget", Rule(() => FundingStream.DecideCommit(stream, Guid.NewGuid(), 2_500.01m, T0)));
        Assert.Equal(2_500m, FundingStream.DecideCommit(stream, Guid.NewGuid(), 2_500m, T0).Amount);
    }

    // ---- bid transitions ----

    [Fact]
    public void A_bid_goes_draft_submitted_assessed_and_may_be_assessed_again()
    {
        var bid = Draft();
        Assert.Equal(BidStatus.Draft, bid.Status);
        bid = Submitted(bid);
        Assert.Equal(BidStatus.Submitted, bid.Status);
        bid = bid.Apply(Bid.DecideAssess(bid, 60, "Fair", "officer", T0));
        bid = bid.Apply(Bid.DecideAssess(bid, 75, "Moderated up", "officer", T0));
        Assert.Equal(BidStatus.Assessed, bid.Status);
    }

    [Fact]
    public void Transitions_out_of_order_are_refused_by_name()
    {
        var draft = Draft();
        Assert.Equal("bid-not-submitted", Rule(() => Bid.DecideAssess(draft, 50, "c", "officer", T0)));
        Assert.Equal("bid-not-submitted", Rule(() => Bid.DecideDecline(draft, "r", null, "officer", T0)));
        Assert.Equal("bid-already-submitted", Rule(() => Bid.DecideSubmit(Submitted(draft), "bidder", T0)));
        Assert.Equal("bid-already-submitted", Rule(() => Bid.DecideSubmit(Assessed(draft), "bidder", T0)));
        Assert.Equal("score-out-of-range", Rule(() => Bid.DecideAssess(Submitted(draft), 101, "c", "officer", T0)));
        Assert.Equal("score-out-of-range", Rule(() => Bid.DecideAssess(Submitted(draft), -1, "c", "officer", T0)));
    }

    [Fact]
    public void A_bid_is_withdrawn_or_declined_only_while_it_is_open_and_then_nothing_more_happens_to_it()
    {
        var stream = Stream();
        Assert.Equal(BidStatus.Withdrawn, Withdrawn(Draft()).Status);
        Assert.Equal(BidStatus.Withdrawn, Withdrawn(Submitted(Draft())).Status);
        Assert.Equal(BidStatus.Withdrawn, Withdrawn(Assessed(Draft())).Status);
        Assert.Equal(BidStatus.Declined, Declined(Submitted(Draft())).Status);
        Assert.Equal(BidStatus.Declined, Declined(Assessed(Draft())).Status);

        foreach (var closed in new[] { Withdrawn(Draft(stream)), Declined(Assessed(Draft(stream))), Awarded(Assessed(Draft(stream)), stream) })
        {
            Assert.True(closed.IsClosed);
            Assert.Equal("bid-closed", Rule(() => Bid.DecideSubmit(closed, "bidder", T0)));
            Assert.Equal("bid-closed", Rule(() => Bid.DecideAssess(closed, 50, "c", "officer", T0)));
            Assert.Equal("bid-closed", Rule(() => Bid.DecideDecline(closed, "r", null, "officer", T0)));
            Assert.Equal("bid-closed", Rule(() => Bid.DecideWithdraw(closed, "r", "bidder", T0)));
            Assert.Equal("bid-closed", Rule(() => Bid.DecideAward(closed, stream, Guid.NewGuid(), 1m, Guid.NewGuid(), Consensus(), InYear, "officer", T0)));
        }
    }

    [Fact]
    public void Only_a_funding_officer_or_a_bidder_of_the_bids_organisation_acts_on_it()
    {
        Bid.DecideActor(OrganisationId, isFundingOfficer: true, callerOrganisation: null);
        Bid.DecideActor(OrganisationId, isFundingOfficer: false, callerOrganisation: OrganisationId);
        var other = Assert.Throws<DomainRuleViolation>(() => Bid.DecideActor(OrganisationId, false, Guid.NewGuid()));
        Assert.Equal(("not-your-bid", Refusal.Forbidden), (other.Rule, other.Kind));
        var none = Assert.Throws<DomainRuleViolation>(() => Bid.DecideActor(OrganisationId, false, null));
        Assert.Equal(("no-organisation", Refusal.Forbidden), (none.Rule, none.Kind));
    }

    // ---- award rules ----

    [Fact]
    public void An_award_writes_the_bid_the_commitment_and_the_award_with_the_same_amount_and_ids()
    {
        var stream = Stream(100_000m);
        var bid = Assessed(Draft(stream, 20_000m));
        var awardId = Guid.NewGuid();
        var decision = Consensus();
        var (awarded, committed, made) = Bid.DecideAward(bid, stream, awardId, 20_000m, decision.Id, decision, new DateOnly(2027, 3, 31), "officer", T0);
        Assert.Equal((bid.Id, awardId, 20_000m, decision.Id), (awarded.BidId, awarded.AwardId, awarded.Amount, awarded.DecisionId));
        Assert.Equal((stream.Id, awardId, 20_000m), (committed.StreamId, committed.AwardId, committed.Amount));
        Assert.Equal((awardId, stream.Id, bid.Id, OrganisationId, 20_000m, decision.Id, new DateOnly(2027, 3, 31)),
            (made.AwardId, made.StreamId, made.BidId, made.OrganisationId, made.Amount, made.DecisionId, made.AwardDate));
        bid = bid.Apply(awarded);
        Assert.Equal(BidStatus.Awarded, bid.Status);
    }

    [Fact]
    public void Only_an_assessed_bid_is_awarded()
    {
        var stream = Stream();
        Assert.Equal("bid-not-assessed", Rule(() => Bid.DecideAward(Draft(stream), stream, Guid.NewGuid(), 1m, Guid.NewGuid(), Consensus(), InYear, "o", T0)));
        Assert.Equal("bid-not-assessed",
            Rule(() => Bid.DecideAward(Submitted(Draft(stream)), stream, Guid.NewGuid(), 1m, Guid.NewGuid(), Consensus(), InYear, "o", T0)));
    }

    [Fact]
    public void An_award_is_for_no_more_than_was_requested()
    {
        var stream = Stream();
        var bid = Assessed(Draft(stream, 20_000m));
        var decision = Consensus();
        Assert.Equal(20_000m, Bid.DecideAward(bid, stream, Guid.NewGuid(), 20_000m, decision.Id, decision, InYear, "o", T0).Award.Amount);
        Assert.Equal(12_500.50m, Bid.DecideAward(bid, stream, Guid.NewGuid(), 12_500.50m, decision.Id, decision, InYear, "o", T0).Award.Amount);
        var violation = Assert.Throws<DomainRuleViolation>(() => Bid.DecideAward(bid, stream, Guid.NewGuid(), 20_000.01m, decision.Id, decision, InYear, "o", T0));
        Assert.Equal(("award-above-request", Refusal.Conflict), (violation.Rule, violation.Kind));
    }

    [Theory]
    [InlineData("2026-04-01", true)]
    [InlineData("2027-03-31", true)]
    [InlineData("2026-03-31", false)]
    [InlineData("2027-04-01", false)]
    public void An_award_is_dated_inside_the_streams_financial_year(string date, bool inside)
    {
        var stream = Stream();
        var bid = Assessed(Draft(stream));
        var decision = Consensus();
        var awardDate = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        if (inside) Assert.Equal(awardDate, Bid.DecideAward(bid, stream, Guid.NewGuid(), 1m, decision.Id, decision, awardDate, "o", T0).Award.AwardDate);
        else Assert.Equal("date-outside-financial-year", Rule(() => Bid.DecideAward(bid, stream, Guid.NewGuid(), 1m, decision.Id, decision, awardDate, "o", T0)));
    }

    [Fact]
    public void An_award_cites_a_recorded_decision_reached_by_consensus()
    {
        var stream = Stream();
        var bid = Assessed(Draft(stream));
        var unknown = Assert.Throws<DomainRuleViolation>(() => Bid.DecideAward(bid, stream, Guid.NewGuid(), 1m, Guid.NewGuid(), null, InYear, "o", T0));
        Assert.Equal(("decision-unknown", Refusal.Inconsistent), (unknown.Rule, unknown.Kind));
        var split = Consensus(reached: false);
        var noConsensus = Assert.Throws<DomainRuleViolation>(() => Bid.DecideAward(bid, stream, Guid.NewGuid(), 1m, split.Id, split, InYear, "o", T0));
        Assert.Equal(("decision-without-consensus", Refusal.Inconsistent), (noConsensus.Rule, noConsensus.Kind));
    }

    [Fact]
    public void An_award_that_does_not_fit_the_stream_is_over_budget()
    {
        var stream = Committed(Stream(100_000m), 90_000m, out _);
        var bid = Assessed(Draft(stream, 15_000m));
        var decision = Consensus();
        Assert.Equal("over-budget", Rule(() => Bid.DecideAward(bid, stream, Guid.NewGuid(), 15_000m, decision.Id, decision, InYear, "o", T0)));
        Assert.Equal(10_000m, Bid.DecideAward(bid, stream, Guid.NewGuid(), 10_000m, decision.Id, decision, InYear, "o", T0).Commitment.Amount);
    }

    [Fact]
    public void The_financial_year_runs_April_to_March()
    {
        Assert.Equal(new FinancialYear(2026), FinancialYear.Of(new DateOnly(2027, 3, 31)));
        Assert.Equal(new FinancialYear(2027), FinancialYear.Of(new DateOnly(2027, 4, 1)));
        Assert.Equal("2026-27", new FinancialYear(2026).ToString());
    }
}
