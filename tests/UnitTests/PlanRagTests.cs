using CommunitySafety.Governance.Strategy;
using System.Globalization;
using Xunit;

namespace CommunitySafety.UnitTests;

/// <summary>The action plan's RAG status and % progress (<see cref="PlanRag"/>): pure, from the line's data and the day.</summary>
public sealed class PlanRagTests
{
    private static readonly DateOnly Today = new(2027, 11, 15);
    private static readonly DateTimeOffset Now = new(2027, 11, 15, 10, 0, 0, TimeSpan.Zero);

    private static PlanLine Line(IReadOnlyList<Milestone>? milestones = null, IReadOnlyList<Measure>? measures = null, params QuarterlyActual[] actuals) =>
        new(Guid.NewGuid(), Guid.NewGuid(), "Reduce repeat victimisation", Guid.NewGuid(), "Kent Police", 2027, milestones ?? [], measures ?? [], Now)
        {
            Actuals = actuals,
        };

    private static readonly Measure Increase = new(Guid.NewGuid(), "Referrals to support", "referrals", 100, 200);
    private static readonly Measure Reduction = new(Guid.NewGuid(), "Repeat victims", "%", 40, 30);

    private static QuarterlyActual Actual(Measure measure, string quarter, decimal actual) => new(measure.Id, quarter, actual, Now);

    // Each case: the measure, its latest actual and quarter, and the RAG expected. Q2 expects half the way by then.
    public static TheoryData<string, bool, string, decimal, Rag> MeasureCases => new()
    {
        { "on track, increasing", true, "2027-Q2", 150, Rag.Green },
        { "ahead of plan", true, "2027-Q2", 190, Rag.Green },
        { "within the 5-point tolerance", true, "2027-Q2", 146, Rag.Green },
        { "behind, within 25 points: Amber", true, "2027-Q2", 130, Rag.Amber },
        { "far behind: Red", true, "2027-Q2", 120, Rag.Red },
        { "reversed direction (fell although the target is higher): Red", true, "2027-Q1", 95, Rag.Red },
        { "on track, reducing", false, "2027-Q2", 35, Rag.Green },
        { "behind, reducing: Amber", false, "2027-Q2", 37, Rag.Amber },
        { "reversed direction (rose although the target is lower): Red", false, "2027-Q1", 41, Rag.Red },
        { "no change after one quarter: Amber", true, "2027-Q1", 100, Rag.Amber },
        { "no change after three quarters: Red", true, "2027-Q3", 100, Rag.Red },
        { "target reached by Q4", false, "2027-Q4", 30, Rag.Green },
    };

    [Theory, MemberData(nameof(MeasureCases))]
    public void A_measure_is_rated_by_its_progress_from_baseline_toward_target_against_the_share_of_the_year_elapsed(
        string @case, bool increase, string quarter, decimal actual, Rag expected)
    {
        var measure = increase ? Increase : Reduction;
        var assessment = PlanRag.Assess(Line(measures: [measure], actuals: [Actual(measure, quarter, actual)]), Today);
        Assert.True(expected == assessment.Rag, $"{@case}: expected {expected}, got {assessment.Rag} ({string.Join(" ", assessment.Reasons)})");
        Assert.Equal(expected == Rag.Green, assessment.Reasons.Count == 0);
    }

    [Fact]
    public void A_line_with_no_actuals_yet_and_nothing_overdue_is_Green_at_0_percent()
    {
        var assessment = PlanRag.Assess(Line([new Milestone(Guid.NewGuid(), "Launch", Today.AddDays(30))], [Increase]), Today);
        Assert.Equal((Rag.Green, 0), (assessment.Rag, assessment.PercentProgress));
        Assert.Null(Assert.Single(assessment.Measures).Rag);
    }

