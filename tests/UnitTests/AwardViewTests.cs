using CommunitySafety.Funding;
using CommunitySafety.Funding.Awards;
using CommunitySafety.Funding.Bids;
using CommunitySafety.Funding.Streams;
using Xunit;

namespace CommunitySafety.UnitTests;

/// <summary>How an award reads (<see cref="AwardView"/>): its projection, fed the events the award's rules decide.</summary>
public sealed class AwardViewTests
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly FinancialYear Year = new(2026);
    private static readonly Guid StreamId = Guid.NewGuid();

    private static AwardMade Made(decimal amount = 10_000m) => new(Guid.NewGuid(), StreamId, Guid.NewGuid(), Guid.NewGuid(),
        "Youth diversion", "Detached youth work", amount, Guid.NewGuid(), new DateOnly(2026, 4, 20),
        [new PromisedOutput("young people engaged", 40), new PromisedOutput("sessions", 12)], "officer", T0);

    /// <summary>The award (for the rules) and its view, folded from the same events.</summary>
    private sealed class History(AwardMade made)
    {
        public Award Award { get; private set; } = Award.Evolve(null, made);
        public AwardView View { get; private set; } = AwardView.Evolve(null, made);

        public T Then<T>(Func<Award, T> decide) where T : notnull
        {
            var e = decide(Award);
            Award = Award.Evolve(Award, e);
            View = AwardView.Evolve(View, e);
            return e;
        }
    }

    [Fact]
    public void An_award_reads_as_it_was_made()
    {
        var made = Made();
        var view = AwardView.Evolve(null, made);
        Assert.Equal((made.AwardId, made.StreamId, made.BidId, made.OrganisationId, made.Title, made.Description, made.Amount, made.DecisionId),
            (view.Id, view.StreamId, view.BidId, view.OrganisationId, view.Title, view.Description, view.Amount, view.DecisionId));
        Assert.Equal((made.AwardDate, made.AwardedAt, 10_000m, 0m, 0m, 0m), (view.AwardDate, view.AwardedAt, view.NetAmount, view.Scheduled, view.Paid, view.ReportedSpend));
        Assert.Equal(made.Outputs, view.Outputs);
        Assert.Empty(view.Instalments);
        Assert.Empty(view.Returns);
        Assert.Empty(view.Reductions);
    }

    [Fact]
    public void Instalments_read_with_their_due_date_status_payment_date_and_cancellation_reason()
    {
        var history = new History(Made());
        var scheduled = history.Then(a => Award.DecideSchedule(a, Year, Guid.NewGuid(), 1_000m, new DateOnly(2026, 7, 1), "o", T0)).InstalmentId;
        var approved = history.Then(a => Award.DecideSchedule(a, Year, Guid.NewGuid(), 1_000m, new DateOnly(2026, 8, 1), "o", T0)).InstalmentId;
        history.Then(a => Award.DecideApprove(a, approved, "f", T0));
        var paid = history.Then(a => Award.DecideSchedule(a, Year, Guid.NewGuid(), 1_000m, new DateOnly(2026, 9, 1), "o", T0)).InstalmentId;
        history.Then(a => Award.DecideApprove(a, paid, "f", T0));
        history.Then(a => Award.DecidePay(a, paid, new DateOnly(2026, 9, 3), "f", T0));
        history.Then(a => Award.DecideCancel(a, scheduled, "not needed", "o", T0));
        history.Then(a => Award.DecideCancel(a, approved, "not needed", "f", T0));

        var view = history.View;
        Assert.Equal([InstalmentStatus.Cancelled, InstalmentStatus.Cancelled, InstalmentStatus.Paid], view.Instalments.Select(i => i.Status));
        Assert.Equal("not needed", view.Instalments[0].CancelledReason);
        Assert.Equal((new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 3), (string?)null), (view.Instalments[2].DueOn, view.Instalments[2].PaidOn, view.Instalments[2].CancelledReason));
        Assert.Equal((1_000m, 1_000m), (view.Scheduled, view.Paid));
        Assert.Equal((history.Award.Scheduled, history.Award.Paid), (view.Scheduled, view.Paid));
    }

    [Fact]
    public void Returns_read_in_full_and_the_reported_spend_is_the_latest_returns()
    {
        var history = new History(Made(10_000m));
        history.Then(a => Award.DecideReturn(a, Year, 10m, Guid.NewGuid(), 2, 4_000m,
            new Dictionary<string, decimal> { ["young people engaged"] = 12 }, "explained", "b", T0));
        Assert.Equal(4_000m, history.View.ReportedSpend);
        history.Then(a => Award.DecideReturn(a, Year, 10m, Guid.NewGuid(), 1, 2_500m, new Dictionary<string, decimal>(), null, "b", T0));

        var view = history.View;
        Assert.Equal([2, 1], view.Returns.Select(r => r.Quarter));
        Assert.Equal((-20m, "explained", 12m), (view.Returns[0].VariancePercent, view.Returns[0].VarianceExplanation, view.Returns[0].OutputsAchieved["young people engaged"]));
        Assert.Equal(2_500m, view.ReportedSpend);
    }

    [Fact]
    public void Reductions_read_in_full_with_the_award_net_of_them()
    {
        var history = new History(Made(10_000m));
        var instalment = history.Then(a => Award.DecideSchedule(a, Year, Guid.NewGuid(), 7_000m, new DateOnly(2026, 7, 1), "o", T0)).InstalmentId;
        history.Then(a => Award.DecideApprove(a, instalment, "f", T0));
        history.Then(a => Award.DecidePay(a, instalment, new DateOnly(2026, 7, 1), "f", T0));
        var stream = FundingStream.Create(new FundingStreamCreated(StreamId, "Crime Reduction Grant", "PCC", 2026, 50_000m, "officer", T0))
            .Apply(new AwardCommitted(StreamId, history.Award.Id, 10_000m, T0));
        history.Then(a => Award.DecideReduce(a, stream, 2_000m, "Unspent at year end", true, "o", T0).OnAward);
        history.Then(a => Award.DecideReduce(a, stream, 1_000m, "Scaled down", false, "o", T0).OnAward);

        var view = history.View;
        Assert.Equal([(2_000m, true), (1_000m, false)], view.Reductions.Select(r => (r.Amount, r.UnderspendReturned)));
        Assert.Equal((7_000m, 7_000m, 2_000m, 5_000m, 5_000m), (view.NetAmount, view.Paid, view.Returned, view.PaidNet, view.ScheduledNet));
        var award = history.Award;
        Assert.Equal((award.NetAmount, award.Returned, award.PaidNet, award.ScheduledNet), (view.NetAmount, view.Returned, view.PaidNet, view.ScheduledNet));
    }

    [Fact]
    public void An_awards_stream_starts_with_the_award_and_other_events_change_nothing()
    {
        Assert.Throws<InvalidOperationException>(() => AwardView.Evolve(null, new InstalmentApproved(Guid.NewGuid(), Guid.NewGuid(), "f", T0)));
        Assert.Throws<InvalidOperationException>(() => Award.Evolve(null, new InstalmentApproved(Guid.NewGuid(), Guid.NewGuid(), "f", T0)));
        var view = AwardView.Evolve(null, Made());
        Assert.Same(view, AwardView.Evolve(view, new BudgetChanged(StreamId, 1m, "r", "o", T0)));
    }
}
