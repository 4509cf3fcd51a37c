using CommunitySafety.Funding;
using CommunitySafety.Funding.Awards;
using CommunitySafety.Funding.Bids;
using CommunitySafety.Funding.Streams;
using CommunitySafety.ServiceDefaults;
using System.Globalization;
using Xunit;

namespace CommunitySafety.UnitTests;

public sealed class AwardRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly FinancialYear Year = new(2026);
    private static readonly Guid StreamId = Guid.NewGuid();

    private static Award NewAward(decimal amount = 10_000m) => Award.Create(new AwardMade(Guid.NewGuid(), StreamId, Guid.NewGuid(), Guid.NewGuid(),
        "Youth diversion", "Detached youth work", amount, Guid.NewGuid(), new DateOnly(2026, 4, 20),
        [new PromisedOutput("young people engaged", 40), new PromisedOutput("sessions", 12)], "officer", T0));

    private static FundingStream StreamWith(Award award, decimal budget = 50_000m) =>
        FundingStream.Create(new FundingStreamCreated(StreamId, "Crime Reduction Grant", "PCC", 2026, budget, "officer", T0))
            .Apply(new AwardCommitted(StreamId, award.Id, award.Amount, T0));

    private static Award Schedule(Award award, decimal amount, out Guid id)
    {
        id = Guid.NewGuid();
        return award.Apply(Award.DecideSchedule(award, Year, id, amount, new DateOnly(2026, 7, 1), "officer", T0));
    }

    private static Award SchedulePaid(Award award, decimal amount, out Guid id)
    {
        award = Schedule(award, amount, out id);
        award = award.Apply(Award.DecideApprove(award, id, "finance", T0));
        return award.Apply(Award.DecidePay(award, id, new DateOnly(2026, 7, 1), "finance", T0));
    }

    private static Award Reduce(Award award, decimal amount, bool underspend) =>
        award.Apply(Award.DecideReduce(award, StreamWith(award), amount, "reason", underspend, "officer", T0).OnAward);

    private static string Refused(Action act) => Assert.Throws<DomainRuleViolation>(act).Rule;

    [Fact]
    public void The_schedule_may_reach_but_never_exceed_the_award_and_cancelled_instalments_free_their_money()
    {
        var award = Schedule(NewAward(), 6_000m, out var first);
        award = Schedule(award, 4_000m, out _);
        Assert.Equal(10_000m, award.Scheduled);
        Assert.Equal("schedule-exceeds-award", Refused(() => Award.DecideSchedule(award, Year, Guid.NewGuid(), 0.01m, new DateOnly(2026, 7, 1), "o", T0)));

        award = award.Apply(Award.DecideCancel(award, first, "Project started late", "officer", T0));
        Assert.Equal(4_000m, award.Scheduled);
        var again = Award.DecideSchedule(award, Year, Guid.NewGuid(), 6_000m, new DateOnly(2027, 3, 31), "o", T0);
        Assert.Equal(6_000m, again.Amount);
    }

    [Theory]
    [InlineData("2026-04-01", true)]
    [InlineData("2027-03-31", true)]
    [InlineData("2026-03-31", false)]
    [InlineData("2027-04-01", false)]
    public void An_instalment_falls_due_within_the_streams_financial_year(string dueOn, bool allowed)
    {
        var decide = () => Award.DecideSchedule(NewAward(), Year, Guid.NewGuid(), 100m, DateOnly.Parse(dueOn, CultureInfo.InvariantCulture), "o", T0);
        if (allowed) Assert.Equal(DateOnly.Parse(dueOn, CultureInfo.InvariantCulture), decide().DueOn);
        else Assert.Equal("date-outside-financial-year", Refused(() => decide()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(0.001)]
    public void An_instalment_is_a_positive_amount_in_whole_pence(decimal amount)
    {
        var violation = Assert.Throws<DomainRuleViolation>(() => Award.DecideSchedule(NewAward(), Year, Guid.NewGuid(), amount, new DateOnly(2026, 7, 1), "o", T0));
        Assert.Equal(("amount-not-positive", Refusal.OutOfRange), (violation.Rule, violation.Kind));
    }

    [Fact]
    public void Only_an_approved_instalment_is_paid_and_only_once()
    {
        var award = Schedule(NewAward(), 2_500m, out var id);
        Assert.Equal("instalment-not-approved", Refused(() => Award.DecidePay(award, id, new DateOnly(2026, 7, 1), "f", T0)));

        award = award.Apply(Award.DecideApprove(award, id, "finance", T0));
        Assert.Equal("instalment-already-approved", Refused(() => Award.DecideApprove(award, id, "f", T0)));
        var paid = Award.DecidePay(award, id, new DateOnly(2026, 7, 2), "finance", T0);
        Assert.Equal((2_500m, award.OrganisationId, new DateOnly(2026, 7, 2)), (paid.Amount, paid.OrganisationId, paid.PaidOn));

        award = award.Apply(paid);
        Assert.Equal(2_500m, award.Paid);
        Assert.Equal("instalment-closed", Refused(() => Award.DecidePay(award, id, new DateOnly(2026, 7, 1), "f", T0)));
        Assert.Equal("instalment-closed", Refused(() => Award.DecideApprove(award, id, "f", T0)));
        var unknown = Assert.Throws<DomainRuleViolation>(() => Award.DecidePay(award, Guid.NewGuid(), new DateOnly(2026, 7, 1), "f", T0));
        Assert.Equal(("instalment-not-found", Refusal.NotFound), (unknown.Rule, unknown.Kind));
    }

    [Fact]
    public void Payments_never_exceed_the_award_even_when_the_award_was_reduced_after_approval()
    {
        var award = Schedule(NewAward(), 6_000m, out var first);
        award = Schedule(award, 4_000m, out var second);
        award = award.Apply(Award.DecideApprove(award, first, "f", T0));
        award = award.Apply(Award.DecideApprove(award, second, "f", T0));
        award = award.Apply(Award.DecidePay(award, first, new DateOnly(2026, 7, 1), "f", T0));
        // A reduction recorded without the rules (as a projection could replay an older history): 9,000 awarded, 6,000 paid.
        award = award.Apply(new AwardReducedBy(award.Id, StreamId, award.OrganisationId, 1_000m, "legacy", false, "o", T0));

        var violation = Assert.Throws<DomainRuleViolation>(() => Award.DecidePay(award, second, new DateOnly(2026, 8, 1), "f", T0));
        Assert.Equal("payment-exceeds-award", violation.Rule);
        Assert.Equal(9_000m, violation.Facts["netAmount"]);
    }

    [Fact]
    public void Cancelling_is_for_instalments_not_yet_paid()
    {
        var award = Schedule(NewAward(), 1_000m, out var scheduled);
        award = Schedule(award, 1_000m, out var approved);
        award = award.Apply(Award.DecideApprove(award, approved, "f", T0));
        award = SchedulePaid(award, 1_000m, out var paid);

        award = award.Apply(Award.DecideCancel(award, scheduled, "not needed", "o", T0));
        award = award.Apply(Award.DecideCancel(award, approved, "not needed", "f", T0));
        Assert.Equal([InstalmentStatus.Cancelled, InstalmentStatus.Cancelled, InstalmentStatus.Paid], award.Instalments.Select(i => i.Status));
        Assert.Equal("instalment-paid", Refused(() => Award.DecideCancel(award, paid, "oops", "o", T0)));
        Assert.Equal("instalment-closed", Refused(() => Award.DecideCancel(award, scheduled, "again", "o", T0)));
        Assert.Equal("instalment-not-found", Refused(() => Award.DecideCancel(award, Guid.NewGuid(), "x", "o", T0)));
    }

    [Theory]
    // 10,000 award; quarter 1 expects 2,500; the threshold is 10%: 2,250..2,750 needs no explanation.
    [InlineData(1, 2_750.00, false)]
    [InlineData(1, 2_250.00, false)]
    [InlineData(1, 2_750.01, true)]
    [InlineData(1, 2_249.99, true)]
    [InlineData(1, 0, true)]
    [InlineData(4, 10_000, false)]
    [InlineData(4, 9_000, false)]
    [InlineData(4, 8_999.99, true)]
    [InlineData(2, 5_000, false)]
    public void A_variance_beyond_the_threshold_needs_an_explanation_but_exactly_at_it_does_not(int quarter, decimal spend, bool needsExplanation)
    {
        var award = NewAward();
        var decide = (string? why) => Award.DecideReturn(award, Year, 10m, Guid.NewGuid(), quarter, spend, new Dictionary<string, decimal>(), why, "b", T0);
        if (needsExplanation)
        {
            var violation = Assert.Throws<DomainRuleViolation>(() => decide(null));
            Assert.Equal(("variance-needs-explanation", Refusal.Inconsistent), (violation.Rule, violation.Kind));
            Assert.Equal("variance-needs-explanation", Refused(() => decide("   ")));
            Assert.Equal("Staff vacancy", decide(" Staff vacancy ").VarianceExplanation);
        }
        else Assert.Null(decide(null).VarianceExplanation);
    }

    [Fact]
    public void A_return_records_the_straight_line_profile_and_the_variance()
    {
        var award = NewAward(10_000m);
        var submitted = Award.DecideReturn(award, Year, 10m, Guid.NewGuid(), 2, 4_000m,
            new Dictionary<string, decimal> { ["sessions"] = 5 }, "Slow start", "b", T0);
        Assert.Equal((5_000m, -20m, new DateOnly(2026, 9, 30)), (submitted.ExpectedSpend, submitted.VariancePercent, submitted.PeriodEnd));
        Assert.Equal([new DateOnly(2026, 6, 30), new DateOnly(2026, 9, 30), new DateOnly(2026, 12, 31), new DateOnly(2027, 3, 31)],
            Enumerable.Range(1, 4).Select(q => Award.QuarterEnd(Year, q)));
        Assert.Equal(1.33m, Award.ExpectedSpend(5.33m, 1));
        Assert.Equal(0m, Award.VariancePercent(0, 0));
    }

    [Fact]
    public void A_threshold_of_zero_requires_an_explanation_for_any_variance()
    {
        var award = NewAward(10_000m);
        Assert.Null(Award.DecideReturn(award, Year, 0m, Guid.NewGuid(), 1, 2_500m, new Dictionary<string, decimal>(), null, "b", T0).VarianceExplanation);
        Assert.Equal("variance-needs-explanation",
            Refused(() => Award.DecideReturn(award, Year, 0m, Guid.NewGuid(), 1, 2_500.01m, new Dictionary<string, decimal>(), null, "b", T0)));
    }

    [Fact]
    public void Returns_are_one_per_quarter_for_promised_outputs_with_cumulative_spend_within_the_award()
    {
        var award = NewAward(10_000m);
        var none = new Dictionary<string, decimal>();
        MonitoringReturnSubmitted Submit(Award a, int q, decimal spend, IReadOnlyDictionary<string, decimal>? outputs = null) =>
            Award.DecideReturn(a, Year, 10m, Guid.NewGuid(), q, spend, outputs ?? none, "explained", "b", T0);

        award = award.Apply(Submit(award, 2, 5_000m, new Dictionary<string, decimal> { ["young people engaged"] = 12 }));
        Assert.Equal(5_000m, award.SpendByQuarter[2]);
        Assert.Equal("return-exists", Refused(() => Submit(award, 2, 5_000m)));
        Assert.Equal("spend-not-cumulative", Refused(() => Submit(award, 3, 4_999.99m)));
        Assert.Equal("spend-not-cumulative", Refused(() => Submit(award, 1, 5_000.01m)));
        Assert.Equal(5_000m, Submit(award, 1, 5_000m).SpendToDate);
        Assert.Equal(5_000m, Submit(award, 3, 5_000m).SpendToDate);
        Assert.Equal("spend-exceeds-award", Refused(() => Submit(award, 4, 10_000.01m)));
        Assert.Equal(10_000m, Submit(award, 4, 10_000m).SpendToDate);
        Assert.Equal("unknown-measure", Refused(() => Submit(award, 3, 6_000m, new Dictionary<string, decimal> { ["arrests"] = 1 })));
        Assert.Equal("quarter-invalid", Refused(() => Submit(award, 5, 6_000m)));
        Assert.Equal("spend-invalid", Refused(() => Submit(award, 3, -1m)));
    }

    [Fact]
    public void A_clawback_reduces_the_award_and_restores_the_streams_available_budget()
    {
        var award = Schedule(NewAward(10_000m), 6_000m, out _);
        var stream = StreamWith(award, budget: 50_000m);
        Assert.Equal(40_000m, stream.Available);

        var reduction = Award.DecideReduce(award, stream, 4_000m, "Project scaled down", false, "officer", T0);
        Assert.Equal((4_000m, false, award.OrganisationId, StreamId), (reduction.OnAward.Amount, reduction.OnAward.UnderspendReturned,
            reduction.OnAward.OrganisationId, reduction.OnAward.StreamId));
        award = award.Apply(reduction.OnAward);
        stream = stream.Apply(reduction.OnStream);
        Assert.Equal((6_000m, 44_000m, 6_000m), (award.NetAmount, stream.Available, stream.Awards[award.Id]));

        // The award is now fully scheduled: any more clawback waits for an instalment to be cancelled.
        var violation = Assert.Throws<DomainRuleViolation>(() => Award.DecideReduce(award, stream, 0.01m, "more", false, "o", T0));
        Assert.Equal(("reduce-below-scheduled", 6_000m), (violation.Rule, violation.Facts["scheduled"]));
    }

    [Fact]
    public void A_clawback_may_take_the_whole_unscheduled_award_but_never_more()
    {
        var award = NewAward(10_000m);
        var stream = StreamWith(award);
        Assert.Equal("reduction-exceeds-award", Refused(() => Award.DecideReduce(award, stream, 10_000.01m, "r", false, "o", T0)));
        Assert.Equal("amount-not-positive", Refused(() => Award.DecideReduce(award, stream, 0m, "r", false, "o", T0)));
        var whole = Award.DecideReduce(award, stream, 10_000m, "Project abandoned", false, "o", T0);
        Assert.Equal(0m, award.Apply(whole.OnAward).NetAmount);
        Assert.Equal(50_000m, stream.Apply(whole.OnStream).Available);
    }

    [Fact]
    public void An_underspend_returned_is_at_most_what_the_recipient_was_paid_and_keeps_the_schedule_within_the_award()
    {
        var award = SchedulePaid(NewAward(10_000m), 7_000m, out _);
        award = Schedule(award, 3_000m, out _);
        var stream = StreamWith(award);
        Assert.Equal("return-exceeds-paid", Refused(() => Award.DecideReduce(award, stream, 7_000.01m, "r", true, "o", T0)));

        var returned = Award.DecideReduce(award, stream, 2_000m, "Unspent at year end", true, "o", T0);
        Assert.True(returned.OnAward.UnderspendReturned);
        award = award.Apply(returned.OnAward);
        stream = stream.Apply(returned.OnStream);
        Assert.Equal((8_000m, 5_000m, 42_000m), (award.NetAmount, award.PaidNet, stream.Available));
        // 7,000 paid less 2,000 returned, plus 3,000 scheduled, fills the 8,000 award: nothing more can be scheduled.
        Assert.Equal("schedule-exceeds-award", Refused(() => Award.DecideSchedule(award, Year, Guid.NewGuid(), 0.01m, new DateOnly(2026, 9, 1), "o", T0)));
        Assert.Equal("return-exceeds-paid", Refused(() => Award.DecideReduce(award, stream, 5_000.01m, "r", true, "o", T0)));
        Assert.Equal("reduce-below-scheduled", Refused(() => Award.DecideReduce(award, stream, 0.01m, "r", false, "o", T0)));
    }
}