    [Fact]
    public void The_latest_quarter_counts_and_a_later_actual_for_the_same_quarter_corrects_it()
    {
        var line = Line(measures: [Increase], actuals:
        [
            Actual(Increase, "2027-Q2", 150),
            Actual(Increase, "2027-Q1", 80),
            new QuarterlyActual(Increase.Id, "2027-Q2", 110, Now.AddDays(1)),
        ]);
        var measure = Assert.Single(PlanRag.Assess(line, Today).Measures);
        Assert.Equal(("2027-Q2", 110m, Rag.Red), (measure.LatestQuarter, measure.LatestActual, measure.Rag));
    }

    [Theory]
    [InlineData(0, null)]          // due today: not overdue
    [InlineData(1, Rag.Amber)]     // a day overdue
    [InlineData(28, Rag.Amber)]
    [InlineData(29, Rag.Red)]      // more than 28 days overdue
    public void An_overdue_milestone_is_Amber_then_Red_after_28_days(int daysOverdue, Rag? expected)
    {
        var milestone = new Milestone(Guid.NewGuid(), "Commission the service", Today.AddDays(-daysOverdue));
        Assert.Equal(expected, PlanRag.RateMilestone(milestone, Today));
        Assert.Equal(expected ?? Rag.Green, PlanRag.Assess(Line([milestone]), Today).Rag);
        Assert.Null(PlanRag.RateMilestone(milestone with { CompletedOn = Today }, Today));
    }

    [Fact]
    public void The_line_takes_the_worst_of_its_measures_and_milestones()
    {
        var overdue = new Milestone(Guid.NewGuid(), "Commission the service", Today.AddDays(-60));
        var line = Line([overdue], [Increase], Actual(Increase, "2027-Q2", 150));
        var assessment = PlanRag.Assess(line, Today);
        Assert.Equal(Rag.Red, assessment.Rag);
        Assert.Contains(assessment.Reasons, r => r.Contains("Commission the service") && r.Contains("60 days overdue"));
    }

    [Fact]
    public void Percent_progress_is_the_mean_of_measures_progress_clamped_to_0_1_and_milestones_completed()
    {
        var done = new Milestone(Guid.NewGuid(), "Done", Today.AddDays(-10), Today.AddDays(-12));
        var open = new Milestone(Guid.NewGuid(), "Open", Today.AddDays(10));
        // Increase at 150: 0.5; Reduction overshot (25 against a target of 30): clamped to 1; milestones 1 and 0 → (0.5+1+1+0)/4
        var line = Line([done, open], [Increase, Reduction], Actual(Increase, "2027-Q2", 150), Actual(Reduction, "2027-Q2", 25));
        Assert.Equal(63, PlanRag.Assess(line, Today).PercentProgress);
        // moving away counts as 0, not negative
        Assert.Equal(0, PlanRag.Assess(Line(measures: [Increase], actuals: [Actual(Increase, "2027-Q1", 50)]), Today).PercentProgress);
        Assert.Equal(50, PlanRag.PercentProgress([63, 37]));
        Assert.Equal(0, PlanRag.PercentProgress([]));
    }

    [Theory]
    [InlineData("2027-Q1", true, 2027, 1, "2027-04-01")]
    [InlineData("2027-Q4", true, 2027, 4, "2028-01-01")]
    [InlineData(" 2026-Q3 ", true, 2026, 3, "2026-10-01")]
    [InlineData("2027-Q5", false, 0, 0, null)]
    [InlineData("2027Q1", false, 0, 0, null)]
    [InlineData(null, false, 0, 0, null)]
    public void Quarters_are_of_the_financial_plan_year_April_to_March(string? text, bool ok, int year, int number, string? startsOn)
    {
        Assert.Equal(ok, PlanQuarter.TryParse(text, out var quarter));
        if (!ok) return;
        Assert.Equal((year, number), (quarter.Year, quarter.Number));
        Assert.Equal(DateOnly.Parse(startsOn!, CultureInfo.InvariantCulture), quarter.StartsOn);
    }
}
